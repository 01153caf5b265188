"""What the GitHub trust policies let through, decided by the evaluator: the named jobs, and no near miss."""

from __future__ import annotations

import pytest

from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.trust.github import github_oidc_provider_arn, github_oidc_trust

GITHUB = "token.actions.githubusercontent.com"
SUB, AUD, WORKFLOW_REF = f"{GITHUB}:sub", f"{GITHUB}:aud", f"{GITHUB}:job_workflow_ref"
PROVIDER = github_oidc_provider_arn("111122223333")
ROLE = "arn:aws:iam::111122223333:role/deploy"
MAIN = "repo:octo-org/octo-repo:ref:refs/heads/main"
MAIN_BY_ID = "repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main"
SHARED_DEPLOY = "octo-org/deploy-workflows/.github/workflows/deploy.yml@refs/heads/main"


def _decide(trust, claims: dict, *, provider: str = PROVIDER, action: str = "sts:AssumeRoleWithWebIdentity"):
    return evaluate(Request({"Federated": provider}, action, ROLE, claims), resource=trust)


def _token(sub: str | None, **claims) -> dict:
    token = {AUD: "sts.amazonaws.com", **claims}
    if sub is not None:
        token[SUB] = sub
    return token


@pytest.fixture(scope="module")
def main_only():
    return github_oidc_trust(provider_arn=PROVIDER, repository="octo-org/octo-repo", branches=["main"],
                             owner_id=123456, repository_id=456789)


@pytest.mark.parametrize("sub", [MAIN, MAIN_BY_ID])
def test_a_job_on_main_can_assume_the_role_in_either_subject_format(main_only, sub):
    assert _decide(main_only, _token(sub)).decision == Decision.ALLOW


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(_token("repo:octo-org/other-repo:ref:refs/heads/main"), id="another-repository"),
        pytest.param(_token("repo:other-org/octo-repo:ref:refs/heads/main"), id="another-owner"),
        pytest.param(_token("repo:octo-org/octo-repo:ref:refs/heads/feature"), id="another-branch"),
        pytest.param(_token("repo:octo-org/octo-repo:ref:refs/tags/main"), id="a-tag-named-like-the-branch"),
        pytest.param(_token("repo:octo-org/octo-repo:pull_request"), id="a-pull-request"),
        pytest.param(_token("repo:octo-org/octo-repo:environment:production"), id="an-environment-job"),
        pytest.param(_token(None), id="no-sub"),
        pytest.param({SUB: MAIN}, id="no-aud"),
        pytest.param(_token(MAIN, **{AUD: "https://github.com/octo-org"}), id="a-wrong-aud"),
        pytest.param(_token("repo:evil/octo-repo:ref:refs/heads/main"), id="repo-evil"),
        pytest.param(_token("repo:evil/evil:ref:refs/heads/main"), id="repo-evil-evil"),
        pytest.param(_token("repo:octo-org-evil/octo-repo-x:ref:refs/heads/main"), id="owner-evil-old-format"),
        pytest.param(_token("repo:octo-org-evil@1/octo-repo-x@2:ref:refs/heads/main"), id="owner-evil-new-format"),
        pytest.param(_token("repo:octo-org@999/octo-repo@456789:ref:refs/heads/main"), id="a-recycled-owner-name"),
        pytest.param(_token("repo:octo-org@123456/octo-repo@999:ref:refs/heads/main"), id="a-recycled-repo-name"),
        pytest.param(_token("repo:octo-org/octo-repo:ref:refs/heads/main:x"), id="a-longer-subject"),
        pytest.param(_token("repo:Octo-Org/octo-repo:ref:refs/heads/main"), id="another-case"),
    ],
)
def test_near_misses_cannot_assume_the_role(main_only, token):
    assert _decide(main_only, token).decision == Decision.IMPLICIT_DENY


def test_another_identity_provider_cannot_assume_the_role(main_only):
    other = "arn:aws:iam::111122223333:oidc-provider/gitlab.com"
    assert not _decide(main_only, _token(MAIN), provider=other).allowed
    assert not _decide(main_only, _token(MAIN), provider=github_oidc_provider_arn("444455556666")).allowed


def test_a_plain_assume_role_or_tag_session_is_not_allowed(main_only):
    assert not _decide(main_only, _token(MAIN), action="sts:AssumeRole").allowed
    assert not _decide(main_only, _token(MAIN), action="sts:TagSession").allowed


def test_only_the_named_environment_and_pull_requests_are_trusted():
    trust = github_oidc_trust(provider_arn=PROVIDER, repository="octo-org/octo-repo", environments=["production"],
                              pull_requests=True)
    assert _decide(trust, _token("repo:octo-org/octo-repo:environment:production")).allowed
    assert _decide(trust, _token("repo:octo-org/octo-repo:pull_request")).allowed
    for sub in ("repo:octo-org/octo-repo:environment:staging", "repo:octo-org/octo-repo:environment:Production",
                MAIN, "repo:octo-org/fork:pull_request"):
        assert not _decide(trust, _token(sub)).allowed, sub


def test_tag_wildcards_match_tags_of_the_repository_only():
    trust = github_oidc_trust(provider_arn=PROVIDER, repository="octo-org/octo-repo", tags=["v*"],
                              owner_id=123456, repository_id=456789)
    assert _decide(trust, _token("repo:octo-org/octo-repo:ref:refs/tags/v1.2.0")).allowed
    assert _decide(trust, _token("repo:octo-org@123456/octo-repo@456789:ref:refs/tags/v2")).allowed
    for sub in ("repo:octo-org/octo-repo:ref:refs/heads/v1", "repo:octo-org/octo-repo:ref:refs/tags/release-1",
                "repo:octo-org/octo-repo-x:ref:refs/tags/v1", "repo:evil/octo-repo:ref:refs/tags/v1",
                "repo:octo-org@1/octo-repo@456789:ref:refs/tags/v1"):
        assert not _decide(trust, _token(sub)).allowed, sub


def test_a_reusable_workflow_role_needs_both_the_subject_and_the_workflow():
    trust = github_oidc_trust(provider_arn=PROVIDER, repository="octo-org/octo-repo", branches=["main"],
                              job_workflow_refs=[SHARED_DEPLOY])
    assert _decide(trust, _token(MAIN, **{WORKFLOW_REF: SHARED_DEPLOY})).allowed
    assert not _decide(trust, _token(MAIN)).allowed  # a top-level job carries no job_workflow_ref
    assert not _decide(trust, _token(MAIN, **{WORKFLOW_REF: SHARED_DEPLOY.replace("main", "evil")})).allowed
    assert not _decide(trust, _token(MAIN, **{WORKFLOW_REF: "evil/deploy-workflows/.github/workflows/deploy.yml"
                                                           "@refs/heads/main"})).allowed
    other_repo = "repo:octo-org/other-repo:ref:refs/heads/main"
    assert not _decide(trust, _token(other_repo, **{WORKFLOW_REF: SHARED_DEPLOY})).allowed


def test_the_refused_owner_star_repo_star_pattern_would_let_owner_evil_in():
    """Why a wildcard after a name is refused by default: the opt-in shows the hole it opens."""
    risky = github_oidc_trust(provider_arn=PROVIDER, repository="octo-org*/octo-repo*", branches=["main"],
                              dangerously_allow_repository_wildcard=True)
    assert _decide(risky, _token("repo:octo-org-evil/octo-repo-x:ref:refs/heads/main")).allowed
