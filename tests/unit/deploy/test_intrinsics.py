"""deploy-local's intrinsic resolver: what CloudFormation does to Ref, GetAtt, Join, Sub, Select and Split."""

from __future__ import annotations

import re

import pytest

from deploy.intrinsics import NO_VALUE, Unresolvable, resolve

_REFS = {"AWS::Partition": "aws", "AWS::AccountId": "123456789012", "Bucket": "my-bucket", "AWS::NoValue": NO_VALUE}


def _resolve(value):
    return resolve(value, ref=_REFS.__getitem__, get_att=lambda logical_id, attribute: f"{logical_id}:{attribute}")


def test_a_join_of_refs_becomes_one_string():
    value = {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::", {"Ref": "Bucket"}, "/*"]]}
    assert _resolve(value) == "arn:aws:s3:::my-bucket/*"


def test_get_att_takes_a_list_or_a_dotted_string():
    assert _resolve({"Fn::GetAtt": ["Role", "Arn"]}) == _resolve({"Fn::GetAtt": "Role.Arn"}) == "Role:Arn"


def test_sub_fills_refs_attributes_and_its_own_variables_and_keeps_escaped_names():
    text = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Name} ${Role.Arn} ${!Literal}"
    assert _resolve({"Fn::Sub": [text, {"Name": {"Ref": "Bucket"}}]}) == (
        "arn:aws:iam::123456789012:role/my-bucket Role:Arn ${Literal}"
    )
    assert _resolve({"Fn::Sub": "${Bucket}-x"}) == "my-bucket-x"


def test_select_and_split_pick_a_part():
    assert _resolve({"Fn::Select": [1, {"Fn::Split": ["/", "a/b/c"]}]}) == "b"


def test_no_value_drops_the_property_and_the_list_item():
    value = {"Path": {"Ref": "AWS::NoValue"}, "Roles": ["a", {"Ref": "AWS::NoValue"}], "Keep": 1}
    assert _resolve(value) == {"Roles": ["a"], "Keep": 1}


def test_nested_documents_resolve_everywhere_and_plain_values_stay():
    doc = {"Statement": [{"Effect": "Allow", "Resource": [{"Ref": "Bucket"}, "*"], "Condition": {"Bool": {"x": True}}}]}
    assert _resolve(doc) == {"Statement": [{"Effect": "Allow", "Resource": ["my-bucket", "*"], "Condition": {"Bool": {"x": True}}}]}


def test_an_unsupported_intrinsic_is_refused_not_compared_half_resolved():
    with pytest.raises(Unresolvable, match=re.escape("Fn::If is not supported here")):
        _resolve({"Fn::If": ["IsProd", "a", "b"]})
    with pytest.raises(Unresolvable, match=re.escape("Fn::ImportValue is not supported here")):
        _resolve({"Fn::ImportValue": "Shared-BucketArn"})
