"""EKS trust: IRSA through the cluster's OIDC issuer, Pod Identity through its session tags."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.trust.eks import eks_pod_identity_trust, eks_service_account_trust

ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"


def test_irsa_pins_the_exact_service_account_and_the_sts_audience():
    doc = eks_service_account_trust(
        issuer=f"https://{ISSUER}", namespace="payments", service_account="api", account="111122223333"
    )
    assert doc.to_json()["Statement"] == [
        {
            "Sid": "AllowKubernetesServiceAccount",
            "Effect": "Allow",
            "Principal": {"Federated": f"arn:aws:iam::111122223333:oidc-provider/{ISSUER}"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {
                    f"{ISSUER}:aud": "sts.amazonaws.com",
                    f"{ISSUER}:sub": "system:serviceaccount:payments:api",
                }
            },
        }
    ]


def test_pod_identity_trusts_the_eks_auth_service_for_one_service_account():
    (statement,) = eks_pod_identity_trust(namespace="payments", service_account="api").statements
    assert statement.to_json() == {
        "Sid": "AllowEksAuthToAssumeRoleForPodIdentity",
        "Effect": "Allow",
        "Principal": {"Service": "pods.eks.amazonaws.com"},
        "Action": ["sts:AssumeRole", "sts:TagSession"],
        "Condition": {
            "StringEquals": {
                "aws:RequestTag/kubernetes-namespace": "payments",
                "aws:RequestTag/kubernetes-service-account": "api",
            }
        },
    }


def test_pod_identity_can_be_pinned_to_one_cluster():
    (statement,) = eks_pod_identity_trust(namespace="payments", service_account="api", cluster_name="prod").statements
    assert statement.condition["StringEquals"]["aws:RequestTag/eks-cluster-name"] == "prod"


def _irsa(**kwargs):
    options = {"issuer": ISSUER, "namespace": "payments", "service_account": "api", "account": "111122223333"}
    return eks_service_account_trust(**{**options, **kwargs})


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"issuer": "token.actions.githubusercontent.com"}, "issuer is 'token.actions.githubusercontent.com', but must be an EKS OIDC issuer"),
        ({"issuer": "${Token[TOKEN.42]}"}, "but must be the literal issuer"),
        ({"namespace": "Payments"}, "namespace is 'Payments', but must be a Kubernetes namespace"),
        ({"namespace": "*"}, "namespace is '*', but must be a Kubernetes namespace"),
        ({"service_account": "api*"}, "service_account is 'api*', but must be a Kubernetes service account name"),
        ({"account": "acme"}, "account is 'acme', but must be an AWS account id"),
    ],
)
def test_bad_irsa_inputs_are_refused(kwargs, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        _irsa(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"namespace": "team a"}, "namespace is 'team a', but must be a Kubernetes namespace"),
        ({"namespace": "x" * 64}, "but must be a Kubernetes namespace: 1 to 63"),
        ({"cluster_name": "prod cluster"}, "cluster_name is 'prod cluster', but must be an EKS cluster name"),
    ],
)
def test_bad_pod_identity_inputs_are_refused(kwargs, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        eks_pod_identity_trust(**{"namespace": "payments", "service_account": "api", **kwargs})
