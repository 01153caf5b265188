"""Read a CloudFormation template file, JSON or YAML, into the JSON form that :func:`load_template` reads.

YAML templates may use CloudFormation's short-form tags (``!Ref``, ``!GetAtt``, ``!Sub``, ``!If``, ...); each
becomes its long JSON form (``{"Ref": ...}``, ``{"Fn::GetAtt": [...]}``, ...) as it is read, so the loader
sees one form only, and dates stay text, as CloudFormation reads them (see ``_cfn_yaml``).

Example::

    template = load_template(read_template_file("template.yaml"), account="111122223333")
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import TemplateError

__all__ = ["TEMPLATE_SUFFIXES", "read_template_file"]

TEMPLATE_SUFFIXES = (".json", ".yaml", ".yml", ".template")
"""The file names a folder of templates is read for."""


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
        return json.loads(text)
    except json.JSONDecodeError as err:
        if path.suffix.lower() == ".json":
            raise TemplateError(f"cannot read {path}: not a JSON file ({err})") from None
    from . import _cfn_yaml  # PyYAML, only for the files that need it

    try:
        return _cfn_yaml.parse(text)
    except _cfn_yaml.YAMLError as err:
        raise TemplateError(f"cannot read {path}: neither JSON nor YAML ({_cfn_yaml.problem(err)})") from None
