"""ECS tasks trust: the source conditions the ECS documentation gives, for one account and Region."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.trust.ecs import ecs_tasks_trust


def test_tasks_of_one_account_and_region_only():
    (statement,) = ecs_tasks_trust(account="111122223333", region="eu-west-1").statements
    assert statement.to_json() == {
        "Sid": "AllowECSTasksToAssume",
        "Effect": "Allow",
        "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Action": "sts:AssumeRole",
        "Condition": {
            "ArnLike": {"aws:SourceArn": "arn:aws:ecs:eu-west-1:111122223333:*"},
            "StringEquals": {"aws:SourceAccount": "111122223333"},
        },
    }


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"region": "*"}, "region is '*', but must be an AWS Region code"),
        ({"region": "Europe"}, "region is 'Europe', but must be an AWS Region code"),
        ({"account": "*"}, "account is '*', but must be an AWS account id"),
    ],
)
def test_bad_ecs_inputs_are_refused(kwargs, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        ecs_tasks_trust(**{"account": "111122223333", "region": "eu-west-1", **kwargs})
