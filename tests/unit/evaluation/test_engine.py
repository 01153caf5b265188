"""evaluate(): the decision procedure on the guide's policies, and refusal of what it cannot evaluate."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import IamPatternsError, ValidationError
from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.policy import PolicyDocument, s3_prefix_access

SESSION = "arn:aws:sts::111122223333:assumed-role/app/s1"
BUCKET = "arn:aws:s3:::my-app-uploads-prod"
ROLE = "arn:aws:iam::444455556666:role/app"
ALLOW_ASSUME = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}
GUARDRAILS = {"sts:ExternalId": "acme-prod-2026", "aws:MultiFactorAuthPresent": "true"}


def allow(action="*", resource="*", **extra):
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource, **extra}]}


def deny(action="*", resource="*", **extra):
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": action, "Resource": resource, **extra}]}


@pytest.mark.parametrize(
    ("action", "resource", "context", "decision"),
    [
        ("s3:GetObject", f"{BUCKET}/reports/q1.csv", {}, Decision.ALLOW),
        ("s3:PutObject", f"{BUCKET}/reports/q1.csv", {}, Decision.ALLOW),
        ("s3:DeleteObject", f"{BUCKET}/reports/deep/q1.csv", {}, Decision.ALLOW),
        ("s3:GetObject", f"{BUCKET}/private/q1.csv", {}, Decision.IMPLICIT_DENY),
        ("s3:GetObject", "arn:aws:s3:::other-bucket/reports/q1.csv", {}, Decision.IMPLICIT_DENY),
        ("s3:GetObjectAcl", f"{BUCKET}/reports/q1.csv", {}, Decision.IMPLICIT_DENY),
        ("s3:ListBucket", BUCKET, {"s3:prefix": "reports/2026/"}, Decision.ALLOW),
        ("s3:ListBucket", BUCKET, {"s3:prefix": "private/"}, Decision.IMPLICIT_DENY),
        ("s3:ListBucket", BUCKET, {}, Decision.IMPLICIT_DENY),
        ("s3:ListBucket", f"{BUCKET}/reports/", {"s3:prefix": "reports/"}, Decision.IMPLICIT_DENY),
    ],
)
def test_guide_s3_policy_grants_the_reports_prefix_and_nothing_else(guide_s3_policy, action, resource, context, decision):
    result = evaluate(Request(SESSION, action, resource, context), [guide_s3_policy])
    assert result.decision == decision
    assert result.allowed is (decision == Decision.ALLOW)


def test_a_policy_document_decides_like_its_json(guide_s3_policy):
    doc = s3_prefix_access("my-app-uploads-prod", "reports/")
    for resource in (f"{BUCKET}/reports/a", f"{BUCKET}/other/a"):
        request = Request(SESSION, "s3:GetObject", resource)
        assert evaluate(request, [doc]).decision == evaluate(request, [guide_s3_policy]).decision


@pytest.mark.parametrize(
    ("principal", "context", "decision"),
    [
        ({"Service": "ec2.amazonaws.com"}, {}, Decision.ALLOW),
        ({"Service": "lambda.amazonaws.com"}, {}, Decision.IMPLICIT_DENY),
        ("arn:aws:iam::111122223333:user/ops", GUARDRAILS, Decision.ALLOW),
        ("arn:aws:sts::111122223333:assumed-role/admin/alice", GUARDRAILS, Decision.ALLOW),
        ("arn:aws:iam::111122223333:user/ops", {**GUARDRAILS, "sts:ExternalId": "wrong"}, Decision.IMPLICIT_DENY),
        ("arn:aws:iam::111122223333:user/ops", {"sts:ExternalId": "acme-prod-2026"}, Decision.IMPLICIT_DENY),
        ("arn:aws:iam::111122223333:user/ops", {**GUARDRAILS, "aws:MultiFactorAuthPresent": "false"},
         Decision.IMPLICIT_DENY),
        ("arn:aws:iam::999988887777:user/ops", GUARDRAILS, Decision.IMPLICIT_DENY),
    ],
)
def test_guide_trust_policy_admits_ec2_and_the_trusted_account_with_guardrails(guide_trust_policy, principal, context,
                                                                              decision):
    request = Request(principal, "sts:AssumeRole", ROLE, context)
    assert evaluate(request, [ALLOW_ASSUME], resource=guide_trust_policy).decision == decision


def test_cross_account_caller_needs_its_own_identity_policy_too(guide_trust_policy):
    request = Request("arn:aws:iam::111122223333:user/ops", "sts:AssumeRole", ROLE, GUARDRAILS)
    result = evaluate(request, [], resource=guide_trust_policy)
    assert result.decision == Decision.IMPLICIT_DENY
    assert [r.policy for r in result.reasons] == ["identity"]


def test_an_explicit_deny_names_the_statement_that_denied(guide_s3_policy):
    denial = {"Version": "2012-10-17", "Statement": [
        {"Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}
    result = evaluate(Request(SESSION, "s3:DeleteObject", f"{BUCKET}/reports/a"), [guide_s3_policy, denial])
    assert result.decision == Decision.EXPLICIT_DENY
    (reason,) = result.reasons
    assert (reason.policy, reason.index, reason.statement, reason.sid, reason.effect) == ("identity", 1, 0, "NoDeletes",
                                                                                          "Deny")
    assert str(reason) == "identity-based policy 1, statement 0 (Sid NoDeletes): Deny"


def test_policies_given_by_name_are_named_in_reasons(guide_s3_policy):
    result = evaluate(Request(SESSION, "s3:GetObject", f"{BUCKET}/reports/a"), {"Reports": guide_s3_policy})
    assert [str(r) for r in result.reasons] == ["identity-based policy 'Reports', statement 0 (Sid ReadWriteAppUploads): Allow"]


def test_decision_is_a_string_enum():
    assert Decision.ALLOW == "Allow" and Decision.EXPLICIT_DENY == "ExplicitDeny"
    assert Decision.IMPLICIT_DENY == "ImplicitDeny" and str(Decision.IMPLICIT_DENY) == "ImplicitDeny"


def test_unknown_condition_operator_is_an_error_not_a_pass():
    policy = allow(Condition={"StringEqualz": {"aws:username": "alice"}})
    with pytest.raises(ValidationError, match=re.escape("Condition is 'StringEqualz', but must use an operator IAM knows")):
        evaluate(Request(SESSION, "s3:GetObject", f"{BUCKET}/a"), [policy])


def test_unknown_set_operator_is_an_error():
    policy = allow(Condition={"ForSomeValues:StringEquals": {"aws:TagKeys": "a"}})
    with pytest.raises(ValidationError, match=re.escape("Condition is 'ForSomeValues:StringEquals'")):
        evaluate(Request(SESSION, "s3:GetObject", f"{BUCKET}/a"), [policy])


@pytest.mark.parametrize(
    ("condition", "fragment"),
    [
        ({"NullIfExists": {"aws:TokenIssueTime": "true"}}, "must be plain Null"),
        ({"Null": {"aws:TokenIssueTime": "yes"}}, "must be 'true' (key missing) or 'false' (present)"),
        ({"Bool": {"aws:SecureTransport": "maybe"}}, "must be 'true' or 'false' for Bool"),
        ({"NumericLessThan": {"s3:max-keys": "ten"}}, "must be a number for NumericLessThan"),
        ({"DateGreaterThan": {"aws:CurrentTime": "yesterday"}}, "must be an ISO 8601 date or epoch seconds"),
        ({"IpAddress": {"aws:SourceIp": "300.1.1.1/8"}}, "must be an IPv4 or IPv6 address or CIDR range"),
        ({"StringEquals": {"aws:username": []}}, "must list at least one value"),
        ({"StringEquals": {"aws:username": {"Ref": "X"}}}, "must be a string, number or boolean"),
        ({"StringEquals": "aws:username"}, "must map condition keys to values"),
    ],
)
def test_malformed_conditions_are_refused(condition, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        evaluate(Request(SESSION, "s3:GetObject", f"{BUCKET}/a"), [allow(Condition=condition)])


def test_a_context_value_an_operator_cannot_read_is_refused():
    policy = allow(Condition={"NumericLessThanEquals": {"s3:max-keys": "10"}})
    request = Request(SESSION, "s3:ListBucket", BUCKET, {"s3:max-keys": "many"})
    with pytest.raises(ValidationError, match=re.escape("context['s3:max-keys'] is 'many', but must be a number")):
        evaluate(request, [policy])


@pytest.mark.parametrize(
    ("policy", "fragment"),
    [
        ({"Statement": [{"Effect": "Permit", "Action": "s3:*", "Resource": "*"}]}, "Effect is 'Permit'"),
        ({"Statement": [{"Effect": "Allow", "Resource": "*"}]}, "must be given, or NotAction instead"),
        ({"Statement": [{"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:Get*"}]}, "cannot be given together"),
        ({"Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]}, "non-empty string or list of strings"),
        ({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resources": "*"}]}, "must only use the keys"),
        ({"Version": "2020-01-01", "Statement": []}, "Version is '2020-01-01'"),
        ({"Statement": "nope"}, "must be a statement object or a list of them"),
        ("not a policy", "must be a JSON object (dict) or a PolicyDocument"),
    ],
)
def test_malformed_policies_are_refused(policy, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        evaluate(Request(SESSION, "s3:GetObject", f"{BUCKET}/a"), [policy])


def test_identity_policies_may_not_name_a_principal(guide_trust_policy):
    with pytest.raises(ValidationError, match="must not name a Principal"):
        evaluate(Request(SESSION, "sts:AssumeRole", ROLE), [guide_trust_policy])


def test_resource_policies_must_name_a_principal(guide_s3_policy):
    with pytest.raises(ValidationError, match="must name a Principal or NotPrincipal in every statement"):
        evaluate(Request(SESSION, "s3:GetObject", f"{BUCKET}/reports/a"), resource=guide_s3_policy)


def test_scps_must_be_given_as_levels(guide_s3_policy):
    with pytest.raises(ValidationError, match=re.escape("must be a list of levels (root, OUs, account)")):
        evaluate(Request(SESSION, "s3:GetObject", f"{BUCKET}/reports/a"), [guide_s3_policy], scps=[guide_s3_policy])


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"principal": "arn:aws:iam::111122223333:group/devs"}, "principal is 'arn:aws:iam::111122223333:group/devs'"),
        ({"principal": "alice"}, "must be an IAM principal ARN"),
        ({"principal": {"Service": "ec2.amazonaws.com", "AWS": "*"}}, "must be an IAM principal ARN"),
        ({"action": "GetObject"}, "action is 'GetObject', but must be 'service:Action'"),
        ({"action": "s3:Get*"}, "must be 'service:Action'"),
        ({"resource": ""}, "resource is '', but must be an ARN"),
        ({"resource_account": "1234"}, "resource_account is '1234', but must be a 12-digit account id"),
        ({"context": {"aws:username": object}}, "must be a string, a number, a boolean, or a list of them"),
        ({"context": ["aws:username"]}, "context is ['aws:username'], but must be a mapping"),
    ],
)
def test_malformed_requests_are_refused(kwargs, fragment):
    fields = {"principal": SESSION, "action": "s3:GetObject", "resource": f"{BUCKET}/a", **kwargs}
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        Request(**fields)


def test_errors_belong_to_the_kit_error_tree():
    with pytest.raises(IamPatternsError):
        Request("nobody", "s3:GetObject")


def test_policy_documents_and_dicts_are_compiled_once_and_reused(guide_s3_policy):
    from iam_patterns.evaluation._policy import compiled

    doc = PolicyDocument.from_json(guide_s3_policy)
    assert compiled(doc) is compiled(doc)
    assert compiled(guide_s3_policy) is compiled(guide_s3_policy)
