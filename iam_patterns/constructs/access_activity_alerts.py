"""``AccessActivityAlerts``: alerts on root-user activity and on assuming named roles, and an access analyzer."""

from __future__ import annotations

from collections.abc import Sequence

from aws_cdk import aws_accessanalyzer as accessanalyzer
from aws_cdk import aws_events as events
from aws_cdk import aws_iam as iam
from aws_cdk import aws_sns as sns
from constructs import Construct

from ..errors import ValidationError
from ..guardrails import alert_topic_policy, assume_role_pattern, root_activity_pattern

__all__ = ["AccessActivityAlerts"]

ANALYZER_TYPES = ("ACCOUNT", "ORGANIZATION")
_ALL_MANAGEMENT_EVENTS = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"


class AccessActivityAlerts(Construct):
    """EventBridge rules on CloudTrail events, delivered to an SNS topic, and an IAM Access Analyzer analyzer.

    One rule matches anything the root user does (API calls and console sign-ins); another, when
    ``watched_roles`` are given, matches ``sts:AssumeRole`` on those roles. Both send the event to ``.topic``,
    whose policy lets only ``events.amazonaws.com`` publish, and only for these two rules (``aws:SourceArn``),
    and refuses publishing without TLS. The rules also see read-only management events
    (``ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS``). CloudTrail must be logging management events, and the
    rules see the events of their own region: deploy in ``us-east-1`` too for console sign-ins. Subscribe
    people or tools to ``.topic``.

    Example::

        alerts = AccessActivityAlerts(self, "Alerts", watched_roles=[break_glass_role])
        alerts.topic.add_subscription(subscriptions.EmailSubscription("security@example.com"))
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        watched_roles: Sequence[iam.IRole] = (),
        analyzer_type: str = "ACCOUNT",
    ) -> None:
        """
        :param watched_roles: Roles whose ``sts:AssumeRole`` raises an alert. Default: none (root alerts only).
        :param analyzer_type: ``ACCOUNT``, or ``ORGANIZATION`` (from the management or delegated administrator
            account). Default: ``ACCOUNT``.
        """
        if analyzer_type not in ANALYZER_TYPES:
            raise ValidationError("analyzer_type", analyzer_type, f"must be one of {', '.join(ANALYZER_TYPES)}")
        patterns = {"RootActivity": root_activity_pattern()}
        if watched_roles:
            patterns["AssumeWatchedRole"] = assume_role_pattern([role.role_arn for role in watched_roles])
        super().__init__(scope, construct_id)
        self.topic = sns.Topic(self, "Topic", display_name="IAM access activity alerts")
        """Where the alerts go."""
        self.rules = {
            name: events.CfnRule(
                self,
                name,
                description=f"iam_patterns: {name} alert",
                event_pattern=pattern,
                state=_ALL_MANAGEMENT_EVENTS,
                targets=[events.CfnRule.TargetProperty(arn=self.topic.topic_arn, id="AlertTopic")],
            )
            for name, pattern in patterns.items()
        }
        """The EventBridge rules by name: ``RootActivity`` and, with watched roles, ``AssumeWatchedRole``."""
        self.topic_policy = alert_topic_policy(
            topic_arn=self.topic.topic_arn, rule_arns=[rule.attr_arn for rule in self.rules.values()]
        )
        """The topic's policy, as a pure ``PolicyDocument``."""
        sns.CfnTopicPolicy(
            self, "TopicPolicy", topics=[self.topic.topic_arn], policy_document=self.topic_policy.to_json()
        )
        self.analyzer = accessanalyzer.CfnAnalyzer(self, "Analyzer", type=analyzer_type)
        """The IAM Access Analyzer analyzer."""
