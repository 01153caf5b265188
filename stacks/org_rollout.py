"""Example: the organization baseline in every account of two OUs, through a service-managed StackSet.

Deploy it in the management account (or a delegated administrator's, with ``delegated_admin=True``) after
activating trusted access for StackSets; see docs/org-rollout.md. The local emulator cannot create StackSets,
so ``make deploy-local`` synthesizes this stack and lists it as not deployed."""

from __future__ import annotations

from aws_cdk import App, AspectPriority, Aspects, Stack
from constructs import Construct

from iam_patterns import IamPatternsChecks, OrgBaseline, OrgRollout
from stacks._acknowledgements import acknowledge_boundary_as_ceiling

SECURITY_ACCOUNT = "111122223333"
WORKLOAD_OUS = ["ou-ab12-cd34ef56", "ou-ab12-ef56ab78"]
HOME_REGION = "us-east-1"  # where CloudTrail delivers console sign-ins, so root sign-ins raise alerts too
SERVICES = ["s3", "dynamodb", "lambda", "logs", "sqs"]


def baseline(stack: Stack) -> OrgBaseline:
    """The member accounts' stack: the baseline, with the organization's own values, checked by the kit's checks
    when it is synthesized (a finding that is an error stops the synth)."""
    Aspects.of(stack).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
    member = OrgBaseline(
        stack,
        "Baseline",
        security_account=SECURITY_ACCOUNT,
        external_id="acme-audit-2026",
        break_glass_principals=[f"arn:aws:iam::{SECURITY_ACCOUNT}:user/breakglass-1"],
        services=SERVICES,
        role_path="/workloads/",
        passed_to_services=["lambda.amazonaws.com"],
    )
    acknowledge_boundary_as_ceiling(member.boundary, services=SERVICES)  # for cdk-nag and checkov
    return member


class OrgRolloutStack(Stack):
    """One StackSet: the baseline in every account of the workload OUs, one account at a time."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: organization-wide baseline")
        OrgRollout(
            self,
            "Baseline",
            stack_set_name="iam-patterns-org-baseline",
            member=baseline,
            organizational_unit_ids=WORKLOAD_OUS,
            regions=[HOME_REGION],
            description="Organization baseline: audit and break-glass roles, permissions boundary, delegation",
        )


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    OrgRolloutStack(app, "IamPatterns-OrgRollout")
