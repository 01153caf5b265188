"""``evaluate``: would AWS allow this request under these policies? Offline, in microseconds, with reasons.

The decision follows the AWS IAM User Guide ("Policy evaluation logic", "Cross-account policy evaluation
logic", "Permissions boundaries", "Session policies"):

1. An applicable ``Deny`` statement in any policy (identity, resource, boundary, session, SCP) wins:
   ``ExplicitDeny``.
2. SCPs (for AWS principals): every level (root, each OU, the account) must have an applicable ``Allow``.
3. Service, Federated and CanonicalUser principals are judged by the resource-based policy alone.
4. Same account: a resource-based policy that names the caller itself (user, session, federated user, or
   ``*``) allows on its own. One that names the caller's role (not its session) adds to the identity-based
   policies, and both stay capped by the boundary and session policy. One that names only the account
   delegates: the identity-based policies must allow. A role trust policy (``sts:*`` on a role ARN) and a KMS
   key policy must allow in any case.
5. Otherwise the identity-based policies must allow, and the permissions boundary and session policy (when
   given) must allow too. A federated-user session (GetFederationToken) needs a session policy.
6. Cross-account: the caller's side (identity, boundary, session) and the resource-based policy of the other
   account must both allow.

Anything else is ``ImplicitDeny``. The account root user is allowed by its own account as if by an identity
policy. Resource control policies, ACLs, VPC endpoint policies and service-specific rules are not modelled
(see docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..errors import ValidationError
from ..policy import PolicyDocument
from ._policy import CompiledPolicy, CompiledStatement, compiled
from ._principals import DIRECT, ROLE
from .request import Request

__all__ = ["Decision", "EvaluationResult", "Reason", "evaluate"]

Policy = Any  # a JSON dict or a PolicyDocument


class Decision(StrEnum):
    """The outcome of an evaluation, named as AWS names it.

    Example::

        evaluate(request, [policy]).decision == Decision.ALLOW   # or == "Allow"
    """

    ALLOW = "Allow"
    EXPLICIT_DENY = "ExplicitDeny"
    IMPLICIT_DENY = "ImplicitDeny"


_KIND_NAMES = {
    "identity": "identity-based policy",
    "resource": "resource-based policy",
    "boundary": "permissions boundary",
    "session": "session policy",
    "scp": "SCP",
}


@dataclass(frozen=True)
class Reason:
    """Why a decision came out as it did: a statement that applied, or a policy that allowed nothing.

    ``policy`` is the policy type (``identity``, ``resource``, ``boundary``, ``session``, ``scp``); ``index``
    which policy of that type (its position, its name when policies were given by name, or ``(level,
    position)`` for an SCP); ``statement`` the statement's position and ``sid`` its Sid; ``effect`` is
    ``Allow``/``Deny`` for a statement that applied and ``None`` for a missing allow. ``str(reason)`` reads
    as a sentence.

    Example::

        [str(r) for r in evaluate(request, [policy]).reasons]
        # ["identity-based policy 0, statement 1 (Sid DenyS3Logs): Deny"]
    """

    policy: str
    index: int | str | tuple[int, int] | None
    statement: int | None
    sid: str | None
    effect: str | None
    text: str

    def __str__(self) -> str:
        return self.text


def _where(kind: str, index: Any) -> str:
    name = _KIND_NAMES[kind]
    if index is None:
        return f"the {name}"
    if isinstance(index, tuple):
        return f"{name} level {index[0]} policy {index[1]}"
    return f"{name} {index!r}" if isinstance(index, str) else f"{name} {index}"


def _statement_reason(kind: str, index: Any, statement: CompiledStatement) -> Reason:
    effect = "Deny" if statement.deny else "Allow"
    sid = f" (Sid {statement.sid})" if statement.sid else ""
    text = f"{_where(kind, index)}, statement {statement.index}{sid}: {effect}"
    return Reason(kind, index, statement.index, statement.sid, effect, text)


class EvaluationResult:
    """The decision on one request: ``decision``, ``allowed``, and ``reasons`` (built on first access).

    Example::

        result = evaluate(request, [policy])
        if not result.allowed:
            print(result.decision, *result.reasons, sep="\\n")
    """

    __slots__ = ("decision", "_hits", "_reasons")

    def __init__(self, decision: Decision, hits: list[tuple[Any, ...]]) -> None:
        self.decision = decision
        self._hits = hits
        self._reasons: tuple[Reason, ...] | None = None

    @property
    def allowed(self) -> bool:
        """Whether the request is allowed."""
        return self.decision is Decision.ALLOW

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The statements that decided (the denying ones, or the allowing ones), or what allowed nothing."""
        if self._reasons is None:
            self._reasons = tuple(
                _statement_reason(kind, index, item) if isinstance(item, CompiledStatement)
                else Reason(kind, index, None, None, None, item)
                for kind, index, item in self._hits
            )
        return self._reasons

    def __repr__(self) -> str:
        return f"EvaluationResult({self.decision.value}, reasons={[str(r) for r in self.reasons]})"


def _scan(policy: CompiledPolicy, request: Request, kind: str, index: Any, denies: list, allows: list) -> int:
    """Record the statements of ``policy`` that apply; return how many allow (and how strongly, for grants)."""
    strongest = 0
    for statement in policy.statements:
        strength = statement.applies(request)
        if strength:
            if statement.deny:
                denies.append((kind, index, statement))
            else:
                allows.append((kind, index, statement))
                if strength > strongest:
                    strongest = strength
    return strongest


def _compiled_without_principal(kind: str, index: Any, policy: Policy) -> CompiledPolicy:
    result = compiled(policy)
    if result.with_principal:
        raise ValidationError(
            f"{kind}[{index!r}]", policy if isinstance(policy, Mapping) else policy.to_json(),
            f"must not name a Principal: a {_KIND_NAMES[kind]} applies to the identity it is attached to",
        )
    return result


def _named(parameter: str, policies: Any) -> Iterable[tuple[Any, Policy]]:
    if type(policies) in (list, tuple):  # the common case, without the cost of ABC checks
        return enumerate(policies)
    if isinstance(policies, Mapping):
        return policies.items()
    if isinstance(policies, (str, bytes)) or not isinstance(policies, Sequence):
        raise ValidationError(parameter, policies, "must be a list of policies (or a mapping of name to policy)")
    return enumerate(policies)


def _levels(scps: Any) -> Sequence[Sequence[Policy]]:
    if not scps:
        return ()
    if isinstance(scps, (str, bytes, Mapping, PolicyDocument)) or not isinstance(scps, Sequence) or any(
        isinstance(level, (str, bytes, Mapping, PolicyDocument)) or not isinstance(level, Sequence) for level in scps
    ):
        raise ValidationError("scps", scps, "must be a list of levels (root, OUs, account), each a list of policies")
    return scps


def evaluate(
    request: Request,
    identity: Sequence[Policy] | Mapping[str, Policy] = (),
    *,
    resource: Policy | None = None,
    boundary: Policy | None = None,
    scps: Sequence[Sequence[Policy]] = (),
    session: Policy | None = None,
) -> EvaluationResult:
    """Decide ``request`` as AWS would, given the policies that apply to it.

    ``identity``: the caller's identity-based policies (a list, or a mapping of name to policy so reasons
    name them); ``resource``: the resource-based policy (a role's trust policy is one); ``boundary``: the
    caller's permissions boundary; ``scps``: one list of SCPs per level (root, OUs, account), every level
    must allow; ``session``: the session policy. ``None`` / empty means "not present". Default: none of them.
    Policies are JSON dicts or ``PolicyDocument``s, compiled once and cached. A malformed policy, an unknown
    condition operator, or a context value an operator cannot read raises ``ValidationError``.

    Example::

        result = evaluate(
            Request(principal="arn:aws:iam::111122223333:user/alice", action="s3:GetObject",
                    resource="arn:aws:s3:::my-app-uploads-prod/reports/q1.csv"),
            identity=[s3_prefix_access("my-app-uploads-prod", "reports/")],
        )
        result.decision   # Decision.ALLOW
    """
    if not isinstance(request, Request):
        raise ValidationError("request", request, "must be a Request")
    denies: list[tuple[Any, ...]] = []
    allows: list[tuple[Any, ...]] = []
    identity_allows = 0
    for index, policy in _named("identity", identity):
        identity_allows |= _scan(_compiled_without_principal("identity", index, policy), request, "identity", index,
                                 denies, allows)
    grant = 0
    if resource is not None:
        compiled_resource = compiled(resource)
        if compiled_resource.without_principal:
            raise ValidationError(
                "resource", resource if isinstance(resource, Mapping) else resource.to_json(),
                "must name a Principal or NotPrincipal in every statement (it is a resource-based policy)",
            )
        grant = _scan(compiled_resource, request, "resource", None, denies, allows)
    boundary_allows = session_allows = 0
    if boundary is not None:
        boundary_allows = _scan(_compiled_without_principal("boundary", None, boundary), request, "boundary", None,
                                denies, allows)
    if session is not None:
        session_allows = _scan(_compiled_without_principal("session", None, session), request, "session", None,
                               denies, allows)
    scp_gaps = None
    for level, policies in enumerate(_levels(scps)):
        level_allows = 0
        for position, policy in enumerate(policies):
            level_allows |= _scan(_compiled_without_principal("scp", (level, position), policy), request, "scp",
                                  (level, position), denies, allows)
        if not level_allows:
            scp_gaps = (scp_gaps or []) + [("scp", level, f"no SCP at level {level} allows {request.action}")]
    if denies:
        return EvaluationResult(Decision.EXPLICIT_DENY, denies)
    who = request._who
    if who.account is None:  # Service, Federated, CanonicalUser: the resource-based policy alone decides
        if grant:
            return EvaluationResult(Decision.ALLOW, [hit for hit in allows if hit[0] == "resource"])
        return EvaluationResult(Decision.IMPLICIT_DENY, [("resource", None, _no_grant(request, resource))])
    if scp_gaps:
        return EvaluationResult(Decision.IMPLICIT_DENY, scp_gaps)
    if request._cross:
        gaps = _caller_gaps(request, identity_allows, boundary, boundary_allows, session, session_allows)
        if not grant:
            gaps.append(("resource", None, f"{_no_grant(request, resource)} (the resource is in account "
                                           f"{request._resource_account}: both accounts must allow)"))
    elif grant == DIRECT:
        return EvaluationResult(Decision.ALLOW, [hit for hit in allows if hit[0] == "resource"])
    elif request._required_policy and not grant:
        gaps = [("resource", None, _no_grant(request, resource))]
    else:
        gaps = _caller_gaps(request, identity_allows or grant == ROLE, boundary, boundary_allows, session,
                            session_allows)
    if gaps:
        return EvaluationResult(Decision.IMPLICIT_DENY, gaps)
    if not allows:  # only the root user gets here with no statement that allows
        allows = [("identity", None, "the account root user has full access to its own account")]
    return EvaluationResult(Decision.ALLOW, allows)


def _asked(request: Request) -> str:
    return f"{request.action} on {request.resource}"


def _no_grant(request: Request, resource: Policy | None) -> str:
    what = request._required_policy or "resource-based policy"
    if resource is None:
        return f"no {what} was given, and only one can allow {request.principal!r} {_asked(request)}"
    return f"the {what} does not allow {request.principal!r} {_asked(request)}"


def _caller_gaps(request: Request, identity_allows: int, boundary: Policy | None, boundary_allows: int,
                 session: Policy | None, session_allows: int) -> list[tuple[Any, ...]]:
    gaps: list[tuple[Any, ...]] = []
    if not identity_allows and request._who.kind != "root":
        gaps.append(("identity", None, f"no identity-based policy allows {_asked(request)}"))
    if boundary is not None and not boundary_allows:
        gaps.append(("boundary", None, f"the permissions boundary does not allow {_asked(request)}"))
    if session is not None and not session_allows:
        gaps.append(("session", None, f"the session policy does not allow {_asked(request)}"))
    elif session is None and request._who.kind == "federated-user":
        gaps.append(("session", None, "a federated-user session has only what its session policy allows, "
                                      "and none was given"))
    return gaps
