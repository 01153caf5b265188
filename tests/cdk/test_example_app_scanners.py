"""The example app (every stack in stacks/) is clean under its own checks, cfn-lint, checkov and cdk-nag.

The app is synthesized once per session, with cdk-nag v3's AwsSolutions pack registered as a validation plugin
and IamPatternsChecks as an aspect; each scanner then reads the same cdk.out. Findings the stacks accept are
acknowledged in the stacks, each with its reason (stacks/_acknowledgements.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from aws_cdk import App, AspectPriority, Aspects, Stack, Validations
from cdk_nag import AwsSolutionsChecks

from iam_patterns import IamPatternsChecks
from iam_patterns.checks import check_paths
from stacks import build_all
from tests.cdk.synth import CDK_JSON_CONTEXT

ROOT = Path(__file__).resolve().parents[2]
CHECKOV = ROOT / ".venv-checkov" / "bin" / "checkov"


@dataclass
class Synthesized:
    outdir: Path
    stacks: list[str]
    failure: str | None  # the validation report synth failed with, if it did
    annotations: list[tuple[str, str, str]]  # (level, construct path, message) of every warning and error

    @property
    def templates(self) -> list[Path]:
        return sorted(self.outdir.glob("*.template.json"))


@pytest.fixture(scope="session")
def example_app(tmp_path_factory) -> Synthesized:
    outdir = tmp_path_factory.mktemp("cdk.out")
    app = App(outdir=str(outdir), context=CDK_JSON_CONTEXT, builtin_cloud_formation_validation=False)
    build_all(app)
    Aspects.of(app).add(IamPatternsChecks(), priority=AspectPriority.READONLY)
    Validations.of(app).add_plugins(AwsSolutionsChecks(app))
    stacks = [c.stack_name for c in app.node.children if isinstance(c, Stack)]
    try:
        assembly = app.synth()
    except RuntimeError as err:  # in tests CDK raises the validation report instead of printing it
        return Synthesized(outdir, stacks, str(err), [])
    annotations = [(m.level.value, m.id, str(m.entry.data)) for s in assembly.stacks for m in s.messages
                   if m.level.value in ("warning", "error")]
    return Synthesized(outdir, stacks, None, annotations)


def test_every_stack_is_synthesized_for_the_scanners(example_app):
    assert len(example_app.stacks) >= 1
    assert [t.name for t in example_app.templates] == sorted(f"{s}.template.json" for s in example_app.stacks)


def test_cdk_nag_aws_solutions_and_the_checks_aspect_pass_at_synth_without_warnings(example_app):
    assert example_app.failure is None
    assert example_app.annotations == []


def test_example_app_passes_its_own_checks(example_app):
    report = check_paths([example_app.outdir])
    assert len(report.templates) == len(example_app.stacks)
    assert [(f.check, f.resource, f.message) for f in report.findings] == []


def test_example_app_is_clean_under_cfn_lint(example_app):
    result = subprocess.run([sys.executable, "-c", "from cfnlint.runner import main; main()", "--format", "json",
                             *map(str, example_app.templates)], capture_output=True, text=True)
    problems = json.loads(result.stdout or "[]")
    errors = [(p["Rule"]["Id"], Path(p["Filename"]).name, p["Message"]) for p in problems if p["Level"] == "Error"]
    assert errors == []


def test_example_app_has_no_failed_iam_checks_under_checkov(example_app):
    assert CHECKOV.exists(), "checkov lives in .venv-checkov: run `make setup`"
    result = subprocess.run([str(CHECKOV), "--directory", str(example_app.outdir), "--framework", "cloudformation",
                             "--skip-download", "--output", "json", "--quiet", "--compact"],
                            capture_output=True, text=True)
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    assert reports and all(r["summary"]["parsing_errors"] == 0 for r in reports)
    failed = [(c["check_id"], c["resource"]) for r in reports for c in r["results"]["failed_checks"]
              if c["resource"].startswith("AWS::IAM::") or "IAM" in c["check_name"]]
    assert failed == []
