"""The service-control-policies example stack: six SCPs, each the pure document, attached to its targets."""

from __future__ import annotations

from stacks.service_control_policies import ROOT, WORKLOADS_OU, ServiceControlPoliciesStack
from tests.cdk.synth import template


def test_template_matches_snapshot(app, snapshot):
    assert template(ServiceControlPoliciesStack(app, "IamPatterns-ServiceControlPolicies")) == snapshot


def test_six_service_control_policies_on_the_root_or_the_workloads_ou(app):
    resources = template(ServiceControlPoliciesStack(app, "O"))["Resources"]
    policies = {r["Properties"]["Name"]: r["Properties"] for r in resources.values()}
    assert {r["Type"] for r in resources.values()} == {"AWS::Organizations::Policy"}
    assert {p["Type"] for p in policies.values()} == {"SERVICE_CONTROL_POLICY"}
    assert {name: p["TargetIds"] for name, p in policies.items()} == {
        "DenyRootUser": [WORKLOADS_OU],
        "RequireImdsV2": [WORKLOADS_OU],
        "DenyLeavingOrganization": [ROOT],
        "ProtectSecurityServices": [ROOT],
        "AllowedRegions": [WORKLOADS_OU],
        "ProtectPlatformRoles": [ROOT],
    }
