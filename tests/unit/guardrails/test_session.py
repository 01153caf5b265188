"""Session policies: the JSON for ``aws sts assume-role --policy``, and what STS or sense would refuse."""

from __future__ import annotations

import json
import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.guardrails import SESSION_POLICY_QUOTA, session_policy
from iam_patterns.policy import Statement

READ_ONE_REPORT = Statement(
    sid="ReadOneReport", action="s3:GetObject", resource="arn:aws:s3:::my-app-uploads-prod/reports/q3.csv"
)


def test_emits_the_compact_json_sts_takes():
    policy = session_policy([READ_ONE_REPORT])
    assert json.loads(policy.to_json_string(indent=None)) == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ReadOneReport",
                "Effect": "Allow",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::my-app-uploads-prod/reports/q3.csv",
            }
        ],
    }


def test_deny_statements_may_narrow_further_beside_an_allow():
    policy = session_policy(
        [
            Statement(sid="ReadReports", action="s3:GetObject", resource="arn:aws:s3:::b/reports/*"),
            Statement(
                sid="ButNotDrafts", effect="Deny", action="s3:GetObject", resource="arn:aws:s3:::b/reports/drafts/*"
            ),
        ]
    )
    assert [s.effect for s in policy.statements] == ["Allow", "Deny"]


def test_a_policy_of_exactly_the_quota_is_accepted():
    base = len(session_policy([Statement(sid="X", action="s3:GetObject", resource="r")]).to_json_string(indent=None))
    padded = Statement(sid="X", action="s3:GetObject", resource="r" * (1 + SESSION_POLICY_QUOTA - base))
    assert len(session_policy([padded]).to_json_string(indent=None)) == SESSION_POLICY_QUOTA


BAD = [
    ([], "statements is [], but must hold at least one statement"),
    (
        [Statement(sid="OnlyDeny", effect="Deny", action="s3:*", resource="*")],
        "statements is ['OnlyDeny'], but must allow something",
    ),
    (
        [Statement(sid="Everything", action="*", resource="*")],
        "statements is 'Everything', but must narrow the session",
    ),
    (
        [
            Statement(
                sid="WithPrincipal", principal={"AWS": "arn:aws:iam::111122223333:root"}, action="s3:*", resource="*"
            )
        ],
        "statements is 'WithPrincipal', but must not name a Principal",
    ),
    (
        [Statement(sid="Unicode", action="s3:GetObject", resource="arn:aws:s3:::b/\u20ac/*")],
        "session policy is '\u20ac', but must use only characters U+0020 to U+00FF",
    ),
    (
        [Statement(sid="TooLong", action="s3:GetObject", resource="arn:aws:s3:::b/" + "k" * 2100)],
        "session policy is 2,",
    ),
]


@pytest.mark.parametrize(("statements", "message"), BAD)
def test_bad_input_is_refused(statements, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        session_policy(statements)
