"""Example: GitHub Actions OIDC: the account's provider, and one role per kind of job of one repository.

An account holds one OIDC provider per issuer: with the context key ``github-oidc-provider-arn`` set
(``cdk deploy -c github-oidc-provider-arn=arn:...``), the stack imports that provider instead of creating one.
"""

from __future__ import annotations

from aws_cdk import App, CfnOutput, Stack
from constructs import Construct

from iam_patterns import GitHubOidcProvider, GitHubOidcRole

PROVIDER_ARN_CONTEXT = "github-oidc-provider-arn"
"""The context key naming an existing provider to import rather than create."""
REPOSITORY = "octo-org/octo-repo"
REUSABLE_DEPLOY = "octo-org/deploy-workflows/.github/workflows/deploy.yml@refs/heads/main"


class GitHubOidcStack(Stack):
    """The GitHub provider (created, or imported by ARN) and four roles of ``octo-org/octo-repo``.

    ``Deploy``: jobs that use the ``production`` environment, in either subject format (owner and repository
    ids given). ``Release``: jobs on ``v*`` tags. ``PullRequestPlan``: jobs run for pull requests.
    ``SharedDeploy``: jobs on ``main`` that run in the organisation's reusable deploy workflow.
    """

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: GitHub Actions OIDC roles")
        existing = self.node.try_get_context(PROVIDER_ARN_CONTEXT)
        provider = (
            GitHubOidcProvider.from_arn(self, "GitHub", existing) if existing else GitHubOidcProvider(self, "GitHub")
        )
        roles = {
            "Deploy": GitHubOidcRole(
                self, "Deploy", repository=REPOSITORY, environments=["production"], owner_id=123456,
                repository_id=456789, provider=provider, description="Deploys octo-org/octo-repo to production",
            ),
            "Release": GitHubOidcRole(
                self, "Release", repository=REPOSITORY, tags=["v*"], provider=provider,
                description="Publishes releases of octo-org/octo-repo from v* tags",
            ),
            "PullRequestPlan": GitHubOidcRole(
                self, "PullRequestPlan", repository=REPOSITORY, pull_requests=True, provider=provider,
                description="Plans changes for pull requests of octo-org/octo-repo (give it read-only access)",
            ),
            "SharedDeploy": GitHubOidcRole(
                self, "SharedDeploy", repository=REPOSITORY, branches=["main"], job_workflow_refs=[REUSABLE_DEPLOY],
                provider=provider, description="Deploys main of octo-org/octo-repo through the shared workflow",
            ),
        }
        for name, role in roles.items():
            CfnOutput(self, f"{name}RoleArn", value=role.role_arn, description=f"role-to-assume for {name} jobs")


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    GitHubOidcStack(app, "IamPatterns-GitHubOidc")
