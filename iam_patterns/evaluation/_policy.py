"""Policies compiled once into statements whose ``applies(request)`` runs in a few hundred nanoseconds.

A policy is a JSON dict or a :class:`~iam_patterns.policy.PolicyDocument`. Each is compiled on first use and
cached by identity, so reusing the same object across requests costs one dictionary lookup. A dict is taken
as it was when first evaluated: don't mutate it afterwards (pass a fresh dict, or a PolicyDocument).

Matching (IAM User Guide, "IAM JSON policy elements"): actions are case-insensitive with ``*``/``?``;
resources are case-sensitive, with wildcards inside ARN segments; policy variables are substituted in
Resource/NotResource and condition values under Version 2012-10-17 only. A role ARN in a Principal element
matches the role and its sessions (by account and name: a session ARN carries no path); an account id or
``arn:...:root`` matches every principal of that account; ``*`` matches everyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..errors import ValidationError
from ..policy import PolicyDocument
from ._conditions import compile_condition
from ._glob import PLAIN, RESOURCE, compile_patterns, tokens
from ._variables import parse, resolve_tokens
from ._principals import DIRECT, PRINCIPAL_KINDS, account_token, role_token, root_token, typed_token

__all__ = ["CompiledPolicy", "CompiledStatement", "compiled"]

VARIABLES_VERSION = "2012-10-17"
_VERSIONS = (VARIABLES_VERSION, "2008-10-17")
_STATEMENT_KEYS = frozenset(
    ("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition")
)
_ACCOUNT_ID = re.compile(r"\d{12}")


class CompiledStatement:
    """One statement: its effect, Sid, position, and ``applies(request) -> int``.

    ``applies`` returns 0 when the statement does not apply, else how strongly its Principal element names
    the caller (``ACCOUNT`` / ``ROLE`` / ``DIRECT`` of ``_principals``; ``DIRECT`` when it has no Principal element).
    """

    __slots__ = ("applies", "deny", "index", "sid")

    def __init__(self, applies: Callable[[Any], int], deny: bool, index: int, sid: str | None) -> None:
        self.applies = applies
        self.deny = deny
        self.index = index
        self.sid = sid


class CompiledPolicy:
    """A policy's compiled statements, and whether any of them names a principal."""

    __slots__ = ("statements", "with_principal", "without_principal")

    def __init__(self, statements: tuple[CompiledStatement, ...], with_principal: int, without_principal: int):
        self.statements = statements
        self.with_principal = with_principal
        self.without_principal = without_principal


def _strings(parameter: str, value: Any) -> list[str]:
    values = [value] if isinstance(value, str) else value if isinstance(value, (list, tuple)) else None
    if not values or not all(isinstance(v, str) and v for v in values):
        raise ValidationError(parameter, value, "must be a non-empty string or list of strings")
    return list(values)


def _action_matcher(parameter: str, value: Any) -> Callable[[str], object]:
    actions = _strings(parameter, value)
    if "*" in actions:
        return _always
    return compile_patterns(PLAIN, (tokens(a.lower()) for a in actions))


def _always(value: Any) -> bool:
    return True


def _resource_matcher(parameter: str, value: Any, variables: bool) -> tuple[Callable[[str], object] | None,
                                                                           Callable[[Any], object] | None]:
    """A matcher of the request's resource ARN, or (with policy variables) of the request itself."""
    patterns = _strings(parameter, value)
    if "*" in patterns:
        return _always, None
    templates = [parse(p) if variables else None for p in patterns]
    if not any(templates):
        return compile_patterns(RESOURCE, (tokens(p) for p in patterns)), None
    fixed = [tokens(p) for p, t in zip(patterns, templates) if t is None]
    dynamic = [t for t in templates if t is not None]

    def per_request(request: Any) -> object:
        resolved = [r for r in (resolve_tokens(t, request._ctx) for t in dynamic) if r is not None]
        return compile_patterns(RESOURCE, fixed + resolved)(request.resource)

    return None, per_request


def _principal_token(kind: str, value: str) -> str:
    if kind != "AWS":
        return typed_token(kind, value)
    if value == "*":
        return "*"
    if _ACCOUNT_ID.fullmatch(value):
        return account_token(value)
    parts = value.split(":", 5)
    if len(parts) == 6 and parts[0] == "arn" and parts[2] == "iam":
        if parts[5] == "root":
            return root_token(parts[1], parts[4])
        if parts[5].startswith("role/"):
            return role_token(parts[1], parts[4], parts[5].rsplit("/", 1)[-1])
    return value  # users, sessions, federated users: the exact ARN (IAM allows no partial wildcards here)


def _principal_names(parameter: str, value: Any) -> frozenset[str]:
    if value == "*":
        return frozenset(("*",))
    if not isinstance(value, Mapping) or not value:
        raise ValidationError(parameter, value, "must be '*' or a mapping such as {'AWS': ARN}")
    names = set()
    for kind, values in value.items():
        if kind != "AWS" and kind not in PRINCIPAL_KINDS:
            raise ValidationError(parameter, kind, "must use the principal types AWS, Service, Federated, CanonicalUser")
        names.update(_principal_token(kind, v) for v in _strings(f"{parameter}.{kind}", values))
    return frozenset(names)


def _principal_matcher(statement: Mapping[str, Any]) -> Callable[[Any], int] | None:
    if "Principal" in statement:
        names = _principal_names("Principal", statement["Principal"])
        if len(names) == 1:
            (name,) = names
            return lambda request: request._who.names.get(name, 0)

        def strongest(request: Any) -> int:
            known = request._who.names
            return max((known.get(n, 0) for n in names), default=0)

        return strongest
    if "NotPrincipal" in statement:
        excluded = _principal_names("NotPrincipal", statement["NotPrincipal"])
        # AWS may check the account, then the role, then the session: each must be listed to be left out.
        return lambda request: DIRECT if any(link.isdisjoint(excluded) for link in request._who.chain) else 0
    return None


def _compile_statement(statement: Any, index: int, variables: bool) -> tuple[CompiledStatement, bool]:
    if not isinstance(statement, Mapping):
        raise ValidationError("Statement", statement, "must be a JSON object")
    unknown = set(statement) - _STATEMENT_KEYS
    if unknown:
        raise ValidationError("Statement", sorted(unknown), f"must only use the keys {', '.join(sorted(_STATEMENT_KEYS))}")
    effect = statement.get("Effect")
    if effect not in ("Allow", "Deny"):
        raise ValidationError("Effect", effect, "must be 'Allow' or 'Deny'")
    for first, second in (("Action", "NotAction"), ("Resource", "NotResource"), ("Principal", "NotPrincipal")):
        if first in statement and second in statement:
            raise ValidationError(second, statement[second], f"cannot be given together with {first}")
    if ("Action" in statement) == ("NotAction" in statement):
        raise ValidationError("Action", statement.get("Action"), "must be given, or NotAction instead")
    not_action = "NotAction" in statement
    action = _action_matcher("NotAction" if not_action else "Action", statement.get("NotAction", statement.get("Action")))
    not_resource = "NotResource" in statement
    resource = resource_per_request = None
    if not_resource or "Resource" in statement:
        key = "NotResource" if not_resource else "Resource"
        resource, resource_per_request = _resource_matcher(key, statement[key], variables)
    principal = _principal_matcher(statement)
    tests = compile_condition(statement["Condition"], variables=variables) if "Condition" in statement else ()
    # "(not match) is wanted" rejects: for Action/Resource a miss, for NotAction/NotResource a match.
    action_wanted, resource_wanted = not not_action, not not_resource

    def applies(request: Any) -> int:
        if (not action(request._action)) is action_wanted:
            return 0
        if resource is not None and (not resource(request.resource)) is resource_wanted:
            return 0
        if resource_per_request is not None and (not resource_per_request(request)) is resource_wanted:
            return 0
        kind = DIRECT if principal is None else principal(request)
        if not kind:
            return 0
        for test in tests:
            if not test(request):
                return 0
        return kind

    sid = statement.get("Sid")
    return CompiledStatement(applies, effect == "Deny", index, sid if isinstance(sid, str) else None), principal is not None


def _compile(policy: Any) -> CompiledPolicy:
    data = policy.to_json() if isinstance(policy, PolicyDocument) else policy
    if not isinstance(data, Mapping):
        raise ValidationError("policy", policy, "must be a JSON object (dict) or a PolicyDocument")
    unknown = set(data) - {"Version", "Id", "Statement"}
    if unknown:
        raise ValidationError("policy", sorted(unknown), "must only use the keys Version, Id, Statement")
    version = data.get("Version")
    if version is not None and version not in _VERSIONS:
        raise ValidationError("Version", version, f"must be one of {', '.join(_VERSIONS)}")
    statements = data.get("Statement", [])
    if isinstance(statements, Mapping):
        statements = [statements]
    if not isinstance(statements, (list, tuple)):
        raise ValidationError("Statement", statements, "must be a statement object or a list of them")
    compiled_statements = []
    with_principal = 0
    for index, statement in enumerate(statements):
        compiled_statement, named = _compile_statement(statement, index, version == VARIABLES_VERSION)
        compiled_statements.append(compiled_statement)
        with_principal += named
    return CompiledPolicy(tuple(compiled_statements), with_principal, len(compiled_statements) - with_principal)


_CACHE: dict[int, tuple[Any, CompiledPolicy]] = {}
_CACHE_LIMIT = 4096


def compiled(policy: Any) -> CompiledPolicy:
    """The compiled form of ``policy`` (a dict or PolicyDocument), compiled once and cached by identity.

    Example::

        compiled(policy).statements[0].applies(request)
    """
    entry = _CACHE.get(id(policy))
    if entry is not None and entry[0] is policy:
        return entry[1]
    result = _compile(policy)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[id(policy)] = (policy, result)  # holding the object keeps its id from being reused
    return result
