"""The Condition element, compiled: one test per (operator, key), all of which must hold.

Semantics (IAM User Guide: "Condition operators", "Creating a condition with multiple keys or values",
"Single-valued vs. multivalued context keys", "Policy variables with no value"):

- Several operators, or several keys under one operator, are ANDed; several values for one key are ORed, and
  a negated operator (``StringNotEquals``, ``NotIpAddress``, ...) is true when the value matches none of them.
- A key missing from the request makes an operator false, and a negated operator true. ``...IfExists`` makes
  any operator true on a missing key. ``Null`` tests presence: ``true`` means missing.
- ``ForAllValues:`` is true when every request value matches (and when the key is missing or empty);
  ``ForAnyValue:`` when at least one does (false when missing or empty). Without one of them, an operator
  never matches a multivalued (list) context value: multivalued keys need a set operator.
- Key names are case-insensitive; string values are case-sensitive except for ``...IgnoreCase`` and ``Bool``.
- Policy variables are substituted (Version 2012-10-17) in String, Arn and Bool values; a value whose variable
  has no value matches nothing.

An operator IAM does not know, or a value an operator cannot read, raises ``ValidationError``.
"""

from __future__ import annotations

import ipaddress
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from ..errors import ValidationError
from ._glob import ARN, PLAIN, compile_patterns, tokens
from ._variables import parse, resolve_text, resolve_tokens

__all__ = ["compile_condition"]

Test = Callable[[Any], bool]  # takes a prepared Request
Positive = Callable[[str], object]  # does one request value match any of the policy's values? (by its truth)

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_EPOCH = re.compile(r"[+-]?\d+(\.\d+)?")
_COMPARE = {
    "equals": operator.eq,
    "lessthan": operator.lt,
    "lessthanequals": operator.le,
    "greaterthan": operator.gt,
    "greaterthanequals": operator.ge,
}


def _number(value: str) -> float | None:
    return float(value) if _NUMBER.fullmatch(value.strip()) else None


def _date(value: str) -> float | None:
    """Seconds since the epoch for an ISO 8601 (W3C profile) date or an epoch number; ``None`` if neither."""
    text = value.strip()
    if _EPOCH.fullmatch(text):
        return float(text)
    if re.fullmatch(r"\d{4}(-\d{2})?", text):  # W3C's year and year-month forms
        text = f"{text}-01-01"[:10] if len(text) == 4 else f"{text}-01"
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _ip_network(value: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        return None


def _parser(kind: str, parse_value: Callable[[str], Any]) -> Callable[[str, str, str], Any]:
    """A reader for ``kind`` values that raises a ValidationError naming where the bad value came from."""

    def read(value: str, where: str, op: str) -> Any:
        parsed = parse_value(value)
        if parsed is None:
            raise ValidationError(where, value, f"must be {kind} for {op}")
        return parsed

    return read


_read_number = _parser("a number", _number)
_read_date = _parser("an ISO 8601 date or epoch seconds", _date)
_read_network = _parser("an IPv4 or IPv6 address or CIDR range", _ip_network)


def _ordered(read: Callable[[str, str, str], Any], compare: Callable[[Any, Any], bool]) -> Callable[..., Positive]:
    def factory(values: Sequence[str], key: str, op: str) -> Positive:
        bounds = [read(v, f"Condition.{op}.{key}", op) for v in values]
        where = f"context[{key!r}]"
        return lambda value: any(compare(read(value, where, op), bound) for bound in bounds)

    return factory


def _string(values: Sequence[str], key: str, op: str) -> Positive:
    return frozenset(values).__contains__


def _string_ignore_case(values: Sequence[str], key: str, op: str) -> Positive:
    folded = frozenset(v.lower() for v in values)
    return lambda value: value.lower() in folded


def _bool(values: Sequence[str], key: str, op: str) -> Positive:
    folded = frozenset(v.lower() for v in values)
    return lambda value: value.lower() in folded


def _like(values: Sequence[Any], key: str, op: str) -> Positive:
    return compile_patterns(PLAIN, (tokens(v) if isinstance(v, str) else v for v in values))


def _arn(values: Sequence[Any], key: str, op: str) -> Positive:
    return compile_patterns(ARN, (tokens(v) if isinstance(v, str) else v for v in values))


def _ip(values: Sequence[str], key: str, op: str) -> Positive:
    networks = [_read_network(v, f"Condition.{op}.{key}", op) for v in values]
    where = f"context[{key!r}]"

    def positive(value: str) -> bool:
        try:
            address = ipaddress.ip_address(value.strip())
        except ValueError:
            raise ValidationError(where, value, f"must be an IPv4 or IPv6 address for {op}") from None
        return any(address in network for network in networks)

    return positive


# base operator (lower case) -> (matcher factory, negated, how policy variables resolve: None = not allowed)
_OPERATORS: dict[str, tuple[Callable[..., Positive], bool, str | None]] = {
    "stringequals": (_string, False, "text"),
    "stringnotequals": (_string, True, "text"),
    "stringequalsignorecase": (_string_ignore_case, False, "text"),
    "stringnotequalsignorecase": (_string_ignore_case, True, "text"),
    "stringlike": (_like, False, "tokens"),
    "stringnotlike": (_like, True, "tokens"),
    "bool": (_bool, False, "text"),
    "binaryequals": (_string, False, None),
    "ipaddress": (_ip, False, None),
    "notipaddress": (_ip, True, None),
    "arnequals": (_arn, False, "tokens"),
    "arnlike": (_arn, False, "tokens"),
    "arnnotequals": (_arn, True, "tokens"),
    "arnnotlike": (_arn, True, "tokens"),
}
for _suffix, _compare in _COMPARE.items():
    _OPERATORS[f"numeric{_suffix}"] = (_ordered(_read_number, _compare), False, None)
    _OPERATORS[f"date{_suffix}"] = (_ordered(_read_date, _compare), False, None)
_OPERATORS["numericnotequals"] = (_ordered(_read_number, operator.eq), True, None)
_OPERATORS["datenotequals"] = (_ordered(_read_date, operator.eq), True, None)

_KNOWN = "String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, NotIpAddress, Arn*, Null (with ...IfExists, " \
         "ForAllValues: or ForAnyValue:)"


def _scalar(op: str, key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise ValidationError(f"Condition.{op}.{key}", value, "must be a string, number or boolean, or a list of them")


def _values(op: str, key: str, raw: Any) -> list[str]:
    items = raw if isinstance(raw, (list, tuple)) else [raw]
    if not items:
        raise ValidationError(f"Condition.{op}.{key}", [], "must list at least one value")
    return [_scalar(op, key, v) for v in items]


def _null_test(key: str, values: list[str], op: str) -> Test:
    wanted = set()
    for value in values:
        if value.lower() not in ("true", "false"):
            raise ValidationError(f"Condition.{op}.{key}", value, "must be 'true' (key missing) or 'false' (present)")
        wanted.add(value.lower() == "true")
    return lambda request: (key not in request._ctx) in wanted


def _positive(factory: Callable[..., Positive], values: list[str], key: str, op: str, resolve: str | None,
              variables: bool) -> tuple[Positive | None, Callable[[Any], Positive] | None]:
    """The matcher, fixed at compile time, or a function building it per request when variables are used."""
    templates = [parse(v) if variables and resolve else None for v in values]
    if not any(templates):
        return factory(values, key, op), None
    resolver = resolve_tokens if resolve == "tokens" else resolve_text
    factory(values, key, op)  # refuse bad values now, not on the first request

    def per_request(request: Any) -> Positive:
        concrete = []
        for value, template in zip(values, templates):
            if template is None:
                concrete.append(value)
            else:
                resolved = resolver(template, request._ctx)
                if resolved is not None:  # a variable with no value matches nothing
                    concrete.append(resolved)
        return factory(concrete, key, op) if concrete else _matches_nothing

    return None, per_request


def _matches_nothing(value: str) -> bool:
    return False


def _test(key: str, qualifier: str | None, negated: bool, if_exists: bool, fixed: Positive | None,
          per_request: Callable[[Any], Positive] | None) -> Test:
    if qualifier is None:
        on_missing = if_exists or negated

        def single(request: Any) -> bool:
            value = request._ctx.get(key)
            if value is None:
                return on_missing
            if value.__class__ is not str:  # multivalued key without ForAllValues/ForAnyValue
                return False
            positive = fixed or per_request(request)  # type: ignore[misc]
            return (not positive(value)) is negated

        return single

    every = qualifier == "forallvalues"

    def each(request: Any) -> bool:
        value = request._ctx.get(key)
        if value is None:
            return every or if_exists
        values = (value,) if value.__class__ is str else value
        positive = fixed or per_request(request)  # type: ignore[misc]
        if every:
            return all((not positive(v)) is negated for v in values)
        return any((not positive(v)) is negated for v in values)

    return each


def compile_condition(block: Any, *, variables: bool) -> tuple[Test, ...]:
    """Tests for a statement's Condition element, all of which must hold; ``variables`` per the Version.

    Example::

        tests = compile_condition({"Bool": {"aws:MultiFactorAuthPresent": "true"}}, variables=True)
        all(test(request) for test in tests)
    """
    if not isinstance(block, Mapping):
        raise ValidationError("Condition", block, "must map each operator to {key: value}")
    out = []
    for op, entries in block.items():
        if not isinstance(op, str) or not isinstance(entries, Mapping) or not entries:
            raise ValidationError(f"Condition.{op}", entries, "must map condition keys to values")
        qualifier, _, base = op.rpartition(":")
        qualifier = qualifier.lower() or None
        base_lower = base.lower()
        if qualifier not in (None, "forallvalues", "foranyvalue"):
            raise ValidationError("Condition", op, f"must use an operator IAM knows: {_KNOWN}")
        if_exists = base_lower.endswith("ifexists") and base_lower != "ifexists"
        name = base_lower[: -len("ifexists")] if if_exists else base_lower
        for key, raw in entries.items():
            if not isinstance(key, str) or not key:
                raise ValidationError(f"Condition.{op}", key, "must use non-empty condition keys")
            values = _values(op, key, raw)
            if name == "null":
                if if_exists or qualifier:
                    raise ValidationError("Condition", op, "must be plain Null: it takes no IfExists or set operator")
                out.append(_null_test(key.lower(), values, op))
                continue
            spec = _OPERATORS.get(name)
            if spec is None:
                raise ValidationError("Condition", op, f"must use an operator IAM knows: {_KNOWN}")
            factory, negated, resolve = spec
            if name == "bool":
                for value in values:
                    if "${" not in value and value.lower() not in ("true", "false"):
                        raise ValidationError(f"Condition.{op}.{key}", value, "must be 'true' or 'false' for Bool")
            fixed, per_request = _positive(factory, values, key, op, resolve, variables)
            out.append(_test(key.lower(), qualifier, negated, if_exists, fixed, per_request))
    return tuple(out)
