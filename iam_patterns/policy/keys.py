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
]

MFA_PRESENT = "aws:MultiFactorAuthPresent"
MFA_AGE = "aws:MultiFactorAuthAge"
SOURCE_ARN = "aws:SourceArn"
SOURCE_ACCOUNT = "aws:SourceAccount"
SOURCE_IP = "aws:SourceIp"
PRINCIPAL_ORG_ID = "aws:PrincipalOrgID"
STS_EXTERNAL_ID = "sts:ExternalId"
S3_PREFIX = "s3:prefix"
