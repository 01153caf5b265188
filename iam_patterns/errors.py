"""The kit's errors: one tree, so callers can catch everything the kit raises with one ``except``.

::

    IamPatternsError                 base of every error the kit raises on purpose
    ├── ValidationError (ValueError) bad input, refused before anything is emitted
    └── TemplateError                a template that cannot answer the question asked of it (an unresolved
                                     intrinsic, a managed policy whose document it does not hold)

A ``ValidationError`` names the parameter, the value and the rule it broke, and keeps them as attributes::

    raise ValidationError("max_session_duration", 120, "must be between 3600 s and 43200 s", shown="120 s")
    # ValidationError: max_session_duration is 120 s, but must be between 3600 s and 43200 s
"""

from __future__ import annotations

__all__ = ["IamPatternsError", "TemplateError", "ValidationError"]


class IamPatternsError(Exception):
    """Base class of every error that ``iam_patterns`` raises on purpose.

    Example::

        try:
            validate_account_id("12345")
        except IamPatternsError as err:
            print(err)
    """


class ValidationError(IamPatternsError, ValueError):
    """Bad input: ``parameter`` had ``value``, which breaks ``rule``.

    The message reads "<parameter> is <value>, but <rule>". ``shown`` replaces the ``repr`` of the value in
    the message when a unit reads better (``"120 s"``).

    Example::

        ValidationError("external_id", "a", "must be 2 to 1,224 characters long")
        # external_id is 'a', but must be 2 to 1,224 characters long
    """

    def __init__(self, parameter: str, value: object, rule: str, *, shown: str | None = None) -> None:
        self.parameter = parameter
        self.value = value
        self.rule = rule
        super().__init__(f"{parameter} is {shown if shown is not None else repr(value)}, but {rule}")


class TemplateError(IamPatternsError):
    """A template cannot answer what was asked of it: a role it does not have, a value it cannot resolve
    offline, or a managed policy whose document it does not hold.

    Example::

        TemplateError("role 'Deploy' has arn:aws:iam::aws:policy/ReadOnlyAccess attached, whose document ...")
    """
