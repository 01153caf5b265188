"""The guide's least-privilege S3 pattern: object actions under one prefix, plus a prefix-scoped ListBucket.

Example::

    s3_prefix_access("my-app-uploads-prod", "reports/",
                     object_sid="ReadWriteAppUploads", list_sid="ListOnlyTheReportsPrefix")
"""

from __future__ import annotations

from ..errors import ValidationError
from .document import PolicyDocument, Statement, one_or_many
from .keys import S3_PREFIX
from .tokens import is_unresolved
from .validate import validate_bucket_name, validate_partition

__all__ = ["s3_prefix_access"]

_READ = ("s3:GetObject",)
_WRITE = ("s3:PutObject",)
_DELETE = ("s3:DeleteObject",)


def _validate_prefix(prefix: str) -> str:
    if is_unresolved(prefix):
        return prefix
    if not isinstance(prefix, str) or not prefix:
        raise ValidationError("prefix", prefix, "must be a non-empty key prefix such as 'reports/'")
    if "*" in prefix or "?" in prefix or "$" in prefix:
        raise ValidationError("prefix", prefix, "must not hold '*', '?' or '$' (they would widen the grant)")
    if prefix.startswith("/"):
        raise ValidationError("prefix", prefix, "must not start with '/' (S3 keys have no leading slash)")
    if not prefix.endswith("/"):
        raise ValidationError(
            "prefix", prefix, f"must end with '/' ('{prefix}*' would also match '{prefix}-other/...')"
        )
    return prefix


def s3_prefix_access(
    bucket: str,
    prefix: str,
    *,
    read: bool = True,
    write: bool = True,
    delete: bool = True,
    partition: str = "aws",
    object_sid: str = "ObjectAccessUnderPrefix",
    list_sid: str = "ListOnlyThePrefix",
) -> PolicyDocument:
    """Least-privilege access to the objects under ``prefix`` in ``bucket``, as the guide writes it.

    Two statements: the chosen object actions (``s3:GetObject`` for ``read``, ``s3:PutObject`` for ``write``,
    ``s3:DeleteObject`` for ``delete``) on ``arn:PARTITION:s3:::BUCKET/PREFIX*``, and ``s3:ListBucket`` on the
    bucket with ``StringLike`` ``s3:prefix`` = ``PREFIX*``. ``prefix`` must end with ``/`` so that it cannot
    also cover a sibling prefix. ``partition`` may be a CDK token (``Aws.PARTITION``). Default: read, write
    and delete; partition ``aws``.

    Example::

        s3_prefix_access("my-app-uploads-prod", "reports/", write=False, delete=False)   # read-only
    """
    validate_bucket_name(bucket, parameter="bucket")
    _validate_prefix(prefix)
    validate_partition(partition, parameter="partition")
    actions = (_READ if read else ()) + (_WRITE if write else ()) + (_DELETE if delete else ())
    if not actions:
        raise ValidationError("read/write/delete", False, "must grant at least one of read, write or delete")
    return PolicyDocument(
        statements=(
            Statement(
                sid=object_sid,
                action=one_or_many(actions),
                resource=f"arn:{partition}:s3:::{bucket}/{prefix}*",
            ),
            Statement(
                sid=list_sid,
                action="s3:ListBucket",
                resource=f"arn:{partition}:s3:::{bucket}",
                condition={"StringLike": {S3_PREFIX: f"{prefix}*"}},
            ),
        )
    )
