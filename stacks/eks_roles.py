"""Example: roles for one Kubernetes service account, by IRSA and by EKS Pod Identity."""

from __future__ import annotations

from aws_cdk import App, Stack
from constructs import Construct

from iam_patterns import EksPodIdentityRole, EksServiceAccountRole

# The issuer of the cluster (`aws eks describe-cluster --query cluster.identity.oidc.issuer`); its IAM OIDC
# provider must exist in the account for IRSA to work. This one is AWS's documentation example.
CLUSTER_ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"


class EksRolesStack(Stack):
    """``PaymentsApiIrsa`` and ``PaymentsApiPodIdentity``: the ``payments/api`` service account's roles."""

    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id, description="iam_patterns example: EKS IRSA and Pod Identity roles")
        EksServiceAccountRole(
            self, "PaymentsApiIrsa", oidc_issuer=CLUSTER_ISSUER, namespace="payments", service_account="api"
        )
        EksPodIdentityRole(
            self, "PaymentsApiPodIdentity", namespace="payments", service_account="api", cluster_name="prod"
        )


def build(app: App) -> None:
    """Add this example's stack to ``app``."""
    EksRolesStack(app, "IamPatterns-EksRoles")
