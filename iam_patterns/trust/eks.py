"""Trust for Kubernetes service accounts on Amazon EKS: IRSA (the cluster's OIDC issuer) and EKS Pod Identity.

IRSA trusts the cluster's OIDC provider with ``sts:AssumeRoleWithWebIdentity`` when the token's ``sub`` is
exactly ``system:serviceaccount:NAMESPACE:NAME`` and its ``aud`` is ``sts.amazonaws.com`` (the shared
``web_identity_statements`` build it). Pod Identity trusts ``pods.eks.amazonaws.com`` with ``sts:AssumeRole`` and
``sts:TagSession``; the kit also pins the session tags EKS sets (``kubernetes-namespace``,
``kubernetes-service-account``, optionally ``eks-cluster-name``) so that only that service account's pods get the
role, not every Pod Identity association in the account.

Example::

    eks_service_account_trust(issuer="oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
                              namespace="payments", service_account="api", account="111122223333")
    eks_pod_identity_trust(namespace="payments", service_account="api", cluster_name="prod")
"""

from __future__ import annotations

import re

from ..errors import ValidationError
from ..policy import PolicyDocument, Statement, is_unresolved, validate_account_id, validate_partition, validate_pattern
from ..policy.keys import EKS_CLUSTER_NAME_TAG, KUBERNETES_NAMESPACE_TAG, KUBERNETES_SERVICE_ACCOUNT_TAG
from .service import ASSUME_ROLE, TAG_SESSION
from .web_identity import web_identity_statements

__all__ = [
    "EKS_POD_IDENTITY_SERVICE",
    "EKS_STS_AUDIENCE",
    "eks_pod_identity_trust",
    "eks_service_account_trust",
    "service_account_subject",
]

EKS_STS_AUDIENCE = "sts.amazonaws.com"
"""The ``aud`` of the service-account tokens EKS projects for IRSA."""
EKS_POD_IDENTITY_SERVICE = "pods.eks.amazonaws.com"

_ISSUER = re.compile(r"oidc\.eks\.[a-z]{2}(-[a-z]+)+-\d{1,2}\.amazonaws\.com(\.cn)?/id/[0-9A-Z]{1,64}")
_DNS_LABEL = r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"
_NAMESPACE = re.compile(_DNS_LABEL)
_SERVICE_ACCOUNT = re.compile(rf"(?=.{{1,253}}$){_DNS_LABEL}(\.{_DNS_LABEL})*")
_CLUSTER_NAME = re.compile(r"[0-9A-Za-z][A-Za-z0-9_-]{0,99}")


def _service_account_names(namespace: str, service_account: str) -> None:
    validate_pattern(
        namespace, _NAMESPACE, "must be a Kubernetes namespace: 1 to 63 of a-z, 0-9 and '-'", parameter="namespace"
    )
    validate_pattern(
        service_account,
        _SERVICE_ACCOUNT,
        "must be a Kubernetes service account name: up to 253 of a-z, 0-9, '-' and '.'",
        parameter="service_account",
    )


def service_account_subject(namespace: str, service_account: str) -> str:
    """The ``sub`` of a service account's token: ``system:serviceaccount:NAMESPACE:NAME``.

    Example::

        service_account_subject("payments", "api")   # "system:serviceaccount:payments:api"
    """
    _service_account_names(namespace, service_account)
    return f"system:serviceaccount:{namespace}:{service_account}"


def eks_service_account_trust(
    *,
    issuer: str,
    namespace: str,
    service_account: str,
    account: str,
    partition: str = "aws",
    sid: str = "AllowKubernetesServiceAccount",
) -> PolicyDocument:
    """The IRSA trust policy: the cluster's OIDC provider in ``account``, for one service account's tokens.

    ``issuer`` is the cluster's OIDC issuer (with or without ``https://``); it becomes the condition keys, so it
    must be a literal (IAM condition keys cannot hold CDK tokens). ``account`` and ``partition`` may be tokens.
    Default: partition ``aws``, Sid ``AllowKubernetesServiceAccount``.

    Example::

        eks_service_account_trust(issuer="https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF",
                                  namespace="payments", service_account="api", account="111122223333")
    """
    host = issuer.removeprefix("https://") if isinstance(issuer, str) else issuer
    if is_unresolved(host):
        raise ValidationError(
            "issuer", issuer, "must be the literal issuer, such as 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE' "
            "(it becomes IAM condition keys, which cannot hold CDK tokens)"
        )
    validate_pattern(
        host, _ISSUER, "must be an EKS OIDC issuer such as 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE'",
        parameter="issuer",
    )
    validate_account_id(account, parameter="account")
    validate_partition(partition, parameter="partition")
    statements = web_identity_statements(
        provider_arn=f"arn:{partition}:iam::{account}:oidc-provider/{host}",
        issuer=host,
        audiences=[EKS_STS_AUDIENCE],
        subjects=[service_account_subject(namespace, service_account)],
        sid=sid,
    )
    return PolicyDocument(statements=statements)


def eks_pod_identity_trust(
    *,
    namespace: str,
    service_account: str,
    cluster_name: str | None = None,
    sid: str = "AllowEksAuthToAssumeRoleForPodIdentity",
) -> PolicyDocument:
    """The EKS Pod Identity trust policy, for pods that run as one service account (in one cluster, if named).

    The association must keep EKS's session tags on (its default): with ``disableSessionTags`` the tags are
    missing and the role cannot be assumed. Default: any cluster of the account; the Sid of AWS's example.

    Example::

        eks_pod_identity_trust(namespace="payments", service_account="api", cluster_name="prod")
    """
    _service_account_names(namespace, service_account)
    tags = {KUBERNETES_NAMESPACE_TAG: namespace, KUBERNETES_SERVICE_ACCOUNT_TAG: service_account}
    if cluster_name is not None:
        tags[EKS_CLUSTER_NAME_TAG] = validate_pattern(
            cluster_name, _CLUSTER_NAME, "must be an EKS cluster name: 1 to 100 of A-Z, a-z, 0-9, '_', '-'",
            parameter="cluster_name",
        )
    return PolicyDocument(
        statements=(
            Statement(
                sid=sid,
                principal={"Service": EKS_POD_IDENTITY_SERVICE},
                action=(ASSUME_ROLE, TAG_SESSION),
                condition={"StringEquals": tags},
            ),
        )
    )
