"""PolicyDocument and Statement: round trips, canonical order, immutability, and refusal of malformed input."""

from __future__ import annotations

import json
import re

import pytest

from iam_patterns.errors import IamPatternsError, ValidationError
from iam_patterns.policy import PolicyDocument, Statement, as_tuple

ALL_ELEMENTS = {
    "Version": "2012-10-17",
    "Id": "every-element",
    "Statement": [
        {
            "Sid": "DenyOthers",
            "Effect": "Deny",
            "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/admin"]},
            "NotAction": ["iam:Get*", "iam:List*"],
            "NotResource": "arn:aws:iam::111122223333:role/admin",
            "Condition": {"Bool": {"aws:SecureTransport": False}, "NumericLessThan": {"s3:max-keys": 10}},
        },
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": ["arn:aws:s3:::b/*"],
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-abc", "o-def"]}},
        },
        {
            "Effect": "Allow",
            "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
            "Action": "sts:AssumeRoleWithWebIdentity",
        },
    ],
}


@pytest.mark.parametrize("fixture", ["guide_s3_policy", "guide_trust_policy"])
def test_guide_policies_round_trip_unchanged(fixture, request):
    policy = request.getfixturevalue(fixture)
    assert PolicyDocument.from_json(policy).to_json() == policy


def test_every_element_round_trips_with_its_shape():
    doc = PolicyDocument.from_json(ALL_ELEMENTS)
    assert doc.to_json() == ALL_ELEMENTS
    # a single value stays a string and a list stays a list, even a one-element list
    assert doc.to_json()["Statement"][1]["Resource"] == ["arn:aws:s3:::b/*"]
    assert doc.to_json()["Statement"][1]["Action"] == "s3:GetObject"


def test_from_json_accepts_a_json_string():
    text = json.dumps(ALL_ELEMENTS)
    assert PolicyDocument.from_json(text) == PolicyDocument.from_json(ALL_ELEMENTS)


def test_keys_come_out_in_canonical_order():
    shuffled = {
        "Statement": [
            {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}, "Resource": "*", "Action": "s3:List*",
             "Principal": {"AWS": "111122223333"}, "Effect": "Allow", "Sid": "S"}
        ],
        "Id": "x",
        "Version": "2012-10-17",
    }
    out = PolicyDocument.from_json(shuffled).to_json()
    assert list(out) == ["Version", "Id", "Statement"]
    assert list(out["Statement"][0]) == ["Sid", "Effect", "Principal", "Action", "Resource", "Condition"]


def test_a_lone_statement_object_becomes_a_one_element_list():
    doc = PolicyDocument.from_json({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*"}})
    assert doc.to_json()["Statement"] == [{"Effect": "Allow", "Action": "s3:*"}]


def test_missing_version_is_kept_missing():
    doc = PolicyDocument.from_json({"Statement": [{"Effect": "Allow", "Action": "s3:ListBucket"}]})
    assert doc.version is None
    assert "Version" not in doc.to_json()


def test_documents_are_immutable_and_hashable():
    doc = PolicyDocument.from_json(ALL_ELEMENTS)
    with pytest.raises(AttributeError):
        doc.version = "2008-10-17"  # type: ignore[misc]
    with pytest.raises(TypeError):
        doc.statements[0].condition["Bool"] = {}  # type: ignore[index]
    assert hash(doc) == hash(PolicyDocument.from_json(ALL_ELEMENTS))


def test_statements_built_in_python_equal_their_json_twins():
    built = Statement(sid="A", action=["s3:GetObject", "s3:PutObject"], resource="arn:aws:s3:::b/*")
    parsed = Statement.from_json(
        {"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"}
    )
    assert built == parsed
    assert as_tuple(built.action) == ("s3:GetObject", "s3:PutObject")
    assert as_tuple(built.resource) == ("arn:aws:s3:::b/*",)
    assert as_tuple(built.not_action) == ()


def test_to_json_string_is_valid_json_for_the_cli():
    doc = PolicyDocument.from_json(ALL_ELEMENTS)
    assert json.loads(doc.to_json_string()) == ALL_ELEMENTS
    assert " " not in doc.to_json_string(indent=None).replace("every-element", "")


@pytest.mark.parametrize(
    ("statement", "parameter", "fragment"),
    [
        ({"Effect": "Permit", "Action": "s3:*"}, "Effect", "must be 'Allow' or 'Deny'"),
        ({"Action": "s3:*"}, "Effect", "must be given in every statement"),
        ({"Effect": "Allow", "Resource": "*"}, "Action", "must be given, or NotAction instead"),
        ({"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:Get*"}, "Action", "but not both"),
        ({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "NotResource": "*"}, "NotResource", "together"),
        ({"Effect": "Allow", "Action": "s3:*", "Principal": "*", "NotPrincipal": "*"}, "NotPrincipal", "together"),
        ({"Effect": "Allow", "Action": "s3 GetObject"}, "Action", "'service:Action'"),
        ({"Effect": "Allow", "Action": []}, "Action", "non-empty string or list of strings"),
        ({"Effect": "Allow", "Action": "s3:*", "Resource": 7}, "Resource", "non-empty string or list of strings"),
        ({"Effect": "Allow", "Action": "s3:*", "Principal": {"User": "bob"}}, "Principal", "principal types"),
        ({"Effect": "Allow", "Action": "s3:*", "Principal": "bob"}, "Principal", "must be '*' or a mapping"),
        ({"Effect": "Allow", "Action": "s3:*", "Condition": {"Bool": "true"}}, "Condition", "each operator"),
        ({"Effect": "Allow", "Action": "s3:*", "Actions": "s3:*"}, "Statement", "must only use the keys"),
    ],
)
def test_malformed_statements_are_refused_naming_the_element(statement, parameter, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)) as info:
        PolicyDocument.from_json({"Version": "2012-10-17", "Statement": [statement]})
    assert info.value.parameter == parameter
    assert isinstance(info.value, IamPatternsError)


@pytest.mark.parametrize(
    ("policy", "fragment"),
    [
        ('{"Version": ', "must be valid JSON"),
        ([], "must be a JSON object"),
        ({"Version": "2012-10-18", "Statement": []}, "must be one of 2012-10-17, 2008-10-17"),
        ({"Version": "2012-10-17", "Statements": []}, "must only use the keys Version, Id, Statement"),
    ],
)
def test_malformed_documents_are_refused(policy, fragment):
    with pytest.raises(ValidationError, match=fragment):
        PolicyDocument.from_json(policy)
