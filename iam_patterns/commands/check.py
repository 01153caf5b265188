"""``iam-patterns check PATH [PATH...]``: find dangerous IAM in CloudFormation templates and cdk.out folders.

Exit status: 0 when no error is found, 1 when any finding is an error, 2 when an input cannot be read (with a
message, never a traceback).

Example::

    python -m iam_patterns check cdk.out
    python -m iam_patterns check --format sarif cdk.out > iam-patterns.sarif
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..checks import check_paths
from ..checks.report import as_json, as_sarif, as_table
from ..errors import TemplateError

__all__ = ["HELP", "add_arguments", "run"]

HELP = "Check CloudFormation templates and cdk.out folders for dangerous IAM (exit 1 on any error finding)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments: paths, and ``--format``.

    Example::

        add_arguments(argparse.ArgumentParser())
    """
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a template file (JSON or YAML), a cdk.out folder, or a folder of templates")
    parser.add_argument("--format", choices=("table", "json", "sarif"), default="table",
                        help="table (default), json (a list of findings), or sarif (for GitHub code scanning)")


def run(args: argparse.Namespace) -> int:
    """Check ``args.paths`` and print the findings; return the exit status.

    Example::

        run(build_parser().parse_args(["check", "cdk.out"]))
    """
    try:
        report = check_paths(args.paths)
    except TemplateError as err:
        print(f"iam-patterns check: {err}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(as_json(report))
    elif args.format == "sarif":
        print(as_sarif(report, version=__version__))
    else:
        print(as_table(report))
    return 1 if report.failed else 0
