"""The stacks of a CDK cloud assembly (``cdk.out``), as its manifests list them, nested Stages included.

Each ``aws:cloudformation:stack`` artifact of ``manifest.json`` names its template (``properties.templateFile``,
relative to the assembly's folder), its CloudFormation stack name (``properties.stackName``, else the artifact
id), its construct path (``displayName``, such as ``Prod/Api``) and its environment. A ``Stage`` is a nested
assembly (a ``cdk:cloud-assembly`` artifact, folder ``assembly-Prod``) with a manifest of its own, and its stacks'
template files are named after their artifact ids (``assembly-Prod/ProdApi2466CF1F.template.json`` for the
stack ``Prod-Api``), so a stack is found by the manifest, never by its file name.

A ``NestedStack`` is no artifact: CDK writes its template (``ParentInner571755B8.nested.template.json``) beside its
parent's as a file asset of the top-level stack, and the parent's template deploys it with an
``AWS::CloudFormation::Stack`` resource. :func:`nested_stacks` finds them by the construct metadata CDK writes
for every stack it synthesizes, a nested one too: ``aws:cdk:templateFile`` at the stack's construct path
(``/Parent/Inner``), in the top-level stack's artifact metadata, whatever the synthesizer and the context. (The
resource's ``aws:asset:path`` metadata is written only when the context ``aws:cdk:enable-asset-metadata`` is
set, as ``cdk synth`` does but ``app.synth()`` does not; the asset manifest only by synthesizers that write
one, not by ``LegacyStackSynthesizer``.) The parent's resource is the one CDK names
``<path>.NestedStack/<id>.NestedStackResource``, found by its ``aws:cdk:logicalId`` metadata: a path that makes
its logical id, so CDK cannot change it without replacing every deployed nested stack.

Example::

    for stack in assembly_stacks("cdk.out"):
        print(stack.display_name, stack.stack_name, stack.template_file)   # Prod/Api Prod-Api cdk.out/assembly-Prod/...
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from .template_file import read_template_file

__all__ = ["MANIFEST", "AssemblyStack", "assembly_stacks", "nested_stacks", "stack_of_template"]

MANIFEST = "manifest.json"
"""The file that makes a folder a cloud assembly."""
_STACK = "aws:cloudformation:stack"
_NESTED_ASSEMBLY = "cdk:cloud-assembly"
_TEMPLATE_FILE = "aws:cdk:templateFile"
_LOGICAL_ID = "aws:cdk:logicalId"


@dataclass(frozen=True)
class AssemblyStack:
    """A stack of a cloud assembly: where its template is, and what the manifest says about it.

    Example::

        AssemblyStack("ProdApi2466CF1F", "Prod-Api", "Prod/Api", Path("cdk.out/assembly-Prod/ProdApi2466CF1F.template.json"))
    """

    artifact_id: str
    stack_name: str
    """The CloudFormation stack name: ``properties.stackName``, else the artifact id."""
    display_name: str
    """The stack's construct path, as the CDK CLI shows it (``Prod/Api``): ``displayName``, else the artifact id."""
    template_file: Path
    environment: Mapping[str, str] = field(default_factory=dict)
    """``account`` and ``region``, when the artifact's ``aws://ACCOUNT/REGION`` names them."""
    metadata: Mapping[str, Any] = field(default_factory=dict)
    """The artifact's construct metadata in the manifest (construct path -> entries)."""
    metadata_file: Path | None = None
    """The artifact's ``additionalMetadataFile``, where CDK writes the rest of its metadata."""
    dependencies: tuple[str, ...] = ()
    """The artifact ids the manifest says this stack depends on (stacks and other artifacts, such as assets)."""
    parent: str | None = None
    """For a ``NestedStack``: the construct path of the stack whose template deploys it; ``None`` for a stack of
    the manifest. A nested stack has the artifact id, environment and metadata of the top-level stack that
    deploys it, no dependencies of its own, a stand-in stack name (``<parent's stack name>-<resource>``: CloudFormation adds a random suffix
    when it deploys it) and its construct path as display name."""
    resource: str | None = None
    """For a ``NestedStack``: the logical id of its ``AWS::CloudFormation::Stack`` resource in the parent's
    template, when the metadata gives it."""

    def all_metadata(self) -> dict[str, list[Any]]:
        """The construct metadata of the manifest and of the additional metadata file, by construct path.

        Example::

            stack.all_metadata()["/Ci/Deploy"]   # [{"type": "aws:cdk:acknowledged-rules", "data": {...}}]
        """
        metadata = {where: list(entries) for where, entries in self.metadata.items()}
        if self.metadata_file is not None:
            for where, entries in read_template_file(self.metadata_file).items():
                metadata[where] = [*metadata.get(where, []), *entries]
        return metadata


def _environment(environment: Any) -> dict[str, str]:
    """account/region of ``aws://ACCOUNT/REGION`` when concrete (not ``unknown-account``, ``unknown-region``)."""
    parts = environment.removeprefix("aws://").split("/") if isinstance(environment, str) else []
    env = {}
    if len(parts) == 2 and parts[0].isdigit():
        env["account"] = parts[0]
    if len(parts) == 2 and parts[1] != "unknown-region":
        env["region"] = parts[1]
    return env


def _artifacts(folder: Path) -> Mapping[str, Any]:
    manifest = read_template_file(folder / MANIFEST)
    artifacts = manifest.get("artifacts", {}) if isinstance(manifest, Mapping) else {}
    return artifacts if isinstance(artifacts, Mapping) else {}


def _stacks(folder: Path, *, nested: bool) -> list[AssemblyStack]:
    stacks = []
    for artifact_id, artifact in _artifacts(folder).items():
        if not isinstance(artifact, Mapping):
            continue
        properties = artifact.get("properties") or {}
        if nested and artifact.get("type") == _NESTED_ASSEMBLY and properties.get("directoryName"):
            stacks += _stacks(folder / properties["directoryName"], nested=True)
        if artifact.get("type") != _STACK or "templateFile" not in properties:
            continue
        extra = artifact.get("additionalMetadataFile")
        stacks.append(AssemblyStack(
            artifact_id=artifact_id,
            stack_name=properties.get("stackName", artifact_id),
            display_name=artifact.get("displayName", artifact_id),
            template_file=folder / properties["templateFile"],
            environment=_environment(artifact.get("environment")),
            metadata=artifact.get("metadata") or {},
            metadata_file=folder / extra if extra else None,
            dependencies=tuple(artifact.get("dependencies") or ()),
        ))
    return stacks


def assembly_stacks(folder: str | Path) -> list[AssemblyStack]:
    """Every stack of the cloud assembly in ``folder``, nested assemblies (Stages) included, in manifest order.

    Raises :class:`TemplateError` when ``folder`` has no ``manifest.json``, or one that cannot be read.

    Example::

        [s.display_name for s in assembly_stacks("cdk.out")]   # ["Top", "Prod/Api", "Prod/Eu/Worker"]
    """
    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        raise TemplateError(f"cannot read {folder}: a folder without a {MANIFEST}, so not a cloud assembly (cdk.out)")
    return _stacks(folder, nested=True)


def _data(entries: Any, kind: str) -> str | None:
    """The text data of the last metadata entry of type ``kind`` among ``entries``, or ``None``."""
    found = [e["data"] for e in entries if isinstance(e, Mapping) and e.get("type") == kind]
    return found[-1] if found and isinstance(found[-1], str) else None


def nested_stacks(stack: AssemblyStack) -> list[AssemblyStack]:
    """Every ``NestedStack`` of a stack of the manifest, those nested in them included, each after its parent.

    Example::

        [(n.display_name, n.parent) for n in nested_stacks(stack)]   # [("Parent/Inner", "Parent"), ...]
    """
    metadata = stack.all_metadata()
    files = {where.strip("/"): file for where, entries in metadata.items()
             if (file := _data(entries, _TEMPLATE_FILE)) is not None}
    own = next((where for where, file in files.items() if file == stack.template_file.name), stack.display_name)
    names = {own: stack.stack_name}  # construct path -> stack name (a stand-in for a nested stack)
    found = []
    for where in sorted((w for w in files if w.startswith(f"{own}/")), key=lambda w: w.split("/")):
        parent = max((p for p in names if where.startswith(f"{p}/")), key=len)
        child = where.rsplit("/", 1)[1]
        resource = _data(metadata.get(f"/{where}.NestedStack/{child}.NestedStackResource", []), _LOGICAL_ID)
        names[where] = f"{names[parent]}-{resource or child}"
        found.append(dataclasses.replace(stack, stack_name=names[where], display_name=where, parent=parent,
                                         template_file=stack.template_file.parent / files[where], resource=resource,
                                         dependencies=()))
    return found


def stack_of_template(path: str | Path) -> AssemblyStack | None:
    """The stack whose template ``path`` is, by the manifest of the cloud assembly it is in (a ``NestedStack``
    of one of its stacks included, with its ``parent``); ``None`` when no manifest beside it lists it.

    Example::

        stack_of_template("cdk.out/assembly-Prod/ProdApi2466CF1F.template.json").stack_name   # "Prod-Api"
        stack_of_template("cdk.out/ParentInner571755B8.nested.template.json").parent         # "Parent"
    """
    path = Path(path)
    if not (path.parent / MANIFEST).is_file():
        return None
    stacks = _stacks(path.parent, nested=False)
    return next((s for s in stacks if s.template_file.name == path.name), None) or next(
        (n for s in stacks for n in nested_stacks(s) if n.template_file.name == path.name), None)
