"""Immutable IAM policy documents: ``PolicyDocument`` and ``Statement``.

They round-trip any valid IAM policy through ``from_json`` / ``to_json`` and write keys in IAM's canonical
order (Version, Id, Statement; Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource,
Condition). A single value stays a string and a list stays a list, so ``to_json`` gives back what
``from_json`` was given. The one normalisation: a ``Statement`` written as a lone object comes back as a
one-element list.

Example::

    doc = PolicyDocument(statements=[
        Statement(sid="ReadReports", action="s3:GetObject", resource="arn:aws:s3:::my-bucket/reports/*"),
    ])
    doc.to_json()
    # {"Version": "2012-10-17", "Statement": [{"Sid": "ReadReports", "Effect": "Allow", ...}]}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Union

from ..errors import ValidationError
from .validate import validate_action

__all__ = ["FrozenMap", "PolicyDocument", "Statement", "VERSION", "as_tuple", "one_or_many"]

VERSION = "2012-10-17"
"""The current IAM policy language version; ``2008-10-17`` is legacy (no policy variables)."""
_VERSIONS = (VERSION, "2008-10-17")
_PRINCIPAL_TYPES = ("AWS", "Service", "Federated", "CanonicalUser")
_EFFECTS = ("Allow", "Deny")

Values = Union[str, tuple[str, ...]]
"""One value (kept as a string) or several (kept as a tuple, written as a JSON list)."""


class FrozenMap(Mapping[str, Any]):
    """A read-only, hashable mapping that keeps insertion order: the dict inside an immutable statement.

    Example::

        FrozenMap({"Service": "ec2.amazonaws.com"})["Service"]   # "ec2.amazonaws.com"
    """

    __slots__ = ("_items", "_hash")

    def __init__(self, items: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        self._items = dict(items)
        self._hash: int | None = None

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"


def as_tuple(values: Values | None) -> tuple[str, ...]:
    """Any statement element as a tuple: ``None`` → ``()``, ``"a"`` → ``("a",)``, a tuple stays.

    Example::

        as_tuple(statement.action)   # ("s3:GetObject",)
    """
    if values is None:
        return ()
    return (values,) if isinstance(values, str) else tuple(values)


def one_or_many(values: Iterable[str]) -> Values:
    """The form IAM policies write by habit: one value as a string, several as a list (a tuple here).

    Example::

        Statement(action=one_or_many(["s3:GetObject"]))   # "Action": "s3:GetObject"
    """
    values = tuple(values)
    return values[0] if len(values) == 1 else values


def _freeze(value: Any) -> Any:
    """JSON (dicts, lists, scalars) as hashable values: dicts → FrozenMap, lists → tuples."""
    if isinstance(value, Mapping):
        return FrozenMap((k, _freeze(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    """The inverse of ``_freeze``: plain dicts and lists for ``json.dumps``."""
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _check_strings(parameter: str, value: Any) -> None:
    values = (value,) if isinstance(value, str) else value if isinstance(value, tuple) else None
    if not values or not all(isinstance(v, str) for v in values):
        raise ValidationError(parameter, _thaw(value), "must be a non-empty string or list of strings")


@dataclass(frozen=True)
class Statement:
    """One IAM policy statement. Lists may be given as lists or tuples; they are stored as tuples.

    Exactly one of ``action`` / ``not_action``; at most one of ``principal`` / ``not_principal`` and of
    ``resource`` / ``not_resource``. ``principal`` is ``"*"`` or a mapping from ``AWS``, ``Service``,
    ``Federated`` or ``CanonicalUser`` to one value or a list. ``condition`` maps an operator
    (``StringEquals``, ``ForAnyValue:StringLike``, ...) to ``{key: value or list}``.

    Example::

        Statement(
            sid="AllowEC2ToAssume",
            principal={"Service": "ec2.amazonaws.com"},
            action="sts:AssumeRole",
        )
    """

    sid: str | None = None
    effect: str = "Allow"
    principal: Any = None
    not_principal: Any = None
    action: Values | None = None
    not_action: Values | None = None
    resource: Values | None = None
    not_resource: Values | None = None
    condition: Mapping[str, Mapping[str, Any]] | None = field(default=None)

    def __post_init__(self) -> None:
        for name in ("principal", "not_principal", "action", "not_action", "resource", "not_resource", "condition"):
            object.__setattr__(self, name, _freeze(getattr(self, name)))
        if self.effect not in _EFFECTS:
            raise ValidationError("Effect", self.effect, "must be 'Allow' or 'Deny'")
        if (self.action is None) == (self.not_action is None):
            raise ValidationError("Action", _thaw(self.action), "must be given, or NotAction instead, but not both")
        if self.resource is not None and self.not_resource is not None:
            raise ValidationError("NotResource", _thaw(self.not_resource), "cannot be given together with Resource")
        if self.principal is not None and self.not_principal is not None:
            raise ValidationError("NotPrincipal", _thaw(self.not_principal), "cannot be given together with Principal")
        for name in ("action", "not_action"):
            if getattr(self, name) is not None:
                _check_strings(_KEYS[name], getattr(self, name))
                for action in as_tuple(getattr(self, name)):
                    validate_action(action, parameter=_KEYS[name])
        for name in ("resource", "not_resource"):
            if getattr(self, name) is not None:
                _check_strings(_KEYS[name], getattr(self, name))
        for name in ("principal", "not_principal"):
            self._check_principal(_KEYS[name], getattr(self, name))
        if self.condition is not None and not (
            isinstance(self.condition, Mapping) and all(isinstance(v, Mapping) for v in self.condition.values())
        ):
            raise ValidationError("Condition", _thaw(self.condition), "must map each operator to {key: value}")

    @staticmethod
    def _check_principal(parameter: str, principal: Any) -> None:
        if principal is None or principal == "*":
            return
        if not isinstance(principal, Mapping) or not principal:
            raise ValidationError(parameter, _thaw(principal), "must be '*' or a mapping such as {'AWS': ARN}")
        for kind, values in principal.items():
            if kind not in _PRINCIPAL_TYPES:
                raise ValidationError(parameter, kind, f"must use the principal types {', '.join(_PRINCIPAL_TYPES)}")
            _check_strings(f"{parameter}.{kind}", values)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Statement:
        """A statement from its JSON form (a dict with IAM's keys).

        Example::

            Statement.from_json({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"})
        """
        if not isinstance(data, Mapping):
            raise ValidationError("Statement", data, "must be a JSON object")
        unknown = set(data) - set(_KEYS.values())
        if unknown:
            raise ValidationError("Statement", sorted(unknown), f"must only use the keys {', '.join(_KEYS.values())}")
        if "Effect" not in data:
            raise ValidationError("Effect", None, "must be given in every statement")
        return cls(**{name: data[key] for name, key in _KEYS.items() if key in data})

    def to_json(self) -> dict[str, Any]:
        """The statement as JSON, keys in canonical order; absent elements are left out.

        Example::

            json.dumps(statement.to_json())
        """
        return {key: _thaw(getattr(self, name)) for name, key in _KEYS.items() if getattr(self, name) is not None}


_KEYS = {
    "sid": "Sid",
    "effect": "Effect",
    "principal": "Principal",
    "not_principal": "NotPrincipal",
    "action": "Action",
    "not_action": "NotAction",
    "resource": "Resource",
    "not_resource": "NotResource",
    "condition": "Condition",
}


@dataclass(frozen=True)
class PolicyDocument:
    """An IAM policy: a version, an optional id, and statements.

    ``version=None`` models a policy written without ``Version`` (IAM then treats policy variables as literal
    text); the default is the current ``2012-10-17``.

    Example::

        doc = PolicyDocument.from_json(json.load(open("s3-policy.json")))
        doc.to_json_string(indent=2)
    """

    statements: tuple[Statement, ...] = ()
    version: str | None = VERSION
    id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "statements", tuple(self.statements))
        if self.version is not None and self.version not in _VERSIONS:
            raise ValidationError("Version", self.version, f"must be one of {', '.join(_VERSIONS)}")
        for statement in self.statements:
            if not isinstance(statement, Statement):
                raise ValidationError("Statement", statement, "must be a Statement")

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> PolicyDocument:
        """A policy from its JSON form: a dict, or a JSON string.

        Example::

            PolicyDocument.from_json('{"Version": "2012-10-17", "Statement": []}')
        """
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as err:
                raise ValidationError("policy", data[:80], f"must be valid JSON ({err.msg})") from None
        if not isinstance(data, Mapping):
            raise ValidationError("policy", data, "must be a JSON object")
        unknown = set(data) - {"Version", "Id", "Statement"}
        if unknown:
            raise ValidationError("policy", sorted(unknown), "must only use the keys Version, Id, Statement")
        statements = data.get("Statement", [])
        if isinstance(statements, Mapping):
            statements = [statements]
        return cls(
            statements=tuple(Statement.from_json(s) for s in statements),
            version=data.get("Version"),
            id=data.get("Id"),
        )

    def to_json(self) -> dict[str, Any]:
        """The policy as a JSON dict with keys in canonical order.

        Example::

            aws_iam.PolicyDocument.from_json(doc.to_json())
        """
        out: dict[str, Any] = {}
        if self.version is not None:
            out["Version"] = self.version
        if self.id is not None:
            out["Id"] = self.id
        out["Statement"] = [s.to_json() for s in self.statements]
        return out

    def to_json_string(self, *, indent: int | None = 2) -> str:
        """The policy as JSON text, ready for ``file://policy.json`` in the AWS CLI.

        Example::

            pathlib.Path("trust-policy.json").write_text(doc.to_json_string())
        """
        separators = (",", ":") if indent is None else None
        return json.dumps(self.to_json(), indent=indent, separators=separators, ensure_ascii=False)
