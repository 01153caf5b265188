"""``LambdaExecutionRole``: a Lambda function's execution role, writing only to the function's own log group."""

from __future__ import annotations

from constructs import Construct
from typing_extensions import Unpack

from ..errors import ValidationError
from ..policy import PolicyDocument, lambda_execution_access, lambda_log_group_name
from ..trust.service import LAMBDA_SERVICE, service_trust_statements
from ._aws import ACCOUNT_ID, PARTITION, REGION
from ._role import PatternRole, RoleOptions

__all__ = ["LambdaExecutionRole"]


class LambdaExecutionRole(PatternRole):
    """The execution role of one Lambda function (``lambda.amazonaws.com``, Sid ``AllowLambdaToAssume``).

    Its inline policy ``lambda-execution`` (``lambda_execution_access``) lets the function write to its own log
    group only, never the ``AWSLambdaBasicExecutionRole`` managed policy (every log group of the account); ``vpc``
    and ``xray`` add the network-interface and trace actions AWS documents. Name the log group by the function's
    name (``/aws/lambda/NAME``) or directly (the function's ``log_group``); exactly one of the two. Usable wherever
    an ``IRole`` goes: ``lambda_.Function(role=role, ...)``. (``lambda_.Function(tracing=...)`` grants the X-Ray
    actions itself; ``xray`` is for functions defined otherwise.) Takes the common role options.

    Example::

        log_group = logs.LogGroup(self, "Logs", retention=logs.RetentionDays.ONE_MONTH)
        role = LambdaExecutionRole(self, "Role", log_group_name=log_group.log_group_name)
        lambda_.Function(self, "Fn", role=role, log_group=log_group, runtime=..., handler=..., code=...)
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        function_name: str | None = None,
        log_group_name: str | None = None,
        vpc: bool = False,
        xray: bool = False,
        **options: Unpack[RoleOptions],
    ) -> None:
        """
        :param function_name: The function's name, when it logs to the default group ``/aws/lambda/NAME``.
            Default: none (give ``log_group_name``).
        :param log_group_name: The log group the function writes to. Default: none (give ``function_name``).
        :param vpc: Allow the network-interface actions a function in a VPC needs. Default: False.
        :param xray: Allow writing X-Ray traces (active tracing). Default: False.
        """
        if (function_name is None) == (log_group_name is None):
            raise ValidationError(
                "function_name/log_group_name",
                [function_name, log_group_name],
                "must name exactly one of the two: the function's own log group is the only one it may write to",
            )
        if function_name is not None:
            log_group_name = lambda_log_group_name(function_name)
        access = lambda_execution_access(
            log_group_name, region=REGION, account=ACCOUNT_ID, partition=PARTITION, vpc=vpc, xray=xray
        )
        trust = PolicyDocument(statements=service_trust_statements(LAMBDA_SERVICE))
        super().__init__(
            scope, construct_id, trust_policy=trust, inline_policies={"lambda-execution": access}, **options
        )
