"""assembly_stacks / stack_of_template: a cloud assembly's stacks found by its manifests, nested Stages included,
never by their template's file name; the NestedStacks of a stack by its metadata."""

from __future__ import annotations

import json
import re

import pytest

from iam_patterns.errors import TemplateError
from iam_patterns.evaluation.cloud_assembly import assembly_stacks, nested_stacks, stack_of_template
from tests.unit.cloud_assembly import DEEPER, INNER, nested_cdk_out, staged_cdk_out, write_assembly

PROD = {"account": "111122223333", "region": "eu-west-1"}


@pytest.fixture
def cdk_out(tmp_path):
    return staged_cdk_out(tmp_path / "cdk.out")


def test_every_stack_is_listed_with_its_name_construct_path_template_and_environment(cdk_out):
    stacks = [(s.artifact_id, s.stack_name, s.display_name, s.template_file.relative_to(cdk_out), s.environment)
              for s in assembly_stacks(cdk_out)]
    assert [(aid, name, display, str(file), env) for aid, name, display, file, env in stacks] == [
        ("ProdEuWorker81691CA8", "Prod-Eu-Worker", "Prod/Eu/Worker",
         "assembly-Prod/assembly-Prod-Eu/ProdEuWorker81691CA8.template.json", PROD),
        ("ProdApi2466CF1F", "Prod-Api", "Prod/Api", "assembly-Prod/ProdApi2466CF1F.template.json", PROD),
        ("Top", "top-named", "Top", "Top.template.json", {}),  # aws://unknown-account/unknown-region: neither
    ]


def test_a_stack_without_stack_name_or_display_name_goes_by_its_artifact_id(tmp_path):
    out = write_assembly(tmp_path / "cdk.out", {"Ci": ("Ci", "Ci", "aws://123456789012/unknown-region")})
    manifest = json.loads((out / "manifest.json").read_text())
    del manifest["artifacts"]["Ci"]["displayName"]
    (out / "manifest.json").write_text(json.dumps(manifest))
    (stack,) = assembly_stacks(out)
    assert (stack.stack_name, stack.display_name, stack.environment) == ("Ci", "Ci", {"account": "123456789012"})


def test_the_stack_of_a_template_file_comes_from_the_manifest_beside_it(cdk_out, tmp_path):
    stack = stack_of_template(cdk_out / "assembly-Prod" / "ProdApi2466CF1F.template.json")
    assert (stack.stack_name, stack.display_name, stack.environment) == ("Prod-Api", "Prod/Api", PROD)
    (cdk_out / "Other.template.json").write_text("{}")
    assert stack_of_template(cdk_out / "Other.template.json") is None
    (tmp_path / "Lone.template.json").write_text("{}")
    assert stack_of_template(tmp_path / "Lone.template.json") is None


def test_a_folder_without_a_manifest_is_not_a_cloud_assembly(tmp_path):
    with pytest.raises(TemplateError, match=re.escape(f"cannot read {tmp_path}: a folder without a manifest.json, "
                                                      "so not a cloud assembly (cdk.out)")):
        assembly_stacks(tmp_path)


def test_the_manifest_and_the_metadata_file_both_give_metadata(tmp_path):
    out = write_assembly(tmp_path / "cdk.out", {"Ci": ("Ci", "Ci", None)})
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["artifacts"]["Ci"] |= {"metadata": {"/Ci": [{"type": "a"}]}, "additionalMetadataFile": "Ci.metadata.json"}
    (out / "manifest.json").write_text(json.dumps(manifest))
    (out / "Ci.metadata.json").write_text(json.dumps({"/Ci": [{"type": "b"}], "/Ci/Role": [{"type": "c"}]}))
    (stack,) = assembly_stacks(out)
    assert stack.all_metadata() == {"/Ci": [{"type": "a"}, {"type": "b"}], "/Ci/Role": [{"type": "c"}]}


def test_nested_stacks_are_found_by_their_template_file_metadata_each_after_its_parent(tmp_path):
    out = nested_cdk_out(tmp_path / "cdk.out")
    (parent,) = assembly_stacks(out)  # a NestedStack is no artifact of the manifest
    nested = nested_stacks(parent)
    assert [(n.display_name, n.parent, n.resource, n.template_file.relative_to(out).as_posix()) for n in nested] == [
        ("Parent/Inner", "Parent", INNER, "ParentInner571755B8.nested.template.json"),
        ("Parent/Inner/Deeper", "Parent/Inner", DEEPER, "ParentInnerDeeperB4966582.nested.template.json"),
    ]
    # CloudFormation names a nested stack <parent's name>-<resource>-<random suffix>: a stand-in without the suffix
    assert [n.stack_name for n in nested] == [f"Parent-{INNER}", f"Parent-{INNER}-{DEEPER}"]
    assert {(n.artifact_id, n.metadata_file, tuple(n.environment.items())) for n in nested} == {
        ("Parent", out / "Parent.metadata.json", tuple(PROD.items()))}
    assert parent.parent is None and parent.resource is None


def test_without_logical_id_metadata_a_nested_stack_has_no_resource_and_a_name_from_its_construct_id(tmp_path):
    (parent,) = assembly_stacks(nested_cdk_out(tmp_path / "cdk.out", logical_ids=False))
    assert [(n.display_name, n.resource, n.stack_name) for n in nested_stacks(parent)] == [
        ("Parent/Inner", None, "Parent-Inner"), ("Parent/Inner/Deeper", None, "Parent-Inner-Deeper")]


def test_the_stack_of_a_nested_template_is_its_nested_stack_with_its_parent(tmp_path):
    out = nested_cdk_out(tmp_path / "cdk.out")
    stack = stack_of_template(out / "ParentInnerDeeperB4966582.nested.template.json")
    assert (stack.display_name, stack.parent, stack.resource) == ("Parent/Inner/Deeper", "Parent/Inner", DEEPER)
    assert stack_of_template(out / "Parent.template.json").parent is None
