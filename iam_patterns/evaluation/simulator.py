"""``Simulator``: ask a synthesized template what its roles allow, and who may assume them. Offline.

``Simulator.from_template(template_dict, account=..., region=..., partition="aws")`` reads the template with
:func:`~iam_patterns.evaluation.template.load_template`; ``Simulator.from_stack(stack)`` synthesizes a CDK
stack first (this module imports ``aws_cdk`` only inside ``from_stack``, whose caller has loaded it already).

``sim.can_assume(role, principal, context)`` evaluates ``sts:AssumeRole`` (``AssumeRoleWithWebIdentity`` for
a ``{"Federated": OIDC provider}`` principal, ``AssumeRoleWithSAML`` for a SAML provider) on the role, against
its trust policy. ``sim.can(role, action, resource, context)`` evaluates a request made by a session of the
role, against its inline, managed and boundary policies and the template's resource policy for the resource.

Defaults, and what the simulator fills in:

- A role is named by its logical id, its CDK construct path (``Stack/Deploy`` or ``Deploy``, when the template
  carries path metadata: ``cdk synth`` writes it, an App does with the context
  ``aws:cdk:enable-path-metadata=true``), or the CDK role construct itself.
- ``can`` acts as the session ``arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/iam-patterns-simulator``, with
  ``aws:PrincipalArn`` set to the role's ARN (path included) and ``aws:PrincipalTag/KEY`` to its tags.
- ``can_assume`` for a principal outside the template: its own account is assumed to let it call the action
  (a cross-account caller needs that too); pass ``caller_policies=[...]`` to evaluate its real identity
  policies instead (``[]`` = none). A principal that is a role of the template brings its own policies.
- ``scps`` given to the simulator apply to callers in the template's account only.
- Managed policies the template attaches but does not define (AWS managed ones, for example) must be given
  in ``managed_policies={arn: document}``; without them ``can`` raises :class:`TemplateError` rather than
  answer from part of the picture. So do intrinsics the loader could not resolve.
- The context holds only what you pass, plus the principal keys the engine fills in (see ``Request``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..errors import TemplateError, ValidationError
from ..policy import is_unresolved
from ..policy.keys import PRINCIPAL_ARN
from .engine import EvaluationResult, Policy, evaluate
from .request import Principal, Request
from .template import DEFAULT_ACCOUNT, DEFAULT_REGION, DEFAULT_STACK_NAME, Role, Template, load_template

__all__ = ["SESSION_NAME", "Simulator"]

SESSION_NAME = "iam-patterns-simulator"
"""The session name of the role sessions ``Simulator.can`` acts as."""


@lru_cache(maxsize=256)
def _callers_own_grant(action: str, role_arn: str) -> tuple[dict[str, Any], ...]:
    """The identity policy assumed for a caller from outside the template: its account lets it call ``action``.

    Cached, so the engine compiles it once per role and action.
    """
    return ({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": role_arn}]},)


def _synthesized_template(stack: Any) -> Mapping[str, Any]:
    """The stack's template as its Stage (or app) synthesized it, as ``Template.from_stack`` reads it.

    CDK synthesizes a Stage once and keeps that cloud assembly; asked again after its construct tree changed, it
    raises ``ConstructTreeModifiedAfterSynth`` (it sees constructs added in the Stage's own stacks, not in its
    sub-Stages: hence the stack's own Stage, not the app). That is refused here rather than forced
    (``synth(force=True)`` reruns aspects, rewrites the templates in the caller's cdk.out and cloud assembly).
    """
    from aws_cdk import Stage

    stage = Stage.of(stack)
    try:
        assembly = stage.synth()
    except RuntimeError as err:
        if "ConstructTreeModifiedAfterSynth" not in str(err):
            raise
        changed = re.search(r"after the first synthesis (\([^)]*\))", str(err))
        where = f"its Stage {stage.node.path!r}" if stage.node.path else "its app"
        raise ValidationError(
            "stack", stack.node.path,
            f"{where} changed after it was synthesized{f' {changed[1]}' if changed else ''}, and CDK "
            f"synthesizes a Stage once (forcing it again would rerun aspects and rewrite the templates you have): "
            f"build every stack before the first synth (app.synth(), Template.from_stack, Simulator.from_stack), "
            f"or build this one in an App of its own",
        ) from None
    return assembly.get_stack_artifact(stack.artifact_id).template


class Simulator:
    """Evaluate requests against the roles and resource policies of one CloudFormation template.

    Example::

        sim = Simulator.from_template(json.load(open("cdk.out/App.template.json")), account="111122223333")
        sim.can_assume("DeployRole1A2B3C4D", {"Federated": provider_arn},
                       {"token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main",
                        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}).allowed
        sim.can("DeployRole1A2B3C4D", "s3:PutObject", "arn:aws:s3:::artifacts/app.zip").decision
    """

    def __init__(self, template: Template, *, scps: Sequence[Sequence[Policy]] = (),
                 managed_policies: Mapping[str, Policy] | None = None) -> None:
        self.template = template
        self.scps = scps
        self.managed_policies = dict(managed_policies or {})
        self._identity: dict[str, dict[str, Policy]] = {}
        self._stack_path: str | None = None  # the CDK stack from_stack read, whose constructs name its resources

    @classmethod
    def from_template(
        cls,
        template: Mapping[str, Any],
        *,
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
        partition: str = "aws",
        stack_name: str = DEFAULT_STACK_NAME,
        scps: Sequence[Sequence[Policy]] = (),
        managed_policies: Mapping[str, Policy] | None = None,
    ) -> Simulator:
        """A simulator over a parsed CloudFormation template (a dict).

        ``account``, ``region``, ``partition`` and ``stack_name`` stand in for the pseudo parameters. ``scps``:
        one list of SCPs per level, for callers in ``account``. ``managed_policies``: documents of attached
        managed policies the template does not define, by ARN. Default: account 123456789012, us-east-1, aws,
        stack name "Stack", no SCPs, no extra policies.

        Example::

            Simulator.from_template(json.load(open("cdk.out/App.template.json")), account="111122223333")
        """
        loaded = load_template(template, account=account, region=region, partition=partition, stack_name=stack_name)
        return cls(loaded, scps=scps, managed_policies=managed_policies)

    @classmethod
    def from_stack(
        cls,
        stack: Any,
        *,
        account: str | None = None,
        region: str | None = None,
        partition: str = "aws",
        scps: Sequence[Sequence[Policy]] = (),
        managed_policies: Mapping[str, Policy] | None = None,
    ) -> Simulator:
        """A simulator over a CDK stack, synthesized through its Stage or app (adds nothing to the app).

        The stack's own ``Stage`` (the app for a top-level stack, ``Prod`` for ``Stack(Stage(app, "Prod"), "Api")``)
        is synthesized, or its earlier synthesis read: CDK synthesizes a Stage once, so a stack added or changed
        after that is refused with :class:`ValidationError` (build every stack first), and so is a ``NestedStack``
        (its template is a file asset of its parent, fed by the parent's parameters). Constructs given to the
        simulator must be of this stack (:class:`TemplateError` otherwise: logical ids repeat across stacks). The
        account and region are the stack's (or its Stage's) when they are concrete, else ``account`` / ``region``,
        else 123456789012 / us-east-1.

        Example::

            app = App(); stack = MyStack(app, "Ci")
            Simulator.from_stack(stack).can_assume(stack.deploy_role, {"Federated": provider_arn}, claims)
        """
        if stack.nested:
            raise ValidationError(
                "stack", stack.node.path,
                f"is a NestedStack, which from_stack does not read: its template is a file asset of its parent "
                f"{stack.nested_stack_parent.node.path!r}, its values are parameters the parent passes, its name "
                f"(AWS::StackName, and the names CloudFormation generates for its roles) is made at deploy time, and "
                f"the resource policies its roles meet may be the parent's, so an offline answer could be wrong: pass "
                f"the parent stack for the parent's roles, and build the roles to evaluate in a Stack",
            )
        template = _synthesized_template(stack)
        concrete = lambda value: value if isinstance(value, str) and not is_unresolved(value) else None  # noqa: E731
        simulator = cls.from_template(
            template,
            account=account or concrete(stack.account) or DEFAULT_ACCOUNT,
            region=region or concrete(stack.region) or DEFAULT_REGION,
            partition=partition,
            stack_name=concrete(stack.stack_name) or DEFAULT_STACK_NAME,
            scps=scps,
            managed_policies=managed_policies,
        )
        simulator._stack_path = stack.node.path
        return simulator

    def _logical_id(self, construct: Any, kind: str) -> str:
        """The logical id of a CDK construct's CloudFormation resource, refused for a construct of another stack
        than the one ``from_stack`` read (logical ids are relative to a stack, so they repeat across stacks)."""
        its_stack = construct.stack.node.path
        if self._stack_path is not None and its_stack != self._stack_path:
            raise TemplateError(f"{kind} {construct.node.path!r} is in stack {its_stack!r}, not in "
                                f"{self._stack_path!r}, whose template this simulator reads: "
                                f"use Simulator.from_stack on its stack")
        return construct.stack.resolve(construct.node.default_child.logical_id)

    @property
    def roles(self) -> Mapping[str, Role]:
        """The template's roles by logical id.

        Example::

            sorted(sim.roles)   # ["DeployRole2D5B9F0C", ...]
        """
        return self.template.roles

    def role(self, role: Any) -> Role:
        """The role named by a logical id, a CDK construct path, or a CDK role construct.

        Example::

            sim.role("Deploy").arn
        """
        key = self._logical_id(role, "role") if hasattr(role, "node") else role
        roles = self.template.roles
        if isinstance(key, str) and key in roles:
            return roles[key]
        matches = [r for r in roles.values() if isinstance(key, str) and r.cdk_path and (
            r.cdk_path in (key, f"{key}/Resource") or r.cdk_path.endswith((f"/{key}/Resource", f"/{key}")))]
        if len(matches) == 1:
            return matches[0]
        known = ", ".join(sorted(roles)) or "none"
        problem = "matches several roles" if matches else "is not a role of the template"
        hint = "" if matches or any(r.cdk_path for r in roles.values()) else (
            "; the template has no construct paths (aws:cdk:path metadata, which `cdk synth` writes, and an App "
            "with the context aws:cdk:enable-path-metadata=true), so name a role by its logical id, or pass the "
            "role construct itself")
        raise TemplateError(f"role {key!r} {problem} (roles: {known}){hint}")

    def arn(self, resource: Any) -> str:
        """The ARN the simulator gives a resource of the template (by logical id or CDK construct).

        Example::

            sim.can(role, "s3:GetObject", sim.arn(bucket) + "/reports/q1.csv")
        """
        key = self._logical_id(resource, "resource") if hasattr(resource, "node") else resource
        arn = self.template.resolve({"Fn::GetAtt": [key, "Arn"]})
        if not isinstance(arn, str) or arn.startswith("<unresolved"):
            raise TemplateError(f"resource {key!r} has no ARN the template can resolve offline ({arn})")
        return arn

    def _check(self, role: Role, *, trust_only: bool) -> None:
        gaps = [g for g in role.unresolved if not trust_only or g.logical_id == role.logical_id and (
            g.path.startswith("AssumeRolePolicyDocument") or g.path == "RoleName")]
        if gaps:
            raise TemplateError(f"role {role.logical_id!r} cannot be evaluated offline: "
                                f"{'; '.join(str(g) for g in gaps)}")

    def _policies(self, role: Role) -> tuple[dict[str, Policy], Policy | None]:
        """The role's identity-based policies by name, and its boundary; raises when a document is missing."""
        self._check(role, trust_only=False)
        missing = [arn for arn in role.external_policy_arns if arn not in self.managed_policies]
        boundary = role.boundary
        if role.boundary_arn and boundary is None:
            boundary = self.managed_policies.get(role.boundary_arn)
            if boundary is None:
                missing.append(role.boundary_arn)
        if missing:
            raise TemplateError(
                f"role {role.logical_id!r} uses {', '.join(missing)}, whose document is not in the template: give "
                f"it (Simulator(managed_policies={{arn: document}}), or can --managed-policy ARN=FILE)"
            )
        if role.logical_id not in self._identity:
            self._identity[role.logical_id] = {
                **role.inline_policies,
                **role.managed_policies,
                **{arn: self.managed_policies[arn] for arn in role.external_policy_arns},
            }
        return self._identity[role.logical_id], boundary

    def _session(self, role: Role, context: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
        arn = f"arn:{self.template.partition}:sts::{self.template.account}:assumed-role/{role.name}/{SESSION_NAME}"
        facts: dict[str, Any] = {PRINCIPAL_ARN: role.arn}
        facts.update({f"aws:PrincipalTag/{key}": value for key, value in role.tags.items()})
        facts.update(context or {})
        return arn, facts

    def _scps_for(self, account: str | None) -> Sequence[Sequence[Policy]]:
        return self.scps if account == self.template.account else ()

    def _resource_policy(self, action: str, resource: str) -> Policy | None:
        if action.lower().startswith("sts:"):
            for role in self.template.roles.values():
                if role.arn == resource:
                    return role.trust_policy
        for policy in self.template.resource_policies:
            for pattern in policy.resources:
                if resource == pattern or (pattern.endswith("/*") and resource.startswith(pattern[:-1])):
                    return policy.document
        return None

    def can_assume(
        self,
        role: Any,
        principal: Principal | Any,
        context: Mapping[str, Any] | None = None,
        *,
        action: str | None = None,
        caller_policies: Sequence[Policy] | None = None,
    ) -> EvaluationResult:
        """Whether ``principal`` may assume ``role`` (by its trust policy, and its own side's policies).

        ``principal``: an ARN, ``{"Service": ...}``, ``{"Federated": ...}``, or a role of the template (by
        logical id, path or construct), which then acts as a session with its own policies. ``action``:
        default ``sts:AssumeRoleWithWebIdentity`` for an OIDC ``Federated`` principal,
        ``sts:AssumeRoleWithSAML`` for a SAML one, else ``sts:AssumeRole``. ``caller_policies``: the caller's
        identity-based policies; default: its account lets it make the call.

        Example::

            sim.can_assume("Deploy", {"Federated": provider_arn},
                           {"token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"})
        """
        target = self.role(role)
        self._check(target, trust_only=True)
        if action is None:
            federated = principal.get("Federated") if isinstance(principal, Mapping) else None
            action = "sts:AssumeRole" if not isinstance(federated, str) else (
                "sts:AssumeRoleWithSAML" if ":saml-provider/" in federated else "sts:AssumeRoleWithWebIdentity")
        caller = self._template_role(principal)
        boundary = None
        if caller is not None:
            principal, facts = self._session(caller, context)
            own, boundary = self._policies(caller)
            identity = own if caller_policies is None else caller_policies
        else:
            facts = dict(context or {})
            identity = caller_policies if caller_policies is not None else _callers_own_grant(action, target.arn)
        request = Request(principal, action, target.arn, facts)
        return evaluate(request, identity, resource=target.trust_policy, boundary=boundary,
                        scps=self._scps_for(request.principal_account))

    def _template_role(self, principal: Any) -> Role | None:
        if hasattr(principal, "node"):
            return self.role(principal)
        if isinstance(principal, str) and not principal.startswith("arn:") and not principal.isdigit():
            return self.role(principal)
        return None

    def can(
        self,
        role: Any,
        action: str,
        resource: str = "*",
        context: Mapping[str, Any] | None = None,
        *,
        session_policy: Policy | None = None,
        resource_policy: Policy | None = None,
        resource_account: str | None = None,
    ) -> EvaluationResult:
        """Whether a session of ``role`` may do ``action`` on ``resource``.

        The role's identity-based policies and boundary apply, and the template's resource policy for the
        resource (bucket, queue, topic, key policy; a role's trust policy for ``sts:*`` on it), unless
        ``resource_policy`` names another. ``session_policy``: a session policy passed at AssumeRole.
        ``resource_account``: the resource's owner when its ARN does not say (S3); default: the template's
        account.

        Example::

            sim.can("Deploy", "s3:PutObject", "arn:aws:s3:::artifacts/app.zip").allowed
        """
        target = self.role(role)
        identity, boundary = self._policies(target)
        principal, facts = self._session(target, context)
        request = Request(principal, action, resource, facts, resource_account=resource_account)
        chosen = resource_policy if resource_policy is not None else self._resource_policy(action, resource)
        return evaluate(request, identity, resource=chosen, boundary=boundary, session=session_policy,
                        scps=self._scps_for(self.template.account))

