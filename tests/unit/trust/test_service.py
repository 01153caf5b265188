"""Service trust: source guards against the confused deputy, refused when missing for the services AWS lists."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.trust.service import (
    CONFUSED_DEPUTY_SERVICES,
    confused_deputy_page,
    service_role_trust,
    service_sid,
    service_trust_statements,
    validate_service_principal,
)

ACCOUNT = "111122223333"
RULE = f"arn:aws:events:us-east-1:{ACCOUNT}:rule/nightly"


def test_source_arn_and_account_guard_one_statement():
    doc = service_role_trust("events.amazonaws.com", source_arns=[RULE], source_account=ACCOUNT)
    assert doc.to_json()["Statement"] == [
        {
            "Sid": "AllowEventsToAssume",
            "Effect": "Allow",
            "Principal": {"Service": "events.amazonaws.com"},
            "Action": "sts:AssumeRole",
            "Condition": {
                "ArnEquals": {"aws:SourceArn": RULE},
                "StringEquals": {"aws:SourceAccount": ACCOUNT},
            },
        }
    ]


def test_wildcard_source_arns_get_their_own_arn_like_statement_with_the_account():
    group = f"arn:aws:scheduler:*:{ACCOUNT}:schedule-group/*"
    exact, wildcard = service_trust_statements(
        "scheduler.amazonaws.com", source_arns=[RULE, group], source_account=ACCOUNT
    )
    assert exact.condition["ArnEquals"] == {"aws:SourceArn": RULE}
    assert wildcard.sid == "AllowSchedulerToAssumeWildcard"
    assert wildcard.condition == {
        "ArnLike": {"aws:SourceArn": group},
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
    }


def test_a_bucket_source_comes_with_its_account():
    (statement,) = service_trust_statements("s3.amazonaws.com", source_arns=["arn:aws:s3:::my-bucket"], source_account=ACCOUNT)
    assert statement.condition == {
        "ArnEquals": {"aws:SourceArn": "arn:aws:s3:::my-bucket"},
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
    }


def test_only_an_account_guard_is_enough():
    (statement,) = service_trust_statements("config.amazonaws.com", source_account=ACCOUNT)
    assert statement.condition == {"StringEquals": {"aws:SourceAccount": ACCOUNT}}


def test_a_service_aws_does_not_list_may_go_unguarded():
    (statement,) = service_trust_statements("lambda.amazonaws.com")
    assert statement.condition is None and statement.sid == "AllowLambdaToAssume"


def test_an_explicit_opt_out_emits_the_unguarded_trust_for_a_listed_service():
    (statement,) = service_trust_statements("config.amazonaws.com", unsafe_allow_any_source=True)
    assert statement.condition is None


def test_tokens_are_accepted_unchecked():
    token_arn = "arn:${Token[AWS.Partition.1]}:ecs:${Token[AWS.Region.2]}:${Token[AWS.AccountId.3]}:*"
    (statement,) = service_trust_statements(
        "ecs-tasks.amazonaws.com", source_arns=[token_arn], source_account="${Token[AWS.AccountId.3]}"
    )
    assert statement.condition["ArnLike"]["aws:SourceArn"] == token_arn


@pytest.mark.parametrize(
    ("service", "sid"),
    [
        ("ec2.amazonaws.com", "AllowEC2ToAssume"),
        ("ecs-tasks.amazonaws.com", "AllowECSTasksToAssume"),
        ("pods.eks.amazonaws.com", "AllowPodsEKSToAssume"),
        ("states.amazonaws.com", "AllowStatesToAssume"),
    ],
)
def test_sids_name_the_service(service, sid):
    assert service_sid(service) == sid


def test_every_listed_service_is_a_service_principal_that_cites_an_aws_page():
    assert len(CONFUSED_DEPUTY_SERVICES) >= 10
    for service, url in CONFUSED_DEPUTY_SERVICES.items():
        assert validate_service_principal(service) == service and service.endswith(".amazonaws.com")
        assert url.startswith("https://docs.aws.amazon.com/") and url.endswith(".html")


@pytest.mark.parametrize(
    ("service", "listed"),
    [
        ("events.amazonaws.com", "events.amazonaws.com"),
        ("Events.AmazonAWS.com", "events.amazonaws.com"),
        ("events.amazonaws.com.cn", "events.amazonaws.com"),
        ("states.us-east-1.amazonaws.com", "states.amazonaws.com"),
        ("logs.us-gov-west-1.amazonaws.com", "logs.amazonaws.com"),
        ("datasync.amazonaws.com", "datasync.amazonaws.com"),
    ],
)
def test_a_listed_service_is_found_in_every_form_of_its_principal(service, listed):
    assert confused_deputy_page(service) == CONFUSED_DEPUTY_SERVICES[listed]


@pytest.mark.parametrize(
    "service",
    [
        "lambda.amazonaws.com",
        "ec2.amazonaws.com",
        "edgemanager.sagemaker.amazonaws.com",  # another service; only its second label is listed
        "states.eu-west-1a.amazonaws.com",  # an Availability Zone is not a Region
        "events.amazonaws.com.evil.com",
        "cloudtrail.amazonaws.com",  # its CloudWatch Logs role does not support the keys
        "s3.amazonaws.com",  # the keys go in bucket policies
        "sns.amazonaws.com",  # the keys go in topic policies
        "",
    ],
)
def test_other_principals_are_not_listed(service):
    assert confused_deputy_page(service) is None


def test_a_newly_listed_service_is_refused_unguarded_and_accepted_with_its_account():
    with pytest.raises(ValidationError, match=re.escape("service is 'datasync.amazonaws.com', but must be guarded")):
        service_role_trust("datasync.amazonaws.com")
    (statement,) = service_trust_statements("datasync.amazonaws.com", source_account=ACCOUNT)
    assert statement.condition == {"StringEquals": {"aws:SourceAccount": ACCOUNT}}


def test_a_service_whose_role_does_not_support_the_keys_may_go_unguarded():
    (statement,) = service_trust_statements("cloudtrail.amazonaws.com")
    assert statement.condition is None and statement.principal == {"Service": "cloudtrail.amazonaws.com"}


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"service": "Events"}, "service is 'Events', but must be an AWS service principal"),
        ({"service": "events.amazonaws.com.evil.com"}, "but must be an AWS service principal"),
        ({"service": "config.amazonaws.com"}, "service is 'config.amazonaws.com', but must be guarded with source_arns"),
        (
            {"service": "config.amazonaws.com"},
            "(https://docs.aws.amazon.com/config/latest/developerguide/iamrole-permissions.html)",
        ),
        ({"service": "transfer.amazonaws.com"}, "service is 'transfer.amazonaws.com', but must be guarded"),
        ({"service": "events.amazonaws.com.cn"}, "service is 'events.amazonaws.com.cn', but must be guarded"),
        ({"service": "states.us-east-1.amazonaws.com"}, "service is 'states.us-east-1.amazonaws.com', but must be guarded"),
        ({"service": "ec2.amazonaws.com", "source_account": ACCOUNT}, "must not be ec2.amazonaws.com"),
        (
            {"service": "config.amazonaws.com", "source_account": ACCOUNT, "unsafe_allow_any_source": True},
            "unsafe_allow_any_source is True, but must not be combined with source_arns or source_account",
        ),
        ({"service": "config.amazonaws.com", "source_account": "12345"}, "source_account is '12345', but must be an AWS account id"),
        ({"service": "events.amazonaws.com", "source_arns": ["rule/nightly"]}, "source_arns is 'rule/nightly', but must be an ARN"),
        ({"service": "events.amazonaws.com", "source_arns": ["arn:aws:s3:::logs-*"]}, "must name its account, or come with source_account"),
        ({"service": "events.amazonaws.com", "source_arns": ["arn:aws:events:*:*:rule/x"]}, "must name its account, or come with source_account"),
        ({"service": "s3.amazonaws.com", "source_arns": ["arn:aws:s3:::my-bucket"]}, "source_arns is 'arn:aws:s3:::my-bucket', but must name its account"),
        (
            {"service": "events.amazonaws.com", "source_arns": [RULE], "source_account": "444455556666"},
            "must name the same account as source_account (444455556666)",
        ),
        ({"service": "events.amazonaws.com", "source_arns": ["arn:aws-xx:events:us-east-1:111122223333:rule/x"]}, "with PARTITION one of aws"),
    ],
)
def test_bad_service_trusts_are_refused(kwargs, fragment):
    service = kwargs.pop("service")
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        service_role_trust(service, **kwargs)
