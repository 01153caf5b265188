"""What ``Ref`` and ``Fn::GetAtt`` mean in one stack: the emulator's physical ids once the stack is deployed, or
readable placeholders (``<Bucket.Arn>``) for a stack that is only synthesized.

Example::

    refs = References(stack)                       # template only
    resolve(role_properties, ref=refs.ref, get_att=refs.get_att)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .assembly import Stack
from .intrinsics import NO_VALUE, Unresolvable

__all__ = ["ACCOUNT", "PARTITION", "REGION", "References"]

ACCOUNT = "123456789012"
"""The account moto's server plays."""
REGION = "us-east-1"
PARTITION = "aws"

_PSEUDO = {
    "AWS::AccountId": ACCOUNT,
    "AWS::Region": REGION,
    "AWS::Partition": PARTITION,
    "AWS::URLSuffix": "amazonaws.com",
    "AWS::NoValue": NO_VALUE,
}

# (resource type, attribute) -> the ARN CloudFormation returns, from the resource's physical id.
_ARN_FORMATS = {
    ("AWS::S3::Bucket", "Arn"): "arn:{partition}:s3:::{physical}",
    ("AWS::Lambda::Function", "Arn"): "arn:{partition}:lambda:{region}:{account}:function:{physical}",
    ("AWS::SQS::Queue", "Arn"): "arn:{partition}:sqs:{region}:{account}:{last}",
    ("AWS::KMS::Key", "Arn"): "arn:{partition}:kms:{region}:{account}:key/{physical}",
}


class References:
    """``ref`` and ``get_att`` for ``stack``: against the deployed stack when ``physical`` (logical id ->
    physical id) and an IAM client are given, else placeholders.

    Example::

        References(stack, physical={"Bucket83908E77": "my-bucket-1a2b"}, iam=client).ref("Bucket83908E77")
    """

    def __init__(self, stack: Stack, *, physical: Mapping[str, str] | None = None, iam: Any = None) -> None:
        self._stack = stack
        self._physical = physical
        self._iam = iam

    @classmethod
    def deployed(cls, stack: Stack, *, cfn: Any, iam: Any) -> References:
        """References into ``stack`` as deployed, read through the boto3 CloudFormation and IAM clients.

        Example::

            References.deployed(stack, cfn=session.client("cloudformation"), iam=session.client("iam"))
        """
        physical = {
            r["LogicalResourceId"]: r["PhysicalResourceId"]
            for page in cfn.get_paginator("list_stack_resources").paginate(StackName=stack.name)
            for r in page["StackResourceSummaries"]
            if r["LogicalResourceId"]  # moto lists the resources it skipped with no id
        }
        return cls(stack, physical=physical, iam=iam)

    def not_created(self) -> list[str]:
        """The deployed stack's resources that the emulator skipped (not those a false Condition leaves out).

        Example::

            refs.not_created()   # ['UploadsPolicy148F8199 (AWS::S3::BucketPolicy)']
        """
        return [
            f"{lid} ({r['Type']})"
            for lid, r in self._stack.resources.items()
            if self._physical is not None and lid not in self._physical and "Condition" not in r
        ]

    def ref(self, name: str) -> Any:
        """What ``{"Ref": name}`` resolves to."""
        if name in _PSEUDO:
            return _PSEUDO[name]
        if name == "AWS::StackName":
            return self._stack.name
        parameter = self._stack.template.get("Parameters", {}).get(name)
        if parameter is not None and "Default" in parameter:
            return parameter["Default"]
        if name not in self._stack.resources:
            raise Unresolvable(f"Ref {name}: no such parameter or resource in {self._stack.name}")
        return f"<{name}>" if self._physical is None else self._deployed(name)

    def get_att(self, logical_id: str, attribute: str) -> Any:
        """What ``{"Fn::GetAtt": [logical_id, attribute]}`` resolves to."""
        if logical_id not in self._stack.resources:
            raise Unresolvable(f"Fn::GetAtt {logical_id}.{attribute}: no such resource in {self._stack.name}")
        if self._physical is None:
            return f"<{logical_id}.{attribute}>"
        physical = self._deployed(logical_id)
        resource_type = self._stack.resources[logical_id]["Type"]
        if resource_type == "AWS::IAM::Role" and attribute in ("Arn", "RoleId"):
            return self._iam.get_role(RoleName=physical)["Role"][attribute]
        if resource_type == "AWS::IAM::InstanceProfile" and attribute == "Arn":
            return self._iam.get_instance_profile(InstanceProfileName=physical)["InstanceProfile"]["Arn"]
        arn_format = _ARN_FORMATS.get((resource_type, attribute))
        if arn_format:
            return arn_format.format(
                partition=PARTITION, region=REGION, account=ACCOUNT, physical=physical, last=physical.rsplit("/", 1)[-1]
            )
        if attribute.endswith("Arn") and physical.startswith("arn:"):
            return physical  # ManagedPolicy.PolicyArn, SNS Topic.TopicArn, ...: the physical id is the ARN
        raise Unresolvable(
            f"Fn::GetAtt {logical_id}.{attribute} on {resource_type}: add how to resolve it to deploy/references.py"
        )

    def _deployed(self, logical_id: str) -> str:
        assert self._physical is not None
        if logical_id not in self._physical:
            resource_type = self._stack.resources[logical_id]["Type"]
            raise Unresolvable(f"{logical_id} ({resource_type}) in {self._stack.name} was not created by the emulator")
        return self._physical[logical_id]
