"""``policy-too-large``: a policy larger than the quota AWS enforces, so the deployment fails.

IAM counts characters without whitespace: a role trust policy may have 2,048 (4,096 after a quota increase),
a managed policy 6,144, and all inline policies of a role 10,240 together (a user 2,048, a group 5,120).
S3 bucket policies may have 20 KB and KMS key policies 32 KB. Sizes of templates with unresolved
intrinsics are estimates.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..policy import INLINE_POLICIES_PER_ROLE_QUOTA, MANAGED_POLICY_QUOTA, TRUST_POLICY_MAX_QUOTA, TRUST_POLICY_QUOTA
from ..policy import iam_size
from .subject import BOUNDARY, IDENTITY, RESOURCE, TRUST, Subject

ID = "policy-too-large"
DESCRIPTION = "Policy over its size quota (trust 2,048, managed 6,144, inline per role 10,240 characters)"
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html"
INLINE_POLICIES_PER_USER_QUOTA = 2_048
INLINE_POLICIES_PER_GROUP_QUOTA = 5_120
BUCKET_POLICY_QUOTA = 20_480
KEY_POLICY_QUOTA = 32_768
_INLINE_QUOTAS = {"AWS::IAM::Role": INLINE_POLICIES_PER_ROLE_QUOTA, "AWS::IAM::User": INLINE_POLICIES_PER_USER_QUOTA,
                  "AWS::IAM::Group": INLINE_POLICIES_PER_GROUP_QUOTA}
_RESOURCE_QUOTAS = {"AWS::S3::BucketPolicy": BUCKET_POLICY_QUOTA, "AWS::KMS::Key": KEY_POLICY_QUOTA}


def _size(document: object) -> int:
    return iam_size(document) if isinstance(document, dict) else 0


def check(subject: Subject) -> Iterator[str]:
    """Messages for each policy (or sum of inline policies) over its quota.

    Example::

        list(check(subject))   # ["the trust policy is 2,301 characters, over the default quota of 2,048 ..."]
    """
    for policy in subject.policies:
        size = _size(policy.document)
        if policy.kind == TRUST and size > TRUST_POLICY_QUOTA:
            more = (f"the most it can be raised to is {TRUST_POLICY_MAX_QUOTA:,}" if size > TRUST_POLICY_MAX_QUOTA
                    else f"request a quota increase (up to {TRUST_POLICY_MAX_QUOTA:,}) or shorten it")
            yield f"the trust policy is {size:,} characters, over the default quota of {TRUST_POLICY_QUOTA:,}: {more}"
        elif policy.kind in (IDENTITY, BOUNDARY) and subject.type == "AWS::IAM::ManagedPolicy" \
                and size > MANAGED_POLICY_QUOTA:
            yield f"the managed policy is {size:,} characters, over the quota of {MANAGED_POLICY_QUOTA:,}"
        elif policy.kind == RESOURCE and size > _RESOURCE_QUOTAS.get(subject.type, size):
            yield f"the {policy.name} is {size:,} characters, over the quota of {_RESOURCE_QUOTAS[subject.type]:,}"
    quota = _INLINE_QUOTAS.get(subject.type)
    total = sum(_size(document) for document in subject.inline_policies)
    if quota and total > quota:
        yield (f"the inline policies of this {subject.type.rsplit('::', 1)[-1].lower()} add up to {total:,} "
               f"characters, over the quota of {quota:,}: move some into managed policies")
