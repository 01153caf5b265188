"""Findings of outside scanners (cdk-nag's AwsSolutions pack, checkov) that the example stacks accept, each with
the reason. cdk-nag v3 reads CDK's ``Validations.of(scope).acknowledge``, one finding id at a time; checkov
reads a ``checkov`` skip list in the resource's CloudFormation metadata.

Example::

    acknowledge_boundary_as_ceiling(boundary, services=["s3", "logs"])
"""

from __future__ import annotations

from collections.abc import Sequence

from aws_cdk import Acknowledgment, CfnResource, Validations
from constructs import IConstruct

CEILING = ("A permissions boundary is a ceiling, not a grant: it names the services the roles under it may ever "
           "use, and each role's own policies grant the actions (on their resources).")
# checkov's IAM policy checks that read a boundary's Allow statement as if it granted its actions.
_CHECKOV_GRANT_CHECKS = ("CKV_AWS_108", "CKV_AWS_109", "CKV_AWS_110", "CKV_AWS_111")


def acknowledge(scope: IConstruct, reason: str, *finding_ids: str) -> None:
    """Acknowledge cdk-nag findings (``AwsSolutions-IAM5[Resource::...]``) on ``scope``, with ``reason``."""
    Validations.of(scope).acknowledge(*(Acknowledgment(id=finding, reason=reason) for finding in finding_ids))


def skip_checkov(construct: IConstruct, reason: str, *checks: str) -> None:
    """Have checkov skip ``checks`` on the construct's CloudFormation resource, with ``reason`` as the comment."""
    resource = construct.node.default_child
    assert isinstance(resource, CfnResource)
    resource.add_metadata("checkov", {"skip": [{"id": check, "comment": reason} for check in checks]})


def acknowledge_boundary_as_ceiling(boundary: IConstruct, *, services: Sequence[str]) -> None:
    """cdk-nag (IAM5) and checkov read a permissions boundary's ``svc:*`` on ``*`` as a grant: it is a ceiling."""
    acknowledge(boundary, CEILING, *(f"AwsSolutions-IAM5[Action::{service}:*]" for service in services),
                "AwsSolutions-IAM5[Resource::*]")
    skip_checkov(boundary, CEILING, *_CHECKOV_GRANT_CHECKS)
