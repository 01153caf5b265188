"""Shared test set-up: paths to fixtures, and the environment jsii needs before aws_cdk is ever imported."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

FIXTURES = Path(__file__).parent / "fixtures"


def load_fixture(relative: str) -> Any:
    """The parsed JSON of ``tests/fixtures/<relative>``."""
    return json.loads((FIXTURES / relative).read_text())


@pytest.fixture
def guide_s3_policy() -> dict[str, Any]:
    """The guide's two-statement least-privilege S3 policy, as the guide prints it."""
    return load_fixture("guide/s3-policy.json")


@pytest.fixture
def guide_trust_policy() -> dict[str, Any]:
    """The guide's EC2 + cross-account (ExternalId, MFA) trust policy, as the guide prints it."""
    return load_fixture("guide/trust-policy.json")
