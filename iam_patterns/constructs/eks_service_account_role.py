"""``EksServiceAccountRole``: IRSA, a role for one Kubernetes service account through the cluster's OIDC issuer."""

from __future__ import annotations

from constructs import Construct
from typing_extensions import Unpack

from ..trust.eks import eks_service_account_trust
from ._aws import ACCOUNT_ID, PARTITION
from ._role import PatternRole, RoleOptions

__all__ = ["EksServiceAccountRole"]


class EksServiceAccountRole(PatternRole):
    """A role for the pods that run as one service account (IAM roles for service accounts, IRSA).

    Trusts the cluster's IAM OIDC provider (``arn:PARTITION:iam::ACCOUNT:oidc-provider/ISSUER``, in the deploying
    account) with ``sts:AssumeRoleWithWebIdentity``, when ``ISSUER:sub`` is exactly
    ``system:serviceaccount:NAMESPACE:NAME`` and ``ISSUER:aud`` is ``sts.amazonaws.com`` (both ``StringEquals``).
    The issuer must be a literal string (IAM condition keys cannot hold CDK tokens). Annotate the service account
    with ``eks.amazonaws.com/role-arn``. Takes the common role options.

    Example::

        EksServiceAccountRole(self, "Api", oidc_issuer="oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
                              namespace="payments", service_account="api")
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        oidc_issuer: str,
        namespace: str,
        service_account: str,
        **options: Unpack[RoleOptions],
    ) -> None:
        """
        :param oidc_issuer: The cluster's OIDC issuer URL (``aws eks describe-cluster --query cluster.identity.oidc.issuer``).
            Default: required.
        :param namespace: The service account's namespace. Default: required.
        :param service_account: The service account's name. Default: required.
        """
        trust = eks_service_account_trust(
            issuer=oidc_issuer,
            namespace=namespace,
            service_account=service_account,
            account=ACCOUNT_ID,
            partition=PARTITION,
        )
        super().__init__(scope, construct_id, trust_policy=trust, **options)
