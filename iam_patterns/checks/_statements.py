"""Walking policy documents as data: statements, their values, and their conditions as a list of tests.

Every helper tolerates malformed input (a check reports what it understands and skips the rest) and the
``<unresolved ...>`` markers the template loader leaves for intrinsics it could not resolve.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

UNRESOLVED = "<unresolved"


def values(value: Any) -> list[str]:
    """A policy element's strings, whether it was written as one string or a list (non-strings dropped)."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


def resolved(value: str) -> bool:
    """Whether ``value`` is a real value rather than the loader's marker for an unresolved intrinsic."""
    return not value.startswith(UNRESOLVED)


def statements(document: Any) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """``(index, statement)`` for each statement object of a policy document."""
    if not isinstance(document, Mapping):
        return
    body = document.get("Statement", [])
    for index, statement in enumerate([body] if isinstance(body, Mapping) else body if isinstance(body, list) else []):
        if isinstance(statement, Mapping):
            yield index, statement


def allows(statement: Mapping[str, Any]) -> bool:
    """Whether the statement is an Allow."""
    return statement.get("Effect") == "Allow"


def label(index: int, statement: Mapping[str, Any]) -> str:
    """How a message names a statement: its position, and its Sid when it has one."""
    sid = statement.get("Sid")
    return f"statement {index} ({sid})" if isinstance(sid, str) and sid else f"statement {index}"


@lru_cache(maxsize=8192)
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(fnmatch.translate(pattern.lower().replace("[", "[[]")))


def action_matches(pattern: str, action: str) -> bool:
    """Whether an Action pattern (``*`` and ``?`` wildcards, any case) matches ``action``."""
    return _pattern(pattern).match(action.lower()) is not None


def grants(statement: Mapping[str, Any], action: str) -> bool:
    """Whether an Allow statement's Action names ``action`` (NotAction statements are left to their own check)."""
    return allows(statement) and any(action_matches(p, action) for p in values(statement.get("Action")))


@dataclass(frozen=True)
class Test:
    """One (operator, key) of a Condition: ``Condition: {operator: {key: values}}``.

    ``base`` is the operator without its set qualifier and ``IfExists``, lower-cased (``stringlike``);
    ``qualifier`` is ``forallvalues``, ``foranyvalue`` or ``None``; ``key`` is lower-cased (IAM compares key
    names without case) and ``name`` is the key as written.
    """

    operator: str
    base: str
    qualifier: str | None
    if_exists: bool
    key: str
    values: tuple[str, ...]
    name: str

    @property
    def narrows(self) -> bool:
        """Whether the test can only hold when the key has a matching value (not negated, not a Null test)."""
        return "not" not in self.base and self.base != "null"

    @property
    def wildcards(self) -> bool:
        """Whether the operator reads ``*`` and ``?`` as wildcards (StringLike, ArnLike and their variants)."""
        return self.base in ("stringlike", "arnlike", "arnequals")


def tests(statement: Mapping[str, Any]) -> list[Test]:
    """The statement's Condition as a flat list of tests (empty when it has none or it is malformed)."""
    condition = statement.get("Condition")
    out: list[Test] = []
    if not isinstance(condition, Mapping):
        return out
    for operator, block in condition.items():
        if not isinstance(operator, str) or not isinstance(block, Mapping):
            continue
        qualifier, _, base = operator.rpartition(":")
        base = base.lower()
        if_exists = base.endswith("ifexists")
        base = base.removesuffix("ifexists")
        for key, value in block.items():
            if isinstance(key, str):
                strings = [str(v).lower() if isinstance(v, bool) else v for v in (value if isinstance(value, list) else [value])]
                out.append(Test(operator, base, qualifier.lower() or None, if_exists, key.lower(),
                                tuple(v for v in strings if isinstance(v, str)), key))
    return out


def key_tests(document: Any, key: str) -> list[Test]:
    """The condition tests on one key (any case) in every statement of a policy document, whatever the effect."""
    key = key.lower()
    return [t for _, statement in statements(document) for t in tests(statement) if t.key == key]


def principals(statement: Mapping[str, Any], kind: str) -> list[str]:
    """The values of one principal type (``AWS``, ``Service``, ``Federated``) in the statement's Principal;
    ``["*"]`` for ``Principal: "*"`` when ``kind`` is ``AWS``."""
    principal = statement.get("Principal")
    if principal == "*":
        return ["*"] if kind == "AWS" else []
    return values(principal.get(kind)) if isinstance(principal, Mapping) else []


def arn_account(arn: str) -> str | None:
    """The account of an ARN or of a bare 12-digit account id; ``None`` when it names none."""
    if re.fullmatch(r"\d{12}", arn):
        return arn
    parts = arn.split(":", 5)
    return parts[4] if len(parts) == 6 and parts[0] == "arn" and re.fullmatch(r"\d{12}", parts[4]) else None


def allow_statements(subject: Any, kind: str) -> Iterator[tuple[Any, int, Mapping[str, Any]]]:
    """``(policy, index, statement)`` for each Allow statement of the subject's policies of one ``kind``."""
    for policy in subject.policies:
        if policy.kind == kind:
            for index, statement in statements(policy.document):
                if allows(statement):
                    yield policy, index, statement
