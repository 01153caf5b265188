"""Run a doc's Python blocks and compare each JSON block with what the block above it returns, so a doc under
``docs/`` cannot drift from the code it shows."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

from iam_patterns import PolicyDocument

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


def run_block(code: str, namespace: dict[str, Any], doc: Path) -> Any:
    """Run ``code`` in ``namespace``; return the value of its last line if that is an expression."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, str(doc), "exec"), namespace)
    return eval(compile(ast.Expression(last.value), str(doc), "eval"), namespace) if last else None


def render(value: Any) -> str:
    """The JSON text a doc shows for ``value``: a document as ``to_json_string()`` writes it, or plain JSON."""
    if isinstance(value, PolicyDocument):
        return value.to_json_string() + "\n"
    return json.dumps(value, indent=2) + "\n"
