"""GitHub Actions OIDC: the account's IAM OIDC provider for GitHub, and roles that only named jobs can assume.

``GitHubOidcProvider`` is the native ``AWS::IAM::OIDCProvider`` (no Lambda-backed custom resource, no
thumbprints: IAM no longer uses them for GitHub's issuer), created or imported; an account holds one provider
per issuer URL. ``GitHubOidcRole`` is a ``PatternRole`` whose trust policy comes from the pure
``github_oidc_trust``: the audience and a subject of one repository are always required.
"""

from __future__ import annotations

from collections.abc import Sequence

from aws_cdk import Annotations, Stack
from aws_cdk import aws_iam as iam
from constructs import Construct
from typing_extensions import Unpack

from ..errors import ValidationError
from ..policy import TRUST_POLICY_QUOTA, is_unresolved
from ..trust.github import (
    GITHUB_OIDC_AUDIENCE,
    GITHUB_OIDC_ISSUER,
    github_oidc_provider_arn,
    github_oidc_provider_issuer,
    github_oidc_trust,
    validate_issuer,
)
from ..trust.web_identity import has_wildcard
from ._aws import ACCOUNT_ID, PARTITION
from ._role import PatternRole, RoleOptionsWithoutTags

__all__ = ["GitHubOidcProvider", "GitHubOidcRole"]

DEFAULT_PROVIDER_ID = "GitHubOidcProvider"
"""The construct id of the provider a ``GitHubOidcRole`` creates when its stack has none."""
_MAX_CLIENT_IDS = 100


def _providers(scope: Construct) -> list[GitHubOidcProvider]:
    return [c for c in Stack.of(scope).node.find_all() if isinstance(c, GitHubOidcProvider)]


def _refuse_second_provider(scope: Construct, issuer: str) -> None:
    for existing in _providers(scope):
        if existing.issuer == issuer:
            raise ValidationError(
                "issuer",
                issuer,
                f"already has a provider in this stack ({existing.node.path}); an account holds one OIDC provider "
                "per issuer URL: reuse that one",
            )


def _client_ids(client_ids: Sequence[str]) -> tuple[str, ...]:
    if isinstance(client_ids, str) or not isinstance(client_ids, (list, tuple)) or not client_ids:
        raise ValidationError("client_ids", client_ids, "must be a non-empty list, such as ['sts.amazonaws.com']")
    if len(client_ids) > _MAX_CLIENT_IDS:
        raise ValidationError("client_ids", len(client_ids), f"must name at most {_MAX_CLIENT_IDS} client ids")
    for client_id in client_ids:
        if not isinstance(client_id, str) or not 1 <= len(client_id) <= 255:
            raise ValidationError("client_ids", client_id, "must be strings of 1 to 255 characters")
    return tuple(dict.fromkeys(client_ids))


class GitHubOidcProvider(Construct):
    """The IAM OIDC identity provider that lets GitHub Actions tokens into an account (``AWS::IAM::OIDCProvider``).

    An account holds one provider per issuer URL: create it in one stack, import it everywhere else with
    ``from_arn`` or ``from_account``. A stack holds at most one ``GitHubOidcProvider`` per issuer; the
    ``GitHubOidcRole`` s of the stack use it unless given another.

    Example::

        provider = GitHubOidcProvider(self, "GitHub")
        enterprise = GitHubOidcProvider(self, "Enterprise", issuer=github_oidc_issuer(enterprise="octocat-inc"))
        GitHubOidcRole(self, "Deploy", repository="octo-org/octo-repo", environments=["production"],
                       provider=provider)
    """

    provider_arn: str
    """The provider's ARN, ``arn:PARTITION:iam::ACCOUNT:oidc-provider/URL`` (from ``Aws`` tokens when created)."""
    issuer: str
    """The issuer URL of the tokens the provider accepts."""
    client_ids: tuple[str, ...] | None
    """The audiences the provider accepts; None when imported (not known to this app)."""
    oidc_provider: iam.IOidcProvider
    """The provider as aws-cdk-lib's ``IOidcProvider``, for APIs that take one."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        issuer: str = GITHUB_OIDC_ISSUER,
        client_ids: Sequence[str] = (GITHUB_OIDC_AUDIENCE,),
    ) -> None:
        """Create the provider.

        ``issuer``: the token issuer URL: GitHub.com's, an enterprise's or a GitHub Enterprise Server's (see
        ``github_oidc_issuer``). Default: ``https://token.actions.githubusercontent.com``.
        ``client_ids``: the audiences tokens may carry. Default: ``["sts.amazonaws.com"]``.
        """
        issuer = validate_issuer(issuer)
        ids = _client_ids(client_ids)
        _refuse_second_provider(scope, issuer)
        super().__init__(scope, construct_id)
        self.oidc_provider = iam.OidcProviderNative(self, "Resource", url=issuer, client_ids=list(ids))
        # IAM names a provider after its URL, so its ARN is known before it exists; roles that trust it add a
        # dependency on it (GitHubOidcRole does), and may be built before it.
        self.provider_arn = github_oidc_provider_arn(ACCOUNT_ID, partition=PARTITION, issuer=issuer)
        self.issuer = issuer
        self.client_ids = ids

    @classmethod
    def from_arn(
        cls, scope: Construct, construct_id: str, provider_arn: str, *, issuer: str | None = None
    ) -> GitHubOidcProvider:
        """An existing provider, by ARN.

        ``issuer`` is read from a literal ARN (and must agree with it if given); give it when the ARN is a
        CDK token. Default: the ARN's issuer, else GitHub.com's.

        Example::

            GitHubOidcProvider.from_arn(self, "GitHub", "arn:aws:iam::111122223333:oidc-provider/"
                                        "token.actions.githubusercontent.com")
        """
        named = github_oidc_provider_issuer(provider_arn)
        if issuer is not None and named is not None and validate_issuer(issuer) != named:
            raise ValidationError("issuer", issuer, f"must be the issuer the provider ARN names, {named!r}")
        return _ImportedGitHubOidcProvider(
            scope, construct_id, provider_arn=provider_arn, issuer=validate_issuer(issuer or named or GITHUB_OIDC_ISSUER)
        )

    @classmethod
    def from_account(
        cls, scope: Construct, construct_id: str, *, issuer: str = GITHUB_OIDC_ISSUER
    ) -> GitHubOidcProvider:
        """The provider for ``issuer`` that the deploying account already has (its ARN, built from
        ``Aws.PARTITION`` and ``Aws.ACCOUNT_ID``). Default: GitHub.com's issuer.

        Example::

            GitHubOidcProvider.from_account(self, "GitHub")
        """
        arn = github_oidc_provider_arn(ACCOUNT_ID, partition=PARTITION, issuer=issuer)
        return _ImportedGitHubOidcProvider(scope, construct_id, provider_arn=arn, issuer=issuer)


class _ImportedGitHubOidcProvider(GitHubOidcProvider):
    """A provider that exists already: nothing is emitted for it."""

    def __init__(self, scope: Construct, construct_id: str, *, provider_arn: str, issuer: str) -> None:
        _refuse_second_provider(scope, issuer)
        Construct.__init__(self, scope, construct_id)
        self.oidc_provider = iam.OidcProviderNative.from_oidc_provider_arn(self, "Resource", provider_arn)
        self.provider_arn = provider_arn
        self.issuer = issuer
        self.client_ids = None


def _stack_provider(scope: Construct) -> GitHubOidcProvider | None:
    """The one provider of the role's stack, or None if it has none yet; several are ambiguous."""
    providers = _providers(scope)
    if len(providers) > 1:
        raise ValidationError(
            "provider",
            None,
            "must be given: this stack has several GitHub OIDC providers "
            f"({', '.join(p.node.path for p in providers)})",
        )
    return providers[0] if providers else None


class GitHubOidcRole(PatternRole):
    """A role that only the named jobs of one GitHub repository can assume, through GitHub's OIDC tokens.

    The trust policy (``.trust_policy``) always pins the audience and the subject: see ``github_oidc_trust``
    for what each option trusts and what is refused. Here ``tags`` are git tags; tag the role itself with
    ``Tags.of(role).add(key, value)``.

    Example::

        role = GitHubOidcRole(self, "Deploy", repository="octo-org/octo-repo", environments=["production"],
                              owner_id=123456, repository_id=456789)
        bucket.grant_put(role)
    """

    provider: GitHubOidcProvider
    """The provider whose tokens the role trusts."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
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
        allow_tag_session: bool = False,
        provider: GitHubOidcProvider | None = None,
        dangerously_allow_repository_wildcard: bool = False,
        **options: Unpack[RoleOptionsWithoutTags],
    ) -> None:
        """Build the role; nothing is emitted unless every option is valid.

        ``repository``: ``"OWNER/REPO"``, exactly. Default: required. ``branches``, ``tags``, ``environments``: names whose jobs
        may assume the role (``*``, ``?`` are wildcards). ``pull_requests``: jobs run for pull requests.
        ``subjects``: whole subjects of the repository for other contexts. At least one of these is needed.
        Default: none (refused).
        ``job_workflow_refs``: the job must also run in one of these reusable workflows. Default: any workflow.
        ``owner_id``, ``repository_id``: GitHub's numeric ids, to trust the ID-based subject format too.
        Default: name-based subjects only.
        ``audience``: the ``aud`` tokens must carry (a client id of the provider). Default: ``sts.amazonaws.com``.
        ``allow_tag_session``: also allow ``sts:TagSession``. Default: False.
        ``provider``: the provider whose tokens to trust. Default: the stack's ``GitHubOidcProvider``, created
        for GitHub.com if the stack has none.
        ``dangerously_allow_repository_wildcard``: accept ``*``/``?`` in ``repository``, which trusts
        repositories you may not control (a warning is added to the construct). Default: False.
        """
        if provider is not None and not isinstance(provider, GitHubOidcProvider):
            raise ValidationError(
                "provider", provider, "must be a GitHubOidcProvider (GitHubOidcProvider.from_arn imports one)"
            )
        chosen = provider or _stack_provider(scope)
        issuer = chosen.issuer if chosen else GITHUB_OIDC_ISSUER
        client_ids = chosen.client_ids if chosen else (GITHUB_OIDC_AUDIENCE,)
        if client_ids is not None and not is_unresolved(audience) and audience not in client_ids:
            raise ValidationError(
                "audience",
                audience,
                f"must be a client id of the provider ({', '.join(client_ids)}): STS refuses other audiences; "
                "create the provider with this client id",
            )
        # The provider created below (after every check) when the stack has none: its ARN is known already.
        provider_arn = chosen.provider_arn if chosen else github_oidc_provider_arn(ACCOUNT_ID, partition=PARTITION)
        trust = github_oidc_trust(
            provider_arn=provider_arn,
            repository=repository,
            branches=branches,
            tags=tags,
            environments=environments,
            pull_requests=pull_requests,
            subjects=subjects,
            job_workflow_refs=job_workflow_refs,
            owner_id=owner_id,
            repository_id=repository_id,
            audience=audience,
            issuer=issuer,
            allow_tag_session=allow_tag_session,
            dangerously_allow_repository_wildcard=dangerously_allow_repository_wildcard,
            trust_policy_quota=options.get("trust_policy_quota", TRUST_POLICY_QUOTA),
        )
        super().__init__(scope, construct_id, trust_policy=trust, **options)
        if chosen is None:
            chosen = GitHubOidcProvider(Stack.of(self), DEFAULT_PROVIDER_ID)
        if not isinstance(chosen, _ImportedGitHubOidcProvider):
            self.node.add_dependency(chosen)  # trust a provider once it exists
        self.provider = chosen
        if has_wildcard(repository):  # accepted only with dangerously_allow_repository_wildcard=True
            Annotations.of(self).add_warning_v2(
                "iam-patterns:github-oidc-repository-wildcard",
                f"repository {repository!r} has a wildcard in its owner or repository part: jobs of repositories "
                "you may not control can assume this role (dangerously_allow_repository_wildcard=True)",
            )
