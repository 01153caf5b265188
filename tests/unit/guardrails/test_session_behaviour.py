"""A session policy narrows a session to what both it and the role allow, and can never widen it."""

from __future__ import annotations

from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.guardrails import session_policy
from iam_patterns.policy import Statement, s3_prefix_access

SESSION = "arn:aws:sts::111122223333:assumed-role/reports-reader/q3-export"
BUCKET = "arn:aws:s3:::my-app-uploads-prod"
ROLE_POLICY = s3_prefix_access("my-app-uploads-prod", "reports/")
ONE_REPORT = session_policy(
    [Statement(sid="ReadOneReport", action="s3:GetObject", resource=f"{BUCKET}/reports/q3.csv")]
)


def _decide(action: str, resource: str, session=ONE_REPORT) -> Decision:
    return evaluate(Request(SESSION, action, resource), [ROLE_POLICY], session=session).decision


def test_the_session_keeps_what_both_allow():
    assert _decide("s3:GetObject", f"{BUCKET}/reports/q3.csv") == Decision.ALLOW


def test_the_session_loses_what_the_role_allows_but_the_session_policy_does_not():
    assert _decide("s3:GetObject", f"{BUCKET}/reports/q4.csv") == Decision.IMPLICIT_DENY
    assert _decide("s3:PutObject", f"{BUCKET}/reports/q3.csv") == Decision.IMPLICIT_DENY
    assert evaluate(Request(SESSION, "s3:GetObject", f"{BUCKET}/reports/q4.csv"), [ROLE_POLICY]).allowed


def test_a_session_policy_cannot_grant_beyond_the_role():
    wide = session_policy([Statement(sid="TryToWiden", action="s3:*", resource=f"{BUCKET}/*")])
    assert _decide("s3:GetObject", f"{BUCKET}/private/secret.csv", session=wide) == Decision.IMPLICIT_DENY
