"""docs/guardrails.md runs as written: every Python block runs, and each JSON block is exactly what the Python
block right above it returns (its last line), so the doc cannot drift from the builders."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest
from aws_cdk import Stack

from iam_patterns import PolicyDocument
from tests.cdk.synth import new_app

DOC = Path(__file__).parents[2] / "docs" / "guardrails.md"
_BLOCK = re.compile(r"^```(python|json)\n(.*?)^```\n", re.S | re.M)


def examples(text: str) -> list[tuple[str, str | None]]:
    """Each Python block of ``text`` with the JSON block that follows it directly, or ``None``."""
    blocks = [(m.group(1), m.group(2), m.start(), m.end()) for m in _BLOCK.finditer(text)]
    pairs = []
    for i, (kind, code, _, end) in enumerate(blocks):
        if kind != "python":
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        directly = following is not None and following[0] == "json" and not text[end : following[2]].strip()
        pairs.append((code, following[1] if directly else None))
    return pairs


def run(code: str) -> Any:
    """Run ``code`` with a fresh ``stack`` at hand; return the value of its last line if that is an expression."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    namespace: dict[str, Any] = {"stack": Stack(new_app(), "Doc")}
    exec(compile(tree, str(DOC), "exec"), namespace)
    return eval(compile(ast.Expression(last.value), str(DOC), "eval"), namespace) if last else None


def render(value: Any) -> str:
    """The JSON text a doc shows for ``value``: a document as ``to_json_string()`` writes it, or plain JSON."""
    if isinstance(value, PolicyDocument):
        return value.to_json_string() + "\n"
    return json.dumps(value, indent=2) + "\n"


EXAMPLES = examples(DOC.read_text())


def test_the_doc_has_an_example_with_json_for_every_builder():
    assert sum(expected is not None for _, expected in EXAMPLES) >= 12


@pytest.mark.parametrize(("code", "expected"), EXAMPLES, ids=[f"block{i}" for i in range(len(EXAMPLES))])
def test_each_example_runs_and_its_json_is_what_it_returns(code, expected):
    value = run(code)
    if expected is not None:
        assert render(value) == expected
