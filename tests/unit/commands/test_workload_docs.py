"""docs/workload-roles.md shows what the kit emits: each JSON block equals what its ``render`` line writes."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from iam_patterns.cli import main

DOC = Path(__file__).resolve().parents[3] / "docs" / "workload-roles.md"
BLOCK = re.compile(r"<!-- iam-patterns (render [^>]*?) -->\n```json\n(.*?)\n```", re.S)
EXAMPLES = BLOCK.findall(DOC.read_text())


def test_the_catalogue_shows_every_construct_with_its_json():
    text = DOC.read_text()
    for construct in ("Ec2InstanceRole", "LambdaExecutionRole", "EcsTaskRole", "EcsTaskExecutionRole", "ServiceRole",
                      "EksServiceAccountRole", "EksPodIdentityRole", "CrossAccountRole"):
        assert f"`{construct}`" in text
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_each_json_block_is_what_render_writes(capsys, command, shown):
    assert main(shlex.split(command)) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(shown)
