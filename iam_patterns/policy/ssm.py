"""Systems Manager Session Manager access for an instance role: the minimal permissions AWS documents.

SSM Agent registers the instance (``ssm:UpdateInstanceInformation``) and opens the session channels
(``ssmmessages:*Channel``); none of these actions has a narrower resource than ``*``. This is far less than the AWS
managed policy ``AmazonSSMManagedInstanceCore`` (which also reads every SSM parameter and document): attach that
policy yourself (``managed_policies=``) if the instance also needs Run Command, Patch Manager or State Manager.

Example::

    session_manager_access().to_json_string()
"""

from __future__ import annotations

from .document import PolicyDocument, Statement

__all__ = ["SESSION_MANAGER_ACTIONS", "session_manager_access"]

SESSION_MANAGER_ACTIONS = (
    "ssm:UpdateInstanceInformation",
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
)
"""What SSM Agent needs for Session Manager, per AWS's custom instance profile for Session Manager."""


def session_manager_access() -> PolicyDocument:
    """The permission policy that lets SSM Agent on an instance register and serve Session Manager sessions.

    Example::

        Ec2InstanceRole(self, "Web", session_manager=True)   # inlines this document
    """
    return PolicyDocument(
        statements=(Statement(sid="ServeSessionManagerSessions", action=SESSION_MANAGER_ACTIONS, resource="*"),)
    )
