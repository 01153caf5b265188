"""The example stacks that ``cdk synth`` and ``cdk deploy`` build, written only with the kit's public API.

Each module in this package has a ``build(app)`` function that adds its stack(s) to the app; a new module
joins the app, and every test and deploy that walks it, by being here.
"""

from __future__ import annotations

import importlib
import pkgutil

from aws_cdk import App

__all__ = ["build_all"]


def build_all(app: App) -> None:
    """Add every example stack to ``app``, in module-name order.

    Example::

        app = App()
        build_all(app)
        app.synth()
    """
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")):
        importlib.import_module(f"{__name__}.{module}").build(app)
