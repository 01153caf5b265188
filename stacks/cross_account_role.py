"""Example: the guide's ``app-uploads-role``: EC2 and one partner account (ExternalId + MFA), S3 prefix access."""

from __future__ import annotations

from aws_cdk import App, Aws, Stack
from aws_cdk import aws_iam as iam
from constructs import Construct

from iam_patterns import CrossAccountRole, s3_prefix_access, to_cdk_document
from stacks._acknowledgements import acknowledge


class CrossAccountRoleStack(Stack):
    """``AppUploads``: the guide's trust policy and its ``s3-uploads-readwrite`` policy, as CloudFormation."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: the guide's cross-account role")
        role = CrossAccountRole(
            self,
            "AppUploads",
            trusted_accounts=["111122223333"],
            external_id="acme-prod-2026",
            trusted_services=["ec2.amazonaws.com"],
            description="The guide's app-uploads-role: EC2, and account 111122223333 with ExternalId and MFA",
        )
        uploads = s3_prefix_access(
            "my-app-uploads-prod",
            "reports/",
            partition=Aws.PARTITION,
            object_sid="ReadWriteAppUploads",
            list_sid="ListOnlyTheReportsPrefix",
        )
        policy = iam.Policy(self, "S3UploadsReadWrite", policy_name="s3-uploads-readwrite",
                            document=to_cdk_document(uploads))
        role.attach_inline_policy(policy)
        acknowledge(policy, "The * stands for object keys under reports/ in this one bucket: the prefix is the scope.",
                    "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::my-app-uploads-prod/reports/*]")


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    CrossAccountRoleStack(app, "IamPatterns-CrossAccountRole")
