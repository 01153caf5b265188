"""Names of the global condition keys and principals the patterns use, so no construct spells them twice.

Example::

    Statement(..., condition={"Bool": {MFA_PRESENT: "true"}})
"""

from __future__ import annotations

__all__ = [
    "MFA_AGE",
    "MFA_PRESENT",
    "PRINCIPAL_ORG_ID",
    "SOURCE_ACCOUNT",
    "SOURCE_ARN",
    "SOURCE_IP",
    "STS_EXTERNAL_ID",
    "S3_PREFIX",
    "EKS_CLUSTER_NAME_TAG",
    "KUBERNETES_NAMESPACE_TAG",
    "KUBERNETES_SERVICE_ACCOUNT_TAG",
]

MFA_PRESENT = "aws:MultiFactorAuthPresent"
MFA_AGE = "aws:MultiFactorAuthAge"
SOURCE_ARN = "aws:SourceArn"
SOURCE_ACCOUNT = "aws:SourceAccount"
SOURCE_IP = "aws:SourceIp"
PRINCIPAL_ORG_ID = "aws:PrincipalOrgID"
STS_EXTERNAL_ID = "sts:ExternalId"
S3_PREFIX = "s3:prefix"
# The session tags EKS Pod Identity sets when it assumes a role, as trust-policy condition keys.
KUBERNETES_NAMESPACE_TAG = "aws:RequestTag/kubernetes-namespace"
KUBERNETES_SERVICE_ACCOUNT_TAG = "aws:RequestTag/kubernetes-service-account"
EKS_CLUSTER_NAME_TAG = "aws:RequestTag/eks-cluster-name"
