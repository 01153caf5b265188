"""Checks: find dangerous IAM in any CloudFormation template, one check per module, findings never raised.

Each check module names what it looks for (``ID``, ``DESCRIPTION``, ``SOURCE``) and has a pure
``check(subject)`` that yields messages for one resource of a template (a :class:`Subject` and its policy
documents). The pack (:data:`PACK`) gives each check its severity and explanation; the runner
(:func:`check_template`, :func:`check_paths`) turns messages into :class:`Finding` objects. Pure Python: the
CDK integration lives in ``iam_patterns.constructs.aspects``. See docs/checks.md for every check.

Example::

    from iam_patterns.checks import check_template
    for finding in check_template(json.loads(Path("cdk.out/App.template.json").read_text())):
        print(finding.severity, finding.check, finding.resource, finding.message)
"""

from __future__ import annotations

from .finding import SEVERITIES, Finding, Severity
from .pack import PACK, Rule
from .runner import Acknowledged, Report, check_paths, check_template, rule_id, unchecked_stacks
from .subject import Holder, Policy, Subject, subjects

__all__ = [
    "PACK",
    "SEVERITIES",
    "Acknowledged",
    "Finding",
    "Holder",
    "Policy",
    "Report",
    "Rule",
    "Severity",
    "Subject",
    "check_paths",
    "check_template",
    "rule_id",
    "subjects",
    "unchecked_stacks",
]
