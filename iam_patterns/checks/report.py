"""Write a :class:`~iam_patterns.checks.runner.Report` for people (a table), for scripts (JSON) and for GitHub
code scanning (SARIF 2.1.0).

Example::

    print(as_table(check_paths(["cdk.out"])))
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .finding import Finding
from .pack import PACK, Rule
from .runner import NOT_CHECKED, Note, Report

__all__ = ["as_json", "as_sarif", "as_table"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/iam-patterns/iam-patterns/blob/main/docs/checks.md"
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# GitHub reads "security-severity" (0-10) to rank code-scanning alerts: high, medium, low.
_SECURITY_SEVERITY = {"error": "8.0", "warning": "5.0", "info": "2.0"}


def as_table(report: Report) -> str:
    """A plain-text table: severity, check, resource (and its stack or template), message; then a one-line summary.

    Example::

        print(as_table(report))
    """
    rows = [(f.severity, f.check, _where(f), f.message) for f in report.findings]
    lines = []
    if rows:
        widths = [max(len(r[i]) for r in rows + [("SEVERITY", "CHECK", "RESOURCE", "")]) for i in range(3)]
        header = ("SEVERITY", "CHECK", "RESOURCE", "MESSAGE")
        for row in [header, *rows]:
            lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
    counts = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    summary = (f"{len(report.templates)} template(s) checked: {counts['error']} error(s), {counts['warning']} "
               f"warning(s), {counts['info']} info")
    if report.acknowledged:
        summary += f"; {len(report.acknowledged)} acknowledged in the CDK app (not shown)"
    return "\n".join([*lines, summary])


def _where(finding: Finding) -> str:
    """The resource, and where it is: its stack's construct path in a cloud assembly (a nested template's file
    name says nothing), else its template's file name."""
    where = finding.stack or (Path(finding.template).name if finding.template else None)
    return f"{finding.resource} ({where})" if where else finding.resource


def as_json(report: Report) -> str:
    """The findings as a JSON list of ``{"check", "severity", "resource", "message"}`` (and ``template``, ``stack``).

    Example::

        json.loads(as_json(report))[0]["check"]
    """
    return json.dumps([f.to_json() for f in report.findings], indent=2)


def _line(template: str, logical_id: str, cache: dict[str, list[str]]) -> int:
    """The line where a resource's definition starts in a JSON or YAML template file: the first line that
    opens the key ``logical_id`` (quoted or not) after the one that opens ``Resources`` (1 if not found)."""
    if template not in cache:
        try:
            cache[template] = Path(template).read_text().splitlines()
        except (OSError, UnicodeDecodeError):
            cache[template] = []
    lines = cache[template]
    start = next((i for i, line in enumerate(lines) if _opens(line, "Resources")), 0)
    return next((i + 1 for i in range(start, len(lines)) if _opens(lines[i], logical_id)), 1)


def _opens(line: str, key: str) -> bool:
    """Whether a line of a JSON or YAML file starts with the key ``key`` (quoted or not), then a colon."""
    text = line.lstrip()
    return any(text.startswith(k) and text[len(k):].lstrip().startswith(":") for k in (f'"{key}"', f"'{key}'", key))


def _uri(path: str) -> str:
    return Path(os.path.relpath(path)).as_posix() if os.path.isabs(path) or not path.startswith("..") else path


def _result(finding: Finding, lines: dict[str, list[str]]) -> dict[str, Any]:
    location: dict[str, Any] = {"logicalLocations": [{"name": finding.resource, "kind": "resource"}]}
    if finding.template:
        location["physicalLocation"] = {
            "artifactLocation": {"uri": _uri(finding.template)},
            "region": {"startLine": _line(finding.template, finding.resource, lines)},
        }
    return {
        "ruleId": finding.check,
        "level": _SARIF_LEVELS[finding.severity],
        "message": {"text": f"{finding.resource}: {finding.message}"},
        "locations": [location],
        # The stack's construct path keeps apart one finding in two stacks (two Stages, two NestedStacks of a kind),
        # whose logical ids and messages are the same.
        "partialFingerprints": {
            "iamPatterns/v2": f"{finding.check}:{finding.stack or ''}:{finding.resource}:{finding.message}"
        },
    }


def _rule(rule: Rule | Note) -> dict[str, Any]:
    """A SARIF rule (reportingDescriptor): a check of the pack, or what the runner itself reports."""
    return {
        "id": rule.id,
        "name": "".join(part.title() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": rule.explanation},
        "helpUri": rule.source,
        "help": {"text": f"{rule.explanation} See {rule.source}"},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
        "properties": {"tags": ["security", "iam"], "security-severity": _SECURITY_SEVERITY[rule.severity]},
    }


def as_sarif(report: Report, *, version: str, pack: Sequence[Rule] = PACK) -> str:
    """The report as a SARIF 2.1.0 log for ``github/codeql-action/upload-sarif``; acknowledged findings are
    included as suppressed results, with the reason as justification.

    Example::

        Path("iam-patterns.sarif").write_text(as_sarif(report, version="0.1.0"))
    """
    lines: dict[str, list[str]] = {}
    results = [_result(f, lines) for f in report.findings]
    for ack in report.acknowledged:
        result = _result(ack.finding, lines)
        result["suppressions"] = [{"kind": "inSource", "justification": f"{ack.path}: {ack.reason}"}]
        results.append(result)
    rules = [_rule(rule) for rule in [*pack, NOT_CHECKED]]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "iam-patterns", "version": version, "informationUri": INFORMATION_URI,
                                "rules": rules}},
            "results": results,
        }],
    }
    return json.dumps(log, indent=2)
