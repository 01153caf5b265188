"""The ``iam-patterns`` command (also ``python -m iam_patterns``).

Example::

    iam-patterns --version
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from . import __version__

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand the kit offers.

    Example::

        build_parser().parse_args(["--version"])
    """
    parser = argparse.ArgumentParser(
        prog="iam-patterns", description="Build, check and explain IAM policies the way AWS recommends."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example::

        raise SystemExit(main(["--version"]))
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return 0
