"""s3_prefix_access: the guide's least-privilege S3 policy, its read-only and write-only variants, and refusals."""

from __future__ import annotations

import pytest

from iam_patterns import s3_prefix_access
from iam_patterns.errors import ValidationError
from iam_patterns.policy import as_tuple


def test_reproduces_the_guides_policy_statement_for_statement(guide_s3_policy):
    doc = s3_prefix_access(
        "my-app-uploads-prod", "reports/", object_sid="ReadWriteAppUploads", list_sid="ListOnlyTheReportsPrefix"
    )
    assert doc.to_json() == guide_s3_policy


def test_read_only_grants_get_object_alone():
    doc = s3_prefix_access("my-app-uploads-prod", "reports/", write=False, delete=False)
    objects, listing = doc.statements
    assert objects.action == "s3:GetObject"
    assert objects.resource == "arn:aws:s3:::my-app-uploads-prod/reports/*"
    assert listing.action == "s3:ListBucket"
    assert listing.condition == {"StringLike": {"s3:prefix": "reports/*"}}


def test_write_only_grants_put_object_alone():
    doc = s3_prefix_access("my-app-uploads-prod", "incoming/", read=False, delete=False)
    assert doc.statements[0].action == "s3:PutObject"
    assert doc.statements[0].resource == "arn:aws:s3:::my-app-uploads-prod/incoming/*"


def test_no_statement_grants_bucket_level_actions_beyond_list():
    doc = s3_prefix_access("my-app-uploads-prod", "reports/")
    actions = {a for s in doc.statements for a in as_tuple(s.action)}
    assert actions == {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"}


def test_other_partitions_are_written_into_the_arns():
    doc = s3_prefix_access("logs-cn", "app/", partition="aws-cn")
    assert {s.resource for s in doc.statements} == {"arn:aws-cn:s3:::logs-cn/app/*", "arn:aws-cn:s3:::logs-cn"}


def test_cdk_tokens_pass_through_into_the_arns():
    doc = s3_prefix_access("${Token[TOKEN.1]}", "reports/", partition="${Token[AWS.Partition.6]}")
    assert doc.statements[1].resource == "arn:${Token[AWS.Partition.6]}:s3:::${Token[TOKEN.1]}"


@pytest.mark.parametrize(
    ("kwargs", "parameter", "fragment"),
    [
        ({"bucket": "My_Bucket", "prefix": "reports/"}, "bucket", "lowercase letters"),
        ({"bucket": "my_app_uploads", "prefix": "reports/"}, "bucket", "lowercase letters"),
        ({"bucket": "b-1", "prefix": ""}, "prefix", "non-empty key prefix"),
        ({"bucket": "b-1", "prefix": "reports"}, "prefix", "must end with '/'"),
        ({"bucket": "b-1", "prefix": "rep*/"}, "prefix", "must not hold '\\*'"),
        ({"bucket": "b-1", "prefix": "/reports/"}, "prefix", "must not start with '/'"),
        ({"bucket": "b-1", "prefix": "reports/", "partition": "aws-moon"}, "partition", "must be one of"),
        ({"bucket": "b-1", "prefix": "reports/", "read": False, "write": False, "delete": False},
         "read/write/delete", "at least one of read, write or delete"),
    ],
)
def test_bad_input_is_refused_with_a_clear_error(kwargs, parameter, fragment):
    with pytest.raises(ValidationError, match=fragment) as info:
        s3_prefix_access(**kwargs)
    assert info.value.parameter == parameter
