"""``iam-patterns can``: the decision and reasons on stdout, exit 0 allowed / 1 denied / 2 unreadable input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iam_patterns.cli import main
from tests.conftest import FIXTURES
from tests.unit.cloud_assembly import ROLE, nested_cdk_out, staged_cdk_out, write_assembly

TEMPLATE = str(FIXTURES / "templates" / "github_deploy.json")
JOBS = str(FIXTURES / "templates" / "intrinsics.json")
READER = FIXTURES / "templates" / "reports_reader.yaml"
BUCKET = "arn:aws:s3:::acme-artifacts-111122223333-us-east-1"
CFN_READ_ONLY = "arn:aws:iam::aws:policy/AWSCloudFormationReadOnlyAccess"


@pytest.fixture
def managed(tmp_path) -> list[str]:
    document = tmp_path / "cfn-read-only.json"
    document.write_text(json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "cloudformation:Describe*", "Resource": "*"}]}))
    return ["--managed-policy", f"{CFN_READ_ONLY}={document}", "--account", "111122223333"]


def test_allowed_request_exits_0_and_names_the_statements(managed, capsys):
    status = main(["can", TEMPLATE, "DeployRole", "s3:PutObject", f"{BUCKET}/builds/1.zip",
                   "--context", "aws:SecureTransport=true", *managed])
    out = capsys.readouterr().out.splitlines()
    assert status == 0
    assert out[0].startswith("Allow: DeployRole2D5B9F0C (arn:aws:iam::111122223333:role/ci/github-deploy-prod")
    assert "  - identity-based policy 'WriteArtifacts', statement 0 (Sid PutArtifacts): Allow" in out


def test_denied_request_exits_1_and_says_why(managed, capsys):
    status = main(["can", TEMPLATE, "DeployRole2D5B9F0C", "iam:CreateUser", "*", *managed])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert out[0].startswith("ExplicitDeny: DeployRole2D5B9F0C")
    assert out[1:] == ["  - the permissions boundary, statement 1 (Sid NeverTouchIam): Deny"]


def test_implicit_denial_exits_1(managed, capsys):
    assert main(["can", TEMPLATE, "DeployRole", "s3:DeleteObject", f"{BUCKET}/builds/1.zip", *managed]) == 1
    assert capsys.readouterr().out.startswith("ImplicitDeny:")


def test_a_repeated_context_key_is_a_multivalued_key(tmp_path, capsys):
    template = {"Resources": {"Tagger": {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": [{"PolicyName": "tags", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
             "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": "team"}}}]}}]}}}}
    path = tmp_path / "Tags.template.json"
    path.write_text(json.dumps(template))
    args = ["can", str(path), "Tagger", "ec2:CreateTags", "*"]
    assert main([*args, "--context", "aws:TagKeys=cost", "--context", "aws:TagKeys=team"]) == 0
    assert "Tags-Tagger" in capsys.readouterr().out  # the stack name comes from NAME.template.json
    assert main([*args, "--context", "aws:TagKeys=cost"]) == 1


POLICY_YAML = """
Version: 2012-10-17
Statement:
  - {Sid: ListReports, Effect: Allow, Action: s3:ListBucket, Resource: "arn:aws:s3:::reports-prod"}
"""


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".template"])
def test_a_yaml_template_and_a_yaml_managed_policy_are_read_with_their_short_forms(tmp_path, capsys, suffix):
    template, policy = tmp_path / f"Reports{suffix}", tmp_path / f"read-reports{suffix}"
    shutil.copy(READER, template)
    policy.write_text(POLICY_YAML)
    managed = ["--managed-policy", f"arn:aws:iam::aws:policy/ReadReports={policy}"]
    assert main(["can", str(template), "Reader", "s3:GetObject", "arn:aws:s3:::reports-prod/q1.csv", *managed]) == 0
    assert "  - identity-based policy 'read', statement 0 (Sid ReadReports): Allow" in capsys.readouterr().out
    assert main(["can", str(template), "Reader", "s3:ListBucket", "arn:aws:s3:::reports-prod", *managed]) == 0
    assert main(["can", str(template), "Reader", "s3:GetObject", "arn:aws:s3:::reports-dev/q1.csv", *managed]) == 1


def test_unparsable_yaml_exits_2_with_one_line_and_no_traceback(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("Resources:\n  Reader: [\n")
    done = subprocess.run([sys.executable, "-m", "iam_patterns", "can", str(path), "Reader", "s3:GetObject", "*"],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[3])
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"iam-patterns can: cannot read {path}: neither JSON nor YAML (")
    assert done.stderr.endswith(" at line 3, column 1)\n") and done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.json", "R", "s3:GetObject", "*"], "iam-patterns can: cannot read missing.json"),
        ([__file__, "R", "s3:GetObject", "*"], "test_can.py: neither JSON nor YAML ("),
        ([TEMPLATE, "Nope", "s3:GetObject", "*"], "role 'Nope' is not a role of the template"),
        ([JOBS, "WorkerRoleA1B2C3D4", "GetObject", "*"], "action is 'GetObject', but must be 'service:Action'"),
        ([JOBS, "WorkerRoleA1B2C3D4", "s3:GetObject", "*", "--context", "aws:SecureTransport"], "must be KEY=VALUE"),
        ([JOBS, "ImportedRole3C4D5E6F", "s3:GetObject", "*"], "cannot be evaluated offline"),
        ([TEMPLATE, "DeployRole", "s3:GetObject", "*"], f"uses {CFN_READ_ONLY}, whose document is not in the template"),
        ([TEMPLATE, "DeployRole", "s3:GetObject", "*", "--account", "42"], "account is '42', but must be an AWS account"),
        ([TEMPLATE, "DeployRole", "s3:GetObject", "*", "--managed-policy", "nofile"], "must be ARN=FILE"),
    ],
)
def test_unreadable_input_exits_2_with_a_message(args, message, capsys):
    assert main(["can", *args]) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""


def test_a_template_or_managed_policy_with_a_key_given_twice_exits_2_naming_the_key(tmp_path, capsys):
    twice = tmp_path / "Twice.template.json"
    twice.write_text(Path(TEMPLATE).read_text().replace('"Effect": "Allow"', '"Effect": "Deny", "Effect": "Allow"', 1))
    assert main(["can", str(twice), "DeployRole", "s3:GetObject", "*"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(f"iam-patterns can: cannot read {twice}: duplicate key 'Effect'")
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY_YAML.replace("Effect: Allow,", "Effect: Allow, Effect: Deny,"))
    assert main(["can", TEMPLATE, "DeployRole", "s3:GetObject", "*", "--managed-policy", f"{CFN_READ_ONLY}={policy}"]) == 2
    assert f"cannot read {policy}: duplicate key 'Effect' at line 4" in capsys.readouterr().err


def test_python_m_iam_patterns_can_reports_errors_without_a_traceback():
    done = subprocess.run([sys.executable, "-m", "iam_patterns", "can", "missing.json", "R", "s3:GetObject", "*"],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[3])
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == "iam-patterns can: cannot read missing.json: No such file or directory"


@pytest.fixture
def cdk_out(tmp_path) -> Path:
    return staged_cdk_out(tmp_path / "cdk.out")


@pytest.mark.parametrize(("stack", "account", "stack_name"), [
    ("Prod-Api", "111122223333", "Prod-Api"),                 # by stack name
    ("Prod/Api", "111122223333", "Prod-Api"),                 # by construct path (display name)
    ("ProdEuWorker81691CA8", "111122223333", "Prod-Eu-Worker"),  # by artifact id, in a Stage in a Stage
    ("Prod/Eu/Worker", "111122223333", "Prod-Eu-Worker"),
    ("top-named", "123456789012", "top-named"),               # a stack name other than its artifact id
    ("Top", "123456789012", "top-named"),
])
def test_a_stack_of_a_cdk_out_folder_is_chosen_by_name_and_read_with_its_name_and_account(cdk_out, capsys, stack,
                                                                                         account, stack_name):
    args = ["can", str(cdk_out), "Reader", "s3:GetObject", "--stack", stack]
    assert main([*args[:4], f"arn:aws:s3:::reports-{stack_name}/q1.csv", *args[4:]]) == 0
    assert capsys.readouterr().out.startswith(
        f"Allow: {ROLE} (arn:aws:iam::{account}:role/{stack_name}-{ROLE}, ")
    assert main([*args[:4], "arn:aws:s3:::reports-Stack/q1.csv", *args[4:]]) == 1


@pytest.mark.parametrize(("template", "stack_name"), [
    ("assembly-Prod/ProdApi2466CF1F.template.json", "Prod-Api"),
    ("assembly-Prod/assembly-Prod-Eu/ProdEuWorker81691CA8.template.json", "Prod-Eu-Worker"),
    ("Top.template.json", "top-named"),
])
def test_a_template_file_of_a_cloud_assembly_takes_its_stack_name_from_the_manifest(cdk_out, capsys, template,
                                                                                   stack_name):
    path = str(cdk_out / template)
    assert main(["can", path, "Reader", "s3:GetObject", f"arn:aws:s3:::reports-{stack_name}/q1.csv"]) == 0
    assert f"role/{stack_name}-{ROLE}" in capsys.readouterr().out


def test_the_options_override_what_the_manifest_says(cdk_out, capsys):
    args = ["can", str(cdk_out), "Reader", "s3:GetObject", "arn:aws:s3:::reports-Blue/q1.csv", "--stack", "Prod/Api"]
    assert main([*args, "--stack-name", "Blue", "--account", "444455556666"]) == 0
    assert f"(arn:aws:iam::444455556666:role/Blue-{ROLE}, " in capsys.readouterr().out


def test_a_cdk_out_folder_with_one_stack_needs_no_stack_option(cdk_out, capsys):
    one = cdk_out / "assembly-Prod" / "assembly-Prod-Eu"
    assert main(["can", str(one), "Prod/Eu/Worker/Reader", "s3:GetObject", "arn:aws:s3:::reports-Prod-Eu-Worker/a"]) == 0


STACKS = "(stacks: Prod-Api (Prod/Api), Prod-Eu-Worker (Prod/Eu/Worker), top-named (Top))"  # by construct path


@pytest.mark.parametrize(("where", "options", "message"), [
    ("cdk.out", [], f"{{out}} has 3 stacks: choose one with --stack {STACKS}"),
    ("cdk.out", ["--stack", "Prod"], f"--stack 'Prod' is not a stack of {{out}} {STACKS}"),
    ("cdk.out", ["--stack", "prod-api"], f"--stack 'prod-api' is not a stack of {{out}} {STACKS}"),
    ("cdk.out/Top.template.json", ["--stack", "Top"], "--stack chooses a stack of a cdk.out folder, but "),
    ("cdk.out/assembly-Prod/assembly-Prod-Eu/nothing", [], "cannot read {out}/assembly-Prod/assembly-Prod-Eu/nothing: "
                                                          "a folder without a manifest.json, so not a cloud assembly"),
])
def test_a_stack_that_cannot_be_chosen_exits_2_listing_the_stacks(cdk_out, capsys, where, options, message):
    (cdk_out / "assembly-Prod" / "assembly-Prod-Eu" / "nothing").mkdir()
    target = cdk_out.parent / where
    assert main(["can", str(target), "Reader", "s3:GetObject", "*", *options]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message.format(out=cdk_out) in captured.err


def test_a_stack_name_two_stages_share_asks_for_the_construct_path(tmp_path, capsys):
    out = tmp_path / "cdk.out"
    write_assembly(out, {"BlueApi1A2B3C4D": ("Api", "Blue/Api", None), "GreenApi5E6F7A8B": ("Api", "Green/Api", None)})
    assert main(["can", str(out), "Reader", "s3:GetObject", "*", "--stack", "Api"]) == 2
    assert (f"--stack 'Api' names several stacks of {out}: give a construct path "
            "(stacks: Api (Blue/Api), Api (Green/Api))") in capsys.readouterr().err
    assert main(["can", str(out), "Reader", "s3:GetObject", "arn:aws:s3:::reports-Api/x", "--stack", "Green/Api"]) == 0


def test_a_cloud_assembly_without_stacks_exits_2(tmp_path, capsys):
    write_assembly(tmp_path / "cdk.out", {})
    assert main(["can", str(tmp_path / "cdk.out"), "Reader", "s3:GetObject", "*"]) == 2
    assert f"{tmp_path / 'cdk.out'} is a cloud assembly without stacks" in capsys.readouterr().err


NOT_EVALUATED = ("which is not evaluated: its template is a file asset of its parent{parent}, its values are parameters "
                 "the parent passes, its name (AWS::StackName, and the names CloudFormation generates for its roles) is "
                 "made at deploy time")
DEPLOYING_STACK = "the stack that deploys it (the cdk.out with --stack Parent)"


@pytest.mark.parametrize(("where", "role", "options", "message", "instead"), [
    ("cdk.out/ParentInner571755B8.nested.template.json", "Passed5D1E7C2A", [],
     "{out}/ParentInner571755B8.nested.template.json is the template of the NestedStack 'Parent/Inner', "
     + NOT_EVALUATED.format(parent=" 'Parent'"), DEPLOYING_STACK),
    ("elsewhere/ParentInner571755B8.nested.template.json", "Passed5D1E7C2A", [],
     "{elsewhere}/ParentInner571755B8.nested.template.json is the template of a NestedStack (CDK names it "
     "*.nested.template.json), " + NOT_EVALUATED.format(parent=""), "its parent"),
    ("cdk.out", "Events", ["--stack", "Parent/Inner/Deeper"],
     "--stack 'Parent/Inner/Deeper' is a NestedStack, " + NOT_EVALUATED.format(parent=" 'Parent/Inner'"),
     DEPLOYING_STACK),
    ("cdk.out", "Parent/Inner/Defaulted", [],
     "role 'Parent/Inner/Defaulted' is not in the template of 'Parent' but in its NestedStack 'Parent/Inner', "
     + NOT_EVALUATED.format(parent=" 'Parent'"), DEPLOYING_STACK),
    ("cdk.out/Parent.template.json", "EventsD32975C2", [],
     "role 'EventsD32975C2' is not in the template of 'Parent' but in its NestedStack 'Parent/Inner/Deeper', "
     + NOT_EVALUATED.format(parent=" 'Parent/Inner'"), DEPLOYING_STACK),
])
def test_a_nested_stacks_template_or_role_is_refused_saying_why_and_what_to_do(tmp_path, capsys, where, role, options,
                                                                              message, instead):
    out = nested_cdk_out(tmp_path / "cdk.out")
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(out / "ParentInner571755B8.nested.template.json", tmp_path / "elsewhere")
    assert main(["can", str(tmp_path / where), role, "sts:AssumeRole", "*", *options]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("iam-patterns can: " + message.format(out=out, elsewhere=tmp_path / "elsewhere"))
    assert captured.err.endswith(f"could be wrong: ask about the roles of {instead}, and build the roles to evaluate "
                                 f"in a Stack\n")


def test_the_parents_own_roles_are_evaluated_and_a_role_in_no_template_is_not_blamed_on_a_nested_stack(tmp_path,
                                                                                                     capsys):
    out = nested_cdk_out(tmp_path / "cdk.out")
    assert main(["can", str(out), "Parent/Reader", "s3:GetObject", "arn:aws:s3:::reports-Parent/q1.csv"]) == 0
    assert main(["can", str(out), "Nope", "s3:GetObject", "*"]) == 2
    assert "role 'Nope' is not a role of the template (roles: Reader3C1B9A2F)" in capsys.readouterr().err
