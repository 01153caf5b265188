"""The base of every role construct in the kit: an ``aws_iam.Role`` whose trust policy is a pure document.

``PatternRole`` validates the options every role shares (name, path, session duration, trust-policy size)
before anything is emitted, then builds the role with exactly the trust statements it was given (Sids
included), through a principal that writes them into the role's own ``assume_role_policy``. What a user adds
later (``role.assume_role_policy.add_statements(...)``) lands in the same document, as with any Role.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from typing import Any

import jsii
from aws_cdk import Duration, Tags, Token
from aws_cdk import aws_iam as iam
from constructs import Construct
from typing_extensions import TypedDict

from ..errors import ValidationError
from ..policy import (
    INLINE_POLICIES_PER_ROLE_QUOTA,
    TRUST_POLICY_QUOTA,
    PolicyDocument,
    check_size,
    iam_size,
    validate_role_name,
    validate_role_path,
    validate_session_duration,
    validate_trust_policy_quota,
)
from .documents import to_cdk_document

__all__ = ["PatternRole", "RoleOptions", "RoleOptionsWithoutTags", "duration_seconds"]

DEFAULT_SESSION = Duration.hours(1)


class RoleOptionsWithoutTags(TypedDict, total=False):
    """``RoleOptions`` but ``tags``: for a role construct whose own ``tags`` option means something else.

    ``GitHubOidcRole(tags=["v*"])`` trusts git tags; tag such a role with ``Tags.of(role).add(key, value)``.

    Example::

        def __init__(self, scope, construct_id, *, tags: Sequence[str] = (),
                     **options: Unpack[RoleOptionsWithoutTags]) -> None: ...
    """

    role_name: str
    """A fixed physical name (1–64 of ``[\\w+=,.@-]``). Default: CDK generates one."""
    path: str
    """The IAM path, ``/`` or ``/a/b/``. Default: ``/``."""
    description: str
    """What the role is for. Default: none."""
    max_session_duration: Duration
    """How long a session may last: 1 to 12 hours. Default: 1 hour."""
    permissions_boundary: iam.IManagedPolicy
    """The ceiling on the role's permissions. Default: none."""
    managed_policies: Sequence[iam.IManagedPolicy]
    """Managed policies to attach (at most 10 by default). Default: none."""
    trust_policy_quota: int
    """The trust-policy size this account allows: 2,048 unless raised by request, 4,096 at most. Default: 2,048."""


class RoleOptions(RoleOptionsWithoutTags, total=False):
    """The options every role construct of the kit accepts, as keyword arguments.

    Example::

        GitHubOidcRole(self, "Deploy", repository="acme/app", branches=["main"],
                       role_name="deploy", max_session_duration=Duration.hours(2))
    """

    tags: Mapping[str, str]
    """Tags on the role. Default: none."""


_NOT_A_PRINCIPAL = "iam-patterns:trust-statements"
"""What the shared trust principal's own policy fragment names: no principal IAM would accept."""


@jsii.implements(iam.IAssumeRolePrincipal)
class _TrustStatements(iam.ArnPrincipal):
    """The principal through which ``PatternRole`` writes its exact trust statements (Sids, conditions) into
    ``iam.Role``: CDK calls ``add_to_assume_role_policy`` once, inside ``iam.Role``'s constructor, and it adds the
    statements of the role being built. One instance serves every role.

    It extends a native principal so that CDK reads its ``policy_fragment`` (construct metadata reads it for every
    role) without a call back into Python, 0.2-0.3 ms of CPU per role. That fragment is never written into a policy;
    if it were, it names no principal, and IAM would refuse the policy rather than trust someone.
    """

    def __init__(self) -> None:
        super().__init__(_NOT_A_PRINCIPAL)
        self.statements: list[iam.PolicyStatement] | None = None

    def add_to_assume_role_policy(self, document: iam.PolicyDocument) -> None:
        if self.statements is None:
            raise RuntimeError("PatternRole's trust principal was used outside PatternRole")
        document.add_statements(*self.statements)

    @classmethod
    @functools.cache
    def shared(cls) -> _TrustStatements:
        return cls()


@functools.lru_cache(maxsize=256)
def _trust_statements(statements_json: str) -> list[iam.PolicyStatement]:
    """The jsii statements of a trust document (its statements as compact JSON), built once and shared by the
    roles that have it: CDK never changes a statement it adds to a trust policy (merging copies, resolving only
    freezes it)."""
    return [iam.PolicyStatement.from_json(statement) for statement in json.loads(statements_json)]


def duration_seconds(duration: Duration) -> Any:
    """A Duration in whole seconds, or its token string when it is only known at deploy time.

    Example::

        validate_session_duration(duration_seconds(Duration.hours(2)))
    """
    return duration.to_seconds() if not Token.is_unresolved(duration.to_string()) else duration.to_string()


def _session_seconds(duration: Duration) -> Any:
    return validate_session_duration(duration_seconds(duration), parameter="max_session_duration")


class PatternRole(iam.Role):
    """An ``aws_iam.Role`` with an exact, pre-validated trust policy: the base of the kit's role constructs.

    Subclasses build their trust ``PolicyDocument`` with the pure ``trust`` builders, validate their own
    options, then call this constructor; nothing is emitted until every check has passed.

    ``trust_policy``: the exact trust document (Default: required). ``inline_policies``: pure documents by
    policy name, together at most 10,240 characters (Default: none). The other options are ``RoleOptions``:
    ``role_name``, ``path``, ``description``, ``max_session_duration`` (Default: 1 hour; 1 to 12 hours),
    ``permissions_boundary``, ``managed_policies``, ``tags`` and ``trust_policy_quota`` (Default: 2,048).

    Example::

        PatternRole(self, "Custom", trust_policy=my_trust_document, inline_policies={"s3": s3_doc},
                    max_session_duration=Duration.hours(2))
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        trust_policy: PolicyDocument,
        inline_policies: Mapping[str, PolicyDocument] | None = None,
        role_name: str | None = None,
        path: str | None = None,
        description: str | None = None,
        max_session_duration: Duration | None = None,
        permissions_boundary: iam.IManagedPolicy | None = None,
        managed_policies: Sequence[iam.IManagedPolicy] | None = None,
        tags: Mapping[str, str] | None = None,
        trust_policy_quota: int = TRUST_POLICY_QUOTA,
    ) -> None:
        if role_name is not None:
            validate_role_name(role_name, parameter="role_name")
        if path is not None:
            validate_role_path(path, parameter="path")
        if max_session_duration is not None:  # the default is valid: skip three jsii calls per role
            _session_seconds(max_session_duration)
        duration = max_session_duration or DEFAULT_SESSION
        check_size(trust_policy, quota=validate_trust_policy_quota(trust_policy_quota), parameter="trust policy")
        inline = dict(inline_policies or {})
        inline_size = sum(iam_size(doc) for doc in inline.values())
        if inline_size > INLINE_POLICIES_PER_ROLE_QUOTA:
            raise ValidationError(
                "inline_policies",
                sorted(inline),
                f"must add up to at most {INLINE_POLICIES_PER_ROLE_QUOTA:,} characters (IAM's quota per role), "
                f"not {inline_size:,}",
            )
        inline_documents = {name: to_cdk_document(doc) for name, doc in inline.items()} or None
        principal = _TrustStatements.shared()
        outer = principal.statements  # a role built while another one is (by a CDK property injector) gets its own
        principal.statements = _trust_statements(json.dumps(trust_policy.to_json()["Statement"], separators=(",", ":")))
        try:
            super().__init__(
                scope,
                construct_id,
                assumed_by=principal,
                role_name=role_name,
                path=path,
                description=description,
                max_session_duration=duration,
                permissions_boundary=permissions_boundary,
                managed_policies=managed_policies,
                inline_policies=inline_documents,
            )
        finally:
            principal.statements = outer
        self.trust_policy = trust_policy
        """The trust policy this role was built with, as a pure ``PolicyDocument``."""
        self.inline_policy_documents: Mapping[str, PolicyDocument] = inline
        """The inline policies this role was built with, by name, as pure documents."""
        for key, value in (tags or {}).items():
            Tags.of(self).add(key, value)
