"""GitHubOidcProvider and GitHubOidcRole: the templates they emit, how roles find their provider, refusals."""

from __future__ import annotations

import re

import pytest
from aws_cdk import Duration, Stack
from aws_cdk import aws_iam as iam
from aws_cdk.assertions import Annotations, Match

from iam_patterns import GitHubOidcProvider, GitHubOidcRole, github_oidc_issuer
from iam_patterns.errors import ValidationError
from iam_patterns.evaluation import Simulator
from tests.cdk.synth import properties_of_type, template

GITHUB = "token.actions.githubusercontent.com"
REPO = "octo-org/octo-repo"
WORKFLOW = "octo-org/deploy-workflows/.github/workflows/deploy.yml@refs/heads/main"
ACCOUNT_PROVIDER_ARN = {
    "Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::", {"Ref": "AWS::AccountId"},
                      f":oidc-provider/{GITHUB}"]],
}


def _role_stack(app, **options) -> Stack:
    """A stack with one GitHubOidcRole trusting the account's existing provider."""
    stack = Stack(app, "GitHubOidc")
    provider = GitHubOidcProvider.from_account(stack, "GitHub")
    GitHubOidcRole(stack, "Role", repository=REPO, provider=provider, **options)
    return stack


def test_provider_matches_snapshot(app, snapshot):
    stack = Stack(app, "GitHubOidc")
    GitHubOidcProvider(stack, "GitHub")
    assert template(stack) == snapshot


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"branches": ["main"]}, id="branch"),
        pytest.param({"tags": ["v*"]}, id="tag"),
        pytest.param({"environments": ["production"]}, id="environment"),
        pytest.param({"pull_requests": True}, id="pull-request"),
        pytest.param({"environments": ["production"], "job_workflow_refs": [WORKFLOW]}, id="reusable-workflow"),
        pytest.param({"branches": ["main"], "owner_id": 123456, "repository_id": 456789}, id="id-based"),
    ],
)
def test_role_matches_snapshot(app, snapshot, options):
    assert template(_role_stack(app, **options)) == snapshot


def test_provider_is_the_native_resource_with_no_thumbprint(app):
    stack = Stack(app, "S")
    provider = GitHubOidcProvider(stack, "GitHub")
    resources = template(stack)["Resources"]
    assert [r["Type"] for r in resources.values()] == ["AWS::IAM::OIDCProvider"]  # no Lambda, no custom resource
    ((logical_id, resource),) = resources.items()
    assert resource["Properties"] == {"Url": f"https://{GITHUB}", "ClientIdList": ["sts.amazonaws.com"]}
    assert provider.client_ids == ("sts.amazonaws.com",)
    assert stack.resolve(provider.oidc_provider.oidc_provider_arn) == {"Ref": logical_id}
    assert stack.resolve(provider.provider_arn) == ACCOUNT_PROVIDER_ARN  # IAM names a provider after its URL


def test_enterprise_and_server_providers_use_their_issuer_url(app):
    stack = Stack(app, "S")
    GitHubOidcProvider(stack, "Enterprise", issuer=github_oidc_issuer(enterprise="octocat-inc"))
    GitHubOidcProvider(stack, "Server", issuer=github_oidc_issuer(server_host="github.example.com"))
    urls = sorted(p["Url"] for p in properties_of_type(stack, "AWS::IAM::OIDCProvider").values())
    assert urls == ["https://github.example.com/_services/token", f"https://{GITHUB}/octocat-inc"]


def test_a_role_trusts_an_enterprise_provider_under_its_own_condition_keys(app):
    stack = Stack(app, "S")
    provider = GitHubOidcProvider(stack, "Enterprise", issuer=github_oidc_issuer(enterprise="octocat-inc"))
    role = GitHubOidcRole(stack, "Role", repository=REPO, branches=["main"], provider=provider)
    (statement,) = role.trust_policy.statements
    assert set(statement.condition["StringEquals"]) == {f"{GITHUB}/octocat-inc:aud", f"{GITHUB}/octocat-inc:sub"}


def test_a_role_without_a_provider_creates_one_for_its_stack_and_its_siblings_share_it(app):
    stack = Stack(app, "S")
    first = GitHubOidcRole(stack, "Deploy", repository=REPO, environments=["production"])
    second = GitHubOidcRole(stack, "Plan", repository=REPO, pull_requests=True)
    assert first.provider is second.provider
    assert len(properties_of_type(stack, "AWS::IAM::OIDCProvider")) == 1
    resources = template(stack)["Resources"]
    (provider_id,) = [k for k, v in resources.items() if v["Type"] == "AWS::IAM::OIDCProvider"]
    for role in (v for v in resources.values() if v["Type"] == "AWS::IAM::Role"):
        assert role["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
            "Federated": ACCOUNT_PROVIDER_ARN}
        assert role["DependsOn"] == [provider_id]  # each role waits for the provider it trusts


def test_a_role_uses_the_provider_already_in_its_stack(app):
    stack = Stack(app, "S")
    provider = GitHubOidcProvider(stack, "GitHub")
    role = GitHubOidcRole(stack, "Role", repository=REPO, branches=["main"])
    assert role.provider is provider
    synthesized = template(stack)
    assert len(properties_of_type(synthesized, "AWS::IAM::OIDCProvider")) == 1
    ((role_id, props),) = properties_of_type(synthesized, "AWS::IAM::Role").items()
    assert props["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {"Federated": ACCOUNT_PROVIDER_ARN}
    assert len(synthesized["Resources"][role_id]["DependsOn"]) == 1


def test_an_imported_provider_is_trusted_by_its_arn_and_emits_nothing(app):
    stack = Stack(app, "S")
    arn = f"arn:aws-us-gov:iam::111122223333:oidc-provider/{GITHUB}/octocat-inc"
    provider = GitHubOidcProvider.from_arn(stack, "GitHub", arn)
    assert provider.issuer == f"https://{GITHUB}/octocat-inc" and provider.client_ids is None
    GitHubOidcRole(stack, "Role", repository=REPO, branches=["main"])
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    statement = props["AssumeRolePolicyDocument"]["Statement"][0]
    assert statement["Principal"] == {"Federated": arn}
    assert f"{GITHUB}/octocat-inc:sub" in statement["Condition"]["StringEquals"]
    assert not properties_of_type(stack, "AWS::IAM::OIDCProvider")


def test_the_account_provider_arn_is_built_from_partition_and_account_tokens(app):
    stack = Stack(app, "S")
    provider = GitHubOidcProvider.from_account(stack, "GitHub")
    assert stack.resolve(provider.provider_arn) == ACCOUNT_PROVIDER_ARN


def test_role_defaults_to_one_hour_sessions(app):
    stack = Stack(app, "S")
    GitHubOidcRole(stack, "Role", repository=REPO, branches=["main"])
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    assert props["MaxSessionDuration"] == 3600


def test_role_trusts_git_tags_and_takes_the_common_options(app):
    stack = Stack(app, "S")
    role = GitHubOidcRole(stack, "Role", repository=REPO, tags=["v1.0.0"], role_name="release",
                          max_session_duration=Duration.hours(2), path="/ci/", description="releases")
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    assert (props["RoleName"], props["MaxSessionDuration"], props["Path"]) == ("release", 7200, "/ci/")
    sub = props["AssumeRolePolicyDocument"]["Statement"][0]["Condition"]["StringEquals"][f"{GITHUB}:sub"]
    assert sub == "repo:octo-org/octo-repo:ref:refs/tags/v1.0.0"
    assert isinstance(role, iam.Role)


def test_the_emitted_trust_policy_is_the_documented_one(app):
    stack = Stack(app, "S")
    provider = GitHubOidcProvider.from_arn(stack, "GitHub", f"arn:aws:iam::111122223333:oidc-provider/{GITHUB}")
    role = GitHubOidcRole(stack, "Role", repository=REPO, branches=["main", "release/*"], provider=provider)
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    assert props["AssumeRolePolicyDocument"] == role.trust_policy.to_json()


def test_a_repository_wildcard_with_the_opt_in_carries_a_warning(app):
    stack = Stack(app, "S")
    GitHubOidcRole(stack, "Role", repository="octo-org/*", branches=["main"], dangerously_allow_repository_wildcard=True)
    Annotations.from_stack(stack).has_warning("/S/Role", Match.string_like_regexp("repositories you may not control"))


def test_a_role_without_a_wildcard_carries_no_warning(app):
    stack = Stack(app, "S")
    GitHubOidcRole(stack, "Role", repository=REPO, branches=["main"], dangerously_allow_repository_wildcard=True)
    assert Annotations.from_stack(stack).find_warning("*", Match.any_value()) == []


def _over_quota() -> dict:
    return {"branches": [f"feature-{i:03d}-{'x' * 60}" for i in range(25)]}


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"repository": ""}, "repository is '', but must be 'OWNER/REPO'"),
        ({"repository": "octo-org/*", "branches": ["main"]}, "must not use a wildcard in the owner or repository part"),
        ({"repository": "-octo/app", "branches": ["main"]}, "its owner must be 1 to 39 letters, digits or single hyphens"),
        ({"repository": "octo-org/app.wiki", "branches": ["main"]}, "its name must be 1 to 100 letters"),
        ({"repository": REPO}, "the list of jobs to trust (branches, tags, environments, pull_requests, subjects) is empty"),
        ({"repository": REPO, "subjects": ["repo:evil/octo-repo:ref:refs/heads/main"]}, "must be a subject of repository"),
        ({"repository": REPO, **_over_quota()}, "trust policy is 3,"),
        ({"repository": REPO, "branches": ["main"], "audience": "api://AzureADTokenExchange"},
         "audience is 'api://AzureADTokenExchange', but must be a client id of the provider (sts.amazonaws.com)"),
        ({"repository": REPO, "branches": ["main"], "provider": "arn:aws:iam::111122223333:oidc-provider/x"},
         "but must be a GitHubOidcProvider"),
        ({"repository": REPO, "branches": ["main"], "role_name": "deploy role"}, "role_name is 'deploy role'"),
        ({"repository": REPO, "branches": ["main"], "max_session_duration": Duration.hours(13)},
         "max_session_duration is 46800 s, but must be"),
    ],
)
def test_bad_options_are_refused_before_anything_is_emitted(app, options, fragment):
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        GitHubOidcRole(stack, "Role", **options)
    assert stack.node.try_find_child("Role") is None
    assert stack.node.try_find_child("GitHubOidcProvider") is None


def test_a_custom_audience_needs_a_provider_that_accepts_it(app):
    stack = Stack(app, "S")
    provider = GitHubOidcProvider(stack, "GitHub", client_ids=["sts.amazonaws.com", "octo-org-ci"])
    role = GitHubOidcRole(stack, "Role", repository=REPO, branches=["main"], audience="octo-org-ci", provider=provider)
    assert role.trust_policy.statements[0].condition["StringEquals"][f"{GITHUB}:aud"] == "octo-org-ci"


def test_a_stack_holds_one_provider_per_issuer(app):
    stack = Stack(app, "S")
    GitHubOidcProvider(stack, "GitHub")
    with pytest.raises(ValidationError, match=re.escape("already has a provider in this stack (S/GitHub)")):
        GitHubOidcProvider(stack, "Again")
    with pytest.raises(ValidationError, match=re.escape("an account holds one OIDC provider per issuer URL")):
        GitHubOidcProvider.from_account(stack, "Imported")
    assert stack.node.try_find_child("Again") is None and stack.node.try_find_child("Imported") is None


def test_a_role_in_a_stack_with_several_providers_must_name_one(app):
    stack = Stack(app, "S")
    GitHubOidcProvider(stack, "GitHub")
    GitHubOidcProvider(stack, "Enterprise", issuer=github_oidc_issuer(enterprise="octocat-inc"))
    with pytest.raises(ValidationError, match=re.escape("must be given: this stack has several GitHub OIDC providers")):
        GitHubOidcRole(stack, "Role", repository=REPO, branches=["main"])


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda s: GitHubOidcProvider(s, "P", issuer="http://token.actions.githubusercontent.com"),
         "issuer is 'http://token.actions.githubusercontent.com', but must be an https URL"),
        (lambda s: GitHubOidcProvider(s, "P", client_ids=[]), "client_ids is [], but must be a non-empty list"),
        (lambda s: GitHubOidcProvider(s, "P", client_ids="sts.amazonaws.com"), "client_ids is 'sts.amazonaws.com'"),
        (lambda s: GitHubOidcProvider.from_arn(s, "P", "arn:aws:iam::111122223333:role/deploy"),
         "but must be an IAM OIDC provider: arn:PARTITION:iam::ACCOUNT:oidc-provider/URL"),
        (lambda s: GitHubOidcProvider.from_arn(s, "P", f"arn:aws:iam::111122223333:oidc-provider/{GITHUB}",
                                               issuer="https://github.example.com/_services/token"),
         f"but must be the issuer the provider ARN names, 'https://{GITHUB}'"),
    ],
)
def test_bad_provider_options_are_refused_before_anything_is_emitted(app, call, fragment):
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        call(stack)
    assert stack.node.try_find_child("P") is None


def test_an_enterprise_role_admits_only_tokens_of_the_enterprise_issuer(app):
    stack = Stack(app, "S")
    provider = GitHubOidcProvider(stack, "Enterprise", issuer=github_oidc_issuer(enterprise="octocat-inc"))
    role = GitHubOidcRole(stack, "Role", repository=REPO, branches=["main"], provider=provider)
    sim = Simulator.from_stack(stack, account="111122223333")
    enterprise = f"{GITHUB}/octocat-inc"
    token = {f"{enterprise}:aud": "sts.amazonaws.com", f"{enterprise}:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}
    dotcom = {key.replace(enterprise, GITHUB): value for key, value in token.items()}
    arn = f"arn:aws:iam::111122223333:oidc-provider/{enterprise}"
    assert sim.can_assume(role, {"Federated": arn}, token).allowed
    assert not sim.can_assume(role, {"Federated": arn}, dotcom).allowed
    assert not sim.can_assume(role, {"Federated": f"arn:aws:iam::111122223333:oidc-provider/{GITHUB}"}, token).allowed
