"""``EksPodIdentityRole``: a role that EKS Pod Identity hands to the pods of one service account."""

from __future__ import annotations

from constructs import Construct
from typing_extensions import Unpack

from ..trust.eks import eks_pod_identity_trust
from ._role import PatternRole, RoleOptions

__all__ = ["EksPodIdentityRole"]


class EksPodIdentityRole(PatternRole):
    """A role for EKS Pod Identity (``pods.eks.amazonaws.com``, ``sts:AssumeRole`` and ``sts:TagSession``), for
    one service account.

    The trust also requires the session tags EKS sets: ``kubernetes-namespace`` and ``kubernetes-service-account``
    (and ``eks-cluster-name`` when ``cluster_name`` is given), so a Pod Identity association for any other service
    account cannot use the role. Keep the association's session tags on (the default). Takes the common role
    options.

    Example::

        role = EksPodIdentityRole(self, "Api", namespace="payments", service_account="api", cluster_name="prod")
        eks.CfnPodIdentityAssociation(self, "Assoc", cluster_name="prod", namespace="payments",
                                      service_account="api", role_arn=role.role_arn)
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        namespace: str,
        service_account: str,
        cluster_name: str | None = None,
        **options: Unpack[RoleOptions],
    ) -> None:
        """
        :param namespace: The service account's namespace. Default: required.
        :param service_account: The service account's name. Default: required.
        :param cluster_name: The only cluster whose pods may use the role. Default: any cluster of the account.
        """
        trust = eks_pod_identity_trust(namespace=namespace, service_account=service_account, cluster_name=cluster_name)
        super().__init__(scope, construct_id, trust_policy=trust, **options)
