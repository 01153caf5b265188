"""GitHub Actions OIDC trust: which jobs of which repository may assume a role, and nothing else.

A job asks GitHub for an OIDC token whose ``sub`` claim names its repository and its context::

    repo:OWNER/REPO:ref:refs/heads/BRANCH     a job on a branch (no environment, not a pull request)
    repo:OWNER/REPO:ref:refs/tags/TAG         a job on a tag (no environment, not a pull request)
    repo:OWNER/REPO:environment:NAME          a job that uses an environment, whatever its branch or event
    repo:OWNER/REPO:pull_request              a job run for a pull request (no environment)
    repo:OWNER@OWNER_ID/REPO@REPO_ID:...      the same, for repositories created (or renamed, transferred)
                                              after 2026-07-15, or opted in to immutable subjects

``github_oidc_trust`` builds the trust policy from what the caller allows, through the shared
``web_identity_statements``: the audience pinned with ``StringEquals``, exact subjects with ``StringEquals``,
subjects with a wildcard (only ever after ``repo:OWNER/REPO:``) with ``StringLike``, and reusable workflows
through the ``job_workflow_ref`` claim. Given ``owner_id`` and ``repository_id`` it lists every subject in both
formats, each exactly: never ``repo:owner*/repo*``, which also matches ``owner-evil/repo-x``.

It refuses what would trust more than was asked for: no repository, a wildcard in the owner or repository
part (unless ``dangerously_allow_repository_wildcard=True``), names GitHub would not accept, no job at all,
a subject of another repository, and a policy over the trust-policy quota.

Example::

    trust = github_oidc_trust(
        provider_arn=github_oidc_provider_arn("111122223333"),
        repository="octo-org/octo-repo",
        branches=["main"],
        environments=["production"],
    )
    print(trust.to_json_string())
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from ..errors import ValidationError
from ..policy import (
    TRUST_POLICY_QUOTA,
    PolicyDocument,
    check_size,
    is_unresolved,
    validate_account_id,
    validate_arn,
    validate_partition,
    validate_trust_policy_quota,
)
from .service import TAG_SESSION
from .web_identity import ASSUME_ROLE_WITH_WEB_IDENTITY, has_wildcard, web_identity_statements

__all__ = [
    "GITHUB_OIDC_AUDIENCE",
    "GITHUB_OIDC_ISSUER",
    "GITHUB_TRUST_SID",
    "JOB_WORKFLOW_REF_CLAIM",
    "TAG_SESSION",
    "github_oidc_issuer",
    "github_oidc_provider_arn",
    "github_oidc_provider_issuer",
    "github_oidc_trust",
    "github_subjects",
    "validate_issuer",
]

GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com"
"""The issuer of GitHub.com's Actions tokens (and the URL of its IAM OIDC provider)."""
GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com"
"""The audience ``aws-actions/configure-aws-credentials`` asks for, and the provider's client id."""
GITHUB_TRUST_SID = "AllowGitHubActions"
"""The Sid of the trust statement (its wildcard-subject twin adds ``Wildcard``)."""
JOB_WORKFLOW_REF_CLAIM = "job_workflow_ref"
"""The claim naming the reusable workflow a job runs in: ``OWNER/REPO/.github/workflows/FILE.yml@REF``."""

_SERVER_TOKEN_PATH = "/_services/token"
_OWNER = re.compile(r"[A-Za-z0-9](?:-?[A-Za-z0-9])*")
_OWNER_GLOB = re.compile(r"[A-Za-z0-9*?-]+")
_REPO = re.compile(r"[A-Za-z0-9._-]+")
_REPO_GLOB = re.compile(r"[A-Za-z0-9._*?-]+")
_GITHUB_ID = re.compile(r"[1-9][0-9]{0,19}")
_HOST = re.compile(r"(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
_PATH_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_REF_FORBIDDEN = re.compile(r"[\x00-\x20\x7f~^:\[\\]")
_SHA = re.compile(r"[0-9a-f]{40}")
_SUBJECT = re.compile(
    r"repo:(?P<owner>[^/@:]+)(?:@(?P<owner_id>[^/:]*))?/(?P<name>[^/@:]+)(?:@(?P<repository_id>[^:]*))?:(?P<context>.+)",
    re.S,
)
_JOB_WORKFLOW_REF = re.compile(
    r"(?P<owner>[^/]+)/(?P<name>[^/]+)/\.github/workflows/[A-Za-z0-9._-]+\.ya?ml@(?P<ref>.+)", re.S
)
_WILDCARD_RISK = (
    "a wildcard there also matches repositories you do not control ('repo:acme*/app*' matches "
    "'acme-evil/app-x'); name the repository exactly, and give owner_id and repository_id to trust both "
    "subject formats"
)
_SIZE_HINT = (
    "; trust fewer subjects or job_workflow_refs (with owner_id and repository_id each subject is listed in "
    "both formats), or raise trust_policy_quota once AWS has raised the account's quota (4,096 at most)"
)
_OWNER_RULE = "1 to 39 letters, digits or single hyphens, not beginning or ending with a hyphen"
_REPO_RULE = "1 to 100 letters, digits, '.', '-' or '_', not '.' or '..', and not ending with '.git' or '.wiki'"
_REF_RULE = (
    "must be a git ref name: no spaces, control characters, '~', '^', ':', '[', '\\', '..', '@{' or '//', no "
    "part beginning with '.' or ending with '.lock', not beginning or ending with '/' nor ending with '.' "
    "('*' and '?' are wildcards)"
)


def _valid_owner(owner: str) -> bool:
    return len(owner) <= 39 and _OWNER.fullmatch(owner) is not None


def _valid_repo(name: str) -> bool:
    return (
        len(name) <= 100
        and _REPO.fullmatch(name) is not None
        and name not in (".", "..")
        and not name.endswith((".git", ".wiki"))
    )


def _valid_ref(ref: str) -> bool:
    parts = ref.split("/")
    return not (
        not ref
        or len(ref) > 255
        or _REF_FORBIDDEN.search(ref)
        or ".." in ref
        or "@{" in ref
        or ref == "@"
        or ref.endswith(".")
        or any(not part or part.startswith(".") or part.endswith(".lock") for part in parts)
    )


def validate_issuer(issuer: str, *, parameter: str = "issuer") -> str:
    """An OIDC issuer URL IAM accepts for a provider: ``https://HOST`` with an optional path, nothing else.

    Example::

        validate_issuer("https://token.actions.githubusercontent.com/octocat-inc")
    """
    url = urlsplit(issuer) if isinstance(issuer, str) else None
    valid = (
        url is not None
        and len(issuer) <= 255
        and url.scheme == "https"
        and _HOST.fullmatch(url.netloc) is not None
        and not (url.query or url.fragment or issuer.endswith(("/", "?", "#")))
        and all(_PATH_SEGMENT.fullmatch(segment) for segment in url.path.split("/")[1:])
    )
    if not valid:
        raise ValidationError(
            parameter, issuer, "must be an https URL of a host and an optional path, with no port, query or "
            f"trailing '/', at most 255 characters, such as {GITHUB_OIDC_ISSUER!r}"
        )
    return issuer


def github_oidc_issuer(*, enterprise: str | None = None, server_host: str | None = None) -> str:
    """The issuer of GitHub Actions tokens: GitHub.com's, an enterprise's own, or a GitHub Enterprise Server's.

    ``enterprise`` is the slug of a GitHub Enterprise Cloud enterprise that turned ``include_enterprise_slug``
    on (its tokens come from ``https://token.actions.githubusercontent.com/SLUG``). ``server_host`` is the host
    of a GitHub Enterprise Server (``https://HOST/_services/token``). Default: GitHub.com's issuer.

    Example::

        github_oidc_issuer(enterprise="octocat-inc")
        # "https://token.actions.githubusercontent.com/octocat-inc"
    """
    if enterprise is not None and server_host is not None:
        raise ValidationError("server_host", server_host, "cannot be given together with enterprise")
    if enterprise is not None:
        if not isinstance(enterprise, str) or _SLUG.fullmatch(enterprise) is None:
            raise ValidationError(
                "enterprise", enterprise, "must be an enterprise slug: lowercase letters, digits and single hyphens"
            )
        return validate_issuer(f"{GITHUB_OIDC_ISSUER}/{enterprise}")
    if server_host is not None:
        if not isinstance(server_host, str) or _HOST.fullmatch(server_host) is None:
            raise ValidationError(
                "server_host", server_host, "must be a host name such as 'github.example.com' (no scheme, port or path)"
            )
        return validate_issuer(f"https://{server_host}{_SERVER_TOKEN_PATH}")
    return GITHUB_OIDC_ISSUER


def _provider_resource(issuer: str) -> str:
    return f"oidc-provider/{issuer.removeprefix('https://')}"


def github_oidc_provider_arn(account_id: str, *, partition: str = "aws", issuer: str = GITHUB_OIDC_ISSUER) -> str:
    """The ARN of the IAM OIDC provider for ``issuer`` in an account (an account has one per issuer URL).

    ``account_id`` and ``partition`` may be CDK tokens (``Aws.ACCOUNT_ID``, ``Aws.PARTITION``).
    Default: the ``aws`` partition and GitHub.com's issuer.

    Example::

        github_oidc_provider_arn("111122223333")
        # "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
    """
    validate_account_id(account_id, parameter="account_id")
    validate_partition(partition, parameter="partition")
    return f"arn:{partition}:iam::{account_id}:{_provider_resource(validate_issuer(issuer))}"


def github_oidc_provider_issuer(provider_arn: str) -> str | None:
    """The issuer URL an IAM OIDC provider ARN names, or None while the ARN is a CDK token (a ``Ref``).

    Example::

        github_oidc_provider_issuer("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com")
        # "https://token.actions.githubusercontent.com"
    """
    validate_arn(provider_arn, parameter="provider_arn")
    if is_unresolved(provider_arn):
        return None
    _, _, service, region, _, resource = provider_arn.split(":", 5)
    if service != "iam" or region or not resource.startswith("oidc-provider/"):
        raise ValidationError(
            "provider_arn", provider_arn, "must be an IAM OIDC provider: arn:PARTITION:iam::ACCOUNT:oidc-provider/URL"
        )
    return validate_issuer(f"https://{resource.removeprefix('oidc-provider/')}", parameter="provider_arn")


def _check_provider_arn(provider_arn: str, issuer: str) -> None:
    validate_arn(provider_arn, parameter="provider_arn")
    resource = _provider_resource(issuer)
    if is_unresolved(provider_arn):  # a Ref is opaque; an ARN built from tokens still ends in its resource
        wrong = "oidc-provider/" in provider_arn and not provider_arn.endswith(f":{resource}")
    else:
        parts = provider_arn.split(":", 5)
        wrong = parts[2] != "iam" or parts[3] != "" or parts[5] != resource
    if wrong:
        raise ValidationError(
            "provider_arn",
            provider_arn,
            f"must be the IAM OIDC provider of issuer {issuer!r}: "
            f"arn:PARTITION:iam::ACCOUNT:{resource}",
        )


def _names(parameter: str, values: Sequence[str]) -> tuple[str, ...]:
    """A list of non-empty strings, in order, without repeats (a lone string is refused, not split)."""
    if isinstance(values, str) or not isinstance(values, (list, tuple)):
        raise ValidationError(parameter, values, "must be a list of strings, such as ['main']")
    for value in values:
        if not isinstance(value, str) or not value:
            raise ValidationError(parameter, value, "must be a non-empty string")
    return tuple(dict.fromkeys(values))


def _repository(repository: str, allow_wildcard: bool) -> tuple[str, str]:
    if not isinstance(repository, str) or not repository or is_unresolved(repository):
        raise ValidationError(
            "repository", repository, "must be 'OWNER/REPO' known at synth time, such as 'octo-org/octo-repo'"
        )
    owner, _, name = repository.partition("/")
    if not owner or not name or "/" in name:
        raise ValidationError("repository", repository, "must be 'OWNER/REPO', such as 'octo-org/octo-repo'")
    if has_wildcard(repository):
        if allow_wildcard is not True:
            raise ValidationError(
                "repository",
                repository,
                f"must not use a wildcard in the owner or repository part: {_WILDCARD_RISK} "
                "(or pass dangerously_allow_repository_wildcard=True)",
            )
        if not (_OWNER_GLOB.fullmatch(owner) and len(owner) <= 39 and _REPO_GLOB.fullmatch(name) and len(name) <= 100):
            raise ValidationError("repository", repository, "must be OWNER/REPO patterns of GitHub name characters")
        return owner, name
    if not _valid_owner(owner):
        raise ValidationError("repository", repository, f"its owner must be {_OWNER_RULE} (GitHub's rule)")
    if not _valid_repo(name):
        raise ValidationError("repository", repository, f"its name must be {_REPO_RULE} (GitHub's rule)")
    return owner, name


def _github_id(parameter: str, value: int | str) -> str:
    if is_unresolved(value):
        return str(value)
    if isinstance(value, bool) or not isinstance(value, (int, str)) or _GITHUB_ID.fullmatch(str(value)) is None:
        raise ValidationError(parameter, value, "must be GitHub's numeric id, a positive whole number such as 123456")
    return str(value)


def _ids(owner_id: int | str | None, repository_id: int | str | None, wildcard: bool) -> tuple[str, str] | None:
    if owner_id is None and repository_id is None:
        return None
    if owner_id is None or repository_id is None:
        missing = "owner_id" if owner_id is None else "repository_id"
        raise ValidationError(missing, None, "must be given too: ID-based subjects name both owner and repository ids")
    if wildcard:
        raise ValidationError("repository_id", repository_id, "cannot be given for a repository with a wildcard")
    return _github_id("owner_id", owner_id), _github_id("repository_id", repository_id)


def _refs(parameter: str, names: Sequence[str], prefix: str) -> list[str]:
    out = []
    for name in _names(parameter, names):
        if not is_unresolved(name):
            if name.startswith("refs/"):
                raise ValidationError(parameter, name, f"must be a name without '{prefix}' (the subject adds it)")
            if not _valid_ref(name):
                raise ValidationError(parameter, name, _REF_RULE)
        out.append(f"ref:{prefix}{name}")
    return out


def _environments(names: Sequence[str]) -> list[str]:
    out = []
    for name in _names("environments", names):
        if not is_unresolved(name) and (len(name) > 255 or name != name.strip() or not name.isprintable()):
            raise ValidationError(
                "environments", name, "must be an environment name: 1 to 255 printable characters, no edge spaces"
            )
        out.append(f"environment:{name.replace(':', '%3A')}")  # GitHub writes ':' in a value as '%3A'
    return out


def _raw_contexts(subjects: Sequence[str], owner: str, name: str, ids: tuple[str, str] | None) -> list[str]:
    """The context part of each raw subject, once it is shown to name the role's repository (either format)."""
    out = []
    for subject in _names("subjects", subjects):
        match = None if is_unresolved(subject) else _SUBJECT.fullmatch(subject)
        if match is None or (match["owner"], match["name"]) != (owner, name):
            raise ValidationError(
                "subjects",
                subject,
                f"must be a subject of repository '{owner}/{name}': 'repo:{owner}/{name}:CONTEXT' or "
                f"'repo:{owner}@OWNER_ID/{name}@REPO_ID:CONTEXT'; another name or a wildcard in the owner or "
                "repository part would trust repositories you do not control",
            )
        written = (match["owner_id"], match["repository_id"])
        if written != (None, None):
            if ids is None:
                raise ValidationError(
                    "subjects", subject, "names owner and repository ids: give owner_id and repository_id as well"
                )
            if written != ids:
                raise ValidationError("subjects", subject, f"must use owner_id {ids[0]} and repository_id {ids[1]}")
        out.append(match["context"])
    return out


def github_subjects(
    repository: str,
    *,
    branches: Sequence[str] = (),
    tags: Sequence[str] = (),
    environments: Sequence[str] = (),
    pull_requests: bool = False,
    subjects: Sequence[str] = (),
    owner_id: int | str | None = None,
    repository_id: int | str | None = None,
    dangerously_allow_repository_wildcard: bool = False,
) -> tuple[str, ...]:
    """The ``sub`` values a role trusts: one per allowed job context, in both formats when ids are given.

    ``branches``, ``tags`` and ``environments`` are names (``*`` and ``?`` are wildcards); ``pull_requests``
    trusts jobs run for pull requests; ``subjects`` are whole subjects of ``repository``
    (``repo:OWNER/REPO:CONTEXT``, for contexts the other options do not spell). At least one is needed.
    Default: none of them (refused).

    Example::

        github_subjects("octo-org/octo-repo", branches=["main"], owner_id=123456, repository_id=456789)
        # ("repo:octo-org/octo-repo:ref:refs/heads/main",
        #  "repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main")
    """
    owner, name = _repository(repository, dangerously_allow_repository_wildcard)
    ids = _ids(owner_id, repository_id, has_wildcard(repository))
    if not isinstance(pull_requests, bool):
        raise ValidationError("pull_requests", pull_requests, "must be True or False")
    contexts = [
        *_refs("branches", branches, "refs/heads/"),
        *_refs("tags", tags, "refs/tags/"),
        *_environments(environments),
        *(["pull_request"] if pull_requests else []),
        *_raw_contexts(subjects, owner, name, ids),
    ]
    if not contexts:
        raise ValidationError(
            "the list of jobs to trust (branches, tags, environments, pull_requests, subjects)",
            [],
            "must name at least one: a branch, a tag, an environment, pull_requests=True or a subject",
            shown="empty",
        )
    prefixes = [f"repo:{owner}/{name}:"] + ([f"repo:{owner}@{ids[0]}/{name}@{ids[1]}:"] if ids else [])
    return tuple(dict.fromkeys(prefix + context for context in contexts for prefix in prefixes))


def _job_workflow_refs(values: Sequence[str]) -> tuple[str, ...]:
    refs = _names("job_workflow_refs", values)
    for value in refs:
        if is_unresolved(value):
            continue
        match = _JOB_WORKFLOW_REF.fullmatch(value)
        valid = (
            match is not None
            and _valid_owner(match["owner"])
            and _valid_repo(match["name"])
            and (
                match["ref"] == "*"
                or _SHA.fullmatch(match["ref"]) is not None
                or (match["ref"].startswith("refs/") and _valid_ref(match["ref"]))
            )
        )
        if not valid:
            raise ValidationError(
                "job_workflow_refs",
                value,
                "must be 'OWNER/REPO/.github/workflows/FILE.yml@REF' with REF refs/heads/BRANCH, refs/tags/TAG or a "
                "commit SHA ('*' and '?' are wildcards in REF only)",
            )
    return refs


def _audience(audience: str) -> str:
    if is_unresolved(audience):
        return audience
    if not isinstance(audience, str) or not audience or len(audience) > 255 or has_wildcard(audience):
        raise ValidationError(
            "audience", audience, f"must be one exact client id (no '*' or '?'), such as {GITHUB_OIDC_AUDIENCE!r}"
        )
    return audience


def github_oidc_trust(
    *,
    provider_arn: str,
    repository: str,
    branches: Sequence[str] = (),
    tags: Sequence[str] = (),
    environments: Sequence[str] = (),
    pull_requests: bool = False,
    subjects: Sequence[str] = (),
    job_workflow_refs: Sequence[str] = (),
    owner_id: int | str | None = None,
    repository_id: int | str | None = None,
    audience: str = GITHUB_OIDC_AUDIENCE,
    issuer: str = GITHUB_OIDC_ISSUER,
    allow_tag_session: bool = False,
    dangerously_allow_repository_wildcard: bool = False,
    trust_policy_quota: int = TRUST_POLICY_QUOTA,
) -> PolicyDocument:
    """The trust policy that lets the named jobs of one GitHub repository assume a role, and no other job.

    ``provider_arn`` is the account's IAM OIDC provider for ``issuer``. The jobs: see ``github_subjects``.
    ``job_workflow_refs`` also requires the job to run in one of these reusable workflows
    (``OWNER/REPO/.github/workflows/FILE.yml@REF``). ``owner_id`` and ``repository_id`` add the ID-based
    subjects (both or neither). ``audience`` is the token's ``aud`` (default ``sts.amazonaws.com``); ``issuer``
    defaults to GitHub.com's (see ``github_oidc_issuer``); ``allow_tag_session`` also allows
    ``sts:TagSession`` (default False). ``dangerously_allow_repository_wildcard`` accepts ``*``/``?`` in
    ``repository`` (default False). ``trust_policy_quota``: the account's quota (default 2,048).

    Example::

        github_oidc_trust(provider_arn=github_oidc_provider_arn("111122223333"),
                          repository="octo-org/octo-repo", environments=["production"])
    """
    issuer = validate_issuer(issuer)
    _check_provider_arn(provider_arn, issuer)
    quota = validate_trust_policy_quota(trust_policy_quota)
    if (owner_id is not None or repository_id is not None) and urlsplit(issuer).path == _SERVER_TOKEN_PATH:
        raise ValidationError(
            "owner_id", owner_id, "cannot be given for GitHub Enterprise Server, which has no ID-based subjects"
        )
    for flag, value in (("allow_tag_session", allow_tag_session),
                        ("dangerously_allow_repository_wildcard", dangerously_allow_repository_wildcard)):
        if not isinstance(value, bool):
            raise ValidationError(flag, value, "must be True or False")
    subs = github_subjects(
        repository,
        branches=branches,
        tags=tags,
        environments=environments,
        pull_requests=pull_requests,
        subjects=subjects,
        owner_id=owner_id,
        repository_id=repository_id,
        dangerously_allow_repository_wildcard=dangerously_allow_repository_wildcard,
    )
    refs = _job_workflow_refs(job_workflow_refs)
    trust = PolicyDocument(
        statements=web_identity_statements(
            provider_arn=provider_arn,
            issuer=issuer,
            audiences=[_audience(audience)],
            subjects=subs,
            sid=GITHUB_TRUST_SID,
            actions=(ASSUME_ROLE_WITH_WEB_IDENTITY, TAG_SESSION) if allow_tag_session else (ASSUME_ROLE_WITH_WEB_IDENTITY,),
            claims={JOB_WORKFLOW_REF_CLAIM: refs} if refs else None,
        )
    )
    # A provider ARN still a CDK token is sized as the longest ARN it can become, so the check never passes
    # a policy IAM would refuse at deploy.
    longest_arn = github_oidc_provider_arn("123456789012", partition="aws-us-gov", issuer=issuer)
    sized = trust if not is_unresolved(provider_arn) else PolicyDocument(
        statements=[replace(s, principal={"Federated": longest_arn}) for s in trust.statements]
    )
    check_size(sized, quota=quota, parameter="trust policy", hint=_SIZE_HINT)
    return trust
