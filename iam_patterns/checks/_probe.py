"""Questions the checks put to the evaluator (``iam_patterns.evaluation.evaluate``) rather than answer by hand.

"Is this statement open to anyone?" is asked as: would AWS allow a principal of an unrelated account, one
who has read the policy and sets every key a caller controls (``sts:ExternalId``, ``sts:RoleSessionName``,
``aws:SecureTransport``, request tags, ...) to the value the policy asks for? Keys a caller cannot choose
(``aws:PrincipalOrgID``, ``aws:SourceArn``, ``aws:SourceVpce``, ...) stay absent, so a condition on them
narrows the statement, as it does in AWS.

Wildcards in the policy's actions and resources are made concrete: an action pattern becomes the first
catalogue action it matches, a resource pattern has each ``*`` replaced by ``probe``. An identity-based policy is
probed on resources of the type the action acts on (the catalogue's resource types): ``iam:CreateUser`` on a
user, even when the statement that grants it lists roles first.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..errors import ValidationError
from ..evaluation import Request, evaluate
from ._statements import allows, grants, principals, statements, tests, values
from .catalogue import CATALOGUE
from .subject import Policy

PROBE = "iam-patterns-probe"
_OUTSIDERS = ("999999999999", "888888888888")
_CALLER_KEYS = frozenset(("sts:externalid", "sts:rolesessionname", "sts:sourceidentity", "aws:useragent",
                          "aws:referer", "aws:securetransport", "aws:tagkeys"))
_CALLER_KEY_PREFIXES = ("aws:requesttag/",)
_ACTION = re.compile(r"[A-Za-z0-9-]+:[A-Za-z0-9]+")
_VARIABLE = re.compile(r"\$\{(\w+)\}")
_ARN_PARTS = {"Partition": "[^:]+", "Region": "[^:]*", "Account": "[^:]*"}
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}


def concrete(pattern: str) -> str:
    """A value that ``pattern`` matches: each ``*`` becomes ``probe`` and each ``?`` becomes ``x``."""
    return pattern.replace("*", "probe").replace("?", "x")


def concrete_action(pattern: str) -> str | None:
    """A real action that ``pattern`` names, or ``None`` when it names none the catalogue knows."""
    if "*" not in pattern and "?" not in pattern:
        return pattern if _ACTION.fullmatch(pattern) else None
    matches = CATALOGUE.matches(pattern)
    return matches[0] if matches else None


def _caller_context(statement: Mapping[str, Any]) -> dict[str, Any]:
    context: dict[str, Any] = {"aws:SecureTransport": "true", "aws:CurrentTime": time.strftime("%Y-%m-%dT%H:%M:%SZ"),
                               "aws:EpochTime": str(int(time.time()))}
    for test in tests(statement):
        if test.narrows and test.values and (test.key in _CALLER_KEYS or test.key.startswith(_CALLER_KEY_PREFIXES)):
            context[test.key] = concrete(test.values[0])
    return context


def open_statements(policy: Policy, account: str, partition: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """The Allow statements of a trust or resource policy that let a principal of any account in.

    Example::

        [index for index, _ in open_statements(subject.policies[0], subject.account, subject.partition)]
    """
    outsider = next(a for a in _OUTSIDERS if a != account)
    for index, statement in statements(policy.document):
        if not allows(statement) or "*" not in principals(statement, "AWS"):
            continue
        action = next((a for a in map(concrete_action, values(statement.get("Action"))) if a), None)
        resource = next((concrete(r) for r in values(statement.get("Resource")) if r != "*"), None)
        resource = resource or (policy.guards[0] if policy.guards else None)
        if action is None or resource is None:
            continue
        try:
            request = Request(f"arn:{partition}:iam::{outsider}:role/{PROBE}", action, resource,
                              _caller_context(statement), resource_account=account)
            if evaluate(request, [ALLOW_ALL], resource=policy.document).allowed:
                yield index, statement
        except ValidationError:
            return  # a malformed policy: the evaluator cannot answer, and other checks report what they can


def _decision(request: Request, documents: Sequence[Any], boundary: Any = None) -> bool | None:
    """Whether the policies allow ``request``; ``None`` when the evaluator cannot read one of them (malformed, an
    unknown operator, a context value an operator cannot read)."""
    try:
        return evaluate(request, list(documents), boundary=boundary).allowed
    except ValidationError:
        return None


def identity_allows(documents: Sequence[Any], action: str, resource: str, context: Mapping[str, Any], *,
                    account: str, partition: str, boundary: Any = None, principal: str | None = None) -> bool:
    """Whether identity-based policies let a principal of ``account`` do ``action`` on ``resource``: alone, or
    under the permissions ``boundary`` when one is given. The principal is a user named ``PROBE`` unless
    ``principal`` (a role or user ARN) is given. A policy or boundary the evaluator cannot read is left out: it
    grants nothing and stops nothing."""
    try:
        request = Request(principal or f"arn:{partition}:iam::{account}:user/{PROBE}", action, resource,
                          dict(context))
    except ValidationError:
        return False
    allowed = _decision(request, documents, boundary)
    if allowed is None:
        readable = [d for d in documents if _decision(request, [d]) is not None]
        allowed = evaluate(request, readable, boundary=boundary if _decision(request, [], boundary) is not None
                           else None).allowed
    return allowed


@lru_cache(maxsize=256)
def _arn_format(arn_format: str) -> re.Pattern[str]:
    """What an ARN format of the catalogue matches: ``${Partition}`` one ARN field, ``${Region}`` and ``${Account}``
    one field or none, any other variable (a name, with its path) anything."""
    parts = _VARIABLE.split(arn_format)  # text, variable, text, ...
    return re.compile("".join(re.escape(part) if i % 2 == 0 else _ARN_PARTS.get(part, ".+")
                              for i, part in enumerate(parts)))


def of_type(action: str, arn: str) -> bool:
    """Whether ``arn`` is a resource of a type ``action`` acts on (any ARN, when the catalogue lists no type)."""
    formats = CATALOGUE.arn_formats(action)
    return not formats or any(_arn_format(f).fullmatch(arn) for f in formats)


def typed_probe(action: str, *, account: str, partition: str) -> str | None:
    """An ARN of the first resource type ``action`` acts on, in ``account``, named ``PROBE``; ``None`` when the
    catalogue lists no type for it.

    Example::

        typed_probe("iam:CreateUser", account="111122223333", partition="aws")
        # "arn:aws:iam::111122223333:user/iam-patterns-probe"
    """
    formats = CATALOGUE.arn_formats(action)
    fill = {"Partition": partition, "Account": account}
    return _VARIABLE.sub(lambda m: fill.get(m.group(1), PROBE), formats[0]) if formats else None


def candidate_resources(document: Any, action: str, *, account: str, partition: str) -> list[str]:
    """Concrete resources, of a type ``action`` acts on, for which the policy's Allow statements grant ``action``;
    then :func:`typed_probe`'s ARN, which ``*`` (or a pattern wider than a type) grants. Ask the evaluator which
    of them the policy allows: these are only the ones worth asking about."""
    out = []
    for _, statement in statements(document):
        if grants(statement, action):
            for resource in values(statement.get("Resource")):
                value = concrete(resource)
                if resource != "*" and of_type(action, value) and value not in out:
                    out.append(value)
    probe = typed_probe(action, account=account, partition=partition)
    return out + [probe] if probe and probe not in out else out
