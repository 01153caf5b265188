"""``iam-patterns render PATTERN``: a pattern's trust or permission policy as JSON, for the AWS CLI workflow.

::

    iam-patterns render cross-account --trusted-account 111122223333 --external-id acme-prod-2026 \\
        --trusted-service ec2.amazonaws.com -o trust-policy.json
    iam-patterns render s3-prefix --bucket my-app-uploads-prod --prefix reports/ -o s3-policy.json
    aws iam create-role --role-name app-uploads-role --assume-role-policy-document file://trust-policy.json
    aws iam put-role-policy --role-name app-uploads-role --policy-name s3-uploads-readwrite \\
        --policy-document file://s3-policy.json
    iam-patterns render cross-account-profile --profile acme-prod --source-profile default \\
        --role-arn arn:aws:iam::444455556666:role/app-uploads-role --external-id acme-prod-2026 \\
        --mfa-serial arn:aws:iam::111122223333:mfa/alice >> ~/.aws/config

Bad input is refused with the kit's own message (exit status 2), before anything is written.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import ValidationError
from ..policy import (
    MAX_SESSION_DURATION,
    PARTITIONS,
    PolicyDocument,
    lambda_execution_access,
    lambda_log_group_name,
    s3_prefix_access,
    session_manager_access,
    validate_external_id,
    validate_pattern,
)
from ..trust import (
    cross_account_trust,
    ecs_tasks_trust,
    eks_pod_identity_trust,
    eks_service_account_trust,
    service_role_trust,
)
from ..trust.github import github_oidc_provider_arn, github_oidc_trust
from ..trust.service import EC2_SERVICE, LAMBDA_SERVICE, service_trust_statements

HELP = "write a pattern's trust or permission policy as JSON (or a ~/.aws/config profile) for the AWS CLI"

_PROFILE_NAME = re.compile(r"[A-Za-z0-9_.+@-]{1,64}")
_ROLE_ARN = re.compile(rf"arn:({'|'.join(PARTITIONS)}):iam::\d{{12}}:role/[\w+=,.@/-]{{1,512}}")
_MFA_SERIAL = re.compile(rf"arn:({'|'.join(PARTITIONS)}):iam::\d{{12}}:mfa/[\w+=,.@/-]{{1,256}}")
_MIN_ASSUMED_SESSION = 900
"""The shortest session ``sts:AssumeRole`` grants, in seconds (15 minutes)."""


def _ec2(args: argparse.Namespace) -> PolicyDocument:
    if args.document == "trust":
        return PolicyDocument(statements=service_trust_statements(EC2_SERVICE))
    if not args.session_manager:
        raise ValidationError("--document", "permissions", "needs --session-manager (the only permissions ec2 renders)")
    return session_manager_access()


def _lambda(args: argparse.Namespace) -> PolicyDocument:
    if args.document == "trust":
        return PolicyDocument(statements=service_trust_statements(LAMBDA_SERVICE))
    if (args.function_name is None) == (args.log_group_name is None):
        raise ValidationError(
            "--function-name/--log-group-name", [args.function_name, args.log_group_name], "must name exactly one"
        )
    for option in ("region", "account"):
        if getattr(args, option) is None:
            raise ValidationError(f"--{option}", None, "must be given for --document permissions")
    log_group = args.log_group_name or lambda_log_group_name(args.function_name)
    return lambda_execution_access(
        log_group, region=args.region, account=args.account, partition=args.partition, vpc=args.vpc, xray=args.xray
    )


def _profile(args: argparse.Namespace) -> str:
    checks = [
        ("--profile", args.profile, _PROFILE_NAME, "must be 1 to 64 of letters, digits and _.+@-"),
        ("--source-profile", args.source_profile, _PROFILE_NAME, "must be 1 to 64 of letters, digits and _.+@-"),
        ("--role-arn", args.role_arn, _ROLE_ARN, "must be a role ARN such as arn:aws:iam::444455556666:role/name"),
    ]
    if args.mfa_serial is not None:
        checks.append(("--mfa-serial", args.mfa_serial, _MFA_SERIAL, "must be an MFA device ARN such as arn:aws:iam::111122223333:mfa/alice"))
    for option, value, pattern, rule in checks:
        validate_pattern(value, pattern, rule, parameter=option)
    if args.mfa_serial is None and not args.no_mfa:
        raise ValidationError(
            "--mfa-serial", None, "must be given: the kit's cross-account roles require MFA (or pass --no-mfa)"
        )
    if args.mfa_serial is not None and args.no_mfa:
        raise ValidationError("--no-mfa", True, "must not be combined with --mfa-serial")
    if args.external_id is not None:
        validate_external_id(args.external_id, parameter="--external-id")
    if not _MIN_ASSUMED_SESSION <= args.duration_seconds <= MAX_SESSION_DURATION:
        raise ValidationError(
            "--duration-seconds",
            args.duration_seconds,
            f"must be between {_MIN_ASSUMED_SESSION} and {MAX_SESSION_DURATION}",
        )
    lines = [
        f"[profile {args.profile}]",
        f"role_arn = {args.role_arn}",
        f"source_profile = {args.source_profile}",
        *([f"external_id = {args.external_id}"] if args.external_id else []),
        *([f"mfa_serial = {args.mfa_serial}"] if args.mfa_serial else []),
        f"duration_seconds = {args.duration_seconds}",
    ]
    return "\n".join(lines) + "\n"


# Each pattern: (help, the arguments it takes, what it renders).
_Argument = tuple[tuple[str, ...], dict]
_ACCOUNT: _Argument = (("--account",), {"required": True, "help": "the account id the role lives in"})
_REGION: _Argument = (("--region",), {"required": True, "help": "the Region, such as us-east-1"})
_PARTITION: _Argument = (("--partition",), {"default": "aws", "choices": PARTITIONS, "help": "default: aws"})
_NAMESPACE: _Argument = (("--namespace",), {"required": True, "help": "the service account's namespace"})
_SERVICE_ACCOUNT: _Argument = (("--service-account",), {"required": True, "help": "the service account's name"})
_DOCUMENT: _Argument = (("--document",), {"choices": ("trust", "permissions"), "default": "trust", "help": "default: trust"})

PATTERNS: dict[str, tuple[str, list[_Argument], Callable[[argparse.Namespace], PolicyDocument | str]]] = {
    "cross-account": (
        "trust for other accounts with ExternalId and MFA (CrossAccountRole)",
        [
            (("--trusted-account",), {"action": "append", "default": [], "help": "an account id (repeatable)"}),
            (("--trusted-principal",), {"action": "append", "default": [], "help": "a role or user ARN (repeatable)"}),
            (("--external-id",), {"help": "the sts:ExternalId callers must pass"}),
            (("--no-mfa",), {"action": "store_true", "help": "do not require MFA"}),
            (("--mfa-max-age",), {"type": int, "help": "seconds since MFA, at most"}),
            (("--trusted-service",), {"action": "append", "default": [], "help": "e.g. ec2.amazonaws.com (repeatable)"}),
            _PARTITION,
        ],
        lambda a: cross_account_trust(
            trusted_accounts=a.trusted_account,
            trusted_principals=a.trusted_principal,
            external_id=a.external_id,
            require_mfa=not a.no_mfa,
            mfa_max_age=a.mfa_max_age,
            trusted_services=a.trusted_service,
            partition=a.partition,
        ),
    ),
    "cross-account-profile": (
        "the ~/.aws/config profile that assumes a cross-account role",
        [
            (("--profile",), {"required": True, "help": "the new profile's name"}),
            (("--role-arn",), {"required": True, "help": "the role to assume"}),
            (("--source-profile",), {"required": True, "help": "the profile whose credentials assume it"}),
            (("--external-id",), {"help": "the role's sts:ExternalId"}),
            (("--mfa-serial",), {"help": "your MFA device's ARN"}),
            (("--no-mfa",), {"action": "store_true", "help": "the role does not require MFA"}),
            (("--duration-seconds",), {"type": int, "default": 3600, "help": "session length; default: 3600"}),
        ],
        _profile,
    ),
    "service": (
        "trust for an AWS service guarded by aws:SourceArn/aws:SourceAccount (ServiceRole)",
        [
            (("--service",), {"required": True, "help": "e.g. events.amazonaws.com"}),
            (("--source-arn",), {"action": "append", "default": [], "help": "a resource it acts for (repeatable)"}),
            (("--source-account",), {"help": "the account of those resources"}),
            (("--unsafe-allow-any-source",), {"action": "store_true", "help": "no source guard (confused deputy)"}),
        ],
        lambda a: service_role_trust(
            a.service,
            source_arns=a.source_arn,
            source_account=a.source_account,
            unsafe_allow_any_source=a.unsafe_allow_any_source,
        ),
    ),
    "ec2": (
        "an EC2 instance role: trust, or Session Manager permissions (Ec2InstanceRole)",
        [_DOCUMENT, (("--session-manager",), {"action": "store_true", "help": "Session Manager permissions"})],
        _ec2,
    ),
    "lambda": (
        "a Lambda execution role: trust, or own-log-group permissions (LambdaExecutionRole)",
        [
            _DOCUMENT,
            (("--function-name",), {"help": "logs to /aws/lambda/NAME"}),
            (("--log-group-name",), {"help": "or this log group"}),
            (("--region",), {"help": "the function's Region (permissions)"}),
            (("--account",), {"help": "the function's account (permissions)"}),
            _PARTITION,
            (("--vpc",), {"action": "store_true", "help": "network interfaces for a VPC function"}),
            (("--xray",), {"action": "store_true", "help": "write X-Ray traces"}),
        ],
        _lambda,
    ),
    "ecs-task": (
        "trust for ECS tasks of one account and Region (EcsTaskRole, EcsTaskExecutionRole)",
        [_ACCOUNT, _REGION, _PARTITION],
        lambda a: ecs_tasks_trust(account=a.account, region=a.region, partition=a.partition),
    ),
    "eks-service-account": (
        "IRSA trust for one Kubernetes service account (EksServiceAccountRole)",
        [(("--issuer",), {"required": True, "help": "the cluster's OIDC issuer"}), _NAMESPACE, _SERVICE_ACCOUNT, _ACCOUNT, _PARTITION],
        lambda a: eks_service_account_trust(
            issuer=a.issuer, namespace=a.namespace, service_account=a.service_account, account=a.account, partition=a.partition
        ),
    ),
    "eks-pod-identity": (
        "EKS Pod Identity trust for one service account (EksPodIdentityRole)",
        [_NAMESPACE, _SERVICE_ACCOUNT, (("--cluster-name",), {"help": "only this cluster"})],
        lambda a: eks_pod_identity_trust(namespace=a.namespace, service_account=a.service_account, cluster_name=a.cluster_name),
    ),
    "github": (
        "trust for chosen GitHub Actions jobs of one repository, through the account's OIDC provider (GitHubOidcRole)",
        [
            (("--repository",), {"required": True, "help": "OWNER/REPO"}),
            (("--branch",), {"action": "append", "default": [], "help": "a branch (repeatable)"}),
            (("--tag",), {"action": "append", "default": [], "help": "a git tag, wildcards allowed (repeatable)"}),
            (("--environment",), {"action": "append", "default": [], "help": "a deployment environment (repeatable)"}),
            (("--pull-requests",), {"action": "store_true", "help": "pull-request jobs"}),
            (("--subject",), {"action": "append", "default": [], "help": "a whole sub claim (repeatable)"}),
            (("--job-workflow-ref",), {"action": "append", "default": [], "help": "a reusable workflow (repeatable)"}),
            (("--owner-id",), {"help": "the owner's numeric id: adds the ID-based subjects"}),
            (("--repository-id",), {"help": "the repository's numeric id: adds the ID-based subjects"}),
            (("--allow-tag-session",), {"action": "store_true", "help": "also allow sts:TagSession"}),
            _ACCOUNT,
            _PARTITION,
        ],
        lambda a: github_oidc_trust(
            provider_arn=github_oidc_provider_arn(a.account, partition=a.partition),
            repository=a.repository,
            branches=a.branch,
            tags=a.tag,
            environments=a.environment,
            pull_requests=a.pull_requests,
            subjects=a.subject,
            job_workflow_refs=a.job_workflow_ref,
            owner_id=a.owner_id,
            repository_id=a.repository_id,
            allow_tag_session=a.allow_tag_session,
        ),
    ),
    "s3-prefix": (
        "the guide's least-privilege access to one S3 prefix (s3_prefix_access)",
        [
            (("--bucket",), {"required": True, "help": "the bucket's name"}),
            (("--prefix",), {"required": True, "help": "the key prefix, ending in '/'"}),
            (("--no-read",), {"action": "store_true", "help": "no s3:GetObject"}),
            (("--no-write",), {"action": "store_true", "help": "no s3:PutObject"}),
            (("--no-delete",), {"action": "store_true", "help": "no s3:DeleteObject"}),
            (("--object-sid",), {"default": "ObjectAccessUnderPrefix", "help": "the object statement's Sid"}),
            (("--list-sid",), {"default": "ListOnlyThePrefix", "help": "the ListBucket statement's Sid"}),
            _PARTITION,
        ],
        lambda a: s3_prefix_access(
            a.bucket,
            a.prefix,
            read=not a.no_read,
            write=not a.no_write,
            delete=not a.no_delete,
            partition=a.partition,
            object_sid=a.object_sid,
            list_sid=a.list_sid,
        ),
    ),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """One sub-command per pattern, each with its own options and ``-o/--output``.

    Example::

        add_arguments(argparse.ArgumentParser())
    """
    patterns = parser.add_subparsers(dest="pattern", metavar="PATTERN", required=True)
    for name, (help_text, arguments, _) in PATTERNS.items():
        sub = patterns.add_parser(name, help=help_text, description=help_text)
        for flags, options in arguments:
            sub.add_argument(*flags, **options)
        sub.add_argument("-o", "--output", type=Path, help="write to this file; default: standard output")


def run(args: argparse.Namespace) -> int:
    """Render ``args.pattern``; 0 on success, 2 (nothing written) on bad input.

    Example::

        run(build_parser().parse_args(["render", "ecs-task", "--account", "111122223333", "--region", "us-east-1"]))
    """
    try:
        rendered = PATTERNS[args.pattern][2](args)
    except ValidationError as err:
        print(f"iam-patterns render {args.pattern}: error: {err}", file=sys.stderr)
        return 2
    text = rendered if isinstance(rendered, str) else rendered.to_json_string(indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text)
    return 0
