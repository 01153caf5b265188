"""Read a CloudFormation template file, JSON or YAML, into the JSON form that :func:`load_template` reads.

YAML templates may use CloudFormation's short-form tags (``!Ref``, ``!GetAtt``, ``!Sub``, ``!If``, ...); each
becomes its long JSON form (``{"Ref": ...}``, ``{"Fn::GetAtt": [...]}``, ...) as it is read, so the loader
sees one form only, and dates stay text, as CloudFormation reads them (see ``_cfn_yaml``).

A key given twice in one object (two ``Effect`` keys in a statement, two resources with one logical id) is
refused, in JSON and YAML alike, as cfn-lint refuses it: a JSON or YAML reader keeps one of the two values
(the last, here), so what the kit would judge could differ from what a reader of the file sees. YAML's merge
keys (``<<: *defaults``) may still be overridden by the mapping's own keys: that is what they are for.

Example::

    template = load_template(read_template_file("template.yaml"), account="111122223333")
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import TemplateError

__all__ = ["TEMPLATE_SUFFIXES", "read_template_file"]

TEMPLATE_SUFFIXES = (".json", ".yaml", ".yml", ".template")
"""The file names a folder of templates is read for."""

# A JSON string, or one of the characters that open, close or separate objects and arrays.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]')


class _DuplicateKey(Exception):
    """Raised while parsing JSON when an object has a key twice; where it is is found afterwards."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The object of ``pairs``, refusing a key given twice (json's ``object_pairs_hook``)."""
    mapping = dict(pairs)
    if len(mapping) < len(pairs):
        raise _DuplicateKey
    return mapping


def _json_duplicate(text: str) -> tuple[str, int, int]:
    """The first key given twice in one object of the JSON ``text``: the key, and the offsets of its first and
    second occurrences. Only called once the parser found one, so ``text`` is valid JSON up to it."""
    objects: list[dict[str, int]] = []  # per open object or array: an object's keys and their offsets
    offset, string = 0, '""'  # the last string and where it starts: before a ":", a key
    for token in _JSON_TOKEN.finditer(text):
        mark = token.group()
        if mark in ("{", "["):
            objects.append({})
        elif mark in ("}", "]"):
            objects.pop()
        elif mark == ":":
            key, keys = json.loads(string), objects[-1]
            if key in keys:
                return key, keys[key], offset
            keys[key] = offset
        else:
            offset, string = token.start(), mark
    raise AssertionError("the parser found a duplicate key that the scan did not")


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _duplicate_key(path: Path, key: Any, at: tuple[int, int], first: tuple[int, int]) -> TemplateError:
    return TemplateError(
        f"cannot read {path}: duplicate key {key!r} at line {at[0]}, column {at[1]} (first at line {first[0]}, "
        f"column {first[1]}): a key may appear once in an object, else which of its values counts is undefined"
    )


def read_template_file(path: str | Path) -> Any:
    """The parsed content of a template (or policy) file: JSON for ``.json``, JSON or YAML for any other name.

    Raises :class:`~iam_patterns.errors.TemplateError` with a one-line message naming the path when the file
    cannot be read or parsed. Whether the content is a template is :func:`load_template`'s question.

    Example::

        read_template_file("cdk.out/App.template.json")["Resources"]
        read_template_file("template.yaml")   # {"Resources": {"Role": {... {"Fn::GetAtt": ["Bucket", "Arn"]} ...}}}
    """
    path = Path(path)
    try:
        text = path.read_text()
    except OSError as err:
        raise TemplateError(f"cannot read {path}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise TemplateError(f"cannot read {path}: not a text file ({err})") from None
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey:
        key, first, second = _json_duplicate(text)
        raise _duplicate_key(path, key, _line_column(text, second), _line_column(text, first)) from None
    except json.JSONDecodeError as err:
        if path.suffix.lower() == ".json":
            raise TemplateError(f"cannot read {path}: not a JSON file ({err})") from None
    from . import _cfn_yaml  # PyYAML, only for the files that need it

    try:
        return _cfn_yaml.parse(text)
    except _cfn_yaml.DuplicateKeyError as err:
        raise _duplicate_key(path, err.key, _cfn_yaml.line_column(err.problem_mark),
                             _cfn_yaml.line_column(err.context_mark)) from None
    except _cfn_yaml.YAMLError as err:
        raise TemplateError(f"cannot read {path}: neither JSON nor YAML ({_cfn_yaml.problem(err)})") from None
