"""Example: a permissions boundary, the delegation policy that hands role creation to a team under it, and a
team role that gets the boundary from ``apply_boundary``. Deployable to the local emulator (IAM only)."""

from __future__ import annotations

from aws_cdk import App, Aws, Stack
from aws_cdk import aws_iam as iam
from constructs import Construct

from iam_patterns import BoundaryDelegation, PermissionsBoundaryPolicy, apply_boundary
from iam_patterns.policy.keys import MFA_PRESENT
from stacks._acknowledgements import acknowledge, acknowledge_boundary_as_ceiling

_SERVICES = ["s3", "dynamodb", "logs", "lambda", "sqs"]


class BoundaryDelegationStack(Stack):
    """``team-a-boundary`` (the ceiling), ``team-a-delegation`` on a deployer role (create roles under
    ``/team-a/`` only with that ceiling), and one team role under ``/team-a/`` that carries it."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: permissions-boundary delegation")
        boundary = PermissionsBoundaryPolicy(
            self,
            "Boundary",
            services=_SERVICES,
            managed_policy_name="team-a-boundary",
            path="/delegated/",
            description="Ceiling for every role team A creates",
        )
        delegation = BoundaryDelegation(
            self,
            "Delegation",
            boundary=boundary,
            role_path="/team-a/",
            passed_to_services=["lambda.amazonaws.com"],
            managed_policy_name="team-a-delegation",
            path="/delegated/",
            description="Team A may create roles under /team-a/, only with team-a-boundary",
        )
        acknowledge_boundary_as_ceiling(boundary, services=_SERVICES)
        acknowledge(delegation, "Team A's roles and policies are named freely under the /team-a/ path; every role "
                    "is created with team-a-boundary, and the boundary and this policy cannot be edited.",
                    "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/team-a/*]",
                    "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:policy/team-a/*]")
        acknowledge(delegation, "Only iam:Get* and iam:List* on *: the List actions have no resource-level "
                    "permissions, and reading roles and policies changes nothing.", "AwsSolutions-IAM5[Resource::*]")
        iam.Role(
            self,
            "Deployer",
            role_name="team-a-deployer",
            assumed_by=iam.AccountPrincipal(Aws.ACCOUNT_ID).with_conditions(
                {"Bool": {MFA_PRESENT: "true"}}
            ),
            description="Team A's deployer: may create team A's roles, never above team-a-boundary",
            managed_policies=[delegation],
        )
        team_a = Construct(self, "TeamA")
        iam.Role(
            team_a,
            "Worker",
            path="/team-a/",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            description="A team A role: whatever its policies say, the boundary is its ceiling",
        )
        apply_boundary(team_a, boundary)


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    BoundaryDelegationStack(app, "IamPatterns-BoundaryDelegation")
