"""Identity Center values: instance ARNs, names, ids, policy references and ISO 8601 session durations."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.guardrails import (
    iso_duration,
    policy_reference,
    validate_aws_managed_policy_arn,
    validate_identity_store_id,
    validate_instance_arn,
    validate_permission_set_name,
)


@pytest.mark.parametrize(
    ("seconds", "iso"), [(3600, "PT1H"), (5400, "PT1H30M"), (14400, "PT4H"), (43200, "PT12H"), (3660, "PT1H1M")]
)
def test_session_durations_are_written_as_iso_8601(seconds, iso):
    assert iso_duration(seconds) == iso


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("team-a-boundary", ("team-a-boundary", "/")),
        ("/delegated/team-a", ("team-a", "/delegated/")),
        ("/a/b/c", ("c", "/a/b/")),
    ],
)
def test_policy_references_split_into_name_and_path(reference, expected):
    assert policy_reference(reference) == expected


def test_good_values_pass():
    assert validate_instance_arn("arn:aws-us-gov:sso:::instance/ssoins-1111111111111111")
    assert validate_permission_set_name("TeamADeveloper")
    assert validate_identity_store_id("9067e1a2-40a1-70f5-5f0d-6f1b0c2e9a11", parameter="p")
    assert validate_identity_store_id("906712345a-9067e1a2-40a1-70f5-5f0d-6f1b0c2e9a11", parameter="p")
    assert validate_aws_managed_policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess", parameter="p")


BAD = [
    (lambda: iso_duration(1800), "session_duration is 1800 s, but must be between 1 and 12 hours"),
    (lambda: iso_duration(46800), "session_duration is 46800 s, but must be between 1 and 12 hours"),
    (lambda: iso_duration(3630), "session_duration is 3630 s, but must be whole minutes"),
    (lambda: validate_instance_arn("arn:aws:sso:::instance/ssoins-123"), "instance_arn is "),
    (
        lambda: validate_instance_arn("arn:aws:sso:::permissionSet/ssoins-1111111111111111"),
        "must be an Identity Center",
    ),
    (lambda: validate_permission_set_name("x" * 33), "name is 'xxxxxxxx"),
    (lambda: validate_identity_store_id("team-a", parameter="group_assignments"), "group_assignments is 'team-a'"),
    (
        lambda: validate_aws_managed_policy_arn(
            "arn:aws:iam::111122223333:policy/mine", parameter="permissions_boundary"
        ),
        "permissions_boundary is 'arn:aws:iam::111122223333:policy/mine', but must be an AWS managed policy ARN",
    ),
    (lambda: policy_reference("delegated/team-a"), "customer_managed_policies is 'delegated/', but must start and end"),
    (lambda: policy_reference("/delegated/"), "customer_managed_policies is '', but must be 1 to 128 characters"),
]


@pytest.mark.parametrize(("build", "message"), BAD)
def test_bad_input_is_refused(build, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        build()
