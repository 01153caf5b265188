"""The GitHub OIDC example stack: its template, and that it imports the provider when the context names one."""

from __future__ import annotations

from stacks.github_oidc import PROVIDER_ARN_CONTEXT, GitHubOidcStack
from tests.cdk.synth import new_app, template

GITHUB = "token.actions.githubusercontent.com"
EXISTING = f"arn:aws:iam::123456789012:oidc-provider/{GITHUB}"


def _of_type(resources: dict, kind: str) -> dict:
    return {k: v for k, v in resources.items() if v["Type"] == kind}


def _subjects(role: dict) -> list:
    (statement,) = role["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    return [values[f"{GITHUB}:sub"] for values in statement["Condition"].values() if f"{GITHUB}:sub" in values]


def test_template_matches_snapshot(app, snapshot):
    assert template(GitHubOidcStack(app, "IamPatterns-GitHubOidc")) == snapshot


def test_by_default_the_stack_creates_the_provider_its_roles_trust_and_depend_on(app):
    resources = template(GitHubOidcStack(app, "IamPatterns-GitHubOidc"))["Resources"]
    (provider_id,) = _of_type(resources, "AWS::IAM::OIDCProvider")
    roles = _of_type(resources, "AWS::IAM::Role")
    assert len(roles) == 4
    assert all(role["DependsOn"] == [provider_id] for role in roles.values())


def test_with_a_provider_arn_in_the_context_the_stack_imports_it_and_creates_none():
    app = new_app(**{PROVIDER_ARN_CONTEXT: EXISTING})
    resources = template(GitHubOidcStack(app, "IamPatterns-GitHubOidc"))["Resources"]
    assert _of_type(resources, "AWS::IAM::OIDCProvider") == {}
    roles = _of_type(resources, "AWS::IAM::Role")
    assert len(roles) == 4
    for role in roles.values():
        assert role["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {"Federated": EXISTING}
        assert "DependsOn" not in role


def test_each_role_trusts_only_its_own_jobs_of_the_repository(app):
    resources = template(GitHubOidcStack(app, "IamPatterns-GitHubOidc"))["Resources"]
    subjects = {k.rstrip("0123456789ABCDEF"): _subjects(v) for k, v in _of_type(resources, "AWS::IAM::Role").items()}
    assert subjects == {
        "Deploy": [["repo:octo-org/octo-repo:environment:production",
                    "repo:octo-org@123456/octo-repo@456789:environment:production"]],
        "Release": ["repo:octo-org/octo-repo:ref:refs/tags/v*"],
        "PullRequestPlan": ["repo:octo-org/octo-repo:pull_request"],
        "SharedDeploy": ["repo:octo-org/octo-repo:ref:refs/heads/main"],
    }
    outputs = template(GitHubOidcStack(new_app(), "Other"))["Outputs"]
    assert sorted(outputs) == ["DeployRoleArn", "PullRequestPlanRoleArn", "ReleaseRoleArn", "SharedDeployRoleArn"]
