"""Only EventBridge, on behalf of the alert rules, over TLS, may publish to the alert topic."""

from __future__ import annotations

from iam_patterns.evaluation import Decision, Request, evaluate
from iam_patterns.guardrails import alert_topic_policy

TOPIC = "arn:aws:sns:eu-west-1:111122223333:alerts"
ROOT_RULE = "arn:aws:events:eu-west-1:111122223333:rule/root-activity"
ASSUME_RULE = "arn:aws:events:eu-west-1:111122223333:rule/assume-break-glass"
POLICY = alert_topic_policy(topic_arn=TOPIC, rule_arns=[ROOT_RULE, ASSUME_RULE])
TLS = {"aws:SecureTransport": "true"}


def _decide(principal, **context: str) -> Decision:
    return evaluate(Request(principal, "sns:Publish", TOPIC, context), [], resource=POLICY).decision


def test_eventbridge_may_publish_for_each_alert_rule():
    for rule in (ROOT_RULE, ASSUME_RULE):
        assert _decide({"Service": "events.amazonaws.com"}, **{"aws:SourceArn": rule}, **TLS) == Decision.ALLOW


def test_eventbridge_may_not_publish_for_another_rule_or_without_a_source():
    other = "arn:aws:events:eu-west-1:999988887777:rule/someone-elses"
    assert _decide({"Service": "events.amazonaws.com"}, **{"aws:SourceArn": other}, **TLS) == Decision.IMPLICIT_DENY
    assert _decide({"Service": "events.amazonaws.com"}, **TLS) == Decision.IMPLICIT_DENY


def test_another_service_may_not_publish():
    assert _decide({"Service": "s3.amazonaws.com"}, **{"aws:SourceArn": ROOT_RULE}, **TLS) == Decision.IMPLICIT_DENY


def test_publishing_without_tls_is_denied():
    context = {"aws:SourceArn": ROOT_RULE, "aws:SecureTransport": "false"}
    assert _decide({"Service": "events.amazonaws.com"}, **context) == Decision.EXPLICIT_DENY
