"""IAM's wildcard patterns (``*`` and ``?``) as compiled regular expressions, in the three flavours IAM uses.

- ``PLAIN`` (Action, ``StringLike``): ``*`` is any run of characters, ``?`` any one character.
- ``RESOURCE`` (the Resource element): wildcards stay inside one colon-separated ARN segment, except that a
  ``*`` which ends a segment may run past colons (IAM User Guide, "IAM JSON policy elements: Resource").
- ``ARN`` (``ArnLike`` / ``ArnEquals``): each of the six colon-separated ARN components is matched on its own;
  only the last component (the resource part) may contain colons (IAM User Guide, "Condition operators").

A pattern is a sequence of tokens: ``STAR``, ``QUESTION``, or a literal string (policy variables and the
special variables ``${*}``, ``${?}``, ``${$}`` become literal strings, so their characters never act as
wildcards).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Callable, Union

__all__ = ["ARN", "PLAIN", "QUESTION", "RESOURCE", "STAR", "Token", "compile_patterns", "tokens"]

PLAIN, RESOURCE, ARN = "plain", "resource", "arn"


class _Wildcard:
    """A wildcard token (hashed by identity, so it never equals the literal character it stands for)."""

    __slots__ = ("char",)

    def __init__(self, char: str) -> None:
        self.char = char

    def __repr__(self) -> str:
        return f"<wildcard {self.char}>"


STAR = _Wildcard("*")
QUESTION = _Wildcard("?")
Token = Union[str, _Wildcard]


def tokens(text: str) -> tuple[Token, ...]:
    """``text`` with ``*`` and ``?`` as wildcard tokens and every other run of characters as a literal."""
    out: list[Token] = []
    start = 0
    for i, char in enumerate(text):
        if char in "*?":
            if i > start:
                out.append(text[start:i])
            out.append(STAR if char == "*" else QUESTION)
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return tuple(out)


def _plain(pattern: Sequence[Token]) -> str:
    return "".join(".*" if t is STAR else "." if t is QUESTION else re.escape(t) for t in pattern)


def _resource(pattern: Sequence[Token]) -> str:
    parts = []
    for i, token in enumerate(pattern):
        if token is STAR:
            following = pattern[i + 1] if i + 1 < len(pattern) else None
            ends_segment = following is None or (isinstance(following, str) and following.startswith(":"))
            parts.append(".*" if ends_segment else "[^:]*")
        elif token is QUESTION:
            parts.append("[^:]")
        else:
            parts.append(re.escape(token))
    return "".join(parts)


def _arn(pattern: Sequence[Token]) -> str:
    last = min(sum(t.count(":") for t in pattern if isinstance(t, str)), 5)
    segment = 0
    parts = []
    for token in pattern:
        if token is STAR:
            parts.append(".*" if segment >= last else "[^:]*")
        elif token is QUESTION:
            parts.append("." if segment >= last else "[^:]")
        else:
            parts.append(re.escape(token))
            segment = min(segment + token.count(":"), 5)
    return "".join(parts)


_FLAVOURS = {PLAIN: _plain, RESOURCE: _resource, ARN: _arn}


@lru_cache(maxsize=4096)
def _compile(flavour: str, patterns: tuple[tuple[Token, ...], ...]) -> Callable[[str], object]:
    source = "|".join(f"(?:{_FLAVOURS[flavour](p)})" for p in patterns)
    return re.compile(source, re.DOTALL).fullmatch


def compile_patterns(flavour: str, patterns: Iterable[Sequence[Token]]) -> Callable[[str], object]:
    """One function that says (by the truth of its result) whether a string matches any of ``patterns``, whole.

    Patterns without wildcards are looked up in a set; the rest share one regular expression, compiled once
    per distinct pattern list.
    """
    exact = set()
    wild = []
    for pattern in patterns:
        if any(isinstance(t, _Wildcard) for t in pattern):
            wild.append(tuple(pattern))
        else:
            exact.add("".join(pattern))  # type: ignore[arg-type]
    frozen = frozenset(exact)
    if not wild:
        return frozen.__contains__
    match = _compile(flavour, tuple(wild))
    if not frozen:
        return match
    return lambda value: value in frozen or match(value)
