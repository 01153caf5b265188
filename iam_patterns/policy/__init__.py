"""The pure-Python policy model: documents, size accounting, validators, condition keys, the S3 pattern.

Nothing here imports ``aws_cdk``; it is as usable from a script that feeds the AWS CLI as from a construct.

Example::

    from iam_patterns.policy import PolicyDocument, iam_size
    iam_size(PolicyDocument.from_json(open("trust-policy.json").read()))
"""

from .document import VERSION, FrozenMap, PolicyDocument, Statement, as_tuple, one_or_many
from .lambda_execution import lambda_execution_access, lambda_log_group_name
from .s3 import s3_prefix_access
from .size import (
    INLINE_POLICIES_PER_ROLE_QUOTA,
    MANAGED_POLICY_QUOTA,
    SCP_QUOTA,
    TRUST_POLICY_MAX_QUOTA,
    TRUST_POLICY_QUOTA,
    check_size,
    iam_size,
    validate_trust_policy_quota,
)
from .ssm import session_manager_access
from .tokens import is_unresolved
from .validate import (
    MAX_SESSION_DURATION,
    MIN_SESSION_DURATION,
    PARTITIONS,
    is_region,
    validate_account_id,
    validate_action,
    validate_arn,
    validate_bucket_name,
    validate_external_id,
    validate_non_empty,
    validate_partition,
    validate_pattern,
    validate_region,
    validate_role_name,
    validate_role_path,
    validate_session_duration,
)

__all__ = [
    "INLINE_POLICIES_PER_ROLE_QUOTA",
    "MANAGED_POLICY_QUOTA",
    "MAX_SESSION_DURATION",
    "MIN_SESSION_DURATION",
    "PARTITIONS",
    "SCP_QUOTA",
    "TRUST_POLICY_MAX_QUOTA",
    "TRUST_POLICY_QUOTA",
    "VERSION",
    "FrozenMap",
    "PolicyDocument",
    "Statement",
    "as_tuple",
    "check_size",
    "iam_size",
    "is_region",
    "is_unresolved",
    "lambda_execution_access",
    "lambda_log_group_name",
    "one_or_many",
    "s3_prefix_access",
    "session_manager_access",
    "validate_account_id",
    "validate_action",
    "validate_arn",
    "validate_bucket_name",
    "validate_external_id",
    "validate_non_empty",
    "validate_partition",
    "validate_pattern",
    "validate_region",
    "validate_role_name",
    "validate_role_path",
    "validate_session_duration",
    "validate_trust_policy_quota",
]
