"""``boundary-delegation``: a policy that lets its holder create principals without the permissions boundary, or
with a boundary of its choosing, or remove or rewrite the boundary.

Delegating role creation is safe only when every new role must carry the boundary (``iam:CreateRole`` allowed only
with an ``iam:PermissionsBoundary`` condition naming it, or allowed and denied unless the boundary is the one a
negated test names: ``StringNotEquals`` or ``ArnNotEquals``, as AWS's examples often write it), the boundary cannot
be removed (``iam:DeleteRolePermissionsBoundary``) and its policy cannot be edited (``iam:CreatePolicyVersion`` and
friends on the boundary's ARN). The boundaries are those the holder's policies name by a positive test on
``iam:PermissionsBoundary`` in any statement, or by a negated test in a Deny (a ``Null`` test names none); a ``*``
partition or account in such an ARN stands for the holder's own. A boundary named with a wildcard after the account
(``StringLike`` or ``ArnLike`` ``.../policy/team-*``, or a Deny with ``StringNotLike``) is a pattern: if the holder
may create a role or user with a boundary it matches that the holder can write itself (``iam:CreatePolicy``,
``iam:CreatePolicyVersion`` or ``iam:SetDefaultPolicyVersion``), the holder sets its own ceiling; if it matches only
policies others write, it still admits more than one boundary, which AWS's delegation example never does (it pins
one ARN, and denies edits of that ARN), and that is reported too.

A holder's own boundary (the ``PermissionsBoundary`` the template gives it, by an ARN it resolves) is asked about
whether or not a condition names it: a policy that lets the holder rewrite it (``iam:CreatePolicyVersion``,
``iam:SetDefaultPolicyVersion``; an AWS managed one cannot be) or remove or replace it on itself
(``iam:DeleteRolePermissionsBoundary``, or ``iam:PutRolePermissionsBoundary`` with AdministratorAccess or another
boundary named exactly, on its own ARN; the ``User`` ones for a user) is reported, asked as the holder itself,
unless a question above already reports the same action for the policy (for an edit: of the same boundary).

The evaluator answers each question as IAM decides it for each holder of the policy: with every identity-based
policy the template applies to the holder, its groups' included (a Deny in any of them wins), under the holder's own
permissions boundary when the template defines it. A group stands for its users (by their ``Groups`` or an
``AWS::IAM::UserToGroupAddition``). A finding is reported on the policy whose Allow grants the escalation, once
whichever holders it is granted to; an escalation that the Deny statements or the boundary of every holder deny is
not reported. An edit of a boundary that another of the holder's policies names is reported on the policy that
grants the edit, and its message names the policy that requires the boundary. A policy attached to no principal of
the template is judged alone; one attached to a group with no user in the template, with the group's policies; a
holder with no boundary (or a boundary the template does not hold), without one. Policies with ``Action: "*"`` or
``iam:*`` are left to those checks. Each question is asked of a resource of the type the action acts on (the
catalogue's resource types: ``iam:CreateUser`` of a user), so a message never names a role for a user action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

from ..policy.actions import BOUNDARY_POLICY_EDITS, BOUNDARY_PUTS, BOUNDARY_REMOVAL, ENTITY_CREATION
from ..policy.keys import PERMISSIONS_BOUNDARY
from ._probe import candidate_resources, concrete, identity_allows
from ._statements import action_matches, allows, statements, tests, values
from .subject import IDENTITY, Holder, Policy, Subject

_T = TypeVar("_T")

ID = "boundary-delegation"
DESCRIPTION = ("Role or user creation allowed without the permissions boundary or with one the holder chooses, or "
               "the boundary removable or editable")
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html"
_COVERED_ELSEWHERE = ("*", "*:*", "iam:*")
_REWRITES = ("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion")
"""How a holder changes what an existing managed policy allows: add a version (made the default), or make an older
version the default. ``iam:DeletePolicyVersion`` cannot delete the default version, and ``iam:DeletePolicy`` needs
the policy detached first (for a boundary: removed, which ``BOUNDARY_REMOVAL`` asks)."""
_POLICY_WRITES = ("iam:CreatePolicy", *_REWRITES)
"""How a holder gives a managed policy the permissions it wants: create it, or rewrite it."""


def _administrator_access(partition: str) -> str:
    """The AWS managed policy that allows everything: the boundary a holder that may pick any would pick."""
    return f"arn:{partition}:iam::aws:policy/AdministratorAccess"


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


@dataclass(frozen=True)
class _Holding:
    """The policy as one of its holders holds it: among all the holder's identity-based policies, under its
    boundary (a policy attached to no principal of the template: alone)."""

    document: Any
    holder: Holder
    account: str
    partition: str

    def _allows(self, documents: tuple[Any, ...], action: str, resource: str, context: dict[str, str],
                boundary: Any = None, principal: str | None = None) -> bool:
        return identity_allows(documents, action, resource, context, boundary=boundary, account=self.account,
                               partition=self.partition, principal=principal)

    def grants(self, action: str, resource: str, context: dict[str, str], principal: str | None = None) -> bool:
        """Whether an Allow of the policy grants the request and IAM allows it to the holder: all its policies
        (a Deny in any of them wins) under its boundary; asked by ``principal`` (an ARN) when given."""
        return (self._allows((self.document,), action, resource, context, principal=principal)
                and self._allows(self.holder.policies, action, resource, context, self.holder.boundary, principal))

    def probe(self, action: str, context: dict[str, str]) -> str | None:
        """The first resource the policy lists for ``action`` that it grants to the holder with ``context``."""
        return next((r for r in candidate_resources(self.document, action, account=self.account,
                                                    partition=self.partition)
                     if self.grants(action, r, context)), None)

    @cached_property
    def exact(self) -> dict[str, str | None]:
        """Each boundary the holder's policies name exactly, with the name of the first that names it (``None``
        when the policy itself does)."""
        out: dict[str, str | None] = {}
        for name, document in ((None, self.document), *zip(self.holder.names, self.holder.policies)):
            for one, other in _boundaries(document, self.account, self.partition).values():
                if one == other:
                    out.setdefault(one, name)
        return out

    @cached_property
    def patterns(self) -> dict[str, tuple[str, str]]:
        """Each boundary pattern the holder's policies name, with two ARNs it matches."""
        return {pattern: arns for document in self.holder.policies
                for pattern, arns in _boundaries(document, self.account, self.partition).items() if arns[0] != arns[1]}

    def writes(self, policy_arn: str) -> str | None:
        """The first of :data:`_POLICY_WRITES` the holder may do on ``policy_arn``, by any of its policies."""
        return next((w for w in _POLICY_WRITES
                     if self._allows(self.holder.policies, w, policy_arn, {}, self.holder.boundary)), None)

    def minted(self, action: str) -> tuple[str, str, str] | None:
        """``(resource, boundary, write)``: ``action`` granted with a boundary, other than one named exactly, that
        the holder may write (``write`` on it)."""
        candidates = [one for one, _ in self.patterns.values()] + [
            r for d in self.holder.policies for w in _POLICY_WRITES
            for r in candidate_resources(d, w, account=self.account, partition=self.partition)]
        for boundary in dict.fromkeys(b for b in candidates if b not in self.exact):
            write = self.writes(boundary)
            resource = write and self.probe(action, {PERMISSIONS_BOUNDARY: boundary})
            if resource:
                return resource, boundary, write
        return None

    def admitted(self, action: str) -> tuple[str, str] | None:
        """``(resource, pattern)``: ``action`` granted with either of two boundaries a pattern admits."""
        for pattern, (one, other) in self.patterns.items():
            resource = self.probe(action, {PERMISSIONS_BOUNDARY: one})
            if resource and self.probe(action, {PERMISSIONS_BOUNDARY: other}):
                return resource, pattern
        return None

    def edits(self) -> Iterator[tuple[str, str, str | None]]:
        """``(boundary, action, named_by)`` for each edit the policy grants on a boundary named exactly."""
        for boundary, named_by in self.exact.items():
            for action in BOUNDARY_POLICY_EDITS:
                if _named(self.document, action) and self.grants(action, boundary, {}):
                    yield boundary, action, named_by

    def loosenings(self) -> Iterator[tuple[str, str, str | None]]:
        """``(action, resource, boundary)`` for each way the policy lets its holder loosen its own boundary (the one
        the template gives it): rewrite that customer managed policy, remove the boundary from itself, or replace
        it with another boundary (``boundary``: AdministratorAccess or one the holder's policies name exactly).
        Asked as the holder itself, so a resource written with its own ARN or ``${aws:username}`` counts."""
        own, me = self.holder.boundary_arn, self.holder.arn
        if not own or not me:
            return
        if own.split(":")[4:5] != ["aws"]:
            for action in _REWRITES:
                if _named(self.document, action) and self.grants(action, own, {}, me):
                    yield action, own, None
        kind = "Role" if ":role/" in me else "User"
        removal, put = f"iam:Delete{kind}PermissionsBoundary", f"iam:Put{kind}PermissionsBoundary"
        if _named(self.document, removal) and self.grants(removal, me, {}, me):
            yield removal, me, None
        if _named(self.document, put):
            other = next((b for b in (_administrator_access(self.partition), *self.exact) if b != own
                          and self.grants(put, me, {PERMISSIONS_BOUNDARY: b}, me)), None)
            if other:
                yield put, me, other


def _first(holdings: list[_Holding], question: Callable[..., _T | None], *args: Any) -> _T | None:
    """The first answer ``question`` (a method of :class:`_Holding`) gives for one of ``holdings``."""
    return next((answer for h in holdings if (answer := question(h, *args))), None)


def _creation(name: str, action: str, holdings: list[_Holding], partition: str) -> str | None:
    """How ``action`` (a creation or boundary put) escapes the boundary, if it does: the first way found."""
    resource = _first(holdings, _Holding.probe, action, {}) if action in ENTITY_CREATION else None
    if resource:
        return (f"{name} allows {action} on {resource} without a permissions boundary: require one with a "
                f"condition on {PERMISSIONS_BOUNDARY}")
    resource = _first(holdings, _Holding.probe, action, {PERMISSIONS_BOUNDARY: _administrator_access(partition)})
    if resource:
        return (f"{name} allows {action} on {resource} with any boundary, AdministratorAccess included: pin "
                f"{PERMISSIONS_BOUNDARY} to the boundary's ARN (StringEquals in the Allow, or a Deny with "
                f"StringNotEquals)")
    mint = _first(holdings, _Holding.minted, action)
    if mint:
        resource, boundary, write = mint
        return (f"{name} allows {action} on {resource} with the boundary {boundary}, a policy the holder can write "
                f"itself ({write}): the holder sets its own ceiling; pin {PERMISSIONS_BOUNDARY} to one boundary's "
                f"exact ARN and deny edits of that policy")
    admits = _first(holdings, _Holding.admitted, action)
    if admits:
        resource, pattern = admits
        return (f"{name} allows {action} on {resource} with any boundary that matches {pattern}: every policy that "
                f"matches it, now or later, is a ceiling the holder may pick; pin {PERMISSIONS_BOUNDARY} to one "
                f"boundary's exact ARN")
    return None


def _edits(name: str, holdings: list[_Holding], reported: set[tuple[str, str | None]]) -> Iterator[str]:
    """Each edit of a boundary named exactly that the policy grants, once whichever holders it is granted to (each
    added to ``reported`` as ``(action, boundary)``)."""
    found: dict[tuple[str, str], str | None] = {}
    for holding in holdings:
        for boundary, action, named_by in holding.edits():
            found.setdefault((boundary, action), named_by)
    for (boundary, action), named_by in found.items():
        reported.add((action, boundary))
        where = f" that {named_by} requires" if named_by else ""
        yield (f"{name} allows {action} on the boundary policy {boundary}{where}: the holder can rewrite its own "
               f"ceiling; deny edits of the boundary")


def _loosenings(name: str, holdings: list[_Holding], reported: set[tuple[str, str | None]]) -> Iterator[str]:
    """Each way the policy lets a holder loosen its own boundary that ``reported`` (``(action, None)`` for an
    action reported on any resource, ``(action, boundary)`` for an edit of a named boundary) does not hold yet."""
    for holding in holdings:
        for action, resource, boundary in holding.loosenings():
            key = (action, resource if action in _REWRITES else None)
            if key in reported:
                continue
            reported.add(key)
            if action in _REWRITES:
                yield (f"{name} allows {action} on {resource}, its holder's own permissions boundary: the holder can "
                       f"rewrite its own ceiling; deny edits of the boundary")
            elif boundary:
                yield (f"{name} allows {action} on {resource}, the holder itself, with the boundary {boundary}: the "
                       f"holder can replace its own permissions boundary {holding.holder.boundary_arn}; deny "
                       f"{action} on itself")
            else:
                yield (f"{name} allows {action} on {resource}, the holder itself: the holder can remove its own "
                       f"permissions boundary")


def _findings(policy: Policy, account: str, partition: str) -> Iterator[str]:
    """Messages for one identity-based policy, each an escalation its Allow grants to one of its holders."""
    holders = policy.holders or (Holder(None, (policy.document,), (policy.name,)),)
    holdings = [_Holding(policy.document, holder, account, partition) for holder in holders]
    reported: set[tuple[str, str | None]] = set()
    for action in ENTITY_CREATION + BOUNDARY_PUTS:
        message = _creation(policy.name, action, holdings, partition) if _named(policy.document, action) else None
        if message:
            reported.add((action, None))
            yield message
    for action in BOUNDARY_REMOVAL:
        resource = _first(holdings, _Holding.probe, action, {}) if _named(policy.document, action) else None
        if resource:
            reported.add((action, None))
            yield f"{policy.name} allows {action} on {resource}: the holder can remove the permissions boundary"
    yield from _edits(policy.name, holdings, reported)
    yield from _loosenings(policy.name, holdings, reported)


def check(subject: Subject) -> Iterator[str]:
    """Messages for each way an identity-based policy lets its holder escape the boundary.

    Example::

        list(check(subject))   # ["Delegate allows iam:CreateRole on ... without a permissions boundary ..."]
    """
    for policy in subject.policies:
        if policy.kind == IDENTITY:
            yield from _findings(policy, subject.account, subject.partition)
