"""The checks on a large template: 500 roles (GitHub OIDC, Lambda and cross-account trusts, each with an
inline policy, a policy resource and a managed policy), some of them with findings.

Run: ``.venv/bin/python bench/bench_checks.py`` (writes its section of docs/PERFORMANCE.md). Target: under
one second for the whole template.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._report import machine, write_section  # noqa: E402
import yaml  # noqa: E402

from iam_patterns.checks import PACK, check_template  # noqa: E402
from iam_patterns.evaluation import load_template, read_template_file  # noqa: E402

ROLES = 500
GITHUB = "token.actions.githubusercontent.com"


def _trust(i: int) -> dict[str, Any]:
    kind = i % 3
    if kind == 0:
        condition = {"StringEquals": {f"{GITHUB}:aud": "sts.amazonaws.com"}}
        if i % 10:  # every tenth GitHub role has no sub condition: a finding
            condition["StringEquals"][f"{GITHUB}:sub"] = f"repo:acme/service-{i}:ref:refs/heads/main"
        statement = {"Sid": "AllowGitHub", "Effect": "Allow", "Principal": {"Federated": {"Ref": "GitHubProvider"}},
                     "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}
    elif kind == 1:
        statement = {"Sid": "AllowLambda", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                     "Action": "sts:AssumeRole"}
    else:
        statement = {"Sid": "AllowVendor", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
                     "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": f"vendor-{i}"}}}
    return {"Version": "2012-10-17", "Statement": [statement]}


def _policy(i: int) -> dict[str, Any]:
    actions = ["s3:GetObject", "s3:PutObject"] if i % 25 else ["s3:GetObjects", "s3:*"]  # some findings
    return {"Version": "2012-10-17", "Statement": [
        {"Sid": "ReadWriteOwnPrefix", "Effect": "Allow", "Action": actions,
         "Resource": {"Fn::Sub": f"${{Artifacts.Arn}}/service-{i}/*"}},
        {"Sid": "ListOwnPrefix", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": {"Fn::GetAtt": ["Artifacts", "Arn"]},
         "Condition": {"StringLike": {"s3:prefix": f"service-{i}/*"}}},
    ]}


def template() -> dict[str, Any]:
    """The benchmark template: 500 roles, 500 policy resources, 50 managed policies, a bucket and its policy."""
    resources: dict[str, Any] = {
        "GitHubProvider": {"Type": "AWS::IAM::OIDCProvider", "Properties": {"Url": f"https://{GITHUB}",
                                                                            "ClientIdList": ["sts.amazonaws.com"]}},
        "Artifacts": {"Type": "AWS::S3::Bucket"},
        "ArtifactsPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "Artifacts"}, "PolicyDocument": {
            "Version": "2012-10-17", "Statement": [{"Sid": "DenyPlainHttp", "Effect": "Deny", "Principal": {"AWS": "*"},
                                                    "Action": "s3:*", "Resource": {"Fn::Sub": "${Artifacts.Arn}/*"},
                                                    "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}},
    }
    for m in range(ROLES // 10):
        resources[f"Shared{m}"] = {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {
            "Version": "2012-10-17", "Statement": [{"Sid": "DescribeStacks", "Effect": "Allow",
                                                    "Action": ["cloudformation:DescribeStacks", "logs:PutLogEvents"],
                                                    "Resource": "*"}]}}}
    for i in range(ROLES):
        resources[f"Role{i}"] = {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": _trust(i),
            "ManagedPolicyArns": [{"Ref": f"Shared{i // 10}"}],
            "Policies": [{"PolicyName": "logs", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                {"Sid": "WriteOwnLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                 "Resource": {"Fn::Sub": f"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:/svc/{i}:*"}}]}}]}}
        resources[f"Role{i}Policy"] = {"Type": "AWS::IAM::Policy", "Properties": {
            "PolicyName": f"Role{i}Policy", "Roles": [{"Ref": f"Role{i}"}], "PolicyDocument": _policy(i)}}
    return {"Resources": resources}


def _best(call, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    data = template()
    check_template(data)  # warm up: the action catalogue loads once per process (about 0.1 s)
    load = _best(lambda: load_template(data))
    loaded = load_template(data)
    run = _best(lambda: check_template(loaded))
    total = _best(lambda: check_template(data))
    findings = check_template(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Big.template.json"
        path.write_text(json.dumps(data))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "iam_patterns", "check", str(path)], capture_output=True, check=False)
        command = time.perf_counter() - start
        yaml_path = Path(folder) / "Big.template.yaml"
        yaml_path.write_text(yaml.safe_dump(data, sort_keys=False))
        read_json = _best(lambda: read_template_file(path))
        read_yaml = _best(lambda: read_template_file(yaml_path))
    rows = [
        ("`read_template_file` of the template as JSON", read_json),
        ("`read_template_file` of the same template as YAML (libyaml parser, PyYAML safe constructor)", read_yaml),
        ("`load_template` (intrinsics resolved)", load),
        (f"the {len(PACK)} checks on the loaded template", run),
        ("`check_template` (load + checks)", total),
        ("`python -m iam_patterns check` in a fresh process (start-up, catalogue, JSON, checks, table)", command),
    ]
    table = "\n".join(f"| {what} | {seconds * 1000:,.0f} ms |" for what, seconds in rows)
    write_section(
        "checks",
        f"## Checks (`bench/bench_checks.py`)\n\n{machine()}; a template of {ROLES} roles, {ROLES} policy resources, "
        f"{ROLES // 10} managed policies, a bucket policy ({len(data['Resources']):,} resources, "
        f"{len(findings)} findings); best of 5 runs (the command: one run). Target: under one second.\n\n"
        f"| operation | time |\n|---|---:|\n{table}\n",
    )
    print(table)


if __name__ == "__main__":
    main()
