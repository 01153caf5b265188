"""Example: a bucket and a managed policy that grants the guide's least-privilege access to one prefix."""

from __future__ import annotations

from aws_cdk import App, Aws, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct

from iam_patterns import s3_prefix_access, to_cdk_document
from stacks._acknowledgements import acknowledge


class S3PrefixAccessStack(Stack):
    """A private bucket and ``ReportsReadWrite``: object access under ``reports/`` and nothing else."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: least-privilege S3 prefix access")
        bucket = s3.Bucket(
            self,
            "Uploads",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            removal_policy=RemovalPolicy.DESTROY,
        )
        document = s3_prefix_access(
            bucket.bucket_name,
            "reports/",
            partition=Aws.PARTITION,
            object_sid="ReadWriteAppUploads",
            list_sid="ListOnlyTheReportsPrefix",
        )
        policy = iam.ManagedPolicy(self, "ReportsReadWrite", document=to_cdk_document(document))
        bucket_id = self.resolve(bucket.node.default_child.logical_id)
        acknowledge(policy, "The * stands for object keys under reports/ in this one bucket: the prefix is the scope.",
                    f"AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::<{bucket_id}>/reports/*]")
        acknowledge(bucket, "An example bucket for the IAM policy beside it; it holds no data worth an access log.",
                    "AwsSolutions-S1")


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    S3PrefixAccessStack(app, "IamPatterns-S3PrefixAccess")
