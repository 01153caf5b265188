"""Run a pack over templates: a parsed template, a template file (JSON or YAML), a folder, or a ``cdk.out``.

``check_template(template_dict)`` returns the findings of one template. ``check_paths(paths)`` reads template
files (with :func:`~iam_patterns.evaluation.read_template_file`), folders of them and cloud assemblies
(``cdk.out``, nested stages and ``NestedStack`` templates included) and returns a :class:`Report`; in a cloud
assembly, findings acknowledged in the CDK app (``acknowledge(construct, check, reason)``, recorded by CDK as
``aws:cdk:acknowledged-rules`` metadata of the stack artifact: in ``manifest.json`` or the stack's
``additionalMetadataFile``; a NestedStack's constructs are in the top-level stack's) are set apart with their
reasons. A NestedStack's template is checked with the values its parent passes (:func:`passed_values`); any other
``AWS::CloudFormation::Stack`` (in a template file, every one) is reported as an ``info`` finding
(:data:`NOT_CHECKED`, :func:`unchecked_stacks`): the template it deploys is not read.

Input that cannot be read raises :class:`~iam_patterns.errors.TemplateError` naming the path; findings are
never raised.

Example::

    report = check_paths(["cdk.out"])
    [f for f in report.findings if f.severity == "error"]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import TemplateError, ValidationError
from ..evaluation import Template, load_template, read_template_file
from ..evaluation.cloud_assembly import MANIFEST, assembly_stacks, nested_stacks
from ..evaluation.template import DEFAULT_ACCOUNT, DEFAULT_REGION, DEFAULT_STACK_NAME
from ..evaluation.template_file import TEMPLATE_SUFFIXES
from ._statements import resolved
from .finding import SEVERITIES, Finding, Severity
from .pack import PACK, Rule
from .subject import subjects

__all__ = ["ACKNOWLEDGED_RULES", "NAMESPACE", "NOT_CHECKED", "Acknowledged", "Note", "Report", "check_paths",
           "check_template", "passed_values", "rule_id", "unchecked_stacks"]

NAMESPACE = "iam-patterns"
"""The prefix of the checks' rule ids in CDK acknowledgements: ``iam-patterns::oidc-sub-wildcard``."""
ACKNOWLEDGED_RULES = "aws:cdk:acknowledged-rules"
"""The construct metadata type under which CDK records ``Validations.of(scope).acknowledge(...)``."""


@dataclass(frozen=True)
class Note:
    """What the runner itself reports (no check of the pack runs it), described as a :class:`Rule` describes a check.

    Example::

        NOT_CHECKED.id, NOT_CHECKED.severity   # ("nested-stack-not-checked", "info")
    """

    id: str
    description: str
    explanation: str
    source: str
    severity: Severity = "info"


NOT_CHECKED = Note(
    "nested-stack-not-checked", "Nested stack whose template is not read (a TemplateURL outside the input)",
    "The roles and policies of the stack it deploys were not looked at: check its template too.",
    "https://github.com/iam-patterns/iam-patterns/blob/main/docs/checks.md#nested-stack-not-checked")
"""An ``AWS::CloudFormation::Stack`` whose template is not read, so not checked (see :func:`unchecked_stacks`)."""
_STACK = "AWS::CloudFormation::Stack"


def rule_id(check: str) -> str:
    """The id a CDK acknowledgement uses for a check.

    Example::

        rule_id("oidc-sub-wildcard")   # "iam-patterns::oidc-sub-wildcard"
    """
    return f"{NAMESPACE}::{check}"


@dataclass(frozen=True)
class Acknowledged:
    """A finding the CDK app acknowledged, where, and why."""

    finding: Finding
    path: str
    reason: str


@dataclass
class Report:
    """The findings of a run over files, the acknowledged ones apart, and the templates read."""

    findings: list[Finding] = field(default_factory=list)
    acknowledged: list[Acknowledged] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Whether any finding is an error."""
        return any(f.severity == "error" for f in self.findings)


def _order(finding: Finding) -> int:
    return SEVERITIES.index(finding.severity)


def check_template(
    template: Mapping[str, Any] | Template,
    *,
    pack: Sequence[Rule] = PACK,
    account: str = DEFAULT_ACCOUNT,
    region: str = DEFAULT_REGION,
    partition: str = "aws",
    stack_name: str = DEFAULT_STACK_NAME,
    passed_parameters: Mapping[str, Any] | None = None,
    source: str | None = None,
) -> list[Finding]:
    """The findings of ``pack`` on one template (a parsed dict, or a loaded ``Template``), errors first.

    ``account``, ``region``, ``partition`` and ``stack_name`` stand in for the pseudo parameters, and
    ``passed_parameters`` (a ``NestedStack``'s template) holds the values its parent passes, as
    :func:`passed_values` gives them (see ``load_template``); ``source`` names the template file in each finding.
    Default: the default pack, account 123456789012, us-east-1, partition aws, no parameters passed.

    Example::

        check_template(json.loads(Path("template.json").read_text()))
    """
    loaded = template if isinstance(template, Template) else load_template(
        template, account=account, region=region, partition=partition, stack_name=stack_name,
        passed_parameters=passed_parameters)
    findings = [
        Finding(rule.id, rule.severity, subject.logical_id, message, rule.source, source)
        for subject in subjects(loaded)
        for rule in pack
        for message in rule.run(subject)
    ]
    return sorted(findings, key=_order)


def unchecked_stacks(template: Template, checked: Collection[str] = (), *, source: str | None = None) -> list[Finding]:
    """A :data:`NOT_CHECKED` finding (``info``) for each ``AWS::CloudFormation::Stack`` of ``template`` but those
    in ``checked`` (the logical ids of the nested stacks whose templates are checked with it: a cloud assembly's
    NestedStacks): the template it deploys is not read, so the roles and policies in it are not checked. ``source``
    names the template file in each finding. Default: every such stack is reported, no file named.

    Example::

        unchecked_stacks(load_template(template_dict))   # [Finding("nested-stack-not-checked", "info", "Network", ...)]
    """
    findings = []
    for logical_id, resource in template.resources.items():
        if resource.get("Type") != _STACK or logical_id in checked:
            continue
        url = template.resolve((resource.get("Properties") or {}).get("TemplateURL"))
        where = f" ({url})" if isinstance(url, str) and resolved(url) else ""
        findings.append(Finding(
            NOT_CHECKED.id, NOT_CHECKED.severity, logical_id,
            f"deploys a stack whose template{where} is not read with this one: its roles and policies are not checked "
            f"(check that template too; a CDK NestedStack's template is checked with its cdk.out)",
            NOT_CHECKED.source, source))
    return findings


def _acknowledgements(metadata: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Construct path (without the leading ``/``) -> {rule id: reason}, from a stack artifact's metadata."""
    out: dict[str, dict[str, str]] = {}
    for path, entries in metadata.items():
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, Mapping) and entry.get("type") == ACKNOWLEDGED_RULES and isinstance(entry.get("data"), Mapping):
                out.setdefault(path.lstrip("/"), {}).update(entry["data"])
    return out


def acknowledgement(acks: Mapping[str, Mapping[str, str]], path: str | None, check: str) -> tuple[str, str] | None:
    """The closest acknowledgement of ``check`` at ``path`` or an ancestor: ``(where, reason)``, or ``None``.

    An acknowledgement with an empty reason does not count.

    Example::

        acknowledgement({"App/Role": {"iam-patterns::iam-star": "break-glass role"}}, "App/Role/Resource", "iam-star")
    """
    parts = (path or "").split("/")
    while parts and parts != [""]:
        where = "/".join(parts)
        reason = acks.get(where, {}).get(rule_id(check))
        if isinstance(reason, str) and reason.strip():
            return where, reason
        parts.pop()
    return None


def passed_values(nested: Any, passed: Mapping[str, Any] | None, parent: Template) -> dict[str, Any]:
    """The values a ``NestedStack``'s parent passes to the parameters of its template (``nested``), for
    ``load_template(passed_parameters=...)``: each value in ``passed`` (the ``Parameters`` of its
    ``AWS::CloudFormation::Stack`` resource) resolved in the parent's template (``parent``, itself loaded with the
    values its own parent passes), so exactly what the parent's resources resolve to, and an ``<unresolved ...>``
    marker where the parent cannot resolve it; every parameter unresolved (``None``) when ``passed`` is not known.
    A malformed intrinsic in ``passed`` raises ``ValidationError``, as it would in the parent's resources.

    Example::

        passed_values(nested_template, {"referencetoParentData433BFA50Arn": {"Fn::GetAtt": ["Data433BFA50", "Arn"]}},
                      load_template(parent_template, account="111122223333", stack_name="Parent"))
    """
    declared = nested.get("Parameters") if isinstance(nested, Mapping) else None
    names = list(declared) if isinstance(declared, Mapping) else []
    if passed is None:
        return dict.fromkeys(names)
    return {name: parent.resolve(passed[name]) for name in names if name in passed}


def _passed(parent: Any, resource: str | None) -> Mapping[str, Any] | None:
    """The ``Parameters`` the parent's template passes with the nested stack's resource; ``None`` if not found."""
    resources = parent.get("Resources") if isinstance(parent, Mapping) else None
    stack = resources.get(resource) if isinstance(resources, Mapping) and resource else None
    parameters = (stack.get("Properties") or {}).get("Parameters", {}) if isinstance(stack, Mapping) else None
    return parameters if isinstance(parameters, Mapping) else None


def _check_assembly(folder: Path, report: Report, pack: Sequence[Rule]) -> None:
    for top in assembly_stacks(folder):
        acks = _acknowledgements(top.all_metadata())
        loaded: dict[str, tuple[Path, Template]] = {}  # construct path -> its template: a parent before its nested
        stacks = [top, *nested_stacks(top)]
        for stack in stacks:
            path = stack.template_file
            raw = read_template_file(path)
            passed: dict[str, Any] = {}
            if stack.parent:
                parent_path, parent = loaded[stack.parent]
                with _reading(parent_path):
                    passed = passed_values(raw, _passed(parent.raw, stack.resource), parent)
            with _reading(path):
                template = load_template(raw, stack_name=stack.stack_name, passed_parameters=passed,
                                         **stack.environment)
                findings = check_template(template, pack=pack, source=str(path))
                nested = [n.resource for n in stacks if n.parent == stack.display_name]
                if None not in nested:  # else which of its stacks CDK deploys is not known: none is reported
                    findings += unchecked_stacks(template, nested, source=str(path))
            loaded[stack.display_name] = path, template
            resources = template.resources
            report.templates.append(str(path))
            for finding in findings:
                finding = dataclasses.replace(finding, stack=stack.display_name)
                cdk_path = ((resources.get(finding.resource) or {}).get("Metadata") or {}).get("aws:cdk:path")
                found = acknowledgement(acks, cdk_path, finding.check)
                if found:
                    report.acknowledged.append(Acknowledged(finding, *found))
                else:
                    report.findings.append(finding)


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """A template that cannot be read (a malformed intrinsic, not a template) raises ``TemplateError`` naming it."""
    try:
        yield
    except ValidationError as err:
        raise TemplateError(f"cannot read {path}: {err}") from None


def _check_file(path: Path, raw: Any, pack: Sequence[Rule]) -> list[Finding]:
    with _reading(path):
        template = load_template(raw)
        return check_template(template, pack=pack, source=str(path)) + unchecked_stacks(template, source=str(path))


def _folder(path: Path) -> list[tuple[Path, Any]]:
    """The templates of a folder that is not a cloud assembly, by file name."""
    files = sorted(f for f in path.iterdir() if f.is_file() and f.suffix.lower() in TEMPLATE_SUFFIXES)
    contents = [(file, read_template_file(file)) for file in files]
    found = [(file, content) for file, content in contents
             if isinstance(content, Mapping) and isinstance(content.get("Resources"), Mapping)]
    if not found:
        raise TemplateError(f"cannot read {path}: a folder with neither a manifest.json nor a template "
                            f"(a {', '.join('*' + s for s in TEMPLATE_SUFFIXES)} file with Resources)")
    return found


def check_paths(paths: Iterable[str | Path], *, pack: Sequence[Rule] = PACK) -> Report:
    """Check template files and cloud assembly folders (``cdk.out``); raise ``TemplateError`` on unreadable input.

    A file is read as JSON or YAML (CloudFormation's short-form tags included). A folder with a
    ``manifest.json`` is read as a cloud assembly (stack environments and acknowledgements included); any
    other folder has each of its ``*.json``, ``*.yaml``, ``*.yml`` and ``*.template`` files that is a
    template (one with ``Resources``) checked, and the others (a parameters file, ``tree.json``) left alone.

    Example::

        report = check_paths(["cdk.out"])
        print(len(report.findings), "findings in", len(report.templates), "templates")
    """
    report = Report()
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and (path / MANIFEST).is_file():
            _check_assembly(path, report, pack)
            continue
        for file, template in _folder(path) if path.is_dir() else [(path, read_template_file(path))]:
            report.findings += _check_file(file, template, pack)
            report.templates.append(str(file))
    report.findings.sort(key=_order)
    return report
