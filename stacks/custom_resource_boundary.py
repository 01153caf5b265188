"""Example: ``apply_boundary`` on a scope whose custom resources run on roles CDK puts outside it.

Not deployable to the local emulator: its custom resources need their Lambda functions to run."""

from __future__ import annotations

from aws_cdk import App, RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_ssm as ssm
from aws_cdk import custom_resources as cr
from constructs import Construct

from iam_patterns import PermissionsBoundaryPolicy, apply_boundary
from stacks._acknowledgements import acknowledge, acknowledge_boundary_as_ceiling

_SERVICES = ["s3", "ssm", "logs"]


class CustomResourceBoundaryStack(Stack):
    """A scope with an ``AwsCustomResource`` (a singleton function at the stack's top) and a bucket that
    empties itself on delete (a ``CustomResourceProvider`` role, a raw ``AWS::IAM::Role``): every role that
    runs for the scope carries ``app-boundary``."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(
            scope, construct_id, description="iam_patterns example: a boundary on custom-resource roles too"
        )
        boundary = PermissionsBoundaryPolicy(self, "Boundary", services=_SERVICES, managed_policy_name="app-boundary")
        acknowledge_boundary_as_ceiling(boundary, services=_SERVICES)
        acknowledge(self, "The role of CDK's AwsCustomResource function: AWSLambdaBasicExecutionRole lets it write "
                    "its own logs and nothing else.",
                    "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                    "AWSLambdaBasicExecutionRole]")
        app_scope = Construct(self, "App")
        parameter = ssm.StringParameter(app_scope, "Setting", string_value="on")
        cr.AwsCustomResource(
            app_scope,
            "ReadSetting",
            on_update=cr.AwsSdkCall(
                service="SSM",
                action="GetParameter",
                parameters={"Name": parameter.parameter_name},
                physical_resource_id=cr.PhysicalResourceId.of(parameter.parameter_name),
            ),
            policy=cr.AwsCustomResourcePolicy.from_sdk_calls(resources=[parameter.parameter_arn]),
            install_latest_aws_sdk=False,
        )
        scratch = s3.Bucket(
            app_scope,
            "Scratch",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )
        acknowledge(scratch, "A scratch bucket that empties itself on delete; it holds no data worth an access log.",
                    "AwsSolutions-S1")
        apply_boundary(app_scope, boundary)


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    CustomResourceBoundaryStack(app, "IamPatterns-CustomResourceBoundary")
