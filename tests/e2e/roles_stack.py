"""A stack for the deploy tests: roles with every property that deploy-local reads back.

A trust that names an imported GitHub OIDC provider, inline policies in the role and beside it (a CDK default
policy), a permissions boundary, AWS and customer managed policies, a path, a longer session, a trust written
with intrinsics, and an instance profile.
"""

from __future__ import annotations

from aws_cdk import App, Aws, Duration, Fn, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3

GITHUB_SUB = "repo:acme/app:ref:refs/heads/main"


def roles_stack(app: App, *, provider_arn: str, aws_managed_policy: str = "ReadOnlyAccess") -> Stack:
    """Add the ``Fixture-Roles`` stack to ``app``: a GitHub deploy role and an instance role."""
    stack = Stack(app, "Fixture-Roles")
    bucket = s3.Bucket(stack, "Data")
    boundary = iam.ManagedPolicy(
        stack, "Boundary", statements=[iam.PolicyStatement(sid="AllowS3", actions=["s3:*"], resources=["*"])]
    )
    deploy = iam.Role(
        stack,
        "Deploy",
        assumed_by=iam.FederatedPrincipal(
            provider_arn,
            {"StringEquals": {"token.actions.githubusercontent.com:sub": GITHUB_SUB}},
            "sts:AssumeRoleWithWebIdentity",
        ),
        max_session_duration=Duration.hours(2),
        permissions_boundary=boundary,
        managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(aws_managed_policy), boundary],
        path="/deploy/",
        inline_policies={
            "ReadData": iam.PolicyDocument(
                statements=[
                    iam.PolicyStatement(sid="ReadData", actions=["s3:GetObject"], resources=[bucket.arn_for_objects("*")])
                ]
            )
        },
    )
    deploy.add_to_policy(iam.PolicyStatement(sid="ListData", actions=["s3:ListBucket"], resources=[bucket.bucket_arn]))
    instance = iam.Role(
        stack,
        "Instance",
        assumed_by=iam.CompositePrincipal(
            iam.ServicePrincipal("ec2.amazonaws.com"),
            iam.ArnPrincipal(Fn.join("", ["arn:", Aws.PARTITION, ":iam::", Aws.ACCOUNT_ID, ":root"])),
        ),
    )
    iam.InstanceProfile(stack, "Profile", role=instance)
    return stack
