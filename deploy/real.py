"""``make deploy``: deploy the CDK app to a real AWS account, with your own credentials.

It refuses to start, with a message that says why and a non-zero exit, when an AWS endpoint variable, or an
``endpoint_url`` of the active profile in ``~/.aws/config``, points at this machine (that is the local emulator:
use ``make deploy-local``), or when no AWS credentials are
configured at all. Otherwise it runs ``cdk deploy --all`` (or ``cdk deploy`` with the arguments you give), and
CDK asks for approval before it widens any IAM permission, as it does by default.

Example::

    AWS_PROFILE=sandbox make deploy
    make deploy DEPLOY_ARGS="--all -c github-oidc-provider-arn=arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

import boto3
import botocore.session
from botocore.exceptions import BotoCoreError

from .cdk import CdkError, cdk

__all__ = ["config_endpoints", "credentials_found", "local_endpoints", "main", "refusal"]

REFUSED = 2
"""The exit code when ``make deploy`` refuses to start."""


def _is_local(url: str) -> bool:
    host = urlsplit(url if "://" in url else f"http://{url}").hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def local_endpoints(env: Mapping[str, str]) -> list[str]:
    """The ``AWS_ENDPOINT_URL`` variables (the global one and the per-service ones) that point at this machine.

    Example::

        local_endpoints({"AWS_ENDPOINT_URL": "http://localhost:5000"})   # ['AWS_ENDPOINT_URL=http://localhost:5000']
    """
    return [
        f"{name}={value}"
        for name, value in sorted(env.items())
        if (name == "AWS_ENDPOINT_URL" or name.startswith("AWS_ENDPOINT_URL_")) and _is_local(value)
    ]


def config_endpoints() -> list[str]:
    """The ``endpoint_url`` settings of the active profile in the AWS config file that point at this machine: the
    profile's own, and those of its ``services`` section, unless configured endpoints are ignored
    (``AWS_IGNORE_CONFIGURED_ENDPOINT_URLS``, ``ignore_configured_endpoint_urls``), as the AWS SDKs and CLI do.

    Example::

        config_endpoints()   # ['endpoint_url=http://localhost:5000 (profile emulator)']
    """
    session = botocore.session.get_session()
    try:
        profile = session.get_scoped_config()
    except BotoCoreError:  # AWS_PROFILE names a profile that does not exist: credentials_found says so
        return []
    if session.get_config_variable("ignore_configured_endpoint_urls"):
        return []
    name = session.profile or "default"
    settings = [("endpoint_url", profile.get("endpoint_url"))]
    section = session.full_config.get("services", {}).get(profile.get("services"), {})
    settings += [(f"{service}.endpoint_url", value.get("endpoint_url"))
                 for service, value in sorted(section.items()) if isinstance(value, dict)]
    return [f"{key}={url} (profile {name})" for key, url in settings if isinstance(url, str) and _is_local(url)]


def credentials_found() -> tuple[bool, str]:
    """Whether boto3's credential chain finds credentials (environment, profile, ``~/.aws`` files, SSO,
    container or instance role), and where, or why not.

    Example::

        credentials_found()   # (True, 'shared-credentials-file')
    """
    try:
        credentials = boto3.Session().get_credentials()
    except BotoCoreError as err:  # e.g. AWS_PROFILE names a profile that does not exist
        return False, str(err)
    if credentials is None:
        return False, "no credentials in the environment, AWS_PROFILE, ~/.aws/config, ~/.aws/credentials or an instance role"
    return True, credentials.method


def refusal(env: Mapping[str, str], credentials: tuple[bool, str], configured: Sequence[str] = ()) -> str | None:
    """Why ``make deploy`` must not run with ``env``, ``credentials`` (from ``credentials_found``) and the
    ``configured`` endpoints of the AWS config file (from ``config_endpoints``; Default: none), or ``None``.

    Example::

        refusal({"AWS_ENDPOINT_URL": "http://127.0.0.1:5000"}, (True, "env"))   # 'AWS_ENDPOINT_URL=... points at ...'
    """
    local = [*local_endpoints(env), *configured]
    if local:
        return (
            f"{', '.join(local)} points at this machine (a local emulator), not at AWS. "
            "Unset it to deploy to your AWS account, or run `make deploy-local` to deploy to the emulator."
        )
    found, detail = credentials
    if not found:
        return (
            f"no AWS credentials are configured ({detail}). Set AWS_PROFILE to a configured profile "
            "(`aws configure --profile NAME`, or `aws sso login --profile NAME`) or export AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY; or run `make deploy-local`, which needs no account."
        )
    return None


def main(argv: list[str] | None = None) -> int:
    """The command line of ``make deploy``: ``cdk deploy`` arguments, ``--all`` when none are given; returns
    the exit code.

    Example::

        main(["IamPatterns-S3PrefixAccess"])   # 2 when refused, else cdk deploy's outcome
    """
    args = sys.argv[1:] if argv is None else argv
    reason = refusal(os.environ, credentials_found(), config_endpoints())
    if reason:
        print(f"make deploy refused: {reason}", file=sys.stderr)
        return REFUSED
    try:
        cdk("deploy", *(args or ["--all"]), env=os.environ)
    except CdkError as err:
        print(f"make deploy FAILED: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
