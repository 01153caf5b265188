"""deploy-local's environment for the CDK CLI, and its table."""

from __future__ import annotations

import os

from deploy.local import emulator_env, format_table


def test_the_cdk_cli_sees_only_the_emulator_and_dummy_credentials_never_the_users_aws_settings(monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "production")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "real-token")
    monkeypatch.setenv("AWS_ENDPOINT_URL_IAM", "https://iam.amazonaws.com")
    monkeypatch.setenv("KEEP_ME", "1")
    env = emulator_env("http://localhost:40123")
    aws = {k: v for k, v in env.items() if k.startswith("AWS_")}
    assert aws == {
        "AWS_ENDPOINT_URL": "http://localhost:40123",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    assert env["KEEP_ME"] == "1" and env["CDK_DISABLE_CLI_TELEMETRY"] == "1"
    assert env["CDK_HOME"].endswith(".cache/deploy-local/cdk-home")


def test_the_table_aligns_its_columns():
    assert format_table(("role", "principal"), [("Deploy", "Federated: x"), ("Instance-Role", "Service: ec2")]) == (
        "role          | principal\n"
        "------------- | ------------\n"
        "Deploy        | Federated: x\n"
        "Instance-Role | Service: ec2"
    )
