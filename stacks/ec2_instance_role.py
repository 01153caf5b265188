"""Example: an EC2 instance role with Session Manager access, and a launch template that requires IMDSv2."""

from __future__ import annotations

from aws_cdk import App, Stack
from aws_cdk import aws_ec2 as ec2
from constructs import Construct

from iam_patterns import Ec2InstanceRole
from stacks._acknowledgements import acknowledge, skip_checkov

SESSION_MANAGER = ("Session Manager's agent actions (ssm:UpdateInstanceInformation, ssmmessages:*) are granted on *, "
                   "as in AWS's AmazonSSMManagedInstanceCore: the ssmmessages actions have no resource types.")


class Ec2InstanceRoleStack(Stack):
    """``WebServer``: an instance role and its profile; ``WebServerTemplate`` launches instances with it.

    The template sets no metadata options itself: ``Ec2InstanceRole`` requires IMDSv2 on every launch template
    and instance of the stack.
    """

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: EC2 instance role, IMDSv2 required")
        role = Ec2InstanceRole(
            self, "WebServer", session_manager=True, description="Web servers: Session Manager access only"
        )
        acknowledge(role, SESSION_MANAGER, "AwsSolutions-IAM5[Resource::*]")
        skip_checkov(role, SESSION_MANAGER, "CKV_AWS_111")
        ec2.LaunchTemplate(
            self,
            "WebServerTemplate",
            instance_profile=role.instance_profile,
            instance_type=ec2.InstanceType("t3.micro"),
        )


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    Ec2InstanceRoleStack(app, "IamPatterns-Ec2InstanceRole")
