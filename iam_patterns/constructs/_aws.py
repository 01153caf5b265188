"""The pseudo-parameter tokens (``${AWS::Partition}``, ``${AWS::Region}``, ``${AWS::AccountId}``), read once.

Each read of ``Aws.PARTITION`` is a jsii round trip (~0.1 ms); the tokens never change, so the constructs that
build ARNs share these.
"""

from __future__ import annotations

from aws_cdk import Aws

__all__ = ["ACCOUNT_ID", "PARTITION", "REGION"]

PARTITION: str = Aws.PARTITION
REGION: str = Aws.REGION
ACCOUNT_ID: str = Aws.ACCOUNT_ID
