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


def _role(path: str, principal: Any) -> dict[str, Any]:
    trust = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    return {"Type": "AWS::IAM::Role", "Metadata": {"aws:cdk:path": f"{path}/Resource"},
            "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [trust]}}}


def _nested_stack_resource(path: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    """The AWS::CloudFormation::Stack resource CDK writes for the NestedStack at ``path`` (no asset metadata:
    ``app.synth()`` writes none; the TemplateURL names the uploaded copy, not the file)."""
    child = path.rsplit("/", 1)[1]
    url = {"Fn::Join": ["", ["https://s3.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}, "/",
                             {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}, f"/{child}.json"]]}
    return {"Type": "AWS::CloudFormation::Stack",
            "Metadata": {"aws:cdk:path": f"{path}.NestedStack/{child}.NestedStackResource"},
            "Properties": {"TemplateURL": url} | ({"Parameters": parameters} if parameters else {})}


INNER, DEEPER = "InnerNestedStackInnerNestedStackResource745E041B", "DeeperNestedStackDeeperNestedStackResource02A56DA5"
PASSED, CHAINED = "Passed5D1E7C2A", "Chained4C0E3B7D"


TRUSTED_ACCOUNT = "arn:aws:iam::111122223333:root"


def nested_cdk_out(out: Path, *, acknowledged: dict[str, dict[str, str]] | None = None,
                   logical_ids: bool = True, trusted: Any = TRUSTED_ACCOUNT) -> Path:
    """cdk.out of a stack ``Parent`` (111122223333/eu-west-1) with a NestedStack ``Inner`` that has a NestedStack
    ``Deeper``, as CDK 2.275 writes it: the nested templates beside the parent's, named by the
    ``aws:cdk:templateFile`` metadata in ``Parent.metadata.json``, which also holds the ``aws:cdk:logicalId`` of each
    nested stack's resource (unless ``logical_ids`` is false) and the ``acknowledged`` rules (construct path ->
    {rule id: reason}).

    ``Inner`` declares ``Trusted`` and ``Fallback``, both with the Default ``*``; the parent passes ``Trusted``
    (``trusted``, as written in the parent's template: by default the root of the stack's own account), not
    ``Fallback``. Its role ``Passed`` trusts ``Ref Trusted``, ``Defaulted`` trusts ``Ref Fallback``. ``Deeper`` has
    a role ``Events`` that EventBridge may assume, with no source condition, and a role ``Chained`` that trusts its
    parameter ``Chained`` (Default ``*``), to which ``Inner`` passes ``Ref Trusted``."""
    out.mkdir(parents=True)
    templates = {
        "Parent.template.json": {"Resources": {
            ROLE: stack_template("Parent/Reader")["Resources"][ROLE],
            INNER: _nested_stack_resource("Parent/Inner", {"Trusted": trusted})}},
        "ParentInner571755B8.nested.template.json": {
            "Parameters": {name: {"Type": "String", "Default": "*"} for name in ("Trusted", "Fallback")},
            "Resources": {PASSED: _role("Parent/Inner/Passed", {"AWS": {"Ref": "Trusted"}}),
                          "Defaulted9B3F0E41": _role("Parent/Inner/Defaulted", {"AWS": {"Ref": "Fallback"}}),
                          DEEPER: _nested_stack_resource("Parent/Inner/Deeper", {"Chained": {"Ref": "Trusted"}})}},
        "ParentInnerDeeperB4966582.nested.template.json": {
            "Parameters": {"Chained": {"Type": "String", "Default": "*"}},
            "Resources": {"EventsD32975C2": _role("Parent/Inner/Deeper/Events", {"Service": "events.amazonaws.com"}),
                          CHAINED: _role("Parent/Inner/Deeper/Chained", {"AWS": {"Ref": "Chained"}})}},
    }
    for name, content in templates.items():
        (out / name).write_text(json.dumps(content, indent=1))
    metadata: dict[str, list[dict[str, Any]]] = {
        "/Parent": [{"type": "aws:cdk:templateFile", "data": "Parent.template.json"}],
        "/Parent/Inner": [{"type": "aws:cdk:templateFile", "data": "ParentInner571755B8.nested.template.json"}],
        "/Parent/Inner/Deeper": [
            {"type": "aws:cdk:templateFile", "data": "ParentInnerDeeperB4966582.nested.template.json"}],
    }
    if logical_ids:
        metadata["/Parent/Inner.NestedStack/Inner.NestedStackResource"] = [{"type": "aws:cdk:logicalId", "data": INNER}]
        metadata["/Parent/Inner/Deeper.NestedStack/Deeper.NestedStackResource"] = [
            {"type": "aws:cdk:logicalId", "data": DEEPER}]
    for path, rules in (acknowledged or {}).items():
        metadata.setdefault(path, []).append({"type": "aws:cdk:acknowledged-rules", "data": rules})
    (out / "Parent.metadata.json").write_text(json.dumps(metadata, indent=1))
    (out / "manifest.json").write_text(json.dumps({"version": "48.0.0", "artifacts": {
        "Parent": {"type": "aws:cloudformation:stack", "environment": "aws://111122223333/eu-west-1",
                   "properties": {"templateFile": "Parent.template.json"}, "displayName": "Parent",
                   "additionalMetadataFile": "Parent.metadata.json"},
        "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}},
    }}))
    return out
