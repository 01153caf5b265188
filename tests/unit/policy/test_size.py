"""IAM size accounting: whitespace is free, and each quota refuses a policy one character over it."""

from __future__ import annotations

import json

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.policy import (
    MANAGED_POLICY_QUOTA,
    TRUST_POLICY_MAX_QUOTA,
    TRUST_POLICY_QUOTA,
    PolicyDocument,
    Statement,
    check_size,
    iam_size,
    validate_trust_policy_quota,
)


def test_whitespace_is_not_counted(guide_trust_policy):
    compact = json.dumps(guide_trust_policy, separators=(",", ":"))
    pretty = json.dumps(guide_trust_policy, indent=4)
    assert iam_size(guide_trust_policy) == len(compact)
    assert iam_size(json.loads(pretty)) == iam_size(guide_trust_policy)


def test_whitespace_inside_values_is_not_counted_either():
    with_space = {"Version": "2012-10-17", "Statement": [{"Sid": "a b", "Effect": "Allow", "Action": "s3:*"}]}
    without = {"Version": "2012-10-17", "Statement": [{"Sid": "ab", "Effect": "Allow", "Action": "s3:*"}]}
    assert iam_size(with_space) == iam_size(without)


def test_documents_and_dicts_measure_the_same(guide_s3_policy):
    assert iam_size(PolicyDocument.from_json(guide_s3_policy)) == iam_size(guide_s3_policy)


def test_the_quotas_are_the_documented_ones():
    assert (TRUST_POLICY_QUOTA, TRUST_POLICY_MAX_QUOTA, MANAGED_POLICY_QUOTA) == (2048, 4096, 6144)


def _policy_of_size(size: int) -> PolicyDocument:
    base = PolicyDocument(statements=[Statement(sid="", action="s3:GetObject")])
    padding = size - iam_size(base)
    return PolicyDocument(statements=[Statement(sid="S" * padding, action="s3:GetObject")])


def test_a_policy_exactly_at_the_quota_is_accepted():
    policy = _policy_of_size(TRUST_POLICY_QUOTA)
    assert check_size(policy, quota=TRUST_POLICY_QUOTA, parameter="trust policy") == TRUST_POLICY_QUOTA


def test_a_policy_one_character_over_the_quota_is_refused():
    with pytest.raises(ValidationError, match=r"trust policy is 2,049 characters, but must be at most 2,048"):
        check_size(_policy_of_size(TRUST_POLICY_QUOTA + 1), quota=TRUST_POLICY_QUOTA, parameter="trust policy")


def test_a_hint_says_how_to_make_the_policy_fit():
    with pytest.raises(ValidationError, match=r"whitespace is not counted\); list fewer subjects$"):
        check_size(_policy_of_size(100), quota=99, parameter="trust policy", hint="; list fewer subjects")


@pytest.mark.parametrize("quota", [2048, 3000, 4096])
def test_trust_policy_quotas_between_the_default_and_the_maximum_are_accepted(quota):
    assert validate_trust_policy_quota(quota) == quota


@pytest.mark.parametrize("quota", [2047, 4097, True, "4096"])
def test_trust_policy_quotas_outside_what_iam_allows_are_refused(quota):
    with pytest.raises(ValidationError, match=r"but must be between 2,048 and 4,096"):
        validate_trust_policy_quota(quota)
