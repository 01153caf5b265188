"""Cloud assemblies (``cdk.out``) written as CDK 2.275 writes them, for the pure-core tests that read them.

A stack's template is named after its artifact id; a Stage is a nested assembly in ``assembly-<Stage path>``
with its own manifest; ``properties.stackName`` is there when the stack name differs from the artifact id, and
``displayName`` is the construct path. Each stack holds one role, ``Reader3C1B9A2F``, that may read the bucket
named after its stack (``reports-<stack name>``), so a reader that gets the stack name wrong is denied.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROLE = "Reader3C1B9A2F"
UNKNOWN_ENV = "aws://unknown-account/unknown-region"


def stack_template(path: str) -> dict[str, Any]:
    """A stack's template: the role at construct path ``path``, reading ``reports-${AWS::StackName}``."""
    read = {"Sid": "ReadOwnReports", "Effect": "Allow", "Action": "s3:GetObject",
            "Resource": {"Fn::Sub": "arn:${AWS::Partition}:s3:::reports-${AWS::StackName}/*"}}
    trust = {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
    return {"Resources": {ROLE: {"Type": "AWS::IAM::Role", "Metadata": {"aws:cdk:path": f"{path}/Resource"},
                                 "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [trust]},
        "Policies": [{"PolicyName": "read", "PolicyDocument": {"Version": "2012-10-17", "Statement": [read]}}]}}}}


def write_assembly(folder: Path, stacks: dict[str, tuple[str, str, str | None]],
                   nested: tuple[str, ...] = ()) -> Path:
    """Write a manifest with ``stacks`` (artifact id -> stack name, display name, environment or ``None``) and
    the ``nested`` assemblies' folders (listed first, as CDK lists them), and each stack's template."""
    folder.mkdir(parents=True)
    artifacts: dict[str, Any] = {name: {"type": "cdk:cloud-assembly", "properties": {"directoryName": name}}
                                 for name in nested}
    for aid, (stack_name, display_name, env) in stacks.items():
        properties = {"templateFile": f"{aid}.template.json"} | ({"stackName": stack_name} if stack_name != aid else {})
        artifacts[aid] = {"type": "aws:cloudformation:stack", "environment": env or UNKNOWN_ENV,
                          "properties": properties, "displayName": display_name}
        (folder / f"{aid}.template.json").write_text(json.dumps(stack_template(f"{display_name}/Reader")))
    artifacts["Tree"] = {"type": "cdk:tree", "properties": {"file": "tree.json"}}
    (folder / "manifest.json").write_text(json.dumps({"version": "48.0.0", "artifacts": artifacts}))
    return folder


def staged_cdk_out(out: Path) -> Path:
    """cdk.out of an app with a stack named other than its id (``Top``: ``top-named``), a Stage ``Prod`` in
    111122223333/eu-west-1 with a stack ``Api``, and a Stage ``Eu`` in it with a stack ``Worker``."""
    prod = "aws://111122223333/eu-west-1"
    write_assembly(out, {"Top": ("top-named", "Top", None)}, ("assembly-Prod",))
    write_assembly(out / "assembly-Prod", {"ProdApi2466CF1F": ("Prod-Api", "Prod/Api", prod)}, ("assembly-Prod-Eu",))
    write_assembly(out / "assembly-Prod" / "assembly-Prod-Eu",
                   {"ProdEuWorker81691CA8": ("Prod-Eu-Worker", "Prod/Eu/Worker", prod)})
    return out
