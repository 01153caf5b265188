"""Access-activity alerts: the EventBridge event patterns for root-user activity and for assuming named roles,
and the SNS topic policy that lets only those rules publish.

CloudTrail delivers management events to EventBridge in the region where they happen: API calls as
``AWS API Call via CloudTrail``, console sign-ins as ``AWS Console Sign In via CloudTrail`` (``us-east-1`` for
the root user). A rule sees read-only events only when its state is ``ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS``.

Example::

    root_activity_pattern()
    assume_role_pattern(["arn:aws:iam::111122223333:role/break-glass"])
    alert_topic_policy(topic_arn=topic_arn, rule_arns=[root_rule_arn, assume_rule_arn])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..policy import PolicyDocument, Statement, one_or_many, validate_arn, validate_non_empty
from ..policy.keys import SECURE_TRANSPORT, SOURCE_ARN

__all__ = [
    "API_CALL",
    "CONSOLE_SIGN_IN",
    "EVENTS_PRINCIPAL",
    "SECURE_TRANSPORT",
    "alert_topic_policy",
    "assume_role_pattern",
    "root_activity_pattern",
]

API_CALL = "AWS API Call via CloudTrail"
CONSOLE_SIGN_IN = "AWS Console Sign In via CloudTrail"
EVENTS_PRINCIPAL = "events.amazonaws.com"


def root_activity_pattern() -> dict[str, Any]:
    """The event pattern for anything the root user does: API calls and console sign-ins.

    Example::

        events.CfnRule(self, "Root", event_pattern=root_activity_pattern(), ...)
    """
    return {"detail-type": [API_CALL, CONSOLE_SIGN_IN], "detail": {"userIdentity": {"type": ["Root"]}}}


def assume_role_pattern(role_arns: Sequence[str]) -> dict[str, Any]:
    """The event pattern for ``sts:AssumeRole`` calls on the roles ``role_arns`` (with their path, as the
    caller passes ``RoleArn``).

    Example::

        assume_role_pattern(["arn:aws:iam::111122223333:role/platform/break-glass"])
    """
    arns = validate_non_empty(role_arns, parameter="role_arns")
    for arn in arns:
        validate_arn(arn, parameter="role_arns")
    return {
        "source": ["aws.sts"],
        "detail-type": [API_CALL],
        "detail": {
            "eventSource": ["sts.amazonaws.com"],
            "eventName": ["AssumeRole"],
            "requestParameters": {"roleArn": list(dict.fromkeys(arns))},
        },
    }


def alert_topic_policy(*, topic_arn: str, rule_arns: Sequence[str]) -> PolicyDocument:
    """The topic policy of the alert topic: EventBridge may publish only on behalf of ``rule_arns``
    (``aws:SourceArn``, against the confused deputy), and nobody may publish without TLS.

    Example::

        alert_topic_policy(topic_arn=topic.topic_arn, rule_arns=[rule.attr_arn])
    """
    rules = validate_non_empty(rule_arns, parameter="rule_arns")
    for arn in rules:
        validate_arn(arn, parameter="rule_arns")
    validate_arn(topic_arn, parameter="topic_arn")
    return PolicyDocument(
        statements=(
            Statement(
                sid="AllowOnlyTheAlertRulesToPublish",
                principal={"Service": EVENTS_PRINCIPAL},
                action="sns:Publish",
                resource=topic_arn,
                condition={"ArnEquals": {SOURCE_ARN: one_or_many(rules)}},
            ),
            Statement(
                sid="DenyPublishingWithoutTls",
                effect="Deny",
                principal="*",
                action="sns:Publish",
                resource=topic_arn,
                condition={"Bool": {SECURE_TRANSPORT: "false"}},
            ),
        )
    )
