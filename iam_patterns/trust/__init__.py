"""Pure trust-policy builders, one module per pattern: each returns the ``PolicyDocument`` a role trusts with.

Nothing here imports ``aws_cdk``: the same builders feed the constructs, the ``render`` command and tests.
"""

from .cross_account import cross_account_trust
from .ecs import ecs_tasks_trust
from .eks import eks_pod_identity_trust, eks_service_account_trust
from .service import service_role_trust

__all__ = [
    "cross_account_trust",
    "ecs_tasks_trust",
    "eks_pod_identity_trust",
    "eks_service_account_trust",
    "service_role_trust",
]
