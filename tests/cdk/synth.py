"""Synthesis helpers for the CDK tests: an App without the 1.8 s CloudFormation validation, and a normaliser.

Every synth test builds its stack in a fresh ``app()`` and snapshots ``template(stack)``: the synthesized
template with only what changes without meaning removed (asset hashes, the bootstrap-version parameter and
rule, CDK metadata). Nothing else is masked. ``tests/cdk/test_app.py`` synthesizes the whole app with
validation on, once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from aws_cdk import App, Stack
from aws_cdk.assertions import Template

_ASSET_HASH = re.compile(r"\b[0-9a-f]{64}\b")
_METADATA_KEYS = ("aws:cdk:path", "aws:asset:path", "aws:asset:property", "aws:asset:is-bundled")


CDK_JSON_CONTEXT: dict[str, Any] = json.loads((Path(__file__).parents[2] / "cdk.json").read_text())["context"]
"""The feature flags and settings of cdk.json, which `cdk synth` passes to the app and tests must pass too."""


def new_app(*, validation: bool = False, context: dict[str, Any] | None = None) -> App:
    """A CDK App as `cdk synth` makes it (cdk.json's context plus ``context``), built-in validation off unless
    asked for."""
    return App(builtin_cloud_formation_validation=validation, context={**CDK_JSON_CONTEXT, **(context or {})})


def normalise(value: Any) -> Any:
    """Mask asset hashes and drop CDK metadata, bootstrap parameters and rules from a synthesized template."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in ("CDKMetadata", "BootstrapVersion", "CheckBootstrapVersion", "CDKMetadataAvailable"):
                continue
            if key == "Metadata" and isinstance(item, dict):
                item = {k: v for k, v in item.items() if k not in _METADATA_KEYS}
                if not item:
                    continue
            out[key] = normalise(item)
        return {k: v for k, v in out.items() if v != {} or k not in ("Parameters", "Rules", "Conditions")}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if isinstance(value, str):
        return _ASSET_HASH.sub("<asset-hash>", value)
    return value


def template(stack: Stack) -> dict[str, Any]:
    """The normalised CloudFormation template of ``stack``."""
    return normalise(Template.from_stack(stack).to_json())


def properties_of_type(stack_or_template: Stack | dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    """The ``Properties`` of each resource of type ``kind``, by logical id, in a stack's normalised template (or
    in a template already synthesized)."""
    synthesized = template(stack_or_template) if isinstance(stack_or_template, Stack) else stack_or_template
    return {k: r["Properties"] for k, r in synthesized["Resources"].items() if r["Type"] == kind}
