"""The stacks of a CDK cloud assembly (``cdk.out``), as its manifests list them, nested Stages included.

Each ``aws:cloudformation:stack`` artifact of ``manifest.json`` names its template (``properties.templateFile``,
relative to the assembly's folder), its CloudFormation stack name (``properties.stackName``, else the artifact
id), its construct path (``displayName``, such as ``Prod/Api``) and its environment. A ``Stage`` is a nested
assembly (a ``cdk:cloud-assembly`` artifact, folder ``assembly-Prod``) with a manifest of its own, and its stacks'
template files are named after their artifact ids (``assembly-Prod/ProdApi2466CF1F.template.json`` for the
stack ``Prod-Api``), so a stack is found by the manifest, never by its file name.

Example::

    for stack in assembly_stacks("cdk.out"):
        print(stack.display_name, stack.stack_name, stack.template_file)   # Prod/Api Prod-Api cdk.out/assembly-Prod/...
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from .template_file import read_template_file

__all__ = ["MANIFEST", "AssemblyStack", "assembly_stacks", "stack_of_template"]

MANIFEST = "manifest.json"
"""The file that makes a folder a cloud assembly."""
_STACK = "aws:cloudformation:stack"
_NESTED_ASSEMBLY = "cdk:cloud-assembly"


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


def stack_of_template(path: str | Path) -> AssemblyStack | None:
    """The stack whose template ``path`` is, by the manifest of the cloud assembly it is in; ``None`` when no
    manifest beside it lists it.

    Example::

        stack_of_template("cdk.out/assembly-Prod/ProdApi2466CF1F.template.json").stack_name   # "Prod-Api"
    """
    path = Path(path)
    if not (path.parent / MANIFEST).is_file():
        return None
    return next((s for s in _stacks(path.parent, nested=False) if s.template_file.name == path.name), None)
