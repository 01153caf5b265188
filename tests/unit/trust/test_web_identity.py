"""OIDC web-identity trust statements: audience always pinned, exact and wildcard subjects kept apart."""

from __future__ import annotations

import re

import pytest

from iam_patterns.errors import ValidationError
from iam_patterns.trust.web_identity import condition_key, has_wildcard, web_identity_statements

GITHUB = "token.actions.githubusercontent.com"
PROVIDER = f"arn:aws:iam::111122223333:oidc-provider/{GITHUB}"


def _build(subjects, **kwargs):
    options = {"provider_arn": PROVIDER, "issuer": GITHUB, "audiences": ["sts.amazonaws.com"], "sid": "AllowCI"}
    return web_identity_statements(subjects=subjects, **{**options, **kwargs})


def test_exact_subjects_use_string_equals_with_the_audience():
    (statement,) = _build(["repo:acme/app:ref:refs/heads/main", "repo:acme/app:environment:prod"])
    assert statement.to_json() == {
        "Sid": "AllowCI",
        "Effect": "Allow",
        "Principal": {"Federated": PROVIDER},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
            "StringEquals": {
                f"{GITHUB}:aud": "sts.amazonaws.com",
                f"{GITHUB}:sub": ["repo:acme/app:ref:refs/heads/main", "repo:acme/app:environment:prod"],
            }
        },
    }


def test_wildcard_subjects_get_their_own_string_like_statement_that_still_pins_the_audience():
    exact, wildcard = _build(["repo:acme/app:ref:refs/heads/main", "repo:acme/app:ref:refs/tags/v*"])
    assert exact.condition["StringEquals"][f"{GITHUB}:sub"] == "repo:acme/app:ref:refs/heads/main"
    assert wildcard.sid == "AllowCIWildcard"
    assert wildcard.condition == {
        "StringEquals": {f"{GITHUB}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{GITHUB}:sub": "repo:acme/app:ref:refs/tags/v*"},
    }


def test_only_wildcards_keep_the_given_sid():
    (statement,) = _build(["repo:acme/app:pull_request?"])
    assert statement.sid == "AllowCI"
    assert "StringLike" in statement.condition


def test_no_statement_uses_for_all_values():
    statements = _build(["repo:acme/app:*", "repo:acme/app:ref:refs/heads/main"])
    assert not any(op.startswith("ForAllValues:") for s in statements for op in s.condition)


def test_extra_actions_such_as_tag_session_are_listed():
    (statement,) = _build(["system:serviceaccount:ns:sa"], actions=["sts:AssumeRoleWithWebIdentity", "sts:TagSession"])
    assert statement.action == ("sts:AssumeRoleWithWebIdentity", "sts:TagSession")


def test_further_claims_are_required_in_every_statement():
    workflow = "acme/deploy/.github/workflows/deploy.yml@refs/heads/main"
    exact, wildcard = _build(["repo:acme/app:ref:refs/heads/main", "repo:acme/app:ref:refs/tags/v*"],
                             claims={"job_workflow_ref": [workflow]})
    for statement in (exact, wildcard):
        assert statement.condition["StringEquals"][f"{GITHUB}:job_workflow_ref"] == workflow
        assert statement.condition["StringEquals"][f"{GITHUB}:aud"] == "sts.amazonaws.com"


def test_a_further_claim_with_a_wildcard_is_matched_with_string_like():
    refs = ["acme/deploy/.github/workflows/deploy.yml@refs/heads/main", "acme/deploy/.github/workflows/deploy.yml@refs/tags/v*"]
    (statement,) = _build(["repo:acme/app:environment:prod"], claims={"job_workflow_ref": refs})
    assert statement.condition == {
        "StringEquals": {f"{GITHUB}:aud": "sts.amazonaws.com", f"{GITHUB}:sub": "repo:acme/app:environment:prod"},
        "StringLike": {f"{GITHUB}:job_workflow_ref": tuple(refs)},
    }


def test_condition_keys_drop_the_scheme():
    assert condition_key(f"https://{GITHUB}", "sub") == f"{GITHUB}:sub"
    assert has_wildcard("a?b") and has_wildcard("a*") and not has_wildcard("repo:acme/app")


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"subjects": []}, "subjects is [], but must name at least one value"),
        ({"subjects": [""]}, "subjects is '', but must be a non-empty string"),
        ({"subjects": "repo:acme/app:*"}, "subjects is 'repo:acme/app:*', but must be a list of strings, not one"),
        ({"subjects": ["x"], "audiences": []}, "audiences is [], but must name at least one value"),
        ({"subjects": ["x"], "claims": {"job_workflow_ref": []}}, "claims['job_workflow_ref'] is [], but must name"),
        ({"subjects": ["x"], "claims": {"sub": ["y"]}}, "claims is 'sub', but must not name 'aud' or 'sub'"),
    ],
)
def test_empty_or_misplaced_values_are_refused(kwargs, fragment):
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        _build(**kwargs)
