"""StackSet inputs: targets, regions, operation preferences and the member template, and what each refuses."""

from __future__ import annotations

import json
import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.guardrails import (
    deployment_targets,
    operation_preferences,
    stack_set_capabilities,
    stack_set_regions,
    stack_set_template_body,
    validate_organizational_unit_id,
)
from iam_patterns.guardrails.stackset import TEMPLATE_BODY_QUOTA, validate_description, validate_stack_set_name
from iam_patterns.policy import validate_region

ROLE = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}}}
NAMED_ROLE = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {}, "RoleName": "org-audit"}}
TOPIC = {"Type": "AWS::SNS::Topic"}


@pytest.mark.parametrize(
    "target", ["ou-ab12-cd34ef56", "r-ab12", "ou-" + "a" * 32 + "-" + "0" * 32, "r-" + "9" * 32, "${Token[Ref.1]}"]
)
def test_ou_and_root_ids_are_targets(target):
    assert validate_organizational_unit_id(target) == target


def test_the_default_preferences_deploy_one_account_at_a_time_and_stop_at_the_first_failure():
    assert operation_preferences(regions=["us-east-1"]) == {
        "ConcurrencyMode": "STRICT_FAILURE_TOLERANCE",
        "FailureToleranceCount": 0,
        "MaxConcurrentCount": 1,
        "RegionConcurrencyType": "SEQUENTIAL",
        "RegionOrder": ["us-east-1"],
    }


def test_regions_are_deployed_one_after_the_other_in_the_order_given():
    preferences = operation_preferences(regions=["eu-west-1", "eu-central-1"])
    assert (preferences["RegionConcurrencyType"], preferences["RegionOrder"]) == (
        "SEQUENTIAL", ["eu-west-1", "eu-central-1"]
    )


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"max_concurrent_count": 5, "failure_tolerance_count": 4},
         {"MaxConcurrentCount": 5, "FailureToleranceCount": 4}),
        ({"failure_tolerance_count": 3}, {"MaxConcurrentCount": 1, "FailureToleranceCount": 3}),
        ({"max_concurrent_percentage": 25, "failure_tolerance_percentage": 25},
         {"MaxConcurrentPercentage": 25, "FailureTolerancePercentage": 25}),
        ({"max_concurrent_percentage": 100, "failure_tolerance_percentage": 100},
         {"MaxConcurrentPercentage": 100, "FailureTolerancePercentage": 100}),
        ({"failure_tolerance_percentage": 10}, {"MaxConcurrentCount": 1, "FailureTolerancePercentage": 10}),
    ],
)
def test_concurrency_and_tolerance_that_strict_mode_really_runs_are_emitted_as_given(options, expected):
    preferences = operation_preferences(regions=["us-east-1"], **options)
    assert {k: v for k, v in preferences.items() if k.startswith(("Max", "Failure"))} == expected


@pytest.mark.parametrize(
    ("template", "capabilities"),
    [
        ({"Resources": {"Topic": TOPIC}}, ()),
        ({"Resources": {"Role": ROLE, "Topic": TOPIC}}, ("CAPABILITY_IAM",)),
        ({"Resources": {"Role": ROLE, "Audit": NAMED_ROLE}}, ("CAPABILITY_NAMED_IAM",)),
        (
            {"Resources": {"Policy": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"ManagedPolicyName": "b"}}}},
            ("CAPABILITY_NAMED_IAM",),
        ),
    ],
)
def test_the_capability_is_the_least_the_template_needs(template, capabilities):
    assert stack_set_capabilities(template) == capabilities


def test_the_template_body_is_compact_json_of_the_template():
    template = {"Description": "caf\u00e9", "Resources": {"Audit": NAMED_ROLE, "Topic": TOPIC}}
    body = stack_set_template_body(template, regions=["us-east-1"])
    assert json.loads(body) == template
    assert " " not in body.replace("caf\u00e9", "") and "\u00e9" in body


def test_parameters_with_a_default_and_unnamed_iam_in_several_regions_are_fine():
    template = {"Parameters": {"Env": {"Type": "String", "Default": "prod"}}, "Resources": {"Role": ROLE}}
    assert json.loads(stack_set_template_body(template, regions=["eu-west-1", "eu-central-1"])) == template


def test_a_body_of_exactly_the_quota_passes_and_one_byte_more_does_not():
    base = len(stack_set_template_body({"Description": "", "Resources": {"T": TOPIC}}, regions=["us-east-1"]))
    fits = {"Description": "d" * (TEMPLATE_BODY_QUOTA - base), "Resources": {"T": TOPIC}}
    assert len(stack_set_template_body(fits, regions=["us-east-1"]).encode()) == TEMPLATE_BODY_QUOTA
    over = {"Description": "\u00e9" * ((TEMPLATE_BODY_QUOTA - base) // 2 + 1), "Resources": {"T": TOPIC}}
    assert len(json.dumps(over, separators=(",", ":"), ensure_ascii=False)) < TEMPLATE_BODY_QUOTA  # but its bytes
    with pytest.raises(ValidationError, match=re.escape("member template is 51,201 bytes, but must be at most 51,200")):
        stack_set_template_body(over, regions=["us-east-1"])


@pytest.mark.parametrize(
    "region", ["us-east-1", "eu-central-2", "ap-southeast-7", "mx-central-1", "il-central-1", "us-gov-west-1",
               "cn-northwest-1", "ca-west-1"]
)
def test_region_codes_of_every_shape_pass(region):
    assert validate_region(region) == region


def test_regions_of_the_home_partition_pass_and_an_unknown_home_region_checks_nothing():
    assert stack_set_regions(["us-gov-west-1"], home_region="us-gov-east-1") == ("us-gov-west-1",)
    assert stack_set_regions(["cn-north-1"], home_region="${Token[AWS.Region.3]}") == ("cn-north-1",)


BAD = [
    (lambda: validate_organizational_unit_id("ou-ab12"), "organizational_unit_ids is 'ou-ab12', but must be an OU id"),
    (lambda: validate_organizational_unit_id("111122223333"),
     "organizational_unit_ids is '111122223333', but must be an OU id such as 'ou-ab12-cd34ef56' or the root id"),
    (lambda: validate_organizational_unit_id("OU-AB12-CD34EF56"), "organizational_unit_ids is 'OU-AB12-CD34EF56'"),
    (lambda: validate_organizational_unit_id("ou-ab1-cd34ef56"), "organizational_unit_ids is 'ou-ab1-cd34ef56'"),
    (lambda: validate_organizational_unit_id("ou-ab12-cd34ef5"), "organizational_unit_ids is 'ou-ab12-cd34ef5'"),
    (lambda: validate_organizational_unit_id("r-ab1"), "organizational_unit_ids is 'r-ab1', but must be"),
    (lambda: validate_organizational_unit_id("r-" + "a" * 33), "organizational_unit_ids is 'r-aaaa"),
    (lambda: deployment_targets([]), "organizational_unit_ids is [], but must name at least one value"),
    (lambda: deployment_targets("ou-ab12-cd34ef56"), "but must be a list of strings, not one string"),
    (lambda: deployment_targets(["ou-ab12-cd34ef56", "ou-ab12-cd34ef56"]),
     "but must name each target once, not ou-ab12-cd34ef56 twice"),
    (lambda: deployment_targets(["r-ab12", "ou-ab12-cd34ef56"]),
     "but must name the root r-ab12 alone: it already holds every OU"),
    (lambda: validate_region(parameter="regions", value="eu-west-1a"), "regions is 'eu-west-1a', but must be an AWS Region code"),
    (lambda: validate_region(parameter="regions", value="us-east1"), "regions is 'us-east1', but must be an AWS Region code"),
    (lambda: validate_region(parameter="regions", value="eu-wset-1"), "regions is 'eu-wset-1', but must be an AWS Region code"),
    (lambda: validate_region(parameter="regions", value="US-EAST-1"), "regions is 'US-EAST-1'"),
    (lambda: validate_region(parameter="regions", value="global"), "regions is 'global'"),
    (lambda: validate_region(parameter="regions", value="us-east-0"), "regions is 'us-east-0'"),
    (lambda: stack_set_regions([]), "regions is [], but must name at least one value"),
    (lambda: stack_set_regions(["us-east-1", "us-east-1"]), "but must name each region once, not us-east-1 twice"),
    (lambda: stack_set_regions(["us-east-1", "us-gov-west-1"]),
     "but must all be in one partition, not in aws and aws-us-gov"),
    (lambda: stack_set_regions(["cn-north-1"], home_region="eu-west-1"),
     "regions is ['cn-north-1'], but must be in the partition of eu-west-1, where the StackSet is created (aws)"),
    (lambda: validate_stack_set_name("1-baseline"), "stack_set_name is '1-baseline', but must start with a letter"),
    (lambda: validate_stack_set_name("org_baseline"), "stack_set_name is 'org_baseline', but must start"),
    (lambda: validate_stack_set_name("a" * 129), "but must start with a letter and hold only letters, digits and"),
    (lambda: validate_description(""), "description is '', but must be a string of 1 to 1,024 characters"),
    (lambda: validate_description("d" * 1025), "but must be a string of 1 to 1,024 characters"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_count=0),
     "max_concurrent_count is 0, but must be a whole number of at least 1 (accounts)"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_count=True),
     "max_concurrent_count is True, but must be a whole number"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_count=2.0),
     "max_concurrent_count is 2.0, but must be a whole number"),
    (lambda: operation_preferences(regions=["us-east-1"], failure_tolerance_count=-1),
     "failure_tolerance_count is -1, but must be a whole number of at least 0 (accounts)"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_percentage=0, failure_tolerance_percentage=0),
     "max_concurrent_percentage is 0, but must be a whole number from 1 to 100 (percent)"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_percentage=101,
                                   failure_tolerance_percentage=100),
     "max_concurrent_percentage is 101, but must be a whole number from 1 to 100 (percent)"),
    (lambda: operation_preferences(regions=["us-east-1"], failure_tolerance_percentage=-1),
     "failure_tolerance_percentage is -1, but must be a whole number from 0 to 100 (percent)"),
    (lambda: operation_preferences(regions=["us-east-1"], failure_tolerance_percentage=101),
     "failure_tolerance_percentage is 101, but must be a whole number from 0 to 100 (percent)"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_count=2, max_concurrent_percentage=10),
     "max_concurrent_percentage is 10, but must not be given with max_concurrent_count"),
    (lambda: operation_preferences(regions=["us-east-1"], failure_tolerance_count=1, failure_tolerance_percentage=10),
     "failure_tolerance_percentage is 10, but must not be given with failure_tolerance_count"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_count=10),
     "max_concurrent_count is 10, but must be at most 1 with failure_tolerance_count 0: CloudFormation runs an "
     "operation in at most the tolerated failures + 1 accounts at once, so CloudFormation would lower it; give "
     "failure_tolerance_count 9 or more"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_count=4, failure_tolerance_count=2),
     "max_concurrent_count is 4, but must be at most 3 with failure_tolerance_count 2"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_percentage=30,
                                   failure_tolerance_percentage=20),
     "max_concurrent_percentage is 30, but must be at most 20% with failure_tolerance_percentage 20"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_percentage=20),
     "max_concurrent_percentage is 20, but cannot be checked against failure_tolerance_count 0"),
    (lambda: operation_preferences(regions=["us-east-1"], max_concurrent_count=3, failure_tolerance_percentage=50),
     "max_concurrent_count is 3, but cannot be checked against failure_tolerance_percentage 50"),
    (lambda: operation_preferences(regions=["eu-west-1a"]), "regions is 'eu-west-1a'"),
    (lambda: stack_set_template_body({"Resources": {}}, regions=["us-east-1"]),
     "member template is {}, but must have a resource"),
    (lambda: stack_set_template_body({"Transform": "AWS::Serverless-2016-10-31", "Resources": {"T": TOPIC}},
                                     regions=["us-east-1"]),
     "member template is 'AWS::Serverless-2016-10-31', but must not use a transform"),
    (lambda: stack_set_template_body(
        {"Parameters": {"Env": {"Type": "String"}, "Tier": {"Type": "String", "Default": "a"}},
         "Resources": {"T": TOPIC}},
        regions=["us-east-1"]),
     "member template is ['Env'], but must give every parameter a Default"),
    (lambda: stack_set_template_body({"Resources": {"Audit": NAMED_ROLE}}, regions=["eu-west-1", "eu-central-1"]),
     "regions is ['eu-west-1', 'eu-central-1'], but must name one region for a member template with named IAM "
     "resources (Audit): IAM is global"),
]


@pytest.mark.parametrize(("call", "message"), BAD, ids=[m[:60] for _, m in BAD])
def test_bad_inputs_are_refused_with_a_clear_error(call, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        call()
