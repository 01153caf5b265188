"""``Request``: who asks to do what to which resource, in which context.

A request is prepared once, when it is made: the action is lower-cased, context keys are lower-cased (IAM's
key names are case-insensitive), and the principal is turned into the identities a policy's ``Principal``
can name. An assumed-role session is also its role and its account; a user is also its account.

The keys AWS puts in every request made by a principal are filled in unless the context already has them:
``aws:PrincipalArn``, ``aws:PrincipalAccount``, ``aws:PrincipalType``, ``aws:PrincipalIsAWSService``, and
``aws:username`` for an IAM user or ``aws:PrincipalServiceName`` for a service. For a role session,
``aws:PrincipalArn`` is the role's ARN without a path (a session ARN does not carry it); pass the real one
in the context when a policy tests a role path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Union

from ..errors import ValidationError
from ._principals import (
    ACCOUNT,
    DIRECT,
    PRINCIPAL_KINDS,
    ROLE,
    account_token,
    role_token,
    root_token,
    typed_token,
)

__all__ = ["Principal", "Request"]

Principal = Union[str, Mapping[str, str]]
"""An IAM principal ARN (user, role, assumed-role session, federated user, account root), a bare account id,
or a one-key mapping ``{"Service": ...}`` / ``{"Federated": ...}`` / ``{"CanonicalUser": ...}``."""

_ACCOUNT_ID = re.compile(r"\d{12}")
_ACTION = re.compile(r"[A-Za-z0-9-]+:[A-Za-z0-9]+")
_SEQUENCE_TYPES = (list, tuple)


def _text(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise ValidationError(f"context[{key!r}]", value, "must be a string, a number, a boolean, or a list of them")


def _context(context: Mapping[str, Any]) -> dict[str, str | tuple[str, ...]]:
    if not isinstance(context, Mapping):
        raise ValidationError("context", context, "must be a mapping of condition keys to values")
    out: dict[str, str | tuple[str, ...]] = {}
    for key, value in context.items():
        if not isinstance(key, str) or not key:
            raise ValidationError("context", key, "must use non-empty strings as keys")
        if isinstance(value, _SEQUENCE_TYPES):
            out[key.lower()] = tuple(_text(key, v) for v in value)
        else:
            out[key.lower()] = _text(key, value)
    return out


def _principal_error(principal: Any) -> ValidationError:
    return ValidationError(
        "principal",
        principal,
        "must be an IAM principal ARN (user, role, assumed-role session, federated user or account root), a "
        "12-digit account id, or a mapping {'Service': ...}, {'Federated': ...} or {'CanonicalUser': ...}",
    )


@dataclass(frozen=True)
class _Identity:
    """The request's principal as policies see it."""

    kind: str  # user, role, session, root, federated-user, service, federated, canonical
    account: str | None
    names: dict[str, int]  # Principal-element token -> how strongly it names the caller (ACCOUNT/ROLE/DIRECT)
    chain: tuple[frozenset[str], ...]  # for NotPrincipal: account, role, session ... each must be listed
    context: dict[str, str]  # the keys AWS fills in for this principal


def _aws_identity(principal: Any, arn: str) -> _Identity:
    if _ACCOUNT_ID.fullmatch(arn):
        arn = f"arn:aws:iam::{arn}:root"
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or not _ACCOUNT_ID.fullmatch(parts[4]):
        raise _principal_error(principal)
    _, partition, service, _, account, resource = parts
    acct = frozenset(("*", account_token(account), root_token(partition, account)))
    names = dict.fromkeys(acct - {"*"}, ACCOUNT)
    names["*"] = DIRECT
    context = {"aws:principalaccount": account, "aws:principalisawsservice": "false"}
    if service == "iam" and resource == "root":
        return _Identity("root", account, names, (acct,), {**context, "aws:principalarn": arn,
                                                           "aws:principaltype": "Account"})
    kind, _, rest = resource.partition("/")
    if service == "iam" and kind in ("user", "role") and rest:
        name = rest.rsplit("/", 1)[-1]
        if kind == "user":
            names[arn] = DIRECT
            return _Identity("user", account, names, (acct, frozenset(("*", arn))),
                             {**context, "aws:principalarn": arn, "aws:principaltype": "User", "aws:username": name})
        role = role_token(partition, account, name)
        names[role] = ROLE
        return _Identity("role", account, names, (acct, frozenset(("*", role))),
                         {**context, "aws:principalarn": arn, "aws:principaltype": "AssumedRole"})
    if service == "sts" and kind == "assumed-role" and rest.count("/") == 1 and all(rest.split("/")):
        name = rest.split("/")[0]
        role = role_token(partition, account, name)
        names[role] = ROLE
        names[arn] = DIRECT
        role_arn = f"arn:{partition}:iam::{account}:role/{name}"
        return _Identity("session", account, names, (acct, frozenset(("*", role)), frozenset(("*", arn))),
                         {**context, "aws:principalarn": role_arn, "aws:principaltype": "AssumedRole"})
    if service == "sts" and kind == "federated-user" and rest:
        names[arn] = DIRECT
        return _Identity("federated-user", account, names, (acct, frozenset(("*", arn))),
                         {**context, "aws:principalarn": arn, "aws:principaltype": "FederatedUser"})
    raise _principal_error(principal)


def _identity(principal: Any) -> _Identity:
    if isinstance(principal, str):
        return _identity_of(None, principal)
    if isinstance(principal, Mapping) and len(principal) == 1:
        (kind, value), = principal.items()
        if isinstance(kind, str) and isinstance(value, str):
            return _identity_of(kind, value)
    raise _principal_error(principal)


@lru_cache(maxsize=1024)
def _identity_of(kind: str | None, value: str) -> _Identity:
    """The identity of principal ``value`` (of ``kind``, or an ARN / account id when ``None``), computed once."""
    if kind is None or kind == "AWS":
        return _aws_identity(value if kind is None else {kind: value}, value)
    if kind in PRINCIPAL_KINDS and value:
        token = typed_token(kind, value)
        context = {"aws:principalisawsservice": "true" if kind == "Service" else "false"}
        if kind == "Service":
            context["aws:principalservicename"] = value
        return _Identity(PRINCIPAL_KINDS[kind], None, {"*": DIRECT, token: DIRECT}, (frozenset(("*", token)),), context)
    raise _principal_error({kind: value})


def _arn_account(arn: str) -> str | None:
    parts = arn.split(":", 5)
    if len(parts) == 6 and parts[0] == "arn" and _ACCOUNT_ID.fullmatch(parts[4]):
        return parts[4]
    return None


def _needs_resource_policy(action: str, resource: str) -> str | None:
    """Which resource-based policy must allow the request even within one account, if any.

    IAM role trust policies (for STS actions on a role) and KMS key policies are the exceptions to "an
    identity-based policy is enough" (IAM User Guide, "Policy evaluation logic").
    """
    parts = resource.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn":
        return None
    if action.startswith("sts:") and parts[2] == "iam" and parts[5].startswith("role/"):
        return "trust policy"
    if action.startswith("kms:") and parts[2] == "kms" and parts[5].startswith("key/"):
        return "key policy"
    return None


@dataclass(frozen=True, slots=True)
class Request:
    """A request to evaluate: ``principal`` asks to do ``action`` on ``resource`` in ``context``.

    ``context`` maps condition keys to a string (single-valued) or a list of strings (multivalued); booleans
    and numbers are written as IAM writes them (``True`` -> ``"true"``). ``resource_account`` names the
    account that owns the resource when its ARN does not (S3); when ``None`` it is the ARN's account, or
    else the principal's. Invalid input raises :class:`~iam_patterns.errors.ValidationError`.

    Example::

        Request(principal="arn:aws:iam::111122223333:user/alice", action="s3:GetObject",
                resource="arn:aws:s3:::my-bucket/reports/q1.csv", context={"aws:SecureTransport": "true"})
    """

    principal: Principal
    action: str
    resource: str = "*"
    context: Mapping[str, Any] = field(default_factory=dict)
    resource_account: str | None = None
    # Prepared once, used by every evaluation of this request.
    _action: str = field(init=False, repr=False, compare=False)
    _ctx: dict[str, Any] = field(init=False, repr=False, compare=False)
    _who: _Identity = field(init=False, repr=False, compare=False)
    _resource_account: str | None = field(init=False, repr=False, compare=False)
    _required_policy: str | None = field(init=False, repr=False, compare=False)
    _cross: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.action, str) or not _ACTION.fullmatch(self.action):
            raise ValidationError("action", self.action, "must be 'service:Action', such as 's3:GetObject'")
        if not isinstance(self.resource, str) or not self.resource:
            raise ValidationError("resource", self.resource, "must be an ARN, or '*' for actions without one")
        if self.resource_account is not None and not (
            isinstance(self.resource_account, str) and _ACCOUNT_ID.fullmatch(self.resource_account)
        ):
            raise ValidationError("resource_account", self.resource_account, "must be a 12-digit account id")
        who = _identity(self.principal)
        context = _context(self.context)
        for key, value in who.context.items():
            context.setdefault(key, value)
        action = self.action.lower()
        resource_account = self.resource_account or _arn_account(self.resource) or who.account
        setattr_ = object.__setattr__
        setattr_(self, "_action", action)
        setattr_(self, "_ctx", context)
        setattr_(self, "_who", who)
        setattr_(self, "_resource_account", resource_account)
        setattr_(self, "_required_policy", _needs_resource_policy(action, self.resource))
        setattr_(self, "_cross", who.account is not None and resource_account != who.account)

    @property
    def principal_account(self) -> str | None:
        """The principal's account, or ``None`` for a service, federated or canonical-user principal.

        Example::

            Request("arn:aws:sts::111122223333:assumed-role/app/s1", "s3:ListBucket").principal_account
            # "111122223333"
        """
        return self._who.account

    @property
    def cross_account(self) -> bool:
        """Whether an AWS principal asks for a resource in another account (both sides must then allow).

        Example::

            Request("arn:aws:iam::111122223333:user/a", "sqs:SendMessage",
                    "arn:aws:sqs:us-east-1:444455556666:q").cross_account   # True
        """
        return self._cross
