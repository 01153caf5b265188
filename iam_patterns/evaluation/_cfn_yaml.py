"""CloudFormation's YAML: PyYAML's safe loader, with the short-form tags read as their long JSON forms.

``!Ref X`` becomes ``{"Ref": "X"}``, ``!GetAtt a.b`` ``{"Fn::GetAtt": ["a", "b"]}``, ``!Sub ...``
``{"Fn::Sub": ...}`` and so on; dates stay text, as CloudFormation reads them (``Version: 2012-10-17`` is the
policy language's version, not a date). A key given twice in one mapping raises :class:`DuplicateKeyError`
(PyYAML would keep the last value); a key brought in by a merge key (``<<: *defaults``) may be overridden.
Imported only when a YAML file is read, so importing the kit does not need PyYAML.

Example::

    parse("Resource: !GetAtt Bucket.Arn")   # {"Resource": {"Fn::GetAtt": ["Bucket", "Arn"]}}
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["DuplicateKeyError", "YAMLError", "cloudformation_loader", "line_column", "parse", "problem"]

YAMLError = yaml.YAMLError
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
# Short-form tag -> the key of its long form. Ref and Condition keep their names; the others are Fn:: functions.
_LONG_FORMS = {"Ref": "Ref", "Condition": "Condition"} | {
    name: f"Fn::{name}"
    for name in ("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs", "GetAtt", "If", "ImportValue", "Join",
                 "Not", "Or", "Select", "Split", "Sub", "Transform")
}


def _long_form(key: str, loader: Any, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if key == "Fn::GetAtt" and "." in value:
            value = value.split(".", 1)  # !GetAtt Resource.Attribute
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {key: value}


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping has ``key`` twice: first at ``context_mark``, again at ``problem_mark``.

    Example::

        parse("Effect: Deny\nEffect: Allow\n")   # DuplicateKeyError: found duplicate key 'Effect' ... line 2
    """

    def __init__(self, key: Any, first: yaml.Node, again: yaml.Node) -> None:
        super().__init__("while constructing a mapping", first.start_mark, f"found duplicate key {key!r}",
                         again.start_mark)
        self.key = key


def _refuse_duplicate_keys(loader: Any, node: yaml.MappingNode) -> None:
    """Raise ``DuplicateKeyError`` when ``node`` names a key twice (merge keys aside)."""
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE:
            continue
        key = loader.construct_object(key_node)  # constructed once: the loader keeps what it constructed
        try:
            first = seen.setdefault(key, key_node)
        except TypeError:  # an unhashable key: PyYAML's own constructor refuses it, with its place
            continue
        if first is not key_node:
            raise DuplicateKeyError(key, first, key_node)


def cloudformation_loader(safe_loader: type) -> type:
    """A subclass of PyYAML's ``safe_loader`` (``yaml.SafeLoader`` or ``yaml.CSafeLoader``) that reads
    CloudFormation's short-form tags as their long JSON forms, and dates as text.

    Example::

        yaml.load(text, Loader=cloudformation_loader(yaml.SafeLoader))
    """

    class CloudFormationLoader(safe_loader):
        """PyYAML's safe loader, with CloudFormation's short-form tags and dates read as CloudFormation reads them,
        and each key once per mapping."""

        def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
            if isinstance(node, yaml.MappingNode):
                _refuse_duplicate_keys(self, node)
            return super().construct_mapping(node, deep=deep)

    CloudFormationLoader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
        for first, resolvers in safe_loader.yaml_implicit_resolvers.items()
    }
    for tag, key in _LONG_FORMS.items():
        CloudFormationLoader.add_constructor(f"!{tag}", lambda loader, node, key=key: _long_form(key, loader, node))
    return CloudFormationLoader


# libyaml's parser under PyYAML's safe constructor when the wheel has it (it reads a 500-role template about four
# times faster), else the pure-Python SafeLoader: the same tags, types and dates either way.
_LOADER = cloudformation_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def parse(text: str) -> Any:
    """The YAML document ``text`` in the long JSON form; raises ``YAMLError`` when it cannot be parsed.

    Example::

        parse("Condition: !Equals [!Ref Env, prod]")   # {"Condition": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}}
    """
    return yaml.load(text, Loader=_LOADER)


def line_column(mark: Any) -> tuple[int, int]:
    """The line and column (from 1) of a PyYAML mark.

    Example::

        line_column(err.problem_mark)   # (3, 1)
    """
    return mark.line + 1, mark.column + 1


def problem(err: YAMLError) -> str:
    """A YAML error on one line: what is wrong, and where.

    Example::

        problem(err)   # "could not determine a constructor for the tag '!Foo' at line 2, column 9"
    """
    if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark is not None:
        line, column = line_column(err.problem_mark)
        return f"{err.problem} at line {line}, column {column}"
    return " ".join(str(err).split())
