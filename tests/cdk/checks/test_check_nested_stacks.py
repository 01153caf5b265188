"""``iam-patterns check`` on a cdk.out CDK synthesized with NestedStacks: their templates are checked (nested in
nested too) and acknowledgements on their constructs honoured; ``iam-patterns can`` refuses them."""

from __future__ import annotations

from pathlib import Path

from aws_cdk import NestedStack, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3

from iam_patterns import acknowledge_check
from iam_patterns.checks import check_paths
from iam_patterns.cli import main

OPEN = "statement 0 lets a principal of any AWS account assume this role"


def test_a_bad_role_in_a_nested_stack_is_reported_and_an_acknowledgement_there_honoured(app, capsys):
    app.node.set_context("aws:cdk:enable-path-metadata", True)  # as `cdk synth` writes templates
    parent = Stack(app, "Parent")
    inner = NestedStack(parent, "Inner")
    s3.Bucket(parent, "Data").grant_read(iam.Role(inner, "Open", assumed_by=iam.AnyPrincipal()))  # a parameter
    acknowledge_check(iam.Role(inner, "Shared", assumed_by=iam.AnyPrincipal()), "trust-open-to-everyone",
                      reason="A demo role that anyone may assume.")
    iam.Role(NestedStack(inner, "Deeper"), "Events", assumed_by=iam.ServicePrincipal("events.amazonaws.com"))
    out = Path(app.synth().directory)

    report = check_paths([out])
    assert {(f.check, f.stack, Path(f.template).name) for f in report.findings} == {
        ("trust-open-to-everyone", "Parent/Inner", "ParentInner571755B8.nested.template.json"),
        ("confused-deputy", "Parent/Inner/Deeper", "ParentInnerDeeperB4966582.nested.template.json"),
    }
    assert [f.message for f in report.findings if f.check == "trust-open-to-everyone"][0].startswith(OPEN)
    (ack,) = report.acknowledged
    assert (ack.finding.check, ack.path, ack.reason) == ("trust-open-to-everyone", "Parent/Inner/Shared",
                                                         "A demo role that anyone may assume.")
    assert main(["check", str(out)]) == 1
    assert "Open2F4367FD (Parent/Inner)" in capsys.readouterr().out

    for template, role in [(out / "ParentInner571755B8.nested.template.json", "Open"), (out, "Parent/Inner/Open")]:
        assert main(["can", str(template), role, "sts:AssumeRole", "*"]) == 2
        assert "which is not evaluated: its template is a file asset of its parent 'Parent'" in capsys.readouterr().err
