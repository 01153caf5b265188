"""``iam-patterns check``: output formats, exit statuses, cdk.out folders and their acknowledgements."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iam_patterns.checks import PACK, check_paths, runner
from iam_patterns.cli import main
from iam_patterns.evaluation import load_template
from tests.conftest import FIXTURES
from tests.unit.cloud_assembly import (
    CHAINED,
    DEEPER,
    INNER,
    PASSED,
    ROLE,
    nested_cdk_out,
    staged_cdk_out,
    write_assembly,
)

BAD = FIXTURES / "checks" / "oidc-trust-without-sub.bad.json"
GOOD = FIXTURES / "checks" / "oidc-trust-without-sub.good.json"
YAML_BAD = FIXTURES / "checks" / "yaml-short-forms.bad.yaml"
YAML_GOOD = FIXTURES / "checks" / "yaml-short-forms.good.yaml"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_clean_templates_exit_zero_with_a_summary(capsys):
    status, out, _ = _run(capsys, str(GOOD))
    assert status == 0
    assert out.strip() == "1 template(s) checked: 0 error(s), 0 warning(s), 0 info"


def test_any_error_finding_exits_one_and_the_table_names_check_resource_and_template(capsys):
    status, out, _ = _run(capsys, str(BAD), str(GOOD))
    assert status == 1
    header, *rows, summary = out.strip().splitlines()
    assert header.split()[:4] == ["SEVERITY", "CHECK", "RESOURCE", "MESSAGE"]
    assert rows[0].split()[:4] == ["error", "oidc-trust-without-sub", "GitHubNoSub", "(oidc-trust-without-sub.bad.json)"]
    assert summary == "2 template(s) checked: 4 error(s), 0 warning(s), 0 info"


def test_warnings_alone_exit_zero(capsys, tmp_path):
    template = tmp_path / "t.json"
    template.write_text(json.dumps({"Resources": {"Events": {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}}}))
    status, out, _ = _run(capsys, str(template))
    assert status == 0 and "warning   confused-deputy" in out


def test_json_format_is_a_list_of_check_severity_resource_message(capsys):
    status, out, _ = _run(capsys, "--format", "json", str(BAD))
    findings = json.loads(out)
    assert status == 1 and len(findings) == 4
    assert set(findings[0]) == {"check", "severity", "resource", "message", "template"}
    assert {(f["check"], f["severity"]) for f in findings} == {("oidc-trust-without-sub", "error")}


def test_sarif_format_has_a_rule_per_check_and_per_runner_note_and_results_located_at_the_resource(capsys):
    status, out, _ = _run(capsys, "--format", "sarif", str(BAD))
    log = json.loads(out)
    assert status == 1 and log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [*(rule.id for rule in PACK), "nested-stack-not-checked"]
    assert all(r["helpUri"].startswith("https://") and r["properties"]["security-severity"] for r in rules)
    first = run["results"][0]
    assert first["ruleId"] == "oidc-trust-without-sub" and first["level"] == "error"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("tests/fixtures/checks/oidc-trust-without-sub.bad.json")
    line = BAD.read_text().splitlines()[location["region"]["startLine"] - 1]
    assert line.lstrip().startswith('"GitHubNoSub"')


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "missing.json", "cannot read {path}: No such file or directory"),
    (lambda d: (d / "notes.json").write_text("not json") and d / "notes.json", "cannot read {path}: not a JSON file"),
    (lambda d: (d / "list.json").write_text("[]") and d / "list.json",
     "cannot read {path}: template is [], but must be a CloudFormation template with Resources"),
    (lambda d: d, "cannot read {path}: a folder with neither a manifest.json nor a template (a *.json, *.yaml, "
                  "*.yml, *.template file with Resources)"),
    (lambda d: (d / "broken.yaml").write_text("Resources:\n  Role: [\n") and d / "broken.yaml",
     "cannot read {path}: neither JSON nor YAML ("),
    (lambda d: (d / "t.yml").write_text("Resources:\n  R: {Type: AWS::IAM::Role, Properties: {RoleName: !GetAtt R}}\n")
     and d / "t.yml", "cannot read {path}: R RoleName is {{'Fn::GetAtt': 'R'}}, but must be a well-formed Fn::GetAtt"),
    (lambda d: (d / "notes.yaml").write_text("plain text") and d / "notes.yaml",
     "cannot read {path}: template is 'plain text', but must be a CloudFormation template with Resources"),
    (lambda d: (d / "twice.json").write_text('{"Resources": {"R": {"Type": "A"},\n "R": {"Type": "B"}}}')
     and d / "twice.json", "cannot read {path}: duplicate key 'R' at line 2, column 2 (first at line 1, column 16)"),
    (lambda d: (d / "twice.yaml").write_text("Resources:\n  R: {Type: A, Type: B}\n") and d / "twice.yaml",
     "cannot read {path}: duplicate key 'Type' at line 2, column 16 (first at line 2, column 7)"),
])
def test_unreadable_input_exits_two_with_a_message_and_no_traceback(capsys, tmp_path, make, message):
    path = make(tmp_path)
    status, out, err = _run(capsys, str(path))
    assert status == 2 and out == ""
    assert err.startswith("iam-patterns check: " + message.format(path=path))
    assert "Traceback" not in err and err.count("\n") == 1


def test_the_module_runs_as_a_command():
    result = subprocess.run([sys.executable, "-m", "iam_patterns", "check", str(BAD)], capture_output=True, text=True)
    assert result.returncode == 1 and "oidc-trust-without-sub" in result.stdout and result.stderr == ""


def _cloud_assembly(folder: Path, acknowledged: dict[str, str]) -> Path:
    """A cdk.out as CDK writes it: a manifest, a stack template with path metadata, and its metadata file."""
    folder.mkdir()
    template = json.loads(BAD.read_text())
    for lid, resource in template["Resources"].items():
        resource["Metadata"] = {"aws:cdk:path": f"Ci/{lid}/Resource"}
    (folder / "Ci.template.json").write_text(json.dumps(template, indent=1))
    (folder / "Ci.metadata.json").write_text(json.dumps({
        "/".join(("/Ci", path)).rstrip("/"): [{"type": "aws:cdk:acknowledged-rules", "data": {rule: reason}}]
        for path, (rule, reason) in acknowledged.items()
    }))
    (folder / "manifest.json").write_text(json.dumps({"version": "48.0.0", "artifacts": {
        "Ci": {"type": "aws:cloudformation:stack", "environment": "aws://123456789012/eu-west-1",
               "properties": {"templateFile": "Ci.template.json"}, "additionalMetadataFile": "Ci.metadata.json"},
        "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}},
    }}))
    return folder


def test_findings_acknowledged_in_the_cdk_app_with_a_reason_are_set_apart(tmp_path):
    out = _cloud_assembly(tmp_path / "cdk.out", {
        "GitHubNoSub": ("iam-patterns::oidc-trust-without-sub", "sandbox role, any repository may use it"),
        "EksNoSub": ("iam-patterns::oidc-trust-without-sub", "   "),
        "GitHubOnlyNegatedSub": ("iam-patterns::oidc-sub-wildcard", "acknowledges another check"),
    })
    report = check_paths([out])
    assert report.templates == [str(out / "Ci.template.json")]
    assert sorted(f.resource for f in report.findings) == ["EksNoSub", "GitHubOnlyNegatedSub",
                                                           "ImportedProviderNoCondition"]
    (ack,) = report.acknowledged
    assert (ack.finding.resource, ack.path, ack.reason) == ("GitHubNoSub", "Ci/GitHubNoSub",
                                                            "sandbox role, any repository may use it")


def test_acknowledged_findings_are_suppressed_results_in_sarif(capsys, tmp_path):
    out = _cloud_assembly(tmp_path / "cdk.out", {"": ("iam-patterns::oidc-trust-without-sub", "whole stack: sandbox")})
    status, text, _ = _run(capsys, "--format", "sarif", str(out))
    results = json.loads(text)["runs"][0]["results"]
    assert status == 0 and len(results) == 4
    assert {r["suppressions"][0]["justification"] for r in results} == {"Ci: whole stack: sandbox"}


def test_a_folder_of_templates_without_a_manifest_is_checked_file_by_file(tmp_path):
    shutil.copy(BAD, tmp_path / "A.template.json")
    shutil.copy(GOOD, tmp_path / "B.template.json")
    report = check_paths([tmp_path])
    assert [Path(t).name for t in report.templates] == ["A.template.json", "B.template.json"]
    assert report.failed and len(report.findings) == 4


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".template"])
def test_yaml_templates_are_checked_whatever_their_suffix(capsys, tmp_path, suffix):
    bad, good = tmp_path / f"bad{suffix}", tmp_path / f"good{suffix}"
    shutil.copy(YAML_BAD, bad)
    shutil.copy(YAML_GOOD, good)
    status, out, _ = _run(capsys, "--format", "json", str(bad), str(good))
    findings = json.loads(out)
    assert status == 1 and {f["template"] for f in findings} == {str(bad)}
    assert ("unknown-action", "TypoFromAList") in {(f["check"], f["resource"]) for f in findings}
    assert _run(capsys, str(good))[:2] == (0, "1 template(s) checked: 0 error(s), 0 warning(s), 0 info\n")


def test_a_folder_of_json_and_yaml_templates_is_checked_template_by_template_other_files_left_alone(tmp_path):
    shutil.copy(BAD, tmp_path / "A.template.json")
    shutil.copy(YAML_BAD, tmp_path / "b.yaml")
    shutil.copy(YAML_GOOD, tmp_path / "c.template")
    (tmp_path / "parameters.json").write_text(json.dumps([{"ParameterKey": "Env", "ParameterValue": "prod"}]))
    (tmp_path / "tree.json").write_text(json.dumps({"version": "tree-0.1", "tree": {}}))
    (tmp_path / "workflow.yml").write_text("on: push\njobs: {}\n")
    (tmp_path / "notes.txt").write_text("not a template")
    report = check_paths([tmp_path])
    assert [Path(t).name for t in report.templates] == ["A.template.json", "b.yaml", "c.template"]
    assert {Path(f.template).name for f in report.findings} == {"A.template.json", "b.yaml"}


def test_sarif_locates_a_finding_of_a_yaml_template_at_its_resource(capsys):
    status, out, _ = _run(capsys, "--format", "sarif", str(YAML_BAD))
    results = json.loads(out)["runs"][0]["results"]
    lines = YAML_BAD.read_text().splitlines()
    located = {r["locations"][0]["logicalLocations"][0]["name"]:
               lines[r["locations"][0]["physicalLocation"]["region"]["startLine"] - 1] for r in results}
    assert status == 1 and located["TypoFromAList"] == "  TypoFromAList:"
    assert located["ArtifactsPolicy"] == "  ArtifactsPolicy:"


def test_a_cdk_out_with_stages_is_checked_stack_by_stack_nested_stages_included(tmp_path):
    out = staged_cdk_out(tmp_path / "cdk.out")
    report = check_paths([out])
    assert [Path(t).relative_to(out).as_posix() for t in report.templates] == [
        "assembly-Prod/assembly-Prod-Eu/ProdEuWorker81691CA8.template.json",
        "assembly-Prod/ProdApi2466CF1F.template.json", "Top.template.json"]


def test_nested_stack_templates_are_checked_and_their_findings_name_the_nested_stack_and_template(capsys, tmp_path):
    out = nested_cdk_out(tmp_path / "cdk.out")
    report = check_paths([out])
    assert [Path(t).name for t in report.templates] == [
        "Parent.template.json", "ParentInner571755B8.nested.template.json",
        "ParentInnerDeeperB4966582.nested.template.json"]
    found = {(f.check, f.resource, f.stack, Path(f.template).relative_to(out).as_posix()) for f in report.findings}
    assert found == {
        ("trust-open-to-everyone", "Defaulted9B3F0E41", "Parent/Inner", "ParentInner571755B8.nested.template.json"),
        ("confused-deputy", "EventsD32975C2", "Parent/Inner/Deeper", "ParentInnerDeeperB4966582.nested.template.json"),
    }
    status, text, _ = _run(capsys, str(out))
    rows = [line.split()[:4] for line in text.splitlines()[1:-1]]
    assert status == 1 and rows == [["error", "trust-open-to-everyone", "Defaulted9B3F0E41", "(Parent/Inner)"],
                                    ["warning", "confused-deputy", "EventsD32975C2", "(Parent/Inner/Deeper)"]]
    status, text, _ = _run(capsys, "--format", "json", str(out))
    assert {(f["resource"], f["stack"]) for f in json.loads(text)} == {("Defaulted9B3F0E41", "Parent/Inner"),
                                                                      ("EventsD32975C2", "Parent/Inner/Deeper")}


def test_a_parameter_the_parent_passes_takes_its_value_and_one_it_does_not_pass_takes_its_default(tmp_path):
    """Passed trusts Ref Trusted: the parent passes its own account's root, not the Default *; Defaulted trusts
    Ref Fallback, which the parent leaves to its Default *."""
    report = check_paths([nested_cdk_out(tmp_path / "cdk.out")])
    assert PASSED not in {f.resource for f in report.findings}
    assert "Defaulted9B3F0E41" in {f.resource for f in report.findings}


def test_a_literal_star_the_parent_passes_into_a_nested_trust_is_reported(tmp_path):
    report = check_paths([nested_cdk_out(tmp_path / "cdk.out", trusted="*")])
    found = {(f.check, f.resource, f.stack) for f in report.findings}
    assert ("trust-open-to-everyone", PASSED, "Parent/Inner") in found


def test_a_value_a_nested_stack_passes_on_to_its_own_nested_stack_is_resolved_down_the_chain(tmp_path):
    """Parent passes Trusted to Inner, Inner passes Ref Trusted to Deeper as Chained: both trust the other account."""
    out = nested_cdk_out(tmp_path / "cdk.out", trusted={"Fn::Sub": "arn:${AWS::Partition}:iam::444455556666:root"})
    found = {(f.check, f.resource, f.stack): f.message for f in check_paths([out]).findings}
    for resource, stack in [(PASSED, "Parent/Inner"), (CHAINED, "Parent/Inner/Deeper")]:
        assert found[("cross-account-trust-unconditioned", resource, stack)].startswith(
            "statement 0 trusts arn:aws:iam::444455556666:root with no sts:ExternalId")


def test_the_parents_own_role_arn_is_passed_as_the_parent_resolves_it_down_the_chain(tmp_path, monkeypatch):
    """Fn::GetAtt of the parent's role: its ARN in the parent's account, named after the parent's stack."""
    loaded = []

    def spy(template, **options):
        loaded.append(options)
        return load_template(template, **options)

    monkeypatch.setattr(runner, "load_template", spy)
    report = check_paths([nested_cdk_out(tmp_path / "cdk.out", trusted={"Fn::GetAtt": [ROLE, "Arn"]})])
    arn = f"arn:aws:iam::111122223333:role/Parent-{ROLE}"
    assert [(o["stack_name"], o["passed_parameters"]) for o in loaded] == [
        ("Parent", {}), (f"Parent-{INNER}", {"Trusted": arn}), (f"Parent-{INNER}-{DEEPER}", {"Chained": arn})]
    assert {PASSED, CHAINED}.isdisjoint(f.resource for f in report.findings)  # their Default * is not taken


def test_a_value_the_parent_cannot_resolve_stays_unresolved_down_the_chain(tmp_path):
    """An import is resolved at deploy time: neither the parent's value nor the Default * is guessed."""
    report = check_paths([nested_cdk_out(tmp_path / "cdk.out", trusted={"Fn::ImportValue": "SharedPrincipal"})])
    assert [(f.resource, f.stack) for f in report.findings] == [("Defaulted9B3F0E41", "Parent/Inner"),
                                                                ("EventsD32975C2", "Parent/Inner/Deeper")]


def test_a_malformed_value_the_parent_passes_exits_two_naming_the_parents_template(capsys, tmp_path):
    out = nested_cdk_out(tmp_path / "cdk.out", trusted={"Fn::GetAtt": ROLE})
    status, text, err = _run(capsys, str(out))
    assert status == 2 and text == ""
    assert err.startswith(f"iam-patterns check: cannot read {out / 'Parent.template.json'}: ")
    assert "must be a well-formed Fn::GetAtt" in err


def test_when_the_parents_resource_is_not_known_every_parameter_of_a_nested_template_is_left_unresolved(tmp_path):
    report = check_paths([nested_cdk_out(tmp_path / "cdk.out", logical_ids=False)])
    assert [(f.resource, f.stack) for f in report.findings] == [("EventsD32975C2", "Parent/Inner/Deeper")]


def test_an_acknowledgement_on_a_construct_in_a_nested_stack_is_honoured(tmp_path):
    """CDK writes a NestedStack's construct metadata into its top-level stack's metadata, by construct path."""
    report = check_paths([nested_cdk_out(tmp_path / "cdk.out", acknowledged={
        "/Parent/Inner/Deeper": {"iam-patterns::confused-deputy": "EventBridge rule of this account only"}})])
    (ack,) = report.acknowledged
    assert (ack.finding.resource, ack.finding.stack, ack.path, ack.reason) == (
        "EventsD32975C2", "Parent/Inner/Deeper", "Parent/Inner/Deeper", "EventBridge rule of this account only")
    assert [f.resource for f in report.findings] == ["Defaulted9B3F0E41"]


def test_a_missing_nested_template_exits_two_naming_it(capsys, tmp_path):
    out = nested_cdk_out(tmp_path / "cdk.out")
    (out / "ParentInnerDeeperB4966582.nested.template.json").unlink()
    status, text, err = _run(capsys, str(out))
    assert status == 2 and text == ""
    assert err == f"iam-patterns check: cannot read {out / 'ParentInnerDeeperB4966582.nested.template.json'}: " \
                  "No such file or directory\n"


def test_sarif_fingerprints_keep_one_finding_in_two_stacks_apart(capsys, tmp_path):
    out = write_assembly(tmp_path / "cdk.out", {"Blue": ("Blue", "Blue", None), "Green": ("Green", "Green", None)})
    for stack in ("Blue", "Green"):
        template = out / f"{stack}.template.json"
        role = json.loads(template.read_text())
        role["Resources"][ROLE]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] = {"AWS": "*"}
        template.write_text(json.dumps(role))
    status, text, _ = _run(capsys, "--format", "sarif", str(out))
    results = [r for r in json.loads(text)["runs"][0]["results"] if r["ruleId"] == "trust-open-to-everyone"]
    fingerprints = [r["partialFingerprints"]["iamPatterns/v2"] for r in results]
    assert status == 1 and len(results) == 2
    assert sorted(f.split(":")[1] for f in fingerprints) == ["Blue", "Green"]


NETWORK = {"Type": "AWS::CloudFormation::Stack", "Properties": {
    "TemplateURL": {"Fn::Sub": "https://acme-templates.s3.${AWS::Region}.amazonaws.com/network.yaml"}}}
NOT_READ = ("deploys a stack whose template (https://acme-templates.s3.{region}.amazonaws.com/network.yaml) is not "
            "read with this one: its roles and policies are not checked")


def test_a_stack_a_template_file_deploys_is_reported_as_not_checked_without_failing_the_check(capsys, tmp_path):
    template = tmp_path / "app.json"
    template.write_text(json.dumps({"Resources": {"Network": NETWORK}}))
    status, out, _ = _run(capsys, str(template))
    header, row, summary = out.strip().splitlines()
    assert status == 0 and row.split()[:4] == ["info", "nested-stack-not-checked", "Network", "(app.json)"]
    assert NOT_READ.format(region="us-east-1") in row
    assert summary == "1 template(s) checked: 0 error(s), 0 warning(s), 1 info"
    status, out, _ = _run(capsys, "--format", "sarif", str(template))
    (result,) = json.loads(out)["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("nested-stack-not-checked", "note")


def test_a_nested_stack_of_a_cdk_out_whose_template_is_elsewhere_is_reported_and_the_nested_stacks_are_not(tmp_path):
    """Parent and Inner each deploy a stack of their own from S3 beside their NestedStacks, which are checked; the
    parent's template checked alone has its NestedStack reported, as its template is not read then."""
    out = nested_cdk_out(tmp_path / "cdk.out")
    for name in ("Parent.template.json", "ParentInner571755B8.nested.template.json"):
        template = json.loads((out / name).read_text())
        template["Resources"]["Network"] = NETWORK
        (out / name).write_text(json.dumps(template))
    notes = [f for f in check_paths([out]).findings if f.severity == "info"]
    assert [(f.check, f.resource, f.stack) for f in notes] == [("nested-stack-not-checked", "Network", "Parent"),
                                                               ("nested-stack-not-checked", "Network", "Parent/Inner")]
    assert notes[0].message.startswith(NOT_READ.format(region="eu-west-1"))
    alone = check_paths([out / "Parent.template.json"]).findings
    assert [(f.check, f.resource) for f in alone] == [("nested-stack-not-checked", INNER),
                                                      ("nested-stack-not-checked", "Network")]


def test_without_the_logical_ids_of_its_nested_stacks_no_stack_of_a_parent_is_reported_as_not_checked(tmp_path):
    """Which AWS::CloudFormation::Stack CDK wrote for a NestedStack is then not known: none is blamed."""
    report = check_paths([nested_cdk_out(tmp_path / "cdk.out", logical_ids=False)])
    assert "nested-stack-not-checked" not in {f.check for f in report.findings}
