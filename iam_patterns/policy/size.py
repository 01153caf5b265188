"""IAM's size accounting: how many characters IAM counts in a policy, and the quotas it checks them against.

IAM does not count whitespace, so the size of a policy is the number of non-whitespace characters of its
JSON. A CDK token still unresolved at synth counts as its placeholder text (``${Token[...]}``, about 25
characters), so a size near a quota is an estimate until deploy.

Example::

    check_size(trust, quota=TRUST_POLICY_QUOTA, parameter="trust policy")
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..errors import ValidationError
from .document import PolicyDocument

__all__ = [
    "INLINE_POLICIES_PER_ROLE_QUOTA",
    "MANAGED_POLICY_QUOTA",
    "SCP_QUOTA",
    "TRUST_POLICY_MAX_QUOTA",
    "TRUST_POLICY_QUOTA",
    "check_size",
    "iam_size",
    "validate_trust_policy_quota",
]

TRUST_POLICY_QUOTA = 2_048
"""Role trust policy length, by default (raise it by request, up to ``TRUST_POLICY_MAX_QUOTA``)."""
TRUST_POLICY_MAX_QUOTA = 4_096
"""Role trust policy length, at most, after a quota increase."""
INLINE_POLICIES_PER_ROLE_QUOTA = 10_240
"""All inline policies of one role, added up."""
MANAGED_POLICY_QUOTA = 6_144
"""One customer managed policy."""
SCP_QUOTA = 5_120
"""One AWS Organizations service control policy."""


def iam_size(policy: PolicyDocument | Mapping[str, Any]) -> int:
    """The number of characters IAM counts in ``policy``: its JSON without whitespace.

    Example::

        iam_size({"Version": "2012-10-17", "Statement": []})   # 36
    """
    data = policy.to_json() if isinstance(policy, PolicyDocument) else policy
    return len("".join(json.dumps(data, separators=(",", ":"), ensure_ascii=False).split()))


def check_size(policy: PolicyDocument | Mapping[str, Any], *, quota: int, parameter: str, hint: str = "") -> int:
    """Refuse ``policy`` when it is larger than ``quota`` characters; return its size otherwise.

    ``hint`` is appended to the error message: how to make the policy fit. Default: none.

    Example::

        check_size(role_trust, quota=TRUST_POLICY_QUOTA, parameter="trust policy")
        # ValidationError: trust policy is 2,301 characters, but must be at most 2,048 characters ...
    """
    size = iam_size(policy)
    if size > quota:
        raise ValidationError(
            parameter,
            size,
            f"must be at most {quota:,} characters (IAM's quota; whitespace is not counted){hint}",
            shown=f"{size:,} characters",
        )
    return size


def validate_trust_policy_quota(quota: int, *, parameter: str = "trust_policy_quota") -> int:
    """The trust-policy quota an account has: 2,048 by default, up to 4,096 after a quota increase.

    Example::

        validate_trust_policy_quota(4096)
    """
    if isinstance(quota, bool) or not isinstance(quota, int) or not TRUST_POLICY_QUOTA <= quota <= TRUST_POLICY_MAX_QUOTA:
        raise ValidationError(
            parameter, quota, f"must be between {TRUST_POLICY_QUOTA:,} and {TRUST_POLICY_MAX_QUOTA:,}"
        )
    return quota
