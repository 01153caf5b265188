"""docs/guardrails.md runs as written: every Python block runs, and each JSON block is exactly what the Python
block right above it returns (its last line), so the doc cannot drift from the builders."""

from __future__ import annotations

from pathlib import Path

import pytest
from aws_cdk import Stack

from tests.cdk.doc_blocks import examples, render, run_block
from tests.cdk.synth import new_app

DOC = Path(__file__).parents[2] / "docs" / "guardrails.md"
EXAMPLES = examples(DOC.read_text())


def test_the_doc_has_an_example_with_json_for_every_builder():
    assert sum(expected is not None for _, expected in EXAMPLES) >= 12


@pytest.mark.parametrize(("code", "expected"), EXAMPLES, ids=[f"block{i}" for i in range(len(EXAMPLES))])
def test_each_example_runs_and_its_json_is_what_it_returns(code, expected):
    value = run_block(code, {"stack": Stack(new_app(), "Doc")}, DOC)
    if expected is not None:
        assert render(value) == expected
