"""Cross-account trust: the guide's policy exactly, ExternalId and MFA guardrails, refusals."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.trust.cross_account import cross_account_trust


def test_emits_exactly_the_guides_trust_policy(guide_trust_policy):
    doc = cross_account_trust(
        trusted_accounts=["111122223333"], external_id="acme-prod-2026", trusted_services=["ec2.amazonaws.com"]
    )
    assert doc.to_json() == guide_trust_policy


def test_mfa_is_required_by_default_and_an_age_limit_is_numeric():
    (statement,) = cross_account_trust(trusted_accounts=["111122223333"], mfa_max_age=3600).statements
    assert statement.condition == {
        "Bool": {"aws:MultiFactorAuthPresent": "true"},
        "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"},
    }


def test_mfa_can_be_turned_off_for_a_third_party_that_uses_an_external_id():
    (statement,) = cross_account_trust(
        trusted_principals=["arn:aws:iam::444455556666:role/vendor-scanner"], external_id="tenant-42", require_mfa=False
    ).statements
    assert statement.principal == {"AWS": "arn:aws:iam::444455556666:role/vendor-scanner"}
    assert statement.condition == {"StringEquals": {"sts:ExternalId": "tenant-42"}}


def test_several_accounts_and_principals_share_one_guarded_statement():
    (statement,) = cross_account_trust(
        trusted_accounts=["111122223333", "444455556666"],
        trusted_principals=["arn:aws-us-gov:iam::777788889999:user/auditor"],
        partition="aws-us-gov",
    ).statements
    assert statement.principal["AWS"] == (
        "arn:aws-us-gov:iam::111122223333:root",
        "arn:aws-us-gov:iam::444455556666:root",
        "arn:aws-us-gov:iam::777788889999:user/auditor",
    )


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({}, "trusted_accounts is [], but must name at least one account"),
        ({"trusted_accounts": ["11112222333"]}, "trusted_accounts is '11112222333', but must be an AWS account id"),
        ({"trusted_accounts": ["1111-2222-3333"]}, "trusted_accounts is '1111-2222-3333', but must be an AWS account id"),
        ({"trusted_principals": ["*"]}, "trusted_principals is '*', but must be the ARN of an account root, role or user"),
        ({"trusted_principals": ["arn:aws:iam::*:root"]}, "but must be the ARN of an account root, role or user"),
        ({"trusted_principals": ["arn:aws:s3:::bucket"]}, "but must be the ARN of an account root, role or user"),
        ({"trusted_accounts": ["111122223333"], "external_id": "a"}, "external_id is 'a', but must be 2 to 1,224 characters"),
        ({"trusted_accounts": ["111122223333"], "external_id": "acme prod"}, "external_id is 'acme prod', but must be 2 to 1,224"),
        ({"trusted_accounts": ["111122223333"], "external_id": "x" * 1225}, "but must be 2 to 1,224 characters"),
        ({"trusted_accounts": ["111122223333"], "mfa_max_age": 0}, "mfa_max_age is 0 s, but must be a whole number of seconds from 1 to 129,600"),
        ({"trusted_accounts": ["111122223333"], "mfa_max_age": 200_000}, "mfa_max_age is 200000 s, but must be"),
        ({"trusted_accounts": ["111122223333"], "mfa_max_age": 60, "require_mfa": False}, "mfa_max_age is 60 s, but needs require_mfa=True"),
        ({"trusted_accounts": ["111122223333"], "trusted_services": ["sns"]}, "trusted_services is 'sns', but must be an AWS service principal"),
        (
            {"trusted_accounts": ["111122223333"], "trusted_services": ["events.amazonaws.com"]},
            "trusted_services is 'events.amazonaws.com', but must be guarded with source_arns",
        ),
        ({"trusted_accounts": ["111122223333"], "partition": "aws-mars"}, "partition is 'aws-mars', but must be one of aws"),
    ],
)
def test_bad_cross_account_trusts_are_refused(kwargs, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        cross_account_trust(**kwargs)
