"""GitHub Actions OIDC trust: the subjects each option trusts, and the inputs that would trust too much."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.policy import iam_size
from iam_patterns.trust.github import (
    GITHUB_OIDC_AUDIENCE,
    GITHUB_OIDC_ISSUER,
    github_oidc_issuer,
    github_oidc_provider_arn,
    github_oidc_provider_issuer,
    github_oidc_trust,
    github_subjects,
    validate_issuer,
)

GITHUB = "token.actions.githubusercontent.com"
PROVIDER = f"arn:aws:iam::111122223333:oidc-provider/{GITHUB}"
REPO = "octo-org/octo-repo"
WORKFLOW = "octo-org/deploy-workflows/.github/workflows/deploy.yml@refs/heads/main"


def _trust(**kwargs):
    return github_oidc_trust(**{"provider_arn": PROVIDER, "repository": REPO, **kwargs})


def _operators(trust) -> set[str]:
    return {op for s in trust.statements for op in s.condition}


def test_a_branch_is_trusted_with_string_equals_on_audience_and_subject():
    assert _trust(branches=["main"]).to_json() == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "AllowGitHubActions",
                "Effect": "Allow",
                "Principal": {"Federated": PROVIDER},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {
                    "StringEquals": {
                        f"{GITHUB}:aud": "sts.amazonaws.com",
                        f"{GITHUB}:sub": "repo:octo-org/octo-repo:ref:refs/heads/main",
                    }
                },
            }
        ],
    }


def test_each_option_trusts_its_documented_subject():
    assert github_subjects(REPO, branches=["main"], tags=["v1.0.0"], environments=["production"],
                           pull_requests=True) == (
        "repo:octo-org/octo-repo:ref:refs/heads/main",
        "repo:octo-org/octo-repo:ref:refs/tags/v1.0.0",
        "repo:octo-org/octo-repo:environment:production",
        "repo:octo-org/octo-repo:pull_request",
    )


def test_a_colon_in_an_environment_name_is_written_as_github_writes_it():
    assert github_subjects(REPO, environments=["Production:V1"]) == ("repo:octo-org/octo-repo:environment:Production%3AV1",)


def test_ids_add_the_id_based_subject_beside_each_name_based_one_exactly():
    trust = _trust(branches=["main"], environments=["production"], owner_id=123456, repository_id="456789")
    (statement,) = trust.statements
    assert statement.condition["StringEquals"][f"{GITHUB}:sub"] == (
        "repo:octo-org/octo-repo:ref:refs/heads/main",
        "repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main",
        "repo:octo-org/octo-repo:environment:production",
        "repo:octo-org@123456/octo-repo@456789:environment:production",
    )
    assert _operators(trust) == {"StringEquals"}


def test_wildcards_after_the_repository_go_to_string_like_with_the_audience_still_pinned():
    exact, wildcard = _trust(branches=["main", "release/*"], tags=["v?.*"]).statements
    assert exact.condition["StringEquals"][f"{GITHUB}:sub"] == "repo:octo-org/octo-repo:ref:refs/heads/main"
    assert wildcard.sid == "AllowGitHubActionsWildcard"
    assert wildcard.condition == {
        "StringEquals": {f"{GITHUB}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{GITHUB}:sub": ("repo:octo-org/octo-repo:ref:refs/heads/release/*",
                                         "repo:octo-org/octo-repo:ref:refs/tags/v?.*")},
    }


def test_reusable_workflows_are_required_through_the_job_workflow_ref_claim():
    (statement,) = _trust(environments=["production"], job_workflow_refs=[WORKFLOW]).statements
    assert statement.condition["StringEquals"] == {
        f"{GITHUB}:aud": "sts.amazonaws.com",
        f"{GITHUB}:sub": "repo:octo-org/octo-repo:environment:production",
        f"{GITHUB}:job_workflow_ref": WORKFLOW,
    }


def test_reusable_workflow_refs_may_use_a_wildcard_in_the_ref_only():
    (statement,) = _trust(branches=["main"], job_workflow_refs=[
        "octo-org/deploy-workflows/.github/workflows/deploy.yaml@refs/tags/v*",
        "octo-org/deploy-workflows/.github/workflows/deploy.yml@0123456789abcdef0123456789abcdef01234567",
    ]).statements
    assert f"{GITHUB}:job_workflow_ref" in statement.condition["StringLike"]


def test_raw_subjects_of_the_repository_are_trusted_in_both_formats_when_ids_are_given():
    subjects = github_subjects(REPO, subjects=["repo:octo-org@1/octo-repo@2:environment:prod:job_workflow_ref:x"],
                               owner_id=1, repository_id=2)
    assert subjects == ("repo:octo-org/octo-repo:environment:prod:job_workflow_ref:x",
                        "repo:octo-org@1/octo-repo@2:environment:prod:job_workflow_ref:x")


def test_repeated_jobs_are_listed_once():
    assert github_subjects(REPO, branches=["main", "main"], subjects=["repo:octo-org/octo-repo:ref:refs/heads/main"]) == (
        "repo:octo-org/octo-repo:ref:refs/heads/main",
    )


def test_tag_session_is_allowed_only_when_asked_for():
    assert _trust(branches=["main"]).statements[0].action == "sts:AssumeRoleWithWebIdentity"
    assert _trust(branches=["main"], allow_tag_session=True).statements[0].action == (
        "sts:AssumeRoleWithWebIdentity", "sts:TagSession")


def test_a_custom_audience_is_pinned():
    (statement,) = _trust(branches=["main"], audience="https://github.com/octo-org").statements
    assert statement.condition["StringEquals"][f"{GITHUB}:aud"] == "https://github.com/octo-org"


def test_enterprise_and_server_issuers_key_their_conditions_by_their_own_url():
    enterprise = github_oidc_issuer(enterprise="octocat-inc")
    server = github_oidc_issuer(server_host="github.example.com")
    assert enterprise == "https://token.actions.githubusercontent.com/octocat-inc"
    assert server == "https://github.example.com/_services/token"
    for issuer, key in ((enterprise, f"{GITHUB}/octocat-inc:sub"), (server, "github.example.com/_services/token:sub")):
        arn = github_oidc_provider_arn("111122223333", issuer=issuer)
        assert arn.endswith(f":oidc-provider/{key.removesuffix(':sub')}")
        (statement,) = github_oidc_trust(provider_arn=arn, issuer=issuer, repository=REPO, branches=["main"]).statements
        assert key in statement.condition["StringEquals"]


def test_the_provider_arn_follows_the_partition():
    assert github_oidc_provider_arn("111122223333", partition="aws-us-gov") == (
        f"arn:aws-us-gov:iam::111122223333:oidc-provider/{GITHUB}")
    assert github_oidc_issuer() == GITHUB_OIDC_ISSUER and GITHUB_OIDC_AUDIENCE == "sts.amazonaws.com"


def test_a_repository_wildcard_is_emitted_only_with_the_loud_opt_in():
    trust = _trust(repository="octo-org/*", branches=["main"], dangerously_allow_repository_wildcard=True)
    assert trust.statements[0].condition["StringLike"][f"{GITHUB}:sub"] == "repo:octo-org/*:ref:refs/heads/main"


def test_no_variation_uses_for_all_values():
    variations = [
        {"branches": ["main"]},
        {"branches": ["release/*"], "pull_requests": True},
        {"environments": ["prod"], "job_workflow_refs": [WORKFLOW], "owner_id": 1, "repository_id": 2},
        {"repository": "octo-org/*", "tags": ["v*"], "dangerously_allow_repository_wildcard": True},
    ]
    for kwargs in variations:
        assert not any(op.startswith("ForAllValues:") for op in _operators(_trust(**kwargs)))


def test_a_provider_arn_still_a_token_is_sized_as_the_longest_arn_it_can_become():
    token = "${Token[TOKEN.123]}"  # what a Ref looks like at synth: far shorter than the ARN it becomes
    branches = [f"b{i:02d}-{'x' * 60}" for i in range(14)]
    def size_as_token() -> int:
        return iam_size(_trust(branches=branches, trust_policy_quota=4096)) - len(PROVIDER) + len(token)

    branches.append("p" * (2048 - size_as_token() - len(',"repo:octo-org/octo-repo:ref:refs/heads/"')))
    assert size_as_token() == 2048  # the token's text fits...
    with pytest.raises(ValidationError, match=re.escape("trust policy is 2,1")):  # ...the ARN it becomes does not
        _trust(provider_arn=token, branches=branches)


def _over_quota() -> dict:
    return {"branches": [f"feature-{i:03d}-{'x' * 60}" for i in range(25)]}


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"repository": ""}, "repository is '', but must be 'OWNER/REPO' known at synth time"),
        ({"repository": None}, "repository is None, but must be 'OWNER/REPO'"),
        ({"repository": "${Token[TOKEN.1]}"}, "but must be 'OWNER/REPO' known at synth time"),
        ({"repository": "octo-org"}, "repository is 'octo-org', but must be 'OWNER/REPO'"),
        ({"repository": "octo-org/octo-repo/x"}, "but must be 'OWNER/REPO', such as 'octo-org/octo-repo'"),
        ({"repository": "*/*"}, "repository is '*/*', but must not use a wildcard in the owner or repository part"),
        ({"repository": "octo-org/*"}, "(or pass dangerously_allow_repository_wildcard=True)"),
        ({"repository": "octo-org*/octo-repo*"}, "'repo:acme*/app*' matches 'acme-evil/app-x'"),
        ({"repository": "-octo/app"}, "its owner must be 1 to 39 letters, digits or single hyphens"),
        ({"repository": "octo-/app"}, "repository is 'octo-/app', but its owner must be"),
        ({"repository": "oc--to/app"}, "repository is 'oc--to/app', but its owner must be"),
        ({"repository": f"{'o' * 40}/app"}, "but its owner must be 1 to 39"),
        ({"repository": "octo-org/my repo"}, "its name must be 1 to 100 letters, digits, '.', '-' or '_'"),
        ({"repository": "octo-org/.."}, "repository is 'octo-org/..', but its name must be"),
        ({"repository": "octo-org/app.git"}, "and not ending with '.git' or '.wiki'"),
        ({"repository": f"octo-org/{'r' * 101}"}, "but its name must be 1 to 100"),
        ({}, "the list of jobs to trust (branches, tags, environments, pull_requests, subjects) is empty"),
        ({"branches": []}, "is empty, but must name at least one: a branch, a tag, an environment"),
        ({"branches": "main"}, "branches is 'main', but must be a list of strings, such as ['main']"),
        ({"branches": [""]}, "branches is '', but must be a non-empty string"),
        ({"branches": ["refs/heads/main"]}, "but must be a name without 'refs/heads/' (the subject adds it)"),
        ({"branches": ["feature..x"]}, "branches is 'feature..x', but must be a git ref name"),
        ({"branches": ["my branch"]}, "branches is 'my branch', but must be a git ref name"),
        ({"branches": ["x.lock"]}, "branches is 'x.lock', but must be a git ref name"),
        ({"tags": ["refs/tags/v1"]}, "tags is 'refs/tags/v1', but must be a name without 'refs/tags/'"),
        ({"tags": ["v1:2"]}, "tags is 'v1:2', but must be a git ref name"),
        ({"environments": [" prod"]}, "environments is ' prod', but must be an environment name"),
        ({"pull_requests": "yes"}, "pull_requests is 'yes', but must be True or False"),
        ({"subjects": ["repo:octo-org/other:ref:refs/heads/main"]},
         "but must be a subject of repository 'octo-org/octo-repo'"),
        ({"subjects": ["repo:*:ref:refs/heads/main"]}, "subjects is 'repo:*:ref:refs/heads/main', but must be a subject"),
        ({"subjects": ["repo:octo-org/*:pull_request"]}, "a wildcard in the owner or repository part would trust"),
        ({"subjects": ["repo:octo-org*/octo-repo*:pull_request"]}, "but must be a subject of repository"),
        ({"subjects": ["repository_owner:octo-org"]}, "subjects is 'repository_owner:octo-org', but must be"),
        ({"subjects": ["repo:octo-org@1/octo-repo@2:pull_request"]}, "give owner_id and repository_id as well"),
        ({"subjects": ["repo:octo-org@1/octo-repo@3:pull_request"], "owner_id": 1, "repository_id": 2},
         "but must use owner_id 1 and repository_id 2"),
        ({"branches": ["main"], "owner_id": 1}, "repository_id is None, but must be given too"),
        ({"branches": ["main"], "repository_id": 1}, "owner_id is None, but must be given too"),
        ({"branches": ["main"], "owner_id": "abc", "repository_id": 1}, "owner_id is 'abc', but must be GitHub's numeric id"),
        ({"branches": ["main"], "owner_id": 1, "repository_id": 0}, "repository_id is 0, but must be GitHub's numeric id"),
        ({"branches": ["main"], "owner_id": True, "repository_id": 1}, "owner_id is True, but must be GitHub's numeric"),
        ({"repository": "octo-org/*", "branches": ["main"], "owner_id": 1, "repository_id": 2,
          "dangerously_allow_repository_wildcard": True}, "cannot be given for a repository with a wildcard"),
        ({"branches": ["main"], "dangerously_allow_repository_wildcard": "yes"},
         "dangerously_allow_repository_wildcard is 'yes', but must be True or False"),
        ({"branches": ["main"], "job_workflow_refs": ["octo-org/wf/deploy.yml@refs/heads/main"]},
         "but must be 'OWNER/REPO/.github/workflows/FILE.yml@REF'"),
        ({"branches": ["main"], "job_workflow_refs": ["octo-org/*/.github/workflows/d.yml@refs/heads/main"]},
         "('*' and '?' are wildcards in REF only)"),
        ({"branches": ["main"], "job_workflow_refs": ["octo-org/wf/.github/workflows/d.yml"]},
         "job_workflow_refs is 'octo-org/wf/.github/workflows/d.yml', but must be"),
        ({"branches": ["main"], "job_workflow_refs": ["octo-org/wf/.github/workflows/d.yml@main"]},
         "with REF refs/heads/BRANCH, refs/tags/TAG or a commit SHA"),
        ({"branches": ["main"], "audience": "sts.*"}, "audience is 'sts.*', but must be one exact client id"),
        ({"branches": ["main"], "audience": ""}, "audience is '', but must be one exact client id"),
        ({"branches": ["main"], "provider_arn": "arn:aws:iam::111122223333:oidc-provider/gitlab.com"},
         f"but must be the IAM OIDC provider of issuer 'https://{GITHUB}'"),
        ({"branches": ["main"], "provider_arn": "arn:aws:iam::111122223333:role/x"}, "but must be the IAM OIDC provider"),
        ({"branches": ["main"], "provider_arn": "token.actions.githubusercontent.com"}, "provider_arn is 'token.actions"),
        ({"branches": ["main"], "issuer": f"http://{GITHUB}"}, "issuer is 'http://token.actions.githubusercontent.com'"),
        ({"branches": ["main"], "issuer": f"{GITHUB_OIDC_ISSUER}/"}, "with no port, query or trailing '/'"),
        ({"branches": ["main"], "owner_id": 1, "repository_id": 2, "issuer": "https://ghe.example.com/_services/token",
          "provider_arn": "arn:aws:iam::111122223333:oidc-provider/ghe.example.com/_services/token"},
         "owner_id is 1, but cannot be given for GitHub Enterprise Server"),
        ({"branches": ["main"], "trust_policy_quota": 8192}, "trust_policy_quota is 8192, but must be between 2,048"),
        (_over_quota(), "trust policy is 3,"),
        (_over_quota(), "characters (IAM's quota; whitespace is not counted); trust fewer subjects or job_workflow_refs"),
    ],
)
def test_inputs_that_would_trust_too_much_or_never_work_are_refused(kwargs, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        _trust(**kwargs)


def test_a_raised_quota_admits_a_larger_trust_policy():
    assert iam_size(_trust(**_over_quota(), trust_policy_quota=4096)) > 2048


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"enterprise": "Octocat Inc"}, "enterprise is 'Octocat Inc', but must be an enterprise slug"),
        ({"server_host": "https://github.example.com"}, "server_host is 'https://github.example.com', but must be a host"),
        ({"enterprise": "a", "server_host": "b.example.com"}, "server_host is 'b.example.com', but cannot be given together"),
    ],
)
def test_bad_enterprise_issuers_are_refused(kwargs, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        github_oidc_issuer(**kwargs)


def test_a_provider_arn_needs_an_account_id():
    with pytest.raises(ValidationError, match=re.escape("account_id is '1234', but must be an AWS account id")):
        github_oidc_provider_arn("1234")


def test_a_provider_arn_names_its_issuer_unless_it_is_a_token():
    assert github_oidc_provider_issuer(PROVIDER) == GITHUB_OIDC_ISSUER
    assert github_oidc_provider_issuer(f"{PROVIDER}/octocat-inc") == f"{GITHUB_OIDC_ISSUER}/octocat-inc"
    assert github_oidc_provider_issuer("${Token[TOKEN.7]}") is None


@pytest.mark.parametrize(
    "issuer", ["https://token.actions.githubusercontent.com:443", "https://github.example.com/_services/token?x=1",
               "https://localhost/token", "token.actions.githubusercontent.com", f"https://{'a' * 250}.com"],
)
def test_issuers_iam_would_not_accept_are_refused(issuer):
    with pytest.raises(ValidationError, match=re.escape("but must be an https URL of a host and an optional path")):
        validate_issuer(issuer)
