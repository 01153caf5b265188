"""Properties of the decision that must hold for any policies (hypothesis generates them from small alphabets).

- Adding a Deny statement anywhere never turns a denial into an allow.
- Adding an Allow statement to the identity-based policies never turns an allow into a denial.
- The decision does not depend on the order of statements, or of identity-based policies.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from iam_patterns.evaluation import Decision, Request, evaluate

ACCOUNT = "111122223333"
ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "iam:CreateUser", "sts:AssumeRole", "kms:Decrypt"]
ACTION_PATTERNS = ACTIONS + ["*", "s3:*", "s3:Get*", "s3:?utObject", "iam:*", "S3:getobject", "sts:AssumeRole*"]
RESOURCES = [
    "arn:aws:s3:::b", "arn:aws:s3:::b/k", "arn:aws:s3:::c/k", f"arn:aws:iam::{ACCOUNT}:user/u",
    f"arn:aws:iam::{ACCOUNT}:role/target", f"arn:aws:kms:us-east-1:{ACCOUNT}:key/k1", "arn:aws:s3:::b/u/k",
]
RESOURCE_PATTERNS = RESOURCES + ["*", "arn:aws:s3:::b*", "arn:aws:s3:::*/k", "arn:aws:s3:::b/${aws:username}/*",
                                 f"arn:aws:iam::{ACCOUNT}:*"]
CONDITIONS = [
    {"StringEquals": {"aws:username": "u"}},
    {"Bool": {"aws:SecureTransport": "true"}},
    {"StringNotEquals": {"aws:PrincipalTag/team": "x"}},
    {"StringEqualsIfExists": {"aws:PrincipalTag/team": "y"}},
    {"ForAllValues:StringLike": {"aws:TagKeys": ["a*"]}},
    {"ForAnyValue:StringEquals": {"aws:TagKeys": ["a1", "b"]}},
    {"NumericLessThan": {"s3:max-keys": "5"}},
    {"Null": {"aws:TokenIssueTime": "true"}},
    {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
    {"StringLike": {"s3:prefix": "${aws:username}/*"}},
]
PRINCIPALS = [
    f"arn:aws:iam::{ACCOUNT}:user/u",
    f"arn:aws:sts::{ACCOUNT}:assumed-role/r/s",
    "arn:aws:iam::444455556666:user/x",
    f"arn:aws:iam::{ACCOUNT}:root",
    {"Service": "ec2.amazonaws.com"},
]
POLICY_PRINCIPALS = ["*", {"AWS": "*"}, {"AWS": ACCOUNT}, {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                     {"AWS": f"arn:aws:iam::{ACCOUNT}:role/r"}, {"AWS": f"arn:aws:sts::{ACCOUNT}:assumed-role/r/s"},
                     {"AWS": f"arn:aws:iam::{ACCOUNT}:user/u"}, {"AWS": "444455556666"},
                     {"Service": "ec2.amazonaws.com"}]
CONTEXT_VALUES = {
    "aws:SecureTransport": st.sampled_from(["true", "false"]),
    "aws:PrincipalTag/team": st.sampled_from(["x", "y"]),
    "aws:TagKeys": st.lists(st.sampled_from(["a1", "a2", "b"]), max_size=2),
    "s3:max-keys": st.sampled_from(["3", "9"]),
    "aws:SourceIp": st.sampled_from(["10.1.2.3", "192.0.2.1"]),
    "aws:TokenIssueTime": st.just("2026-01-01T00:00:00Z"),
    "s3:prefix": st.sampled_from(["u/a", "v/a"]),
}


def one_or_many(values: list[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(values), st.lists(st.sampled_from(values), min_size=1, max_size=3))


@st.composite
def statements(draw: st.DrawFn, *, effect: str | None = None, principal: bool = False) -> dict[str, Any]:
    statement: dict[str, Any] = {"Effect": effect or draw(st.sampled_from(["Allow", "Deny"]))}
    statement["NotAction" if draw(st.integers(0, 4)) == 0 else "Action"] = draw(one_or_many(ACTION_PATTERNS))
    if draw(st.booleans()):
        statement["NotResource" if draw(st.integers(0, 4)) == 0 else "Resource"] = draw(one_or_many(RESOURCE_PATTERNS))
    if draw(st.integers(0, 2)) == 0:
        statement["Condition"] = draw(st.sampled_from(CONDITIONS))
    if principal:
        key = "NotPrincipal" if draw(st.integers(0, 6)) == 0 else "Principal"
        statement[key] = draw(st.sampled_from(POLICY_PRINCIPALS))
    return statement


def policies(principal: bool = False, min_size: int = 1) -> st.SearchStrategy[dict[str, Any]]:
    return st.lists(statements(principal=principal), min_size=min_size, max_size=4).map(
        lambda s: {"Version": "2012-10-17", "Statement": s})


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Request, dict[str, Any]]:
    keys = draw(st.lists(st.sampled_from(sorted(CONTEXT_VALUES)), unique=True, max_size=4))
    context = {key: draw(CONTEXT_VALUES[key]) for key in keys}
    request = Request(draw(st.sampled_from(PRINCIPALS)), draw(st.sampled_from(ACTIONS)), draw(st.sampled_from(RESOURCES)),
                      context)
    given_policies: dict[str, Any] = {"identity": draw(st.lists(policies(), max_size=2))}
    for kind in ("resource", "boundary", "session"):
        if draw(st.booleans()):
            given_policies[kind] = draw(policies(principal=kind == "resource"))
    given_policies["scps"] = draw(st.lists(st.lists(policies(), min_size=1, max_size=1), max_size=2))
    return request, given_policies


def decide(request: Request, given_policies: dict[str, Any]) -> Decision:
    return evaluate(request, **copy.deepcopy(given_policies)).decision


@settings(max_examples=120, deadline=None)
@given(scenarios(), st.data())
def test_adding_a_deny_never_turns_a_denial_into_an_allow(scenario, data):
    request, given_policies = scenario
    before = decide(request, given_policies)
    kinds = ["identity", "scps"] + [k for k in ("resource", "boundary", "session") if k in given_policies]
    kind = data.draw(st.sampled_from(kinds))
    deny = data.draw(statements(effect="Deny", principal=kind == "resource"))
    widened = copy.deepcopy(given_policies)
    if kind == "identity":
        widened["identity"].append({"Version": "2012-10-17", "Statement": [deny]})
    elif kind == "scps":
        widened["scps"] = widened["scps"] or [[{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                                                                                         "Action": "*", "Resource": "*"}]}]]
        widened["scps"][0][0]["Statement"].append(deny)
    else:
        widened[kind]["Statement"].append(deny)
    after = decide(request, widened)
    if before != Decision.ALLOW:
        assert after != Decision.ALLOW
    if before == Decision.EXPLICIT_DENY:
        assert after == Decision.EXPLICIT_DENY


@settings(max_examples=120, deadline=None)
@given(scenarios(), st.data())
def test_adding_an_identity_allow_never_turns_an_allow_into_a_denial(scenario, data):
    request, given_policies = scenario
    before = decide(request, given_policies)
    grant = data.draw(statements(effect="Allow"))
    widened = copy.deepcopy(given_policies)
    widened["identity"].append({"Version": "2012-10-17", "Statement": [grant]})
    after = decide(request, widened)
    if before == Decision.ALLOW:
        assert after == Decision.ALLOW
    if before == Decision.EXPLICIT_DENY:
        assert after == Decision.EXPLICIT_DENY


@settings(max_examples=120, deadline=None)
@given(scenarios(), st.randoms(use_true_random=False))
def test_the_order_of_statements_and_identity_policies_does_not_matter(scenario, random):
    request, given_policies = scenario
    shuffled = copy.deepcopy(given_policies)
    random.shuffle(shuffled["identity"])
    for document in [*shuffled["identity"], *(shuffled.get(k) for k in ("resource", "boundary", "session")),
                     *(p for level in shuffled["scps"] for p in level)]:
        if document is not None:
            random.shuffle(document["Statement"])
    assert decide(request, shuffled) == decide(request, given_policies)


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_a_decision_is_explicit_deny_exactly_when_a_deny_statement_is_among_the_reasons(scenario):
    request, given_policies = scenario
    result = evaluate(request, **given_policies)
    denying = [r for r in result.reasons if r.effect == "Deny"]
    assert (result.decision == Decision.EXPLICIT_DENY) == bool(denying)
    if result.decision == Decision.ALLOW:
        assert result.reasons and all(r.effect == "Allow" or r.statement is None for r in result.reasons)
