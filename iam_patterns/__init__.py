"""iam_patterns: AWS CDK v2 constructs that build IAM roles the way AWS's guidance says, and prove it.

The pure core (``iam_patterns.policy`` and friends) never imports ``aws_cdk``. The constructs load lazily, on
first use of their name, so ``python -m iam_patterns ...`` and scripts that only need policy documents never
pay jsii's start-up.

Example::

    from iam_patterns import s3_prefix_access
    print(s3_prefix_access("my-app-uploads-prod", "reports/").to_json_string())
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import IamPatternsError, TemplateError, ValidationError
from .checks import check_template
from .evaluation import Decision, Request, Simulator, evaluate
from .policy import PolicyDocument, Statement, check_size, iam_size, s3_prefix_access

__version__ = "0.1.0"

# Public name -> module under iam_patterns.constructs that defines it; imported on first access.
_LAZY_CONSTRUCTS: dict[str, str] = {
    "IamPatternsChecks": "aspects",
    "acknowledge_check": "aspects",
    "to_cdk_document": "documents",
}

__all__ = [
    "Decision",
    "IamPatternsChecks",
    "IamPatternsError",
    "PolicyDocument",
    "Request",
    "Simulator",
    "Statement",
    "TemplateError",
    "ValidationError",
    "acknowledge_check",
    "check_size",
    "check_template",
    "evaluate",
    "iam_size",
    "s3_prefix_access",
    "to_cdk_document",
]


def __getattr__(name: str) -> Any:
    module = _LAZY_CONSTRUCTS.get(name)
    if module is None:
        raise AttributeError(f"module 'iam_patterns' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"iam_patterns.constructs.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY_CONSTRUCTS))
