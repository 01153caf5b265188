"""Which stacks of a cloud assembly the emulator deploys, decided from resource types, and why not."""

from __future__ import annotations

import json

import pytest

from deploy.assembly import Stack, classify, read_assembly
from tests.unit.cloud_assembly import staged_cdk_out


def _stack(stack_id: str, *types: str, depends_on: tuple[str, ...] = ()) -> Stack:
    resources = {f"R{i}": {"Type": t} for i, t in enumerate(types)}
    return Stack(id=stack_id, name=stack_id, template={"Resources": resources}, dependencies=depends_on)


def test_a_stack_of_roles_policies_and_buckets_is_deployed():
    types = ("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::InstanceProfile",
             "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::CDK::Metadata")
    assert classify([_stack("A", *types)]) == {"A": None}


@pytest.mark.parametrize(
    ("resource_type", "reason"),
    [
        ("AWS::Organizations::Policy", "moto does not create AWS Organizations resources"),
        ("AWS::SSO::PermissionSet", "moto does not create IAM Identity Center resources"),
        ("AWS::CloudFormation::StackSet", "moto does not create stack sets"),
        ("AWS::IAM::OIDCProvider", "moto does not create OIDC providers; import the provider by ARN instead"),
        ("Custom::AWSCDKOpenIdConnectProvider", "a custom resource runs Lambda code"),
        ("AWS::CloudFormation::CustomResource", "a custom resource runs Lambda code"),
        ("AWS::IAM::RolePolicy", "moto does not create AWS::IAM::RolePolicy"),
    ],
)
def test_a_stack_with_a_type_moto_cannot_create_is_not_deployed_and_says_why(resource_type, reason):
    (why,) = classify([_stack("A", "AWS::IAM::Role", resource_type)]).values()
    assert why.startswith(f"{resource_type}: {reason}")


def test_every_type_that_blocks_a_stack_is_named_once():
    stack = _stack("A", "AWS::SSO::PermissionSet", "AWS::Organizations::Policy", "AWS::SSO::PermissionSet")
    why = classify([stack])["A"]
    assert why.count("AWS::SSO::PermissionSet:") == 1 and "AWS::Organizations::Policy:" in why


def test_a_stack_that_depends_on_a_stack_not_deployed_is_not_deployed_either_whatever_the_order():
    stacks = [
        _stack("C", "AWS::IAM::Role", depends_on=("B",)),
        _stack("B", "AWS::IAM::Role", depends_on=("A",)),
        _stack("A", "AWS::Organizations::Policy"),
        _stack("D", "AWS::IAM::Role"),
    ]
    reasons = classify(stacks)
    assert reasons["B"] == "depends on A, which is not deployed"
    assert reasons["C"] == "depends on B, which is not deployed"
    assert reasons["D"] is None


def test_read_assembly_lists_the_stacks_with_their_templates_names_and_stack_dependencies(tmp_path):
    manifest = {
        "artifacts": {
            "App.assets": {"type": "cdk:asset-manifest"},
            "First": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "First.template.json"}},
            "Second": {
                "type": "aws:cloudformation:stack",
                "properties": {"templateFile": "Second.template.json", "stackName": "second-stack"},
                "dependencies": ["First", "App.assets"],
            },
            "Tree": {"type": "cdk:tree"},
        }
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    for name in ("First", "Second"):
        (tmp_path / f"{name}.template.json").write_text(json.dumps({"Resources": {name: {"Type": "AWS::IAM::Role"}}}))
    first, second = read_assembly(tmp_path)
    assert (first.id, first.name, first.dependencies) == ("First", "First", ())
    assert (second.id, second.name, second.dependencies) == ("Second", "second-stack", ("First",))
    assert second.resources == {"Second": {"Type": "AWS::IAM::Role"}}


def test_read_assembly_leaves_out_the_stacks_of_stages(tmp_path):
    stacks = read_assembly(staged_cdk_out(tmp_path / "cdk.out"))
    assert [(s.id, s.name) for s in stacks] == [("Top", "top-named")]
