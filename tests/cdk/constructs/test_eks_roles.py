"""EksServiceAccountRole (IRSA) and EksPodIdentityRole in a stack."""

from __future__ import annotations

from aws_cdk import Stack

from iam_patterns import EksPodIdentityRole, EksServiceAccountRole
from tests.cdk.synth import template

ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF"


def test_irsa_trusts_the_clusters_provider_in_the_deploying_account(app):
    stack = Stack(app, "S")
    EksServiceAccountRole(stack, "Api", oidc_issuer=f"https://{ISSUER}", namespace="payments", service_account="api")
    (role,) = [r for r in template(stack)["Resources"].values() if r["Type"] == "AWS::IAM::Role"]
    (statement,) = role["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Federated": {"Fn::Join": ["", [
        "arn:", {"Ref": "AWS::Partition"}, ":iam::", {"Ref": "AWS::AccountId"}, f":oidc-provider/{ISSUER}"]]}}
    assert statement["Condition"] == {
        "StringEquals": {f"{ISSUER}:aud": "sts.amazonaws.com", f"{ISSUER}:sub": "system:serviceaccount:payments:api"}
    }


def test_pod_identity_role_requires_the_service_accounts_session_tags(app):
    stack = Stack(app, "S")
    role = EksPodIdentityRole(stack, "Api", namespace="payments", service_account="api")
    (resource,) = [r for r in template(stack)["Resources"].values() if r["Type"] == "AWS::IAM::Role"]
    assert resource["Properties"]["AssumeRolePolicyDocument"] == role.trust_policy.to_json()
    assert role.trust_policy.statements[0].action == ("sts:AssumeRole", "sts:TagSession")
