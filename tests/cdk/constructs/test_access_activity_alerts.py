"""AccessActivityAlerts: root and assume-role rules to one topic that only those rules may publish to."""

from __future__ import annotations

import re

import pytest
from aws_cdk import Stack
from aws_cdk import aws_iam as iam

from iam_patterns import AccessActivityAlerts
from iam_patterns.errors import ValidationError
from tests.cdk.synth import properties_of_type, template


def test_both_rules_publish_to_the_topic_and_only_they_may(app):
    stack = Stack(app, "S")
    role = iam.Role.from_role_arn(stack, "BreakGlass", "arn:aws:iam::111122223333:role/ops/break-glass")
    alerts = AccessActivityAlerts(stack, "Alerts", watched_roles=[role])
    rules = properties_of_type(stack, "AWS::Events::Rule")
    topic_ref = {"Ref": stack.get_logical_id(alerts.topic.node.default_child)}
    assert len(rules) == 2
    for rule in rules.values():
        assert rule["Targets"] == [{"Arn": topic_ref, "Id": "AlertTopic"}]
        assert rule["State"] == "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
    assume = rules[stack.get_logical_id(alerts.rules["AssumeWatchedRole"])]
    assert assume["EventPattern"]["detail"]["requestParameters"] == {
        "roleArn": ["arn:aws:iam::111122223333:role/ops/break-glass"]
    }
    (policy,) = properties_of_type(stack, "AWS::SNS::TopicPolicy").values()
    allow = policy["PolicyDocument"]["Statement"][0]
    assert allow["Principal"] == {"Service": "events.amazonaws.com"}
    assert allow["Condition"]["ArnEquals"]["aws:SourceArn"] == [{"Fn::GetAtt": [k, "Arn"]} for k in rules]
    assert policy["Topics"] == [topic_ref]
    (analyzer,) = properties_of_type(stack, "AWS::AccessAnalyzer::Analyzer").values()
    assert analyzer["Type"] == "ACCOUNT"


def test_without_watched_roles_only_root_activity_is_watched(app):
    stack = Stack(app, "S")
    alerts = AccessActivityAlerts(stack, "Alerts", analyzer_type="ORGANIZATION")
    assert list(alerts.rules) == ["RootActivity"]
    (policy,) = properties_of_type(stack, "AWS::SNS::TopicPolicy").values()
    rule_id = stack.get_logical_id(alerts.rules["RootActivity"])
    assert policy["PolicyDocument"]["Statement"][0]["Condition"] == {
        "ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": [rule_id, "Arn"]}}
    }
    assert [a["Type"] for a in properties_of_type(stack, "AWS::AccessAnalyzer::Analyzer").values()] == ["ORGANIZATION"]


def test_an_unknown_analyzer_type_is_refused_before_anything_is_emitted(app):
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=re.escape("analyzer_type is 'REGION', but must be one of ACCOUNT")):
        AccessActivityAlerts(stack, "Alerts", analyzer_type="REGION")
    assert template(stack).get("Resources", {}) == {}


def test_without_an_analyzer_type_no_analyzer_is_made_and_the_alerts_stay(app):
    stack = Stack(app, "S")
    alerts = AccessActivityAlerts(stack, "Alerts", analyzer_type=None)
    assert alerts.analyzer is None
    assert properties_of_type(stack, "AWS::AccessAnalyzer::Analyzer") == {}
    assert len(properties_of_type(stack, "AWS::Events::Rule")) == 1
