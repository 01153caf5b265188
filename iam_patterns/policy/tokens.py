"""Recognise unresolved AWS CDK tokens without importing ``aws_cdk``.

The pure core validates plain values and lets CDK tokens (``${Token[...]}`` strings, ``#{Token[...]}`` list
items, and CDK's encoded numbers) pass through untouched, as aws-cdk itself does with
``Token.is_unresolved``: their value is only known at deploy time.
"""

from __future__ import annotations

import struct

__all__ = ["is_unresolved"]

_STRING_MARKERS = ("${Token[", "#{Token[")
# aws-cdk encodes a number token as a double whose top 16 bits are 0xFBFF (a huge negative number).
_NUMBER_TOKEN_BITS = 0xFBFF


def is_unresolved(value: object) -> bool:
    """Whether ``value`` holds an unresolved CDK token (a string, number or list that CDK will resolve later).

    Example::

        is_unresolved("${Token[AWS.AccountId.3]}")   # True
        is_unresolved("123456789012")                # False
    """
    if isinstance(value, str):
        return any(marker in value for marker in _STRING_MARKERS)
    if isinstance(value, float):
        return struct.unpack(">Q", struct.pack(">d", value))[0] >> 48 == _NUMBER_TOKEN_BITS
    if isinstance(value, (list, tuple)):
        return any(is_unresolved(item) for item in value)
    return False
