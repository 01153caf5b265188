"""``missing-version``: a policy document without ``"Version": "2012-10-17"``.

Without it IAM uses the 2008 language: policy variables such as ``${aws:username}`` are read as literal text
and some newer features are unavailable. (A variable in such a policy is ``literal-policy-variable``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping

from ..policy import VERSION
from .subject import Subject

ID = "missing-version"
DESCRIPTION = 'Policy without "Version": "2012-10-17"'
SOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html"


def check(subject: Subject) -> Iterator[str]:
    """Messages for each policy document whose Version is absent.

    Example::

        list(check(subject))   # ['AssumeRolePolicyDocument has no Version: write "Version": "2012-10-17"']
    """
    for policy in subject.policies:
        if isinstance(policy.document, Mapping) and "Version" not in policy.document:
            yield f'{policy.name} has no Version, so IAM reads it as 2008-10-17: write "Version": "{VERSION}"'
