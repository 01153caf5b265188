"""``OrgBaseline``: the audit role, the break-glass role and its alerts, the boundary and the delegation policy
that every member account of an organization gets, as one set of constructs for an ``OrgRollout``."""

from __future__ import annotations

from collections.abc import Sequence

from aws_cdk import Duration
from aws_cdk import aws_iam as iam
from constructs import Construct

from ..guardrails.org_baseline import (
    AUDIT_MFA_MAX_AGE,
    AUDIT_POLICY,
    BREAK_GLASS_MFA_MAX_AGE,
    BREAK_GLASS_POLICY,
    BREAK_GLASS_SESSION,
    org_baseline,
)
from ._aws import ACCOUNT_ID, PARTITION
from .access_activity_alerts import AccessActivityAlerts
from .aspects import acknowledge_check
from .boundary_delegation import BoundaryDelegation
from .cross_account_role import CrossAccountRole
from .permissions_boundary import PermissionsBoundaryPolicy

__all__ = ["OrgBaseline"]


class OrgBaseline(Construct):
    """The baseline of a member account, written for an ``OrgRollout`` (every ARN it emits names the account
    and partition it is deployed in, by ``AWS::AccountId`` and ``AWS::Partition``):

    - ``.audit_role`` (``<prefix>audit``): a ``CrossAccountRole`` the security account assumes with
      ``external_id`` and MFA used within 12 hours, with the AWS managed ``SecurityAudit`` policy;
    - ``.break_glass_role`` (``<prefix>break-glass``): a ``CrossAccountRole`` only ``break_glass_principals``
      assume, with MFA used within the hour, for one-hour sessions with ``AdministratorAccess``;
    - ``.alerts``: ``AccessActivityAlerts`` on assuming the break-glass role and on root-user activity (no
      analyzer: an account holds one account analyzer per region; use an organization analyzer);
    - ``.boundary`` (``<prefix>boundary``) and ``.delegation`` (``<prefix>delegation``): a
      ``PermissionsBoundaryPolicy`` and the ``BoundaryDelegation`` for roles on ``role_path``, for permission
      sets to reference by name in every account.

    Every input is checked (``iam_patterns.guardrails.org_baseline.org_baseline``) before anything is emitted.
    For the kit's checks, the break-glass role's ``AdministratorAccess`` is acknowledged, with its reason (the
    boundary's service-wide allows need nothing: the checks read a policy that the delegation's
    ``iam:PermissionsBoundary`` condition names as a boundary, a ceiling rather than a grant).
    MFA conditions hold only for callers who signed in with MFA as IAM users (a role session, an Identity
    Center session included, carries no MFA), so the callers are IAM users in the security account.

    Example::

        OrgBaseline(stack, "Baseline", security_account="111122223333", external_id="acme-audit-2026",
                    break_glass_principals=["arn:aws:iam::111122223333:user/breakglass-1"],
                    services=["s3", "dynamodb", "lambda", "logs"], role_path="/workloads/",
                    passed_to_services=["lambda.amazonaws.com"])
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        security_account: str,
        external_id: str,
        break_glass_principals: Sequence[str],
        services: Sequence[str],
        role_path: str,
        passed_to_services: Sequence[str],
        name_prefix: str = "org-",
    ) -> None:
        """
        :param security_account: The account whose principals may assume the audit role. Default: required.
        :param external_id: The ``sts:ExternalId`` the auditors pass. Default: required.
        :param break_glass_principals: Role or user ARNs that may assume the break-glass role. Default: required.
        :param services: Service prefixes the permissions boundary allows (``s3``, ``lambda``). Default: required.
        :param role_path: The path of the roles the delegation lets teams create, not ``/``. Default: required.
        :param passed_to_services: Service principals those roles may be passed to. Default: required.
        :param name_prefix: The prefix of the four names (``org-audit``, ...). Default: ``org-``.
        """
        # Building the pure documents checks every input, so a refusal leaves nothing emitted.
        names = org_baseline(
            security_account=security_account,
            external_id=external_id,
            break_glass_principals=break_glass_principals,
            services=services,
            role_path=role_path,
            passed_to_services=passed_to_services,
            name_prefix=name_prefix,
            account=ACCOUNT_ID,
            partition=PARTITION,
        ).names
        super().__init__(scope, construct_id)
        self.names = names
        """The names of the roles and policies, the same in every account."""
        self.boundary = PermissionsBoundaryPolicy(
            self, "Boundary", services=services, managed_policy_name=names.boundary,
            description="Organization baseline: the ceiling of every role created under the delegation",
        )
        """The permissions boundary."""
        self.delegation = BoundaryDelegation(
            self, "Delegation", boundary=self.boundary, role_path=role_path, passed_to_services=passed_to_services,
            managed_policy_name=names.delegation,
            description=f"Organization baseline: create roles on {role_path} only with {names.boundary}",
        )
        """The delegation policy, for permission sets to reference by ``.reference``."""
        self.audit_role = CrossAccountRole(
            self, "AuditRole", trusted_accounts=[security_account], external_id=external_id,
            mfa_max_age=Duration.seconds(AUDIT_MFA_MAX_AGE), role_name=names.audit_role,
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(AUDIT_POLICY)],
            description="Organization baseline: read-only security audit from the security account",
        )
        """The audit role."""
        self.break_glass_role = CrossAccountRole(
            self, "BreakGlassRole", trusted_principals=break_glass_principals,
            mfa_max_age=Duration.seconds(BREAK_GLASS_MFA_MAX_AGE),
            max_session_duration=Duration.seconds(BREAK_GLASS_SESSION), role_name=names.break_glass_role,
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(BREAK_GLASS_POLICY)],
            description="Organization baseline: emergency administrator access; every use raises an alert",
        )
        """The break-glass role."""
        acknowledge_check(self.break_glass_role, "aws-managed-admin-policy", reason=(
            "Break-glass: administrator access is its purpose; only the named principals, with MFA used within "
            "the hour, for one-hour sessions, and every use raises an alert."))
        self.alerts = AccessActivityAlerts(self, "Alerts", watched_roles=[self.break_glass_role], analyzer_type=None)
        """The alerts on assuming the break-glass role and on root-user activity; subscribe to ``.alerts.topic``."""
