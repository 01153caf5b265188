"""The ``iam-patterns`` command (also ``python -m iam_patterns``): one subcommand per module in ``commands/``.

Example::

    iam-patterns --version
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from . import __version__
from .commands import load_commands

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand the kit offers.

    Example::

        build_parser().parse_args(["--version"])
    """
    parser = argparse.ArgumentParser(
        prog="iam-patterns", description="Build, check and explain IAM policies the way AWS recommends."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in load_commands().items():
        sub = subcommands.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (``argv``; default: the process's arguments); return the exit status (2 for a usage
    error, as argparse does).

    Example::

        raise SystemExit(main(["--version"]))
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return int(args.run(args))
