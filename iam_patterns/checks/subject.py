"""What a check looks at: a ``Subject`` (one resource of a template) and the ``Policy`` documents it holds.

``subjects(template)`` turns a loaded :class:`~iam_patterns.evaluation.Template` into subjects, one per
resource that holds a policy or has managed policies attached:

- a role: its trust policy (``TRUST``) and the inline policies written in its ``Policies`` property;
- a user or group: the inline policies of its ``Policies`` property;
- a policy resource (``AWS::IAM::Policy``, ``ManagedPolicy``, ...): its document, as ``IDENTITY``, or as
  ``BOUNDARY`` when it is only used as a permissions boundary (a boundary grants nothing on its own): a managed
  policy attached to no principal of the template that is the ``PermissionsBoundary`` of one, or whose ARN an
  ``iam:PermissionsBoundary`` condition of a policy of the template names (the boundary a delegation hands out);
- a bucket, queue or topic policy, or a key: its resource-based policy (``RESOURCE``), with the ARNs it guards.

Roles, users and groups also carry the ARNs of their ``ManagedPolicyArns`` and every inline policy that
applies to them wherever it is written (for the per-principal size quota). An identity-based policy carries its
``Holder`` s: each principal of the template it applies to, with that principal's boundary and all its policies.

Example::

    for subject in subjects(load_template(template_dict)):
        print(subject.logical_id, [p.kind for p in subject.policies])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..evaluation import Template
from ..policy.keys import PERMISSIONS_BOUNDARY
from ._statements import key_tests

__all__ = ["BOUNDARY", "IDENTITY", "RESOURCE", "TRUST", "Holder", "Policy", "Subject", "subjects"]

TRUST, IDENTITY, BOUNDARY, RESOURCE = "trust", "identity", "boundary", "resource"
_INLINE_TYPES = ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy", "AWS::IAM::RolePolicy",
                 "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy")


@dataclass(frozen=True)
class Holder:
    """A principal of the template that an identity-based policy applies to, a group standing for each of its users.

    ``boundary``: its permissions boundary's document, or ``None`` when it has none, the template does not hold
    its document, or it is a group with no user in the template. ``policies``: the documents of every
    identity-based policy of the template that applies to it (for a user, its groups' too), the policy itself
    included; ``names``: their names (:attr:`Policy.name`), in the same order. ``arn``: the principal's own ARN,
    and ``boundary_arn``: the ARN of its permissions boundary, each ``None`` when the template gives none it can
    resolve.

    Example::

        Holder(boundary=None, policies=(document,), names=("DeployPolicy",))
    """

    boundary: Any
    policies: tuple[Any, ...]
    names: tuple[str, ...]
    arn: str | None = None
    boundary_arn: str | None = None


@dataclass(frozen=True)
class Policy:
    """One policy document as a check sees it.

    ``kind``: ``trust``, ``identity``, ``boundary`` or ``resource``. ``name``: where it is written (the
    property, or the policy's name). ``guards``: the ARNs it protects (a trust policy: the role; a
    resource-based policy: its resources); empty for identity-based policies. ``holders``: for an
    identity-based policy, each principal of the template it applies to (a :class:`Holder`); empty when it
    applies to no principal of the template.
    """

    kind: str
    name: str
    document: Any
    guards: tuple[str, ...] = ()
    holders: tuple[Holder, ...] = ()


@dataclass(frozen=True)
class Subject:
    """One resource of a template, with the policies it holds.

    ``account`` and ``partition`` are the template's (the loader's stand-ins for the pseudo parameters).
    ``managed_policy_arns``: the ``ManagedPolicyArns`` of a role, user or group. ``inline_policies``: every
    inline policy that applies to a role, user or group, wherever it is written.

    Example::

        Subject("Deploy", "AWS::IAM::Role", "111122223333", "aws", (Policy(TRUST, "AssumeRolePolicyDocument", doc),))
    """

    logical_id: str
    type: str
    account: str
    partition: str
    policies: tuple[Policy, ...]
    managed_policy_arns: tuple[str, ...] = ()
    inline_policies: tuple[Any, ...] = ()


def _arn(value: Any) -> str | None:
    """``value`` when it is an ARN resolved in full (an intrinsic the template cannot resolve leaves a marker)."""
    return value if isinstance(value, str) and value.startswith("arn:") and "<unresolved" not in value else None


def subjects(template: Template) -> list[Subject]:
    """The subjects of a loaded template, in template order.

    Example::

        [s.logical_id for s in subjects(load_template(template_dict))]
    """
    written: dict[str, list[Policy]] = {}
    inline: dict[str, list[Any]] = {}
    documents = {m.arn: m.document for m in template.managed_policies.values()}
    arns = {m.logical_id: m.arn for m in template.managed_policies.values()}
    named = {v for policy in template.identity_policies
             for t in key_tests(policy.document, PERMISSIONS_BOUNDARY) for v in t.values}
    holders = [tuple(dict.fromkeys(user for p in policy.attached_to for user in template.group_members.get(p) or (p,)))
               for policy in template.identity_policies]
    applying: dict[str, list[Any]] = {}
    for policy, principals in zip(template.identity_policies, holders):
        for principal in principals:
            applying.setdefault(principal, []).append(policy)
    for policy, principals in zip(template.identity_policies, holders):
        ceiling = policy.boundary_of or arns.get(policy.logical_id) in named
        kind = BOUNDARY if ceiling and not policy.attached_to else IDENTITY
        held = tuple(Holder(documents.get(template.permissions_boundaries.get(p, "")),
                            tuple(a.document for a in applying[p]), tuple(a.name for a in applying[p]),
                            _arn(template.resolve({"Fn::GetAtt": [p, "Arn"]})),
                            _arn(template.permissions_boundaries.get(p)))
                     for p in principals)
        written.setdefault(policy.logical_id, []).append(Policy(kind, policy.name, policy.document, (), held))
        if policy.type in _INLINE_TYPES:
            for principal in policy.attached_to:
                inline.setdefault(principal, []).append(policy.document)
    for lid, role in template.roles.items():
        trust = Policy(TRUST, "AssumeRolePolicyDocument", role.trust_policy, (role.arn,))
        written[lid] = [trust, *written.get(lid, [])]
        inline[lid] = list(role.inline_policies.values())
    for policy in template.resource_policies:
        name = "KeyPolicy" if policy.type == "AWS::KMS::Key" else "PolicyDocument"
        written.setdefault(policy.logical_id, []).append(Policy(RESOURCE, name, policy.document, policy.resources))
    out = []
    for lid, resource in template.resources.items():
        arns = template.managed_policy_arns.get(lid, ())
        if lid in written or arns:
            out.append(Subject(lid, str(resource.get("Type")), template.account, template.partition,
                               tuple(written.get(lid, ())), arns, tuple(inline.get(lid, ()))))
    return out
