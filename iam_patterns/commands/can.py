"""``iam-patterns can TEMPLATE ROLE ACTION RESOURCE``: may a session of ROLE do ACTION on RESOURCE?

Reads a CloudFormation template (JSON, such as ``cdk.out/App.template.json``, or YAML) or one stack of a cloud
assembly (``cdk.out``, chosen with ``--stack``), evaluates the request offline with
:class:`~iam_patterns.evaluation.Simulator`, prints the decision and its reasons, and exits 0 when allowed, 1
when denied, 2 when the input cannot be read or evaluated.

The stack name (what ``AWS::StackName`` and the names CloudFormation generates resolve to), account and region
come from the cloud assembly's manifest when the template is one of its stacks: a stack in a Stage is written to
``assembly-Prod/ProdApi2466CF1F.template.json`` and named ``Prod-Api``, so its file name does not say.

A ``NestedStack``'s template (``ParentInner571755B8.nested.template.json``, ``--stack Parent/Inner``, or a role of
the chosen stack that is in one of its NestedStacks) is refused, as ``Simulator.from_stack`` refuses a NestedStack:
its values are parameters its parent passes and its name is made at deploy time, so an answer could be wrong.

Example::

    python -m iam_patterns can cdk.out/App.template.json DeployRole s3:PutObject arn:aws:s3:::artifacts/app.zip \\
        --context aws:SecureTransport=true
    python -m iam_patterns can cdk.out Reader s3:GetObject '*' --stack Prod/Api
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import IamPatternsError, TemplateError
from ..evaluation import Simulator, read_template_file
from ..evaluation.cloud_assembly import AssemblyStack, assembly_stacks, nested_stacks, stack_of_template
from ..evaluation.simulator import SESSION_NAME
from ..evaluation.template import DEFAULT_ACCOUNT, DEFAULT_REGION, DEFAULT_STACK_NAME, Role

HELP = "Evaluate offline whether a role of a synthesized template may do an action on a resource."

ALLOWED, DENIED, UNREADABLE = 0, 1, 2
_TEMPLATE_SUFFIX = ".template.json"
_NESTED_SUFFIX = ".nested.template.json"  # how CDK names a NestedStack's template: <unique id>.nested.template.json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments: the template, the role, the action and the resource, and the options that set
    the context, the pseudo parameters and the managed policies the template does not define.

    Example::

        add_arguments(argparse.ArgumentParser())
    """
    parser.add_argument("template", help="the CloudFormation template (JSON or YAML), or a cdk.out folder")
    parser.add_argument("role", help="the role: its logical id, or its CDK construct path")
    parser.add_argument("action", help="the action, such as s3:GetObject")
    parser.add_argument("resource", help="the resource ARN, or * for actions without one")
    parser.add_argument("--context", action="append", default=[], metavar="KEY=VALUE",
                        help="a condition key and its value; repeat a key to give it several values")
    parser.add_argument("--stack", help="the stack of a cdk.out folder: its stack name (Prod-Api), construct path "
                                        "(Prod/Api) or artifact id (default: the only stack)")
    parser.add_argument("--account", help=f"the account id (default: the stack's in cdk.out, else {DEFAULT_ACCOUNT})")
    parser.add_argument("--region", help=f"the region (default: the stack's in cdk.out, else {DEFAULT_REGION})")
    parser.add_argument("--partition", default="aws", help="the partition (default aws)")
    parser.add_argument("--stack-name", help="the stack name (default: the stack's in cdk.out, else from "
                                             f"NAME.template.json, else {DEFAULT_STACK_NAME})")
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


def _nested_refusal(what: str, nested: AssemblyStack | None) -> TemplateError:
    """The refusal of ``what``, a ``NestedStack`` or in one (``nested``, when the cloud assembly names it)."""
    parent = f"its parent {nested.parent!r}" if nested else "its parent"
    instead = f"the stack that deploys it (the cdk.out with --stack {nested.artifact_id})" if nested else "its parent"
    return TemplateError(
        f"{what}, which is not evaluated: its template is a file asset of {parent}, its values are parameters the "
        f"parent passes, its name (AWS::StackName, and the names CloudFormation generates for its roles) is made at "
        f"deploy time, and the resource policies its roles meet may be the parent's, so an offline answer could be "
        f"wrong: ask about the roles of {instead}, and build the roles to evaluate in a Stack")


def _choose(stacks: list[AssemblyStack], name: str | None, folder: str) -> AssemblyStack:
    """The stack ``--stack`` names (stack name, construct path or artifact id), or the only one."""
    listed = ", ".join(f"{s.stack_name} ({s.display_name})" for s in sorted(stacks, key=lambda s: s.display_name))
    matches = [s for s in stacks if name in (s.stack_name, s.display_name, s.artifact_id)] if name else stacks
    if len(matches) == 1:
        return matches[0]
    if not stacks:
        raise TemplateError(f"{folder} is a cloud assembly without stacks")
    if name is None:
        raise TemplateError(f"{folder} has {len(stacks)} stacks: choose one with --stack (stacks: {listed})")
    nested = next((n for s in stacks for n in nested_stacks(s) if n.display_name == name), None)
    if nested is not None:
        raise _nested_refusal(f"--stack {name!r} is a NestedStack", nested)
    problem = f"names several stacks of {folder}: give a construct path" if matches else f"is not a stack of {folder}"
    raise TemplateError(f"--stack {name!r} {problem} (stacks: {listed})")


def _stack(args: argparse.Namespace) -> tuple[Path, AssemblyStack | None]:
    """The template file to read, and the stack of a cloud assembly it is (``None`` for a lone template)."""
    if Path(args.template).is_dir():
        stack = _choose(assembly_stacks(args.template), args.stack, args.template)
        return stack.template_file, stack
    if args.stack is not None:
        raise ValueError(f"--stack chooses a stack of a cdk.out folder, but {args.template} is a file "
                         f"(give --stack-name to set its stack name)")
    stack = stack_of_template(args.template)
    if stack is not None and stack.parent is not None:
        raise _nested_refusal(f"{args.template} is the template of the NestedStack {stack.display_name!r}", stack)
    if stack is None and args.template.endswith(_NESTED_SUFFIX):
        raise _nested_refusal(f"{args.template} is the template of a NestedStack (CDK names it *{_NESTED_SUFFIX})",
                              None)
    return Path(args.template), stack


def _holds(nested: AssemblyStack, name: str) -> bool:
    """Whether the NestedStack's template has the role ``name`` (a template that cannot be read has none)."""
    try:
        Simulator.from_template(read_template_file(nested.template_file)).role(name)
    except (ValueError, IamPatternsError):
        return False
    return True


def _role(sim: Simulator, name: str, stack: AssemblyStack | None) -> Role:
    """The role ``name`` of the template; when it is not there but in a NestedStack of ``stack``, refused for that."""
    try:
        return sim.role(name)
    except TemplateError:
        holder = next((n for n in nested_stacks(stack) if _holds(n, name)), None) if stack is not None else None
        if holder is None:
            raise
        raise _nested_refusal(f"role {name!r} is not in the template of {stack.display_name!r} but in its "
                              f"NestedStack {holder.display_name!r}", holder) from None


def _stack_name(path: Path, stack: AssemblyStack | None) -> str:
    if stack is not None:
        return stack.stack_name
    return path.name[: -len(_TEMPLATE_SUFFIX)] if path.name.endswith(_TEMPLATE_SUFFIX) else DEFAULT_STACK_NAME


def run(args: argparse.Namespace) -> int:
    """Evaluate the request and print the decision; the exit status says allowed (0), denied (1) or unreadable (2).

    Example::

        run(build_parser().parse_args(["can", "cdk.out/App.template.json", "Deploy", "s3:GetObject", "*"]))
    """
    try:
        path, stack = _stack(args)
        template = read_template_file(path)
        env = stack.environment if stack is not None else {}
        sim = Simulator.from_template(template, account=args.account or env.get("account", DEFAULT_ACCOUNT),
                                      region=args.region or env.get("region", DEFAULT_REGION),
                                      partition=args.partition, stack_name=args.stack_name or _stack_name(path, stack),
                                      managed_policies=_managed_policies(args.managed_policy))
        role = _role(sim, args.role, stack)
        result = sim.can(role.logical_id, args.action, args.resource, _context(args.context))
    except (ValueError, IamPatternsError) as err:  # ValidationError is a ValueError
        print(f"iam-patterns can: {err}", file=sys.stderr)
        return UNREADABLE
    print(f"{result.decision}: {role.logical_id} ({role.arn}, as session {SESSION_NAME}) "
          f"{args.action} on {args.resource}")
    for reason in result.reasons:
        print(f"  - {reason}")
    return ALLOWED if result.allowed else DENIED
