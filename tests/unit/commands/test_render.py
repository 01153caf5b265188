"""``iam-patterns render``: the guide's two policy files, every pattern, a ~/.aws/config profile, refusals."""

from __future__ import annotations

import configparser
import json

import pytest

from iam_patterns.cli import main
from iam_patterns.commands.render import PATTERNS


def _render(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["render", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_writes_the_guides_trust_policy_for_aws_iam_create_role(tmp_path, guide_trust_policy):
    target = tmp_path / "trust-policy.json"
    status = main(["render", "cross-account", "--trusted-account", "111122223333", "--external-id", "acme-prod-2026",
                   "--trusted-service", "ec2.amazonaws.com", "-o", str(target)])
    assert status == 0
    assert json.loads(target.read_text()) == guide_trust_policy


def test_writes_the_guides_s3_policy_for_aws_iam_put_role_policy(capsys, guide_s3_policy):
    status, out, _ = _render(capsys, "s3-prefix", "--bucket", "my-app-uploads-prod", "--prefix", "reports/",
                             "--object-sid", "ReadWriteAppUploads", "--list-sid", "ListOnlyTheReportsPrefix")
    assert status == 0 and json.loads(out) == guide_s3_policy


@pytest.mark.parametrize(
    ("argv", "first_sid"),
    [
        (["service", "--service", "config.amazonaws.com", "--source-account", "111122223333"], "AllowConfigToAssume"),
        (["ec2"], "AllowEC2ToAssume"),
        (["ec2", "--document", "permissions", "--session-manager"], "ServeSessionManagerSessions"),
        (["lambda"], "AllowLambdaToAssume"),
        (["lambda", "--document", "permissions", "--function-name", "orders", "--region", "us-east-1",
          "--account", "111122223333", "--vpc"], "WriteOwnLogGroup"),
        (["ecs-task", "--account", "111122223333", "--region", "us-east-1"], "AllowECSTasksToAssume"),
        (["eks-service-account", "--issuer", "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE", "--namespace", "payments",
          "--service-account", "api", "--account", "111122223333"], "AllowKubernetesServiceAccount"),
        (["eks-pod-identity", "--namespace", "payments", "--service-account", "api"], "AllowEksAuthToAssumeRoleForPodIdentity"),
    ],
)
def test_every_pattern_renders_its_policy(capsys, argv, first_sid):
    status, out, _ = _render(capsys, *argv)
    assert status == 0
    assert json.loads(out)["Statement"][0]["Sid"] == first_sid


def test_every_pattern_is_covered_by_a_test():
    assert set(PATTERNS) == {
        "cross-account", "cross-account-profile", "service", "ec2", "lambda", "ecs-task",
        "eks-service-account", "eks-pod-identity", "s3-prefix", "github",
    }


def test_github_renders_the_same_trust_as_the_pure_builder(capsys):
    from iam_patterns import github_oidc_provider_arn, github_oidc_trust

    status, out, _ = _render(capsys, "github", "--repository", "octo-org/octo-repo", "--branch", "main",
                             "--environment", "production", "--account", "111122223333")
    assert status == 0
    assert json.loads(out) == github_oidc_trust(
        provider_arn=github_oidc_provider_arn("111122223333"), repository="octo-org/octo-repo",
        branches=["main"], environments=["production"],
    ).to_json()
    subjects = json.loads(out)["Statement"][0]["Condition"]["StringEquals"]["token.actions.githubusercontent.com:sub"]
    assert subjects == ["repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org/octo-repo:environment:production"]


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--repository", "octo-org/*", "--branch", "main"], "repository is 'octo-org/*', but"),
        (["--repository", "octo-org/octo-repo"], "must name at least one"),
        (["--repository", "octo-org/octo-repo", "--branch", "main", "--owner-id", "12"], "repository_id is None, but must be given too"),
    ],
)
def test_github_refuses_bad_input_and_writes_nothing(capsys, argv, fragment):
    status, out, err = _render(capsys, "github", *argv, "--account", "111122223333")
    assert status == 2 and out == ""
    assert fragment in err


def test_prints_the_aws_config_profile_that_assumes_the_role_with_external_id_and_mfa(capsys):
    status, out, _ = _render(
        capsys, "cross-account-profile", "--profile", "acme-prod", "--source-profile", "default",
        "--role-arn", "arn:aws:iam::444455556666:role/app-uploads-role", "--external-id", "acme-prod-2026",
        "--mfa-serial", "arn:aws:iam::111122223333:mfa/alice",
    )
    assert status == 0
    config = configparser.ConfigParser()
    config.read_string(out)
    assert dict(config["profile acme-prod"]) == {
        "role_arn": "arn:aws:iam::444455556666:role/app-uploads-role",
        "source_profile": "default",
        "external_id": "acme-prod-2026",
        "mfa_serial": "arn:aws:iam::111122223333:mfa/alice",
        "duration_seconds": "3600",
    }


PROFILE = ["cross-account-profile", "--profile", "p", "--source-profile", "default",
           "--role-arn", "arn:aws:iam::444455556666:role/r"]


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["service", "--service", "events.amazonaws.com"], "service is 'events.amazonaws.com', but must be guarded"),
        (["cross-account", "--trusted-account", "1234"], "trusted_accounts is '1234', but must be an AWS account id"),
        (["cross-account", "--trusted-account", "111122223333", "--external-id", "no spaces"], "external_id is 'no spaces', but"),
        (["ec2", "--document", "permissions"], "--document is 'permissions', but needs --session-manager"),
        (["lambda", "--document", "permissions", "--function-name", "f", "--region", "us-east-1"], "--account is None, but must be given"),
        (["lambda", "--document", "permissions", "--region", "us-east-1", "--account", "111122223333"], "must name exactly one"),
        (["s3-prefix", "--bucket", "My_Bucket", "--prefix", "reports/"], "bucket is 'My_Bucket', but must be 3 to 63"),
        ([*PROFILE], "--mfa-serial is None, but must be given: the kit's cross-account roles require MFA"),
        ([*PROFILE, "--no-mfa", "--mfa-serial", "arn:aws:iam::111122223333:mfa/a"], "--no-mfa is True, but must not be combined"),
        ([*PROFILE, "--no-mfa", "--role-arn", "arn:aws:iam::444455556666:user/u"], "--role-arn is 'arn:aws:iam::444455556666:user/u', but must be a role ARN"),
        ([*PROFILE, "--mfa-serial", "arn:aws:iam::111122223333:user/alice"], "--mfa-serial is 'arn:aws:iam::111122223333:user/alice', but must be an MFA device ARN"),
        ([*PROFILE, "--no-mfa", "--profile", "my profile"], "--profile is 'my profile', but must be 1 to 64"),
        ([*PROFILE, "--no-mfa", "--duration-seconds", "60"], "--duration-seconds is 60, but must be between 900 and 43200"),
    ],
)
def test_bad_input_is_refused_with_status_2_and_nothing_written(capsys, tmp_path, argv, fragment):
    target = tmp_path / "out.json"
    status, out, err = _render(capsys, *argv, "-o", str(target))
    assert status == 2 and out == "" and not target.exists()
    assert fragment in err
