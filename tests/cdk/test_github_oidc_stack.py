"""The GitHub OIDC example stack: its template, and that it imports the provider when the context names one."""

from __future__ import annotations

import pytest

from iam_patterns.evaluation import Simulator
from stacks.github_oidc import PROVIDER_ARN_CONTEXT, REUSABLE_DEPLOY, GitHubOidcStack
from tests.cdk.synth import new_app, properties_of_type, template

GITHUB = "token.actions.githubusercontent.com"
EXISTING = f"arn:aws:iam::123456789012:oidc-provider/{GITHUB}"
ACCOUNT = "111122223333"
REPO = "repo:octo-org/octo-repo"
REPO_BY_ID = "repo:octo-org@123456/octo-repo@456789"


def _subjects(role: dict) -> list:
    (statement,) = role["AssumeRolePolicyDocument"]["Statement"]
    return [values[f"{GITHUB}:sub"] for values in statement["Condition"].values() if f"{GITHUB}:sub" in values]


def test_template_matches_snapshot(app, snapshot):
    assert template(GitHubOidcStack(app, "IamPatterns-GitHubOidc")) == snapshot


def test_by_default_the_stack_creates_the_provider_its_roles_trust_and_depend_on(app):
    synthesized = template(GitHubOidcStack(app, "IamPatterns-GitHubOidc"))
    (provider_id,) = properties_of_type(synthesized, "AWS::IAM::OIDCProvider")
    roles = properties_of_type(synthesized, "AWS::IAM::Role")
    assert len(roles) == 4
    assert all(synthesized["Resources"][role_id]["DependsOn"] == [provider_id] for role_id in roles)


def test_with_a_provider_arn_in_the_context_the_stack_imports_it_and_creates_none():
    app = new_app(context={PROVIDER_ARN_CONTEXT: EXISTING})
    synthesized = template(GitHubOidcStack(app, "IamPatterns-GitHubOidc"))
    assert properties_of_type(synthesized, "AWS::IAM::OIDCProvider") == {}
    roles = properties_of_type(synthesized, "AWS::IAM::Role")
    assert len(roles) == 4
    for role_id, role in roles.items():
        assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {"Federated": EXISTING}
        assert "DependsOn" not in synthesized["Resources"][role_id]


def test_each_role_trusts_only_its_own_jobs_of_the_repository(app):
    roles = properties_of_type(GitHubOidcStack(app, "IamPatterns-GitHubOidc"), "AWS::IAM::Role")
    subjects = {k.rstrip("0123456789ABCDEF"): _subjects(v) for k, v in roles.items()}
    assert subjects == {
        "Deploy": [["repo:octo-org/octo-repo:environment:production",
                    "repo:octo-org@123456/octo-repo@456789:environment:production"]],
        "Release": ["repo:octo-org/octo-repo:ref:refs/tags/v*"],
        "PullRequestPlan": ["repo:octo-org/octo-repo:pull_request"],
        "SharedDeploy": ["repo:octo-org/octo-repo:ref:refs/heads/main"],
    }
    outputs = template(GitHubOidcStack(new_app(), "Other"))["Outputs"]
    assert sorted(outputs) == ["DeployRoleArn", "PullRequestPlanRoleArn", "ReleaseRoleArn", "SharedDeployRoleArn"]


def _token(sub: str | None, aud: str = "sts.amazonaws.com", **claims: str) -> dict:
    token = {f"{GITHUB}:aud": aud, **{f"{GITHUB}:{k}": v for k, v in claims.items()}}
    return token if sub is None else {**token, f"{GITHUB}:sub": sub}


EVIL_WORKFLOW = REUSABLE_DEPLOY.replace("octo-org/", "evil/")
# role -> (tokens that may assume it, tokens that may not)
JOBS = {
    "Deploy": (
        [_token(f"{REPO}:environment:production"), _token(f"{REPO_BY_ID}:environment:production")],
        [_token(f"{REPO}:environment:staging"), _token(f"{REPO}:ref:refs/heads/main"), _token(f"{REPO}:pull_request"),
         _token("repo:octo-org/other:environment:production"), _token("repo:evil/octo-repo:environment:production"),
         _token("repo:octo-org-evil/octo-repo-x:environment:production"),
         _token("repo:octo-org-evil@1/octo-repo-x@2:environment:production"),
         _token("repo:octo-org@1/octo-repo@456789:environment:production"), _token(None),
         _token(f"{REPO}:environment:production", aud="https://github.com/octo-org")],
    ),
    "Release": (
        [_token(f"{REPO}:ref:refs/tags/v1.2.0")],
        [_token(f"{REPO}:ref:refs/heads/v1"), _token(f"{REPO}:ref:refs/tags/latest"),
         _token("repo:evil/octo-repo:ref:refs/tags/v1"), _token(f"{REPO}:pull_request")],
    ),
    "PullRequestPlan": (
        [_token(f"{REPO}:pull_request")],
        [_token(f"{REPO}:ref:refs/heads/main"), _token("repo:octo-org/fork:pull_request"),
         _token("repo:evil/octo-repo:pull_request"), _token(None)],
    ),
    "SharedDeploy": (
        [_token(f"{REPO}:ref:refs/heads/main", job_workflow_ref=REUSABLE_DEPLOY)],
        [_token(f"{REPO}:ref:refs/heads/main"), _token(f"{REPO}:ref:refs/heads/main", job_workflow_ref=EVIL_WORKFLOW),
         _token(f"{REPO}:pull_request", job_workflow_ref=REUSABLE_DEPLOY),
         _token("repo:evil/octo-repo:ref:refs/heads/main", job_workflow_ref=REUSABLE_DEPLOY)],
    ),
}


@pytest.mark.parametrize("context", [{}, {PROVIDER_ARN_CONTEXT: EXISTING}], ids=["created", "imported"])
@pytest.mark.parametrize("role", sorted(JOBS))
def test_each_example_role_admits_its_own_jobs_and_no_near_miss(role, context):
    stack = GitHubOidcStack(new_app(context=context), "IamPatterns-GitHubOidc")
    sim = Simulator.from_stack(stack, account=ACCOUNT)
    construct = stack.node.find_child(role)
    provider = {"Federated": EXISTING if context else f"arn:aws:iam::{ACCOUNT}:oidc-provider/{GITHUB}"}
    allowed, denied = JOBS[role]
    assert [sim.can_assume(construct, provider, token).allowed for token in allowed] == [True] * len(allowed)
    assert [sim.can_assume(construct, provider, token).allowed for token in denied] == [False] * len(denied)
    other_provider = {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/gitlab.com"}
    assert not sim.can_assume(construct, other_provider, allowed[0]).allowed
