#!/usr/bin/env python3
"""A CDK app for the deploy-local tests: roles with every property that deploy-local reads back (a trust that
names the imported GitHub OIDC provider, inline policies in the role and beside it, a permissions boundary,
AWS and customer managed policies, a path, a longer session, an instance profile)."""

from __future__ import annotations

from aws_cdk import App, Aws, Duration, Fn, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3

app = App()
stack = Stack(app, "Fixture-Roles")
bucket = s3.Bucket(stack, "Data")
boundary = iam.ManagedPolicy(
    stack,
    "Boundary",
    statements=[iam.PolicyStatement(sid="AllowS3", actions=["s3:*"], resources=["*"])],
)
provider_arn = app.node.try_get_context("github-oidc-provider-arn") or "arn:aws:iam::123456789012:oidc-provider/x"
role = iam.Role(
    stack,
    "Deploy",
    assumed_by=iam.FederatedPrincipal(
        provider_arn,
        {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"}},
        "sts:AssumeRoleWithWebIdentity",
    ),
    max_session_duration=Duration.hours(2),
    permissions_boundary=boundary,
    managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("ReadOnlyAccess"), boundary],
    path="/deploy/",
    inline_policies={
        "ReadData": iam.PolicyDocument(
            statements=[iam.PolicyStatement(sid="ReadData", actions=["s3:GetObject"], resources=[bucket.arn_for_objects("*")])]
        )
    },
)
role.add_to_policy(iam.PolicyStatement(sid="ListData", actions=["s3:ListBucket"], resources=[bucket.bucket_arn]))
instance_role = iam.Role(
    stack,
    "Instance",
    assumed_by=iam.CompositePrincipal(
        iam.ServicePrincipal("ec2.amazonaws.com"),
        iam.ArnPrincipal(Fn.join("", ["arn:", Aws.PARTITION, ":iam::", Aws.ACCOUNT_ID, ":root"])),
    ),
)
iam.InstanceProfile(stack, "Profile", role=instance_role)
app.synth()
