"""CDK test fixtures: a fresh App per test (validation off) and syrupy snapshots as JSON files."""

from __future__ import annotations

import pytest
from aws_cdk import App
from syrupy.extensions.json import JSONSnapshotExtension

from tests.cdk.synth import new_app


@pytest.fixture
def app() -> App:
    """A fresh App with validation off."""
    return new_app()


@pytest.fixture
def snapshot(snapshot):
    """syrupy's snapshot, as one readable JSON file per snapshot with sorted keys."""
    return snapshot.use_extension(JSONSnapshotExtension)
