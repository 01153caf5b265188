"""read_template_file: a template file, JSON or YAML, in the long JSON form the loader reads; short-form tags
become their long forms, dates stay text, and what cannot be parsed is a one-line TemplateError."""

from __future__ import annotations

import re

import pytest
import yaml

from iam_patterns.errors import TemplateError
from iam_patterns.evaluation import _cfn_yaml, load_template, read_template_file
from tests.conftest import FIXTURES


def _read(tmp_path, text: str, name: str = "template.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return read_template_file(path)


@pytest.mark.parametrize(("yaml_value", "long_form"), [
    ("!Ref Bucket", {"Ref": "Bucket"}),
    ("!Ref AWS::Partition", {"Ref": "AWS::Partition"}),
    ("!GetAtt Bucket.Arn", {"Fn::GetAtt": ["Bucket", "Arn"]}),
    ("!GetAtt Stack.Outputs.Name", {"Fn::GetAtt": ["Stack", "Outputs.Name"]}),
    ("!GetAtt [Bucket, Arn]", {"Fn::GetAtt": ["Bucket", "Arn"]}),
    ('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"', {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*"}),
    ('!Sub ["${B}/*", {B: !GetAtt Bucket.Arn}]', {"Fn::Sub": ["${B}/*", {"B": {"Fn::GetAtt": ["Bucket", "Arn"]}}]}),
    ('!Join ["", [a, !Ref B]]', {"Fn::Join": ["", ["a", {"Ref": "B"}]]}),
    ('!Select [0, !Split [",", "a,b"]]', {"Fn::Select": [0, {"Fn::Split": [",", "a,b"]}]}),
    ('!If [IsProd, a, !Ref "AWS::NoValue"]', {"Fn::If": ["IsProd", "a", {"Ref": "AWS::NoValue"}]}),
    ("!Equals [!Ref Env, prod]", {"Fn::Equals": [{"Ref": "Env"}, "prod"]}),
    ("!Not [!Condition IsProd]", {"Fn::Not": [{"Condition": "IsProd"}]}),
    ("!And [!Condition A, !Or [!Condition B, !Condition C]]",
     {"Fn::And": [{"Condition": "A"}, {"Fn::Or": [{"Condition": "B"}, {"Condition": "C"}]}]}),
    ("!FindInMap [Accounts, Vendor, Id]", {"Fn::FindInMap": ["Accounts", "Vendor", "Id"]}),
    ('!Base64 "#!/bin/sh"', {"Fn::Base64": "#!/bin/sh"}),
    ('!Cidr ["10.0.0.0/16", 4, 8]', {"Fn::Cidr": ["10.0.0.0/16", 4, 8]}),
    ("!ImportValue SharedVpc", {"Fn::ImportValue": "SharedVpc"}),
    ('!GetAZs ""', {"Fn::GetAZs": ""}),
    ("!Condition IsProd", {"Condition": "IsProd"}),
    ("!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
     {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}}),
])
def test_each_short_form_tag_becomes_its_long_json_form(tmp_path, yaml_value, long_form):
    assert _read(tmp_path, f"Value: {yaml_value}\n") == {"Value": long_form}


def test_block_style_tags_nest_as_in_flow_style(tmp_path):
    text = "Condition: !If\n  - PinIt\n  - StringEquals: {k: !Sub '${A}'}\n  - !Ref AWS::NoValue\n"
    assert _read(tmp_path, text) == {"Condition": {"Fn::If": ["PinIt", {"StringEquals": {"k": {"Fn::Sub": "${A}"}}},
                                                               {"Ref": "AWS::NoValue"}]}}


def test_unquoted_dates_stay_text_as_cloudformation_reads_them(tmp_path):
    content = _read(tmp_path, "AWSTemplateFormatVersion: 2010-09-09\nVersion: 2012-10-17\nAt: 2026-01-01T00:00:00Z\n")
    assert content == {"AWSTemplateFormatVersion": "2010-09-09", "Version": "2012-10-17", "At": "2026-01-01T00:00:00Z"}


def test_a_yaml_template_loads_with_its_intrinsics_resolved():
    template = read_template_file(FIXTURES / "templates" / "reports_reader.yaml")
    role = load_template(template, account="111122223333").roles["Reader"]
    assert role.inline_policies["read"]["Statement"][0]["Resource"] == "arn:aws:s3:::reports-prod/*"
    assert role.external_policy_arns == ("arn:aws:iam::aws:policy/ReadReports",)
    assert role.trust_policy["Version"] == "2012-10-17"


@pytest.mark.parametrize("name", ["template.json", "template.template", "template.yaml"])
def test_json_is_read_as_json_whatever_the_name_tabs_included(tmp_path, name):
    assert _read(tmp_path, '{\n\t"Resources": {"B": {"Type": "AWS::S3::Bucket"}}\n}', name) == {
        "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}


def test_a_json_file_is_only_read_as_json(tmp_path):
    path = tmp_path / "template.json"
    path.write_text("Resources: {}\n")
    with pytest.raises(TemplateError, match=re.escape(f"cannot read {path}: not a JSON file (Expecting value")):
        read_template_file(path)


@pytest.mark.parametrize(("text", "problem"), [
    ("Resources:\n  Role: [\n", r".*node content.* at line 3, column 1"),  # the words are libyaml's or PyYAML's
    ("a: 1\n b: 2\n", r"mapping values are not allowed .* at line 2, column 3"),
    ("Resources:\n  Role: !Foo x\n",
     re.escape("could not determine a constructor for the tag '!Foo' at line 2, column 9")),
])
def test_unparsable_yaml_is_a_one_line_template_error_naming_the_place(tmp_path, text, problem):
    path = tmp_path / "template.yml"
    path.write_text(text)
    with pytest.raises(TemplateError) as raised:
        read_template_file(path)
    assert re.fullmatch(rf"cannot read {re.escape(str(path))}: neither JSON nor YAML \({problem}\)", str(raised.value))


def test_a_missing_file_and_a_binary_file_are_template_errors(tmp_path):
    with pytest.raises(TemplateError, match=re.escape(f"cannot read {tmp_path / 'none.yaml'}: No such file")):
        read_template_file(tmp_path / "none.yaml")
    (tmp_path / "image.template").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(TemplateError, match=re.escape("image.template: not a text file")):
        read_template_file(tmp_path / "image.template")


@pytest.mark.parametrize("fixture", ["checks/yaml-short-forms.bad.yaml", "checks/yaml-short-forms.good.yaml",
                                     "templates/reports_reader.yaml"])
def test_the_pure_python_safe_loader_reads_templates_as_libyamls_parser_does(fixture):
    text = (FIXTURES / fixture).read_text()
    pure_python = yaml.load(text, Loader=_cfn_yaml.cloudformation_loader(yaml.SafeLoader))
    assert pure_python == _cfn_yaml.parse(text) == read_template_file(FIXTURES / fixture)
    assert issubclass(_cfn_yaml.cloudformation_loader(yaml.SafeLoader), yaml.SafeLoader)


STATEMENTS_JSON = """{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "ReadReports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
    {"Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}
  ]
}
"""


def test_the_same_key_in_different_objects_is_read(tmp_path):
    assert [s["Effect"] for s in _read(tmp_path, STATEMENTS_JSON, "policy.json")["Statement"]] == ["Allow", "Deny"]


@pytest.mark.parametrize("name", ["template.json", "template.yaml"])  # JSON content is read as JSON either way
@pytest.mark.parametrize(("text", "duplicate"), [
    ('{"Statement": [{"Effect": "Deny",\n  "Action": "s3:*",\n  "Effect": "Allow"}]}',
     "duplicate key 'Effect' at line 3, column 3 (first at line 1, column 17)"),
    ('{"Resources": {\n "Role": {"Type": "AWS::IAM::Role"},\n "Role": {"Type": "AWS::IAM::User"}\n}}',
     "duplicate key 'Role' at line 3, column 2 (first at line 2, column 2)"),
    ('{"Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}},\n'
     ' "Condition": {"StringLike": {"aws:SourceArn": "*"}}}',
     "duplicate key 'Condition' at line 2, column 2 (first at line 1, column 2)"),
    ('{"Effect": "Deny", "Eff\\u0065ct": "Allow"}', "duplicate key 'Effect' at line 1, column 20 (first at line 1, column 2)"),
    ('{"Description": "a \\"quoted\\": {x} [y]",\n "Description": "again"}',
     "duplicate key 'Description' at line 2, column 2 (first at line 1, column 2)"),
    ('{"A": [{"B": 1}, {"B": 2}], "C": {"B": {"D": 1, "B": 2}},\n "A": 3}',
     "duplicate key 'A' at line 2, column 2 (first at line 1, column 2)"),
])
def test_a_json_key_given_twice_in_one_object_is_a_template_error_naming_both_places(tmp_path, name, text, duplicate):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(TemplateError) as raised:
        read_template_file(path)
    assert str(raised.value) == (f"cannot read {path}: {duplicate}: a key may appear once in an object, else which "
                                 f"of its values counts is undefined")


@pytest.mark.parametrize(("text", "duplicate"), [
    ("Statement:\n  - Effect: Deny\n    Action: s3:*\n    Effect: Allow\n",
     "duplicate key 'Effect' at line 4, column 5 (first at line 2, column 5)"),
    ("Resources:\n  Role: {Type: AWS::IAM::Role}\n  Role: {Type: AWS::IAM::User}\n",
     "duplicate key 'Role' at line 3, column 3 (first at line 2, column 3)"),
    ("Condition:\n  StringEquals: {aws:SourceAccount: '111122223333'}\nCondition:\n  StringLike: {aws:SourceArn: '*'}\n",
     "duplicate key 'Condition' at line 3, column 1 (first at line 1, column 1)"),
    ("Resource: !Sub ['${A}/*', {A: x, A: y}]\n", "duplicate key 'A' at line 1, column 34 (first at line 1, column 28)"),
    ("Statement: [{Effect: Deny, 'Effect': Allow}]\n",
     "duplicate key 'Effect' at line 1, column 28 (first at line 1, column 14)"),
])
def test_a_yaml_key_given_twice_in_one_mapping_is_a_template_error_naming_both_places(tmp_path, text, duplicate):
    path = tmp_path / "template.yaml"
    path.write_text(text)
    with pytest.raises(TemplateError, match=re.escape(f"cannot read {path}: {duplicate}: a key may appear once")):
        read_template_file(path)


MERGED = "Base: &base {Effect: Deny, Action: 's3:*'}\nStatement:\n  <<: *base\n  Effect: Allow\n"


def test_a_yaml_merge_key_may_be_overridden_by_the_mappings_own_keys(tmp_path):
    assert _read(tmp_path, MERGED)["Statement"] == {"Effect": "Allow", "Action": "s3:*"}


def test_a_key_given_twice_beside_a_merge_key_is_still_refused(tmp_path):
    with pytest.raises(TemplateError, match=re.escape("duplicate key 'Effect' at line 5, column 3 (first at line 4")):
        _read(tmp_path, MERGED + "  Effect: Deny\n")


def test_the_pure_python_safe_loader_refuses_duplicate_keys_as_libyamls_parser_does():
    text = "Statement:\n  Effect: Deny\n  Effect: Allow\n"
    for loader in (_cfn_yaml.cloudformation_loader(yaml.SafeLoader), _cfn_yaml._LOADER):
        with pytest.raises(_cfn_yaml.DuplicateKeyError) as raised:
            yaml.load(text, Loader=loader)
        assert (raised.value.key, _cfn_yaml.line_column(raised.value.problem_mark)) == ("Effect", (3, 3))
