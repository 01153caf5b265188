"""Hand the pure core's documents to aws-cdk-lib."""

from __future__ import annotations

from aws_cdk import aws_iam as iam

from ..policy import PolicyDocument


def to_cdk_document(document: PolicyDocument) -> iam.PolicyDocument:
    """The aws-cdk-lib ``PolicyDocument`` for a pure ``PolicyDocument`` (CDK tokens inside stay tokens).

    Example::

        iam.ManagedPolicy(self, "Reports", document=to_cdk_document(s3_prefix_access(bucket, "reports/")))
    """
    return iam.PolicyDocument.from_json(document.to_json())
