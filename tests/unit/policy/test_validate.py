"""Validators: good values pass through, CDK tokens are skipped, and each bad value names parameter and rule."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import IamPatternsError, ValidationError
from iam_patterns.policy import (
    is_region,
    is_unresolved,
    validate_account_id,
    validate_action,
    validate_arn,
    validate_bucket_name,
    validate_external_id,
    validate_non_empty,
    validate_partition,
    validate_pattern,
    validate_role_name,
    validate_role_path,
    validate_session_duration,
)

TOKEN = "${Token[TOKEN.123]}"
NUMBER_TOKEN = -1.8881545897087522e289  # how aws-cdk encodes Token.as_number(...)

GOOD = [
    (validate_account_id, "111122223333"),
    (validate_account_id, "012345678901"),
    (validate_partition, "aws-us-gov"),
    (validate_arn, "arn:aws:iam::111122223333:role/app-uploads-role"),
    (validate_arn, "arn:aws-cn:s3:::my-bucket/reports/*"),
    (validate_arn, "arn:aws:iam::aws:policy/ReadOnlyAccess"),
    (validate_arn, "arn:aws-us-gov:sts::111122223333:assumed-role/deploy/session"),
    (validate_action, "*"),
    (validate_action, "s3:GetObject"),
    (validate_action, "execute-api:Invoke"),
    (validate_action, "ec2:Describe*"),
    (validate_action, "s3:Get?bject"),
    (validate_action, "SQS:SendMessage"),  # AWS's own examples capitalise prefixes; IAM ignores case
    (validate_role_name, "app-uploads-role"),
    (validate_role_name, "a" * 64),
    (validate_role_name, "svc+=,.@_-role"),
    (validate_role_path, "/"),
    (validate_role_path, "/workloads/ci/"),
    (validate_bucket_name, "my-app-uploads-prod"),
    (validate_bucket_name, "abc"),
    (validate_bucket_name, "logs.example.com"),
    (validate_external_id, "acme-prod-2026"),
    (validate_external_id, "ab"),
    (validate_external_id, "x" * 1224),
    (validate_external_id, "a+b=c,d.e@f:g/h_i-j"),
    (validate_session_duration, 3600),
    (validate_session_duration, 43200),
]


@pytest.mark.parametrize(("validator", "value"), GOOD)
def test_valid_values_are_returned_unchanged(validator, value):
    assert validator(value) == value


@pytest.mark.parametrize(
    "validator",
    [validate_account_id, validate_arn, validate_action, validate_role_name, validate_role_path,
     validate_bucket_name, validate_external_id, validate_partition],
)
def test_unresolved_cdk_tokens_are_skipped(validator):
    assert validator(TOKEN) == TOKEN
    assert validator(f"prefix-{TOKEN}") == f"prefix-{TOKEN}"


def test_number_tokens_are_skipped():
    assert is_unresolved(NUMBER_TOKEN)
    assert validate_session_duration(NUMBER_TOKEN) == NUMBER_TOKEN
    assert not is_unresolved(3600.0)
    assert is_unresolved(["#{Token[AWS::NotificationARNs.5]}"])


BAD = [
    # (validator, value, parameter the error names, stable fragment of the rule)
    (validate_account_id, "12345678901", "account_id", "exactly 12 digits"),
    (validate_account_id, "1111-2222-3333", "account_id", "exactly 12 digits"),
    (validate_account_id, 111122223333, "account_id", "exactly 12 digits"),
    (validate_partition, "aws-eu", "partition", "must be one of aws, aws-cn, aws-us-gov"),
    (validate_arn, "arn:azure:iam::111122223333:role/x", "arn", "PARTITION one of aws, aws-cn, aws-us-gov"),
    (validate_arn, "arn:aws:iam::1234:role/x", "arn", "ACCOUNT empty, 12 digits or 'aws'"),
    (validate_arn, "arn:aws:iam::111122223333", "arn", "must be an ARN"),
    (validate_arn, "role/x", "arn", "must be an ARN"),
    (validate_action, "s3", "action", "'service:Action'"),
    (validate_action, "s3_:GetObject", "action", "'service:Action'"),
    (validate_action, "s3:Get Object", "action", "'service:Action'"),
    (validate_action, "s3:*:x", "action", "'service:Action'"),
    (validate_role_name, "", "role_name", "1 to 64 characters"),
    (validate_role_name, "a" * 65, "role_name", "1 to 64 characters"),
    (validate_role_name, "my role", "role_name", "letters, digits and +=,.@_-"),
    (validate_role_name, "role/name", "role_name", "letters, digits and +=,.@_-"),
    (validate_role_path, "workloads/", "path", "must start and end with '/'"),
    (validate_role_path, "/workloads", "path", "must start and end with '/'"),
    (validate_role_path, "/work loads/", "path", "without spaces"),
    (validate_role_path, "/" + "a" * 511 + "/", "path", "at most 512 characters"),
    (validate_bucket_name, "My-App-Uploads", "bucket", "lowercase letters"),
    (validate_bucket_name, "my_app_uploads", "bucket", "lowercase letters"),
    (validate_bucket_name, "ab", "bucket", "3 to 63 characters"),
    (validate_bucket_name, "a" * 64, "bucket", "3 to 63 characters"),
    (validate_bucket_name, "-leading-hyphen", "bucket", "begin and end with a letter or digit"),
    (validate_bucket_name, "two..dots", "bucket", "have no '..'"),
    (validate_bucket_name, "192.168.5.4", "bucket", "not be an IP address"),
    (validate_bucket_name, "xn--bucket", "bucket", "prefix or suffix S3 reserves"),
    (validate_bucket_name, "bucket-s3alias", "bucket", "prefix or suffix S3 reserves"),
    (validate_external_id, "a", "external_id", "2 to 1,224 characters"),
    (validate_external_id, "x" * 1225, "external_id", "2 to 1,224 characters"),
    (validate_external_id, "acme prod", "external_id", "letters, digits and +=,.@:/_-"),
    (validate_external_id, "acme#1", "external_id", "letters, digits and +=,.@:/_-"),
    (validate_session_duration, 120, "max_session_duration", "between 3600 s and 43200 s"),
    (validate_session_duration, 43201, "max_session_duration", "between 3600 s and 43200 s"),
    (validate_session_duration, 3600.5, "max_session_duration", "whole number of seconds"),
    (validate_session_duration, True, "max_session_duration", "whole number of seconds"),
]


@pytest.mark.parametrize(("validator", "value", "parameter", "fragment"), BAD)
def test_invalid_values_are_refused_naming_parameter_value_and_rule(validator, value, parameter, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)) as info:
        validator(value)
    error = info.value
    assert isinstance(error, ValueError) and isinstance(error, IamPatternsError)
    assert error.parameter == parameter
    assert error.value == value
    assert str(error).startswith(f"{parameter} is ")


def test_the_caller_names_the_parameter_in_the_message():
    with pytest.raises(ValidationError, match=r"^trusted_account is '42', but must be an AWS account id"):
        validate_account_id("42", parameter="trusted_account")


def test_durations_read_in_seconds():
    with pytest.raises(ValidationError, match=r"^max_session_duration is 120 s, but must be"):
        validate_session_duration(120)


def test_a_pattern_must_match_in_full_and_tokens_pass():
    prefix = re.compile(r"[a-z0-9-]+")
    assert validate_pattern("execute-api", prefix, "must be a prefix", parameter="service") == "execute-api"
    assert validate_pattern(TOKEN, prefix, "must be a prefix", parameter="service") == TOKEN
    with pytest.raises(ValidationError, match=re.escape("service is 's3:*', but must be a prefix")):
        validate_pattern("s3:*", prefix, "must be a prefix", parameter="service")


def test_a_list_of_strings_keeps_its_order_and_repeats():
    assert validate_non_empty(["b", "a", "b"], parameter="names") == ("b", "a", "b")


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ("sts.amazonaws.com", "audiences is 'sts.amazonaws.com', but must be a list of strings, not one string"),
        ([], "audiences is [], but must name at least one value"),
        (["sts.amazonaws.com", ""], "audiences is '', but must be a non-empty string"),
        ([None], "audiences is None, but must be a non-empty string"),
    ],
)
def test_a_list_of_strings_that_is_empty_or_one_string_is_refused(values, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        validate_non_empty(values, parameter="audiences")


@pytest.mark.parametrize(
    ("value", "region"),
    [("eu-west-1", True), ("us-gov-west-1", True), ("cn-northwest-1", True), ("eu-west-1a", False), ("sagemaker", False),
     ("US-EAST-1", False), (None, False)],
)
def test_is_region_answers_the_rule_validate_region_enforces(value, region):
    assert is_region(value) is region
