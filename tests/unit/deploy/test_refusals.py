"""`make deploy` refuses to run against the local emulator, or with no AWS credentials configured."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from deploy.real import REFUSED, config_endpoints, credentials_found, local_endpoints, main, refusal

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "url",
    ["http://localhost:5000", "http://127.0.0.1:4566", "https://127.8.9.10", "http://[::1]:5000", "http://0.0.0.0:5000",
     "localhost:5000", "http://moto.localhost:5000"],
)
def test_an_endpoint_on_this_machine_is_local(url):
    assert local_endpoints({"AWS_ENDPOINT_URL": url}) == [f"AWS_ENDPOINT_URL={url}"]


@pytest.mark.parametrize(
    "url", ["https://iam.amazonaws.com", "https://localhost.example.com", "https://vpce-1.iam.us-east-1.vpce.amazonaws.com"]
)
def test_an_endpoint_elsewhere_is_not_local(url):
    assert local_endpoints({"AWS_ENDPOINT_URL": url}) == []


def test_per_service_endpoints_count_and_other_variables_do_not():
    env = {"AWS_ENDPOINT_URL_CLOUDFORMATION": "http://localhost:1", "AWS_REGION": "localhost", "HOME": "/"}
    assert local_endpoints(env) == ["AWS_ENDPOINT_URL_CLOUDFORMATION=http://localhost:1"]


def test_a_local_endpoint_is_refused_even_with_credentials():
    reason = refusal({"AWS_ENDPOINT_URL": "http://127.0.0.1:5000"}, (True, "env"))
    assert reason.startswith("AWS_ENDPOINT_URL=http://127.0.0.1:5000 points at this machine (a local emulator), not at AWS")
    assert "make deploy-local" in reason


def test_missing_credentials_are_refused_with_how_to_configure_them():
    reason = refusal({}, (False, "no credentials anywhere"))
    assert reason.startswith("no AWS credentials are configured (no credentials anywhere). Set AWS_PROFILE")


def test_credentials_and_a_real_endpoint_are_not_refused():
    assert refusal({"AWS_PROFILE": "sandbox"}, (True, "shared-credentials-file")) is None


@pytest.fixture
def no_aws(monkeypatch, tmp_path) -> dict[str, str]:
    """An environment with no AWS configuration at all: no AWS_* variables, an empty home, no instance role."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    return dict(os.environ)


def test_boto3s_chain_finds_no_credentials_in_an_empty_environment(no_aws):
    found, detail = credentials_found()
    assert not found and "no credentials in the environment, AWS_PROFILE" in detail


def test_boto3s_chain_finds_credentials_in_the_environment_and_in_the_aws_files(no_aws, monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    assert credentials_found() == (True, "env")
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws/credentials").write_text("[sandbox]\naws_access_key_id = A\naws_secret_access_key = B\n")
    monkeypatch.setenv("AWS_PROFILE", "sandbox")
    assert credentials_found() == (True, "shared-credentials-file")


def test_a_profile_that_does_not_exist_is_no_credentials(no_aws, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "nope")
    found, detail = credentials_found()
    assert not found and "The config profile (nope) could not be found" in detail


def _aws_config(home: Path, text: str) -> None:
    (home / ".aws").mkdir(exist_ok=True)
    (home / ".aws/config").write_text(text)


_EMULATOR_PROFILES = """[profile emulator]
endpoint_url = http://localhost:5000
[profile split]
services = split-endpoints
[services split-endpoints]
cloudformation =
  endpoint_url = http://127.0.0.1:4566
iam =
  endpoint_url = https://iam.amazonaws.com
[profile real]
endpoint_url = https://vpce-1.iam.us-east-1.vpce.amazonaws.com
"""


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("emulator", ["endpoint_url=http://localhost:5000 (profile emulator)"]),
        ("split", ["cloudformation.endpoint_url=http://127.0.0.1:4566 (profile split)"]),
        ("real", []),
    ],
)
def test_endpoints_the_active_profile_sets_in_the_config_file_count(no_aws, monkeypatch, tmp_path, profile, expected):
    _aws_config(tmp_path, _EMULATOR_PROFILES)
    monkeypatch.setenv("AWS_PROFILE", profile)
    assert config_endpoints() == expected


def test_configured_endpoints_the_sdk_is_told_to_ignore_do_not_count(no_aws, monkeypatch, tmp_path):
    _aws_config(tmp_path, _EMULATOR_PROFILES)
    monkeypatch.setenv("AWS_PROFILE", "emulator")
    monkeypatch.setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")
    assert config_endpoints() == []


def test_a_local_endpoint_in_the_config_file_is_refused(no_aws, monkeypatch, tmp_path, capsys):
    _aws_config(tmp_path, _EMULATOR_PROFILES)
    (tmp_path / ".aws/credentials").write_text("[emulator]\naws_access_key_id = testing\naws_secret_access_key = testing\n")
    monkeypatch.setenv("AWS_PROFILE", "emulator")
    assert main([]) == REFUSED
    assert ("make deploy refused: endpoint_url=http://localhost:5000 (profile emulator) points at this machine"
            in capsys.readouterr().err)


def _make_deploy(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", "deploy"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_make_deploy_refuses_the_emulators_endpoint_before_doing_anything(no_aws):
    done = _make_deploy({**no_aws, "AWS_ENDPOINT_URL": "http://localhost:5000", "AWS_ACCESS_KEY_ID": "testing",
                         "AWS_SECRET_ACCESS_KEY": "testing"})
    assert done.returncode != 0
    assert f"Error {REFUSED}" in done.stderr
    assert "make deploy refused: AWS_ENDPOINT_URL=http://localhost:5000 points at this machine" in done.stderr
    assert "$ cdk" not in done.stdout


def test_make_deploy_refuses_to_run_without_credentials(no_aws):
    done = _make_deploy(no_aws)
    assert done.returncode != 0
    assert "make deploy refused: no AWS credentials are configured" in done.stderr
    assert "$ cdk" not in done.stdout
