"""Every workload and cross-account role construct refuses bad input before it emits anything, and refuses a
trust policy over IAM's 2,048-character quota."""

from __future__ import annotations

import importlib
import re

import pytest
from aws_cdk import Duration, Stack

import iam_patterns
from iam_patterns import (
    CrossAccountRole,
    Ec2InstanceRole,
    EcsTaskExecutionRole,
    EcsTaskRole,
    EksPodIdentityRole,
    EksServiceAccountRole,
    LambdaExecutionRole,
    ServiceRole,
)
from iam_patterns.errors import ValidationError
from iam_patterns.policy import PolicyDocument, Statement

ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"

# Each construct with the least it needs; the bad inputs below replace or add to these.
VALID = {
    Ec2InstanceRole: {},
    LambdaExecutionRole: {"function_name": "orders"},
    EcsTaskRole: {},
    EcsTaskExecutionRole: {},
    ServiceRole: {"service": "config.amazonaws.com", "source_account": "111122223333"},
    EksServiceAccountRole: {"oidc_issuer": ISSUER, "namespace": "payments", "service_account": "api"},
    EksPodIdentityRole: {"namespace": "payments", "service_account": "api"},
    CrossAccountRole: {"trusted_accounts": ["111122223333"], "external_id": "acme-prod-2026"},
}

BAD_INPUTS = [
    (CrossAccountRole, {"trusted_accounts": ["12345"]}, "trusted_accounts is '12345', but must be an AWS account id"),
    (CrossAccountRole, {"trusted_accounts": [], "trusted_principals": []}, "trusted_accounts is [], but must name at least one"),
    (CrossAccountRole, {"trusted_principals": ["arn:aws:iam::111122223333:group/admins"]}, "trusted_principals is 'arn:aws:iam::111122223333:group/admins', but must be the ARN of an account root, role or user"),
    (CrossAccountRole, {"external_id": "x"}, "external_id is 'x', but must be 2 to 1,224 characters"),
    (CrossAccountRole, {"external_id": "acme;prod"}, "external_id is 'acme;prod', but must be 2 to 1,224 characters"),
    (CrossAccountRole, {"mfa_max_age": Duration.days(2)}, "mfa_max_age is 172800 s, but must be a whole number of seconds from 1 to 129,600"),
    (CrossAccountRole, {"mfa_max_age": Duration.hours(1), "require_mfa": False}, "mfa_max_age is 3600 s, but needs require_mfa=True"),
    (CrossAccountRole, {"trusted_services": ["config.amazonaws.com"]}, "trusted_services is 'config.amazonaws.com', but must be guarded"),
    (CrossAccountRole, {"max_session_duration": Duration.hours(13)}, "max_session_duration is 46800 s, but must be"),
    (CrossAccountRole, {"role_name": "app uploads"}, "role_name is 'app uploads', but must be 1 to 64 characters"),
    (ServiceRole, {"service": "sqs"}, "service is 'sqs', but must be an AWS service principal"),
    (ServiceRole, {"service": "events.amazonaws.com", "source_account": None}, "service is 'events.amazonaws.com', but must be guarded with source_arns"),
    (ServiceRole, {"service": "ec2.amazonaws.com"}, "service is 'ec2.amazonaws.com', but must not be ec2.amazonaws.com"),
    (ServiceRole, {"source_account": "1111-2222-3333"}, "source_account is '1111-2222-3333', but must be an AWS account id"),
    (ServiceRole, {"source_arns": ["arn:aws:config:us-east-1:444455556666:config-rule/x"]}, "must name the same account as source_account"),
    (ServiceRole, {"source_account": None, "source_arns": ["arn:aws:s3:::*"]}, "must name its account, or come with source_account"),
    (ServiceRole, {"unsafe_allow_any_source": True}, "unsafe_allow_any_source is True, but must not be combined"),
    (ServiceRole, {"path": "service-roles"}, "path is 'service-roles', but must start and end with '/'"),
    (LambdaExecutionRole, {"function_name": None}, "function_name/log_group_name is [None, None], but must name exactly one"),
    (LambdaExecutionRole, {"log_group_name": "/aws/lambda/orders"}, "but must name exactly one of the two"),
    (LambdaExecutionRole, {"function_name": "orders:prod"}, "function_name is 'orders:prod', but must be 1 to 64"),
    (LambdaExecutionRole, {"function_name": None, "log_group_name": "/aws/lambda/*"}, "log_group_name is '/aws/lambda/*', but must be 1 to 512"),
    (LambdaExecutionRole, {"max_session_duration": Duration.minutes(30)}, "max_session_duration is 1800 s, but must be"),
    (EksServiceAccountRole, {"oidc_issuer": "https://accounts.google.com"}, "issuer is 'accounts.google.com', but must be an EKS OIDC issuer"),
    (EksServiceAccountRole, {"namespace": "kube_system"}, "namespace is 'kube_system', but must be a Kubernetes namespace"),
    (EksServiceAccountRole, {"service_account": "*"}, "service_account is '*', but must be a Kubernetes service account name"),
    (EksPodIdentityRole, {"service_account": "API"}, "service_account is 'API', but must be a Kubernetes service account name"),
    (EksPodIdentityRole, {"cluster_name": "-prod"}, "cluster_name is '-prod', but must be an EKS cluster name"),
    (Ec2InstanceRole, {"role_name": "r" * 65}, "but must be 1 to 64 characters of letters, digits and +=,.@_-"),
    (Ec2InstanceRole, {"path": "/a//" + "b" * 600 + "/"}, "but must start and end with '/', hold only printable ASCII"),
    (EcsTaskRole, {"max_session_duration": Duration.hours(24)}, "max_session_duration is 86400 s, but must be"),
    (EcsTaskExecutionRole, {"trust_policy_quota": 1024}, "trust_policy_quota is 1024, but must be between 2,048 and 4,096"),
]


@pytest.mark.parametrize(
    ("construct", "bad", "fragment"),
    BAD_INPUTS,
    ids=[f"{c.__name__}-{'-'.join(bad)}-{i}" for i, (c, bad, _) in enumerate(BAD_INPUTS)],
)
def test_bad_input_is_refused_before_anything_is_emitted(app, construct, bad, fragment):
    stack = Stack(app, "S")
    options = {k: v for k, v in {**VALID[construct], **bad}.items() if v is not None}
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        construct(stack, "Role", **options)
    assert stack.node.try_find_child("Role") is None


def test_many_trusted_accounts_overflow_the_trust_quota(app):
    accounts = [f"{n:012d}" for n in range(100000000000, 100000000000 + 60)]
    with pytest.raises(ValidationError, match=r"trust policy is [\d,]+ characters, but must be at most 2,048"):
        CrossAccountRole(Stack(app, "S"), "Role", trusted_accounts=accounts, external_id="acme-prod-2026")


def test_many_source_arns_overflow_the_trust_quota(app):
    rules = [f"arn:aws:events:us-east-1:111122223333:rule/nightly-report-{n:03d}" for n in range(40)]
    with pytest.raises(ValidationError, match=r"trust policy is [\d,]+ characters, but must be at most 2,048"):
        ServiceRole(Stack(app, "S"), "Role", service="events.amazonaws.com", source_arns=rules)


def test_a_raised_trust_quota_admits_what_the_default_refuses(app):
    accounts = [f"{n:012d}" for n in range(100000000000, 100000000000 + 60)]
    role = CrossAccountRole(Stack(app, "S"), "Role", trusted_accounts=accounts, trust_policy_quota=4096)
    assert len(role.trust_policy.statements[0].principal["AWS"]) == 60


# The other constructs' trusts have a bounded size (a few hundred characters at most with valid input), so the
# quota check is proven on them by handing them an oversized trust through the builder they call.
PADDED = Statement(sid="S" * 2000, principal={"Service": "ec2.amazonaws.com"}, action="sts:AssumeRole")
FIXED_TRUST_BUILDERS = {
    Ec2InstanceRole: ("ec2_instance_role", "service_trust_statements", lambda *a, **k: (PADDED,)),
    LambdaExecutionRole: ("lambda_execution_role", "service_trust_statements", lambda *a, **k: (PADDED,)),
    EcsTaskRole: ("_ecs_tasks", "ecs_tasks_trust", lambda **k: PolicyDocument(statements=[PADDED])),
    EcsTaskExecutionRole: ("_ecs_tasks", "ecs_tasks_trust", lambda **k: PolicyDocument(statements=[PADDED])),
    EksServiceAccountRole: ("eks_service_account_role", "eks_service_account_trust", lambda **k: PolicyDocument(statements=[PADDED])),
    EksPodIdentityRole: ("eks_pod_identity_role", "eks_pod_identity_trust", lambda **k: PolicyDocument(statements=[PADDED])),
}


@pytest.mark.parametrize("construct", list(FIXED_TRUST_BUILDERS), ids=lambda c: c.__name__)
def test_every_construct_checks_its_trust_against_the_quota(app, monkeypatch, construct):
    module, builder, oversized = FIXED_TRUST_BUILDERS[construct]
    monkeypatch.setattr(importlib.import_module(f"iam_patterns.constructs.{module}"), builder, oversized)
    stack = Stack(app, "S")
    with pytest.raises(ValidationError, match=r"trust policy is 2,136 characters, but must be at most 2,048"):
        construct(stack, "Role", **VALID[construct])
    assert stack.node.try_find_child("Role") is None


def test_every_construct_of_this_issue_is_public():
    for construct in VALID:
        assert getattr(iam_patterns, construct.__name__) is construct
