"""apply_boundary: every role and user in a scope, and the roles of its custom resources outside it."""

from __future__ import annotations

from aws_cdk import CustomResource, CustomResourceProvider, CustomResourceProviderRuntime, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import custom_resources as cr
from constructs import Construct

from iam_patterns import Decision, PermissionsBoundaryPolicy, Simulator, apply_boundary
from tests.cdk.synth import template


def _boundaries(stack: Stack) -> dict[str, object]:
    """Logical id -> PermissionsBoundary (or None) of every role and user in the template."""
    return {
        logical_id: resource["Properties"].get("PermissionsBoundary")
        for logical_id, resource in template(stack)["Resources"].items()
        if resource["Type"] in ("AWS::IAM::Role", "AWS::IAM::User")
    }


def _stack_with_custom_resources(app):
    stack = Stack(app, "S")
    boundary = PermissionsBoundaryPolicy(stack, "Boundary", services=["s3", "logs"], managed_policy_name="b")
    scope = Construct(stack, "Team")
    cr.AwsCustomResource(
        scope,
        "Lookup",
        on_update=cr.AwsSdkCall(
            service="STS", action="GetCallerIdentity", physical_resource_id=cr.PhysicalResourceId.of("id")
        ),
        policy=cr.AwsCustomResourcePolicy.from_statements(
            [iam.PolicyStatement(actions=["s3:ListAllMyBuckets"], resources=["*"])]
        ),
        install_latest_aws_sdk=False,
    )
    s3.Bucket(scope, "Bucket", auto_delete_objects=True, removal_policy=RemovalPolicy.DESTROY)
    iam.Role(scope, "Worker", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    iam.User(scope, "Robot")
    return stack, boundary, scope


def test_custom_resource_roles_outside_the_scope_get_the_boundary(app):
    stack, boundary, scope = _stack_with_custom_resources(app)
    apply_boundary(scope, boundary)
    boundaries = _boundaries(stack)
    ref = {"Ref": stack.get_logical_id(boundary.node.default_child)}
    assert len(boundaries) == 4  # the worker, the user, AwsCustomResource's singleton, the auto-delete provider
    assert any(k.startswith("AWS679f53fac002430cb0da5b7982bd2287") for k in boundaries)
    assert any(k.startswith("CustomS3AutoDeleteObjectsCustomResourceProviderRole") for k in boundaries)
    assert set(map(str, boundaries.values())) == {str(ref)}


def test_cdk_permissions_boundary_alone_misses_the_custom_resource_roles(app):
    """The reason apply_boundary exists: CDK's aspect, applied to the same scope, leaves two roles unbounded."""
    stack, boundary, scope = _stack_with_custom_resources(app)
    iam.PermissionsBoundary.of(scope).apply(boundary)
    unbounded = sorted(k for k, v in _boundaries(stack).items() if v is None)
    assert len(unbounded) == 2
    assert unbounded[0].startswith("AWS679f53fac002430cb0da5b7982bd2287")
    assert unbounded[1].startswith("CustomS3AutoDeleteObjectsCustomResourceProviderRole")


def test_raw_custom_resource_provider_roles_get_the_boundary(app, tmp_path):
    """A CustomResourceProvider's role is a raw CfnResource of type AWS::IAM::Role, not a CfnRole."""
    (tmp_path / "index.js").write_text("exports.handler = async () => ({});\n")
    stack = Stack(app, "S")
    boundary = iam.ManagedPolicy.from_managed_policy_arn(stack, "B", "arn:aws:iam::111122223333:policy/b")
    scope = Construct(stack, "Team")
    provider = CustomResourceProvider.get_or_create_provider(
        stack, "Custom::Thing", code_directory=str(tmp_path), runtime=CustomResourceProviderRuntime.NODEJS_22_X
    )
    CustomResource(scope, "Thing", service_token=provider.service_token, resource_type="Custom::Thing")
    apply_boundary(scope, boundary)
    (role,) = [r for r in template(stack)["Resources"].values() if r["Type"] == "AWS::IAM::Role"]
    assert role["Properties"]["PermissionsBoundary"] == "arn:aws:iam::111122223333:policy/b"


def test_roles_outside_the_scope_that_serve_no_custom_resource_of_it_are_left_alone(app):
    stack = Stack(app, "S")
    boundary = iam.ManagedPolicy.from_managed_policy_arn(stack, "B", "arn:aws:iam::111122223333:policy/b")
    scope = Construct(stack, "Team")
    iam.Role(scope, "Inside", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    iam.Role(stack, "Outside", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    apply_boundary(scope, boundary)
    boundaries = _boundaries(stack)
    assert {k[:6]: v for k, v in boundaries.items()} == {
        "TeamIn": "arn:aws:iam::111122223333:policy/b",
        "Outsid": None,
    }


def test_a_role_set_with_another_boundary_gets_this_one(app):
    stack = Stack(app, "S")
    old = iam.ManagedPolicy.from_managed_policy_arn(stack, "Old", "arn:aws:iam::111122223333:policy/old")
    new = iam.ManagedPolicy.from_managed_policy_arn(stack, "New", "arn:aws:iam::111122223333:policy/new")
    iam.Role(stack, "R", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"), permissions_boundary=old)
    apply_boundary(stack, new)
    assert list(_boundaries(stack).values()) == ["arn:aws:iam::111122223333:policy/new"]


def test_a_synthesized_admin_role_under_the_applied_boundary_is_still_denied_what_it_denies(app):
    stack = Stack(app, "S")
    boundary = PermissionsBoundaryPolicy(stack, "Boundary", services=["s3"], managed_policy_name="b")
    scope = Construct(stack, "Team")
    role = iam.Role(scope, "Admin", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    role.add_to_policy(iam.PolicyStatement(actions=["*"], resources=["*"]))
    apply_boundary(scope, boundary)
    sim = Simulator.from_stack(stack)
    assert sim.can(role, "s3:GetObject", "arn:aws:s3:::data/x").allowed
    assert sim.can(role, "dynamodb:Scan", "arn:aws:dynamodb:us-east-1:123456789012:table/t").decision == (
        Decision.IMPLICIT_DENY
    )
    assert sim.can(role, "iam:CreateUser", "arn:aws:iam::123456789012:user/x").decision == Decision.EXPLICIT_DENY
    assert sim.can(role, "iam:DeleteRolePermissionsBoundary", sim.role(role).arn).decision == Decision.EXPLICIT_DENY
