"""``iam-patterns can TEMPLATE ROLE ACTION RESOURCE``: may a session of ROLE do ACTION on RESOURCE?

Reads a CloudFormation template (JSON, such as ``cdk.out/App.template.json``, or YAML), evaluates the request
offline with :class:`~iam_patterns.evaluation.Simulator`, prints the decision and its reasons, and exits 0 when
allowed, 1 when denied, 2 when the input cannot be read or evaluated.

Example::

    python -m iam_patterns can cdk.out/App.template.json DeployRole s3:PutObject arn:aws:s3:::artifacts/app.zip \\
        --context aws:SecureTransport=true
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import IamPatternsError
from ..evaluation import Simulator, read_template_file
from ..evaluation.simulator import SESSION_NAME
from ..evaluation.template import DEFAULT_ACCOUNT, DEFAULT_REGION, DEFAULT_STACK_NAME

HELP = "Evaluate offline whether a role of a synthesized template may do an action on a resource."

ALLOWED, DENIED, UNREADABLE = 0, 1, 2
_TEMPLATE_SUFFIX = ".template.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments: the template, the role, the action and the resource, and the options that set
    the context, the pseudo parameters and the managed policies the template does not define.

    Example::

        add_arguments(argparse.ArgumentParser())
    """
    parser.add_argument("template", help="the CloudFormation template (JSON or YAML)")
    parser.add_argument("role", help="the role: its logical id, or its CDK construct path")
    parser.add_argument("action", help="the action, such as s3:GetObject")
    parser.add_argument("resource", help="the resource ARN, or * for actions without one")
    parser.add_argument("--context", action="append", default=[], metavar="KEY=VALUE",
                        help="a condition key and its value; repeat a key to give it several values")
    parser.add_argument("--account", default=DEFAULT_ACCOUNT, help=f"the account id (default {DEFAULT_ACCOUNT})")
    parser.add_argument("--region", default=DEFAULT_REGION, help=f"the region (default {DEFAULT_REGION})")
    parser.add_argument("--partition", default="aws", help="the partition (default aws)")
    parser.add_argument("--stack-name", help="the stack name (default: from NAME.template.json, else "
                                             f"{DEFAULT_STACK_NAME})")
    parser.add_argument("--managed-policy", action="append", default=[], metavar="ARN=FILE",
                        help="the document (JSON or YAML) of a managed policy the template attaches but does not "
                             "define")


def _context(pairs: list[str]) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--context {pair!r} must be KEY=VALUE, such as aws:SecureTransport=true")
        if key in context:
            previous = context[key]
            context[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            context[key] = value
    return context


def _managed_policies(pairs: list[str]) -> dict[str, Any]:
    documents = {}
    for pair in pairs:
        arn, sep, path = pair.rpartition("=")
        if not sep or not arn:
            raise ValueError(f"--managed-policy {pair!r} must be ARN=FILE")
        documents[arn] = read_template_file(path)
    return documents


def run(args: argparse.Namespace) -> int:
    """Evaluate the request and print the decision; the exit status says allowed (0), denied (1) or unreadable (2).

    Example::

        run(build_parser().parse_args(["can", "cdk.out/App.template.json", "Deploy", "s3:GetObject", "*"]))
    """
    try:
        template = read_template_file(args.template)
        name = Path(args.template).name
        stack_name = args.stack_name or (name[: -len(_TEMPLATE_SUFFIX)] if name.endswith(_TEMPLATE_SUFFIX)
                                         else DEFAULT_STACK_NAME)
        sim = Simulator.from_template(template, account=args.account, region=args.region, partition=args.partition,
                                      stack_name=stack_name, managed_policies=_managed_policies(args.managed_policy))
        role = sim.role(args.role)
        result = sim.can(role.logical_id, args.action, args.resource, _context(args.context))
    except (ValueError, IamPatternsError) as err:  # ValidationError is a ValueError
        print(f"iam-patterns can: {err}", file=sys.stderr)
        return UNREADABLE
    print(f"{result.decision}: {role.logical_id} ({role.arn}, as session {SESSION_NAME}) "
          f"{args.action} on {args.resource}")
    for reason in result.reasons:
        print(f"  - {reason}")
    return ALLOWED if result.allowed else DENIED
