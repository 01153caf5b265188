"""The pack: which checks run, how severe each one's findings are, and why (cdk-nag's split of rule and pack).

A check module holds what it looks for (``ID``, ``DESCRIPTION``, ``SOURCE``, ``check(subject)``); the pack
adds the ``severity`` and the ``explanation``. ``PACK`` is the default pack every entry point runs; a caller
can pass another tuple of :class:`Rule` (for example ``PACK`` without a rule, or with a severity changed).

Example::

    from iam_patterns.checks import PACK, Rule
    strict = tuple(Rule(r.module, "error", r.explanation) if r.severity == "warning" else r for r in PACK)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

from . import (
    action_star,
    allow_by_exclusion,
    aws_managed_admin_policy,
    boundary_delegation,
    cognito_trust_without_aud,
    confused_deputy,
    cross_account_trust_unconditioned,
    iam_star,
    literal_policy_variable,
    missing_version,
    oidc_forallvalues_claim,
    oidc_sub_wildcard,
    oidc_trust_without_sub,
    passrole_any_role,
    policy_too_large,
    resource_policy_open_to_everyone,
    service_wide_action,
    trust_open_to_everyone,
    unknown_action,
)
from .finding import Severity
from .subject import Subject

__all__ = ["PACK", "Rule"]


@dataclass(frozen=True)
class Rule:
    """A check module in a pack, with the severity of its findings and the explanation shown with them.

    Example::

        Rule(oidc_trust_without_sub, "error", "Any repository on GitHub could deploy to this account.")
    """

    module: ModuleType
    severity: Severity
    explanation: str

    @property
    def id(self) -> str:
        """The check's id (``oidc-trust-without-sub``)."""
        return self.module.ID

    @property
    def description(self) -> str:
        """One line saying what the check looks for."""
        return self.module.DESCRIPTION

    @property
    def source(self) -> str:
        """A public page that explains the problem: the findings' docs link."""
        return self.module.SOURCE

    def run(self, subject: Subject) -> Iterator[str]:
        """The check's messages for one subject."""
        return self.module.check(subject)


PACK: tuple[Rule, ...] = (
    Rule(oidc_trust_without_sub, "error",
         "Any GitHub repository (or any service account of the cluster) can obtain a token this trust accepts."),
    Rule(oidc_sub_wildcard, "error",
         "The wildcard stands where the owner or repository name goes, so repositories you do not own match."),
    Rule(oidc_forallvalues_claim, "error",
         "ForAllValues: in an Allow is true when the claim is missing, so tokens without it are let in."),
    Rule(cognito_trust_without_aud, "error",
         "A token of any identity pool, in any account, is accepted: a stranger's users get this role."),
    Rule(trust_open_to_everyone, "error",
         "Principals of any AWS account can assume the role; an ExternalId alone is not a secret."),
    Rule(resource_policy_open_to_everyone, "error",
         "The bucket, queue, topic or key grants its actions to anyone with an AWS account (or none)."),
    Rule(allow_by_exclusion, "error",
         "An Allow that lists what it excludes grants everything else, including what AWS adds later."),
    Rule(action_star, "error", "Every action of every service, IAM included: administrator access."),
    Rule(iam_star, "error", "All of IAM is enough to grant oneself anything else."),
    Rule(passrole_any_role, "error",
         "Passing any role to a service runs code with that role's permissions, the most powerful included."),
    Rule(service_wide_action, "warning",
         "A whole service's actions include destructive and permission-changing ones the workload never uses."),
    Rule(aws_managed_admin_policy, "error",
         "AWS managed administrator policies grant far more than a workload needs and can grow without notice."),
    Rule(boundary_delegation, "error",
         "A delegated administrator who can create principals without the boundary, or change it, has no ceiling."),
    Rule(confused_deputy, "warning",
         "Without a source condition, another customer can make the service act with this role."),
    Rule(cross_account_trust_unconditioned, "warning",
         "Every principal the other account allows can assume the role; require ExternalId, MFA or the org."),
    Rule(unknown_action, "error",
         "IAM ignores an action that does not exist: an Allow silently grants less, a Deny silently protects less."),
    Rule(policy_too_large, "error", "CloudFormation will fail to create or update the policy."),
    Rule(missing_version, "warning", "Without Version 2012-10-17, policy variables and newer features do not work."),
    Rule(literal_policy_variable, "error",
         "The variable is compared as literal text, so the statement never matches what it was written for."),
)
"""The default pack: every check, with its severity."""
