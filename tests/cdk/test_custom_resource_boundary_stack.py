"""The custom-resource boundary example: every role in the stack, custom-resource roles included, is bounded."""

from __future__ import annotations

from iam_patterns import Decision, Simulator
from stacks.custom_resource_boundary import CustomResourceBoundaryStack
from tests.cdk.synth import template

AWS_MANAGED = {
    # The AWS managed policy CDK attaches to Lambda roles, as AWS publishes it.
    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole": {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": "*",
            }
        ],
    }
}


def test_template_matches_snapshot(app, snapshot):
    assert template(CustomResourceBoundaryStack(app, "IamPatterns-CustomResourceBoundary")) == snapshot


def test_every_role_including_the_custom_resource_roles_carries_the_boundary(app):
    resources = template(CustomResourceBoundaryStack(app, "C"))["Resources"]
    boundary_id = next(k for k, r in resources.items() if r["Type"] == "AWS::IAM::ManagedPolicy")
    roles = {k: r["Properties"] for k, r in resources.items() if r["Type"] == "AWS::IAM::Role"}
    assert len(roles) == 2
    assert all(props["PermissionsBoundary"] == {"Ref": boundary_id} for props in roles.values())
    functions = [
        r["Properties"]["Role"]["Fn::GetAtt"][0] for r in resources.values() if r["Type"] == "AWS::Lambda::Function"
    ]
    assert sorted(functions) == sorted(roles)


def test_the_custom_resource_roles_are_denied_what_the_boundary_denies(app):
    """Simulated on the synthesized template: each custom-resource role keeps its job (S3 for the auto-delete
    provider, SSM for the AwsCustomResource) and loses IAM writes and services the boundary does not list."""
    sim = Simulator.from_stack(CustomResourceBoundaryStack(app, "C"), managed_policies=AWS_MANAGED)
    auto_delete, sdk_call = sorted(sim.roles, key=lambda k: not k.startswith("CustomS3AutoDelete"))
    of_type = {r["Type"]: k for k, r in sim.template.resources.items()}
    bucket, parameter = sim.arn(of_type["AWS::S3::Bucket"]), sim.arn(of_type["AWS::SSM::Parameter"])
    assert sim.can(auto_delete, "s3:DeleteObject", f"{bucket}/x").allowed
    assert sim.can(sdk_call, "ssm:GetParameter", parameter).allowed
    for role in (auto_delete, sdk_call):
        assert sim.can(role, "iam:CreateUser", "arn:aws:iam::123456789012:user/backdoor").decision == (
            Decision.EXPLICIT_DENY
        )
        assert sim.can(role, "logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:x:*").allowed
        assert sim.can(role, "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q").decision == (
            Decision.IMPLICIT_DENY
        )
