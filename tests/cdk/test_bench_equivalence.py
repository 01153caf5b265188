"""The bench compares like with like: each construct's "plain" aws-cdk-lib equivalent emits the same permissions."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aws_cdk import Stack

from bench.bench_constructs import CASES
from tests.cdk.synth import new_app, properties_of_type


def _grants(document: dict[str, Any]) -> set[tuple[str, ...]]:
    """One tuple per action of each statement, Sids left out: the same grants however CDK merged statements."""
    def key(statement: dict[str, Any], name: str) -> str:
        return json.dumps(statement.get(name), sort_keys=True)

    return {
        (statement["Effect"], action, key(statement, "Resource"), key(statement, "Principal"), key(statement, "Condition"))
        for statement in document["Statement"]
        for action in ([statement["Action"]] if isinstance(statement["Action"], str) else statement["Action"])
    }


def _role(build) -> dict[str, Any]:
    stack = Stack(new_app(), "Bench")
    build(stack, "Role7")
    (props,) = properties_of_type(stack, "AWS::IAM::Role").values()
    return {
        "trust": _grants(props["AssumeRolePolicyDocument"]),
        "policies": {p["PolicyName"]: _grants(p["PolicyDocument"]) for p in props.get("Policies", [])},
        "session": props.get("MaxSessionDuration"),
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_plain_role_carries_the_same_documents_as_the_construct(name):
    kit, plain = CASES[name]
    assert _role(kit) == _role(plain)
