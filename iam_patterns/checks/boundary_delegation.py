"""``boundary-delegation``: a policy that lets its holder create principals without the permissions boundary, or
with a boundary of its choosing, or remove or rewrite the boundary.

Delegating role creation is safe only when every new role must carry the boundary (``iam:CreateRole`` allowed only
with an ``iam:PermissionsBoundary`` condition naming it, or allowed and denied unless the boundary is the one a
negated test names: ``StringNotEquals`` or ``ArnNotEquals``, as AWS's examples often write it), the boundary cannot
be removed (``iam:DeleteRolePermissionsBoundary``) and its policy cannot be edited (``iam:CreatePolicyVersion`` and
friends on the boundary's ARN). The boundaries are those the policy names by a positive test on
``iam:PermissionsBoundary`` in any statement, or by a negated test in a Deny (a ``Null`` test names none); a ``*``
partition or account in such an ARN stands for the holder's own. A boundary named with a wildcard after the account
(``StringLike`` or ``ArnLike`` ``.../policy/team-*``, or a Deny with ``StringNotLike``) is a pattern: if the holder
may create a role or user with a boundary it matches that the holder can write itself (``iam:CreatePolicy``,
``iam:CreatePolicyVersion`` or ``iam:SetDefaultPolicyVersion`` allowed by any of the holder's policies, under its
boundary), the holder sets its own ceiling; if it matches only policies others write, it still admits more than
one boundary, which AWS's delegation example never does (it pins one ARN, and denies edits of that ARN), and that
is reported too. The evaluator answers each question against the policy, its Deny statements included, and, for a
policy the template attaches to principals, under each principal's own permissions boundary when the template
defines it (a group stands for its users, by their ``Groups`` or an ``AWS::IAM::UserToGroupAddition``): an
escalation that every holder's boundary denies is not reported. A policy attached to no principal of the template,
to a group with no user in the template, or to a principal with no boundary (or a boundary the template does not
hold) is judged alone. Policies with ``Action: "*"`` or ``iam:*`` are left to those checks. Each question is asked
of a resource of the type the action acts on (the catalogue's resource types: ``iam:CreateUser`` of a user), so a
message never names a role for a user action.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..policy.actions import BOUNDARY_POLICY_EDITS, BOUNDARY_PUTS, BOUNDARY_REMOVAL, ENTITY_CREATION
from ..policy.keys import PERMISSIONS_BOUNDARY
from ._probe import candidate_resources, concrete, identity_allows
from ._statements import action_matches, allows, statements, tests, values
from .subject import IDENTITY, Holder, Subject

ID = "boundary-delegation"
DESCRIPTION = ("Role or user creation allowed without the permissions boundary or with one the holder chooses, or "
               "the boundary removable or editable")
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html"
_COVERED_ELSEWHERE = ("*", "*:*", "iam:*")
_POLICY_WRITES = ("iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion")
"""How a holder gives a managed policy the permissions it wants: create it, add a version (made the default), or
make an older version the default."""


def _named(document: Any, action: str) -> bool:
    """Whether an Allow of the policy names ``action`` with something narrower than ``*`` or ``iam:*``."""
    return any(allows(s) and any(action_matches(a, action) for a in values(s.get("Action"))
                                 if a.lower() not in _COVERED_ELSEWHERE)
               for _, s in statements(document))


def _boundary_arns(pattern: str, account: str, partition: str) -> tuple[str, str]:
    """Two boundary ARNs that ``pattern`` matches, its wildcards made concrete in two ways: the same ARN twice when
    it names one policy. A ``*`` partition or account is the holder's own (a boundary is a policy of the holder's
    account, or an AWS managed one)."""
    parts = pattern.split(":", 5)
    if len(parts) == 6 and parts[0] == "arn":
        parts[1] = partition if parts[1] == "*" else parts[1]
        parts[4] = account if parts[4] == "*" else parts[4]
    text = ":".join(parts)
    return concrete(text), text.replace("*", "other").replace("?", "y")


def _boundaries(document: Any, account: str, partition: str) -> dict[str, tuple[str, str]]:
    """The boundaries the policy names, as written, each with two ARNs it matches (:func:`_boundary_arns`): by a
    positive test on ``iam:PermissionsBoundary`` (allow only with this boundary), or by a negated one in a Deny
    (deny unless this boundary)."""
    key = PERMISSIONS_BOUNDARY.lower()
    return {v: _boundary_arns(v, account, partition) for _, s in statements(document) for t in tests(s)
            if t.key == key and (t.narrows or s.get("Effect") == "Deny" and t.base != "null") for v in t.values}


def check(subject: Subject) -> Iterator[str]:
    """Messages for each way an identity-based policy lets its holder escape the boundary.

    Example::

        list(check(subject))   # ["Delegate allows iam:CreateRole on ... without a permissions boundary ..."]
    """
    who = dict(account=subject.account, partition=subject.partition)
    admin = f"arn:{subject.partition}:iam::aws:policy/AdministratorAccess"
    for policy in subject.policies:
        if policy.kind != IDENTITY:
            continue
        document = policy.document
        everyone = policy.holders or (Holder(None, (document,)),)
        named = _boundaries(document, **who)
        exact = list(dict.fromkeys(one for one, other in named.values() if one == other))
        patterns = {pattern: arns for pattern, arns in named.items() if arns[0] != arns[1]}

        def allowed(action: str, resource: str, context: dict[str, str], holders: tuple[Holder, ...] = everyone
                    ) -> bool:
            """Allowed by the policy to one of ``holders``, under that holder's boundary (alone if none)."""
            return any(identity_allows((document,), action, resource, context, boundary=holder.boundary, **who)
                       for holder in holders)

        def probe(action: str, context: dict[str, str], holders: tuple[Holder, ...] = everyone) -> str | None:
            return next((r for r in candidate_resources(document, action, **who)
                         if allowed(action, r, context, holders)), None)

        def minted(action: str) -> tuple[str, str, str] | None:
            """``(resource, boundary, write)``: ``action`` allowed with a boundary, other than one the policy names
            exactly, that a holder may write (``write`` on it) with all its policies, under its own boundary."""
            for holder in everyone:
                candidates = [one for one, _ in patterns.values()] + [
                    r for d in holder.policies for w in _POLICY_WRITES for r in candidate_resources(d, w, **who)]
                for boundary in dict.fromkeys(b for b in candidates if b not in exact):
                    write = next((w for w in _POLICY_WRITES if identity_allows(
                        holder.policies, w, boundary, {}, boundary=holder.boundary, **who)), None)
                    resource = write and probe(action, {PERMISSIONS_BOUNDARY: boundary}, (holder,))
                    if resource:
                        return resource, boundary, write
            return None

        def admitted(action: str) -> tuple[str, str] | None:
            """``(resource, pattern)``: ``action`` allowed with either of two boundaries a pattern of the policy
            admits."""
            for pattern, (one, other) in patterns.items():
                resource = probe(action, {PERMISSIONS_BOUNDARY: one})
                if resource and probe(action, {PERMISSIONS_BOUNDARY: other}):
                    return resource, pattern
            return None

        for action in ENTITY_CREATION + BOUNDARY_PUTS:
            if not _named(document, action):
                continue
            resource = probe(action, {}) if action in ENTITY_CREATION else None
            if resource:
                yield (f"{policy.name} allows {action} on {resource} without a permissions boundary: require one "
                       f"with a condition on {PERMISSIONS_BOUNDARY}")
                continue
            resource = probe(action, {PERMISSIONS_BOUNDARY: admin})
            if resource:
                yield (f"{policy.name} allows {action} on {resource} with any boundary, AdministratorAccess "
                       f"included: pin {PERMISSIONS_BOUNDARY} to the boundary's ARN (StringEquals in the Allow, or "
                       f"a Deny with StringNotEquals)")
                continue
            mint = minted(action)
            if mint:
                resource, boundary, write = mint
                yield (f"{policy.name} allows {action} on {resource} with the boundary {boundary}, a policy the "
                       f"holder can write itself ({write}): the holder sets its own ceiling; pin "
                       f"{PERMISSIONS_BOUNDARY} to one boundary's exact ARN and deny edits of that policy")
                continue
            admits = admitted(action)
            if admits:
                resource, pattern = admits
                yield (f"{policy.name} allows {action} on {resource} with any boundary that matches {pattern}: "
                       f"every policy that matches it, now or later, is a ceiling the holder may pick; pin "
                       f"{PERMISSIONS_BOUNDARY} to one boundary's exact ARN")
        for action in BOUNDARY_REMOVAL:
            resource = probe(action, {}) if _named(document, action) else None
            if resource:
                yield f"{policy.name} allows {action} on {resource}: the holder can remove the permissions boundary"
        for boundary in exact:
            for action in BOUNDARY_POLICY_EDITS:
                if _named(document, action) and allowed(action, boundary, {}):
                    yield (f"{policy.name} allows {action} on the boundary policy {boundary}: the holder can "
                           f"rewrite its own ceiling; deny edits of the boundary")
