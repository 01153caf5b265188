"""Policy variables: ``${aws:username}``, ``${aws:PrincipalTag/team, 'default'}``, ``${*}``, ``${?}``, ``${$}``.

IAM substitutes them only in policies whose ``Version`` is ``2012-10-17``; under ``2008-10-17`` (or with no
Version) they are literal text. A variable whose key is missing from the request, or names a multivalued key,
has no value: the pattern that holds it matches nothing (IAM User Guide, "Policy variables with no value").
A substituted value is literal: its ``*`` and ``?`` never act as wildcards.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

from ._glob import Token, tokens

__all__ = ["Literal", "Variable", "parse", "resolve_text", "resolve_tokens"]

_REFERENCE = re.compile(r"\$\{([^}]*)\}")
_NAME = re.compile(r"\s*([^\s,']+)\s*(?:,\s*'([^']*)'\s*)?")
_SPECIAL = {"*": "*", "?": "?", "$": "$"}


@dataclass(frozen=True)
class Literal:
    """Text that came from ``${*}``, ``${?}`` or ``${$}``: never a wildcard."""

    text: str


@dataclass(frozen=True)
class Variable:
    """A reference to a request-context key (lower-cased), with the default IAM uses when it is missing."""

    key: str
    default: str | None


Part = Union[str, Literal, Variable]


def parse(text: str) -> tuple[Part, ...] | None:
    """``text`` split into raw text, literals and variables; ``None`` when it holds no variable at all.

    Example::

        parse("home/${aws:username}/*")   # ("home/", Variable("aws:username", None), "/*")
    """
    if "${" not in text:
        return None
    parts: list[Part] = []
    start = 0
    for match in _REFERENCE.finditer(text):
        inner = match.group(1)
        if inner in _SPECIAL:
            part: Part = Literal(_SPECIAL[inner])
        else:
            name = _NAME.fullmatch(inner)
            if name is None:
                continue  # not a variable IAM would recognise: keep it as text
            part = Variable(name.group(1).lower(), name.group(2))
        if match.start() > start:
            parts.append(text[start:match.start()])
        parts.append(part)
        start = match.end()
    if not parts:
        return None
    if start < len(text):
        parts.append(text[start:])
    return tuple(parts)


def _value(variable: Variable, context: Mapping[str, Any]) -> str | None:
    value = context.get(variable.key)
    if value is None or not isinstance(value, str):  # missing, or multivalued: no value
        return variable.default
    return value


def _resolve(parts: tuple[Part, ...], context: Mapping[str, Any], wildcards: bool) -> list[Token] | None:
    out: list[Token] = []
    for part in parts:
        if isinstance(part, Variable):
            value = _value(part, context)
            if value is None:
                return None
            out.append(value)
        elif isinstance(part, Literal):
            out.append(part.text)
        else:
            out.extend(tokens(part) if wildcards else (part,))
    return out


def resolve_text(parts: tuple[Part, ...], context: Mapping[str, Any]) -> str | None:
    """The text with every variable substituted, or ``None`` when a variable has no value."""
    resolved = _resolve(parts, context, wildcards=False)
    return None if resolved is None else "".join(resolved)  # type: ignore[arg-type]


def resolve_tokens(parts: tuple[Part, ...], context: Mapping[str, Any]) -> tuple[Token, ...] | None:
    """The wildcard pattern with every variable substituted as literal text, or ``None`` (no value)."""
    resolved = _resolve(parts, context, wildcards=True)
    return None if resolved is None else tuple(resolved)
