"""The subcommands of ``iam-patterns`` / ``python -m iam_patterns``, one module each.

Each module defines ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int`` (the exit status);
its name is the subcommand's name. A new module here is a new subcommand. Commands stay in the pure core:
they never import ``aws_cdk``, so the command line starts in milliseconds.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

__all__ = ["load_commands"]


def load_commands() -> dict[str, ModuleType]:
    """Every subcommand module, by its command name (``_`` in a module name becomes ``-``), sorted.

    Example::

        load_commands()["check"].run(args)
    """
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return {name.replace("_", "-"): importlib.import_module(f"{__name__}.{name}") for name in names}
