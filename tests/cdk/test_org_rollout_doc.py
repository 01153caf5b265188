"""docs/org-rollout.md runs as written: its Python blocks run in order, in one namespace (like a session that
follows the doc), each with a fresh CDK ``stack``, and each JSON block is what the Python block right above it
returns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aws_cdk import Stack

from tests.cdk.doc_blocks import examples, render, run_block
from tests.cdk.synth import new_app

DOC = Path(__file__).parents[2] / "docs" / "org-rollout.md"


def test_every_block_runs_in_order_and_every_json_block_is_what_the_block_above_returns():
    pairs = examples(DOC.read_text())
    namespace: dict[str, Any] = {}
    shown = 0
    for code, expected in pairs:
        namespace["stack"] = Stack(new_app(), "Doc")  # a block that synthesizes leaves the next one a new app
        value = run_block(code, namespace, DOC)
        if expected is not None:
            assert render(value) == expected, code
            shown += 1
    assert shown >= 5
