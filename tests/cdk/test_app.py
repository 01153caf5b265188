"""The whole CDK app, synthesized once with CDK's built-in CloudFormation validation on, as `cdk synth` runs it."""

from __future__ import annotations

from aws_cdk import Stack
from aws_cdk.cx_api import CloudAssembly

from stacks import build_all
from tests.cdk.synth import new_app


def _synth_with_validation() -> CloudAssembly:
    app = new_app(validation=True)  # built-in validation is on here, and only here
    build_all(app)
    return app.synth()


def test_every_example_stack_synthesizes_with_validation_on_and_no_warnings():
    assembly = _synth_with_validation()
    stacks = assembly.stacks
    assert {s.stack_name for s in stacks} >= {"IamPatterns-S3PrefixAccess"}
    problems = [
        (stack.stack_name, message.entry.type, message.entry.data)
        for stack in stacks
        for message in stack.messages
        if message.level.value in ("warning", "error")
    ]
    assert problems == []
    for stack in stacks:
        assert stack.template["Resources"], stack.stack_name


def test_every_stack_module_adds_a_stack():
    app = new_app()
    build_all(app)
    stacks = [c for c in app.node.children if isinstance(c, Stack)]
    assert len(stacks) == len({s.stack_name for s in stacks}) >= 1
    assert all(s.stack_name.startswith("IamPatterns-") for s in stacks)
