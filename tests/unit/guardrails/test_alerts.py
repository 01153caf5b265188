"""Alert event patterns and the alert topic's policy (EventBridge only, only for the alert rules)."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.guardrails import alert_topic_policy, assume_role_pattern, root_activity_pattern

TOPIC = "arn:aws:sns:eu-west-1:111122223333:alerts"
RULES = ["arn:aws:events:eu-west-1:111122223333:rule/root", "arn:aws:events:eu-west-1:111122223333:rule/assume"]


def test_root_pattern_matches_api_calls_and_console_sign_ins_by_the_root_user():
    assert root_activity_pattern() == {
        "detail-type": ["AWS API Call via CloudTrail", "AWS Console Sign In via CloudTrail"],
        "detail": {"userIdentity": {"type": ["Root"]}},
    }


def test_assume_role_pattern_matches_assume_role_on_the_named_roles_only():
    pattern = assume_role_pattern(["arn:aws:iam::111122223333:role/break-glass"])
    assert pattern["source"] == ["aws.sts"]
    assert pattern["detail"]["eventName"] == ["AssumeRole"]
    assert pattern["detail"]["requestParameters"] == {"roleArn": ["arn:aws:iam::111122223333:role/break-glass"]}


def test_topic_policy_lets_only_eventbridge_publish_for_the_alert_rules():
    allow, tls = alert_topic_policy(topic_arn=TOPIC, rule_arns=RULES).statements
    assert allow.principal == {"Service": "events.amazonaws.com"}
    assert (allow.action, allow.resource) == ("sns:Publish", TOPIC)
    assert allow.condition == {"ArnEquals": {"aws:SourceArn": tuple(RULES)}}
    assert (tls.effect, tls.condition) == ("Deny", {"Bool": {"aws:SecureTransport": "false"}})


BAD = [
    (lambda: assume_role_pattern([]), "role_arns is [], but must name at least one value"),
    (lambda: assume_role_pattern(["break-glass"]), "role_arns is 'break-glass', but must be an ARN"),
    (lambda: alert_topic_policy(topic_arn=TOPIC, rule_arns=[]), "rule_arns is [], but must name at least one value"),
]


@pytest.mark.parametrize(("build", "message"), BAD)
def test_bad_input_is_refused(build, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        build()
