"""The access-activity-alerts example stack: assuming break-glass alerts, and so does anything root does."""

from __future__ import annotations

from stacks.access_activity_alerts import AccessActivityAlertsStack
from tests.cdk.synth import template


def test_template_matches_snapshot(app, snapshot):
    assert template(AccessActivityAlertsStack(app, "IamPatterns-AccessActivityAlerts")) == snapshot


def test_the_assume_role_rule_watches_the_break_glass_role_of_this_stack(app):
    resources = template(AccessActivityAlertsStack(app, "A"))["Resources"]
    role_id = next(k for k, r in resources.items() if r["Type"] == "AWS::IAM::Role")
    patterns = [r["Properties"]["EventPattern"] for r in resources.values() if r["Type"] == "AWS::Events::Rule"]
    watched = [p["detail"]["requestParameters"]["roleArn"] for p in patterns if "requestParameters" in p["detail"]]
    assert watched == [[{"Fn::GetAtt": [role_id, "Arn"]}]]
