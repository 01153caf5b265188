"""``Finding``: one problem a check found in one resource of a template.

Example::

    Finding("oidc-trust-without-sub", "error", "DeployRole2D5B9F0C",
            "statement 0 trusts token.actions.githubusercontent.com with no condition on its sub claim",
            "https://docs.github.com/...")
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["SEVERITIES", "Finding", "Severity"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""From most to least severe. An ``error`` fails ``iam-patterns check`` (exit 1) and a CDK synth."""


@dataclass(frozen=True)
class Finding:
    """What a check found: ``check`` id, ``severity``, ``resource`` (logical id), ``message``, ``docs`` link.

    ``template`` names the template file the resource is in, when the check ran over files; ``stack`` the stack's
    construct path in a cloud assembly (``Prod/Api``; ``Parent/Inner`` for a ``NestedStack``).

    Example::

        [f for f in check_template(template_dict) if f.severity == "error"]
    """

    check: str
    severity: Severity
    resource: str
    message: str
    docs: str
    template: str | None = None
    stack: str | None = None

    def to_json(self) -> dict[str, str]:
        """The finding as ``--format json`` writes it.

        Example::

            finding.to_json()   # {"check": ..., "severity": ..., "resource": ..., "message": ...}
        """
        out = {"check": self.check, "severity": self.severity, "resource": self.resource, "message": self.message}
        if self.template is not None:
            out["template"] = self.template
        if self.stack is not None:
            out["stack"] = self.stack
        return out
