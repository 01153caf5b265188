"""Resolve the CloudFormation intrinsics that CDK writes into IAM properties, the way CloudFormation does.

Handles ``Ref``, ``Fn::GetAtt``, ``Fn::Join``, ``Fn::Sub``, ``Fn::Select`` and ``Fn::Split``; what a ``Ref`` or
``Fn::GetAtt`` means is the caller's (``ref(name)``, ``get_att(logical_id, attribute)``), so the same code
resolves a template against a deployed stack or against placeholders. Anything else raises ``Unresolvable``
rather than being compared half-resolved.

Kept small on purpose: when the shared template loader (``iam_patterns/evaluation/template.py``) lands, this
module gives way to it.

Example::

    resolve({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::b"]]},
            ref=lambda name: {"AWS::Partition": "aws"}[name], get_att=lambda lid, attr: "")
    # 'arn:aws:s3:::b'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["NO_VALUE", "Unresolvable", "resolve"]

NO_VALUE = object()
"""What ``ref("AWS::NoValue")`` returns: the property or list item is dropped, as CloudFormation drops it."""

_SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")


class Unresolvable(Exception):
    """A value uses an intrinsic, or names something, that cannot be resolved here."""


def resolve(value: Any, *, ref: Callable[[str], Any], get_att: Callable[[str, str], Any]) -> Any:
    """``value`` with every intrinsic function replaced by its value.

    Example::

        resolve({"Ref": "Bucket"}, ref={"Bucket": "my-bucket"}.__getitem__, get_att=...)   # 'my-bucket'
    """

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [item for item in map(walk, node) if item is not NO_VALUE]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, arg), = node.items()
            if key == "Ref":
                return ref(arg)
            if key == "Fn::GetAtt":
                logical_id, attribute = arg.split(".", 1) if isinstance(arg, str) else arg
                return get_att(logical_id, attribute)
            if key == "Fn::Join":
                separator, items = walk(arg)
                return separator.join(items)
            if key == "Fn::Select":
                index, items = walk(arg)
                return items[int(index)]
            if key == "Fn::Split":
                separator, text = walk(arg)
                return text.split(separator)
            if key == "Fn::Sub":
                return _sub(*(arg, {}) if isinstance(arg, str) else arg, walk=walk, ref=ref, get_att=get_att)
            if key.startswith("Fn::") or key == "Condition":
                raise Unresolvable(f"{key} is not supported here: {node}")
        return {k: v for k, v in ((k, walk(v)) for k, v in node.items()) if v is not NO_VALUE}

    return walk(value)


def _sub(text: str, variables: dict[str, Any], *, walk: Callable[[Any], Any], ref: Callable[[str], Any],
         get_att: Callable[[str, str], Any]) -> str:
    values = {name: walk(value) for name, value in variables.items()}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("!"):
            return "${" + name[1:] + "}"
        if name in values:
            return str(values[name])
        if "." in name:
            return str(get_att(*name.split(".", 1)))
        return str(ref(name))

    return _SUB_VARIABLE.sub(replace, text)
