"""Names of the global condition keys and principals the patterns use, so no construct spells them twice.

Example::

    Statement(..., condition={"Bool": {MFA_PRESENT: "true"}})
"""

from __future__ import annotations

__all__ = [
    "MFA_AGE",
    "MFA_PRESENT",
    "PRINCIPAL_ARN",
    "PRINCIPAL_ORG_ID",
    "REQUESTED_REGION",
    "SECURE_TRANSPORT",
    "SOURCE_ACCOUNT",
    "SOURCE_ARN",
    "SOURCE_IP",
    "STS_EXTERNAL_ID",
    "S3_PREFIX",
    "METADATA_HTTP_TOKENS",
    "PASSED_TO_SERVICE",
    "PERMISSIONS_BOUNDARY",
    "EKS_CLUSTER_NAME_TAG",
    "KUBERNETES_NAMESPACE_TAG",
    "KUBERNETES_SERVICE_ACCOUNT_TAG",
]

MFA_PRESENT = "aws:MultiFactorAuthPresent"
MFA_AGE = "aws:MultiFactorAuthAge"
SOURCE_ARN = "aws:SourceArn"
SOURCE_ACCOUNT = "aws:SourceAccount"
SOURCE_IP = "aws:SourceIp"
PRINCIPAL_ARN = "aws:PrincipalArn"
PRINCIPAL_ORG_ID = "aws:PrincipalOrgID"
REQUESTED_REGION = "aws:RequestedRegion"
SECURE_TRANSPORT = "aws:SecureTransport"
STS_EXTERNAL_ID = "sts:ExternalId"
S3_PREFIX = "s3:prefix"
METADATA_HTTP_TOKENS = "ec2:MetadataHttpTokens"
PASSED_TO_SERVICE = "iam:PassedToService"
"""The service a role is passed to (``iam:PassRole``)."""
PERMISSIONS_BOUNDARY = "iam:PermissionsBoundary"
"""The boundary a request sets on a role or user, or the boundary the target entity has."""
# The session tags EKS Pod Identity sets when it assumes a role, as trust-policy condition keys.
KUBERNETES_NAMESPACE_TAG = "aws:RequestTag/kubernetes-namespace"
KUBERNETES_SERVICE_ACCOUNT_TAG = "aws:RequestTag/kubernetes-service-account"
EKS_CLUSTER_NAME_TAG = "aws:RequestTag/eks-cluster-name"
