"""``ServiceRole``: a role an AWS service assumes on your behalf, guarded against the confused deputy."""

from __future__ import annotations

from collections.abc import Sequence

from constructs import Construct
from typing_extensions import Unpack

from ..trust.service import service_role_trust
from ._role import PatternRole, RoleOptions

__all__ = ["ServiceRole"]


class ServiceRole(PatternRole):
    """A role that ``service`` (EventBridge, Config, Step Functions, ...) assumes to act for you, only for the
    sources you name: ``aws:SourceArn`` (``ArnEquals``, or ``ArnLike`` for wildcards) and/or ``aws:SourceAccount``.

    For the services AWS documents as confused-deputy prone (``CONFUSED_DEPUTY_SERVICES``), naming neither is
    refused unless ``unsafe_allow_any_source=True``. ``ec2.amazonaws.com`` is refused (use ``Ec2InstanceRole``).
    Source ARNs and account may be CDK tokens (``rule.rule_arn``, ``Aws.ACCOUNT_ID``). Takes the common role options.

    Example::

        ServiceRole(self, "Scheduler", service="scheduler.amazonaws.com", source_account=Aws.ACCOUNT_ID,
                    source_arns=[f"arn:{Aws.PARTITION}:scheduler:{Aws.REGION}:{Aws.ACCOUNT_ID}:schedule-group/default"])
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        service: str,
        source_arns: Sequence[str] = (),
        source_account: str | None = None,
        unsafe_allow_any_source: bool = False,
        **options: Unpack[RoleOptions],
    ) -> None:
        """
        :param service: The service principal, such as ``events.amazonaws.com``. Default: required.
        :param source_arns: The resources the service may act for (``aws:SourceArn``). Default: none.
        :param source_account: The account those resources belong to (``aws:SourceAccount``). Default: none.
        :param unsafe_allow_any_source: Trust the service for any account's resources (the confused deputy).
            Default: False.
        """
        trust = service_role_trust(
            service,
            source_arns=source_arns,
            source_account=source_account,
            unsafe_allow_any_source=unsafe_allow_any_source,
        )
        super().__init__(scope, construct_id, trust_policy=trust, **options)
