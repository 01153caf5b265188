"""The AWS IAM User Guide's own examples, as a table: each case's source page and section is the comment above it.

The policies are the guide's, with placeholders (``account-id``, ``BUCKET-NAME``) filled in; where an example
needs a caller or a second policy to be decided, the comment says what was added.
"""

from __future__ import annotations

from typing import Any

import pytest

from iam_patterns.evaluation import Decision, Request, evaluate

ALLOW, EXPLICIT, IMPLICIT = Decision.ALLOW, Decision.EXPLICIT_DENY, Decision.IMPLICIT_DENY
DOCS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
CASES: list[Any] = []


def policy(*statements: dict[str, Any], version: str | None = "2012-10-17") -> dict[str, Any]:
    doc: dict[str, Any] = {"Statement": list(statements)}
    if version:
        doc["Version"] = version
    return doc


def allow(action: Any = "*", resource: Any = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


ALLOW_ALL = policy(allow())


def case(name: str, expected: Decision, principal: Any, action: str, arn: str = "*", *,
         context: dict[str, Any] | None = None, resource_account: str | None = None, **policies: Any) -> None:
    """Add one row: the request, the policies that apply to it (``identity=``, ``resource=``, ...), the decision."""
    CASES.append(pytest.param(Request(principal, action, arn, context or {}, resource_account), policies,
                              expected, id=name))


# ---------------------------------------------------------------------------------------------------------------
# reference_policies_evaluation-logic.html#policies_evaluation_example: Carlos and his bucket, one account.
CARLOS = "arn:aws:iam::123456789012:user/carlossalazar"
CARLOS_POLICY = policy(
    {"Sid": "AllowS3ListRead", "Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:GetAccountPublicAccessBlock",
     "s3:ListAccessPoints", "s3:ListAllMyBuckets"], "Resource": "arn:aws:s3:::*"},
    {"Sid": "AllowS3Self", "Effect": "Allow", "Action": "s3:*",
     "Resource": ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"]},
    {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::*log*"},
)
CARLOS_BUCKET_POLICY = policy({"Effect": "Allow", "Principal": {"AWS": CARLOS}, "Action": "s3:*",
                               "Resource": ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"]})
case("carlos-logs-bucket-denied", EXPLICIT, CARLOS, "s3:PutObject", "arn:aws:s3:::carlossalazar-logs",
     identity=[CARLOS_POLICY])
case("carlos-logs-bucket-denied-despite-bucket-policy", EXPLICIT, CARLOS, "s3:PutObject",
     "arn:aws:s3:::carlossalazar-logs", identity=[CARLOS_POLICY], resource=CARLOS_BUCKET_POLICY)
case("carlos-own-bucket-both-allow", ALLOW, CARLOS, "s3:PutObject", "arn:aws:s3:::carlossalazar/file.txt",
     identity=[CARLOS_POLICY], resource=CARLOS_BUCKET_POLICY)
case("carlos-own-bucket-identity-alone", ALLOW, CARLOS, "s3:PutObject", "arn:aws:s3:::carlossalazar/file.txt",
     identity=[CARLOS_POLICY])
case("carlos-own-bucket-bucket-policy-alone", ALLOW, CARLOS, "s3:PutObject", "arn:aws:s3:::carlossalazar/file.txt",
     resource=CARLOS_BUCKET_POLICY)
case("carlos-bucket-location-anywhere", ALLOW, CARLOS, "s3:GetBucketLocation", "arn:aws:s3:::team-reports",
     identity=[CARLOS_POLICY])
case("carlos-objects-of-others-implicit", IMPLICIT, CARLOS, "s3:GetObject", "arn:aws:s3:::team-reports/q1.csv",
     identity=[CARLOS_POLICY])
case("carlos-log-in-the-middle-of-a-name", EXPLICIT, CARLOS, "s3:GetBucketLocation", "arn:aws:s3:::backlog-archive",
     identity=[CARLOS_POLICY])
case("carlos-manages-his-bucket", ALLOW, CARLOS, "s3:PutBucketPolicy", "arn:aws:s3:::carlossalazar",
     identity=[CARLOS_POLICY])
case("bucket-policy-names-only-carlos", IMPLICIT, "arn:aws:iam::123456789012:user/maria", "s3:GetObject",
     "arn:aws:s3:::carlossalazar/file.txt", resource=CARLOS_BUCKET_POLICY)

# reference_policies_evaluation-logic.html#AccessPolicyLanguage_Interplay: allowed, implicitly and explicitly denied.
IAM_READ = policy({"Sid": "AllowGetList", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
                  {"Sid": "DenyReports", "Effect": "Deny", "Action": "iam:*Report", "Resource": "*"})
USER = "arn:aws:iam::111122223333:user/zhang"
case("get-allowed", ALLOW, USER, "iam:GetUser", "arn:aws:iam::111122223333:user/zhang", identity=[IAM_READ])
case("list-allowed", ALLOW, USER, "iam:ListUsers", identity=[IAM_READ])
case("create-policy-implicitly-denied", IMPLICIT, USER, "iam:CreatePolicy", identity=[IAM_READ])
case("report-explicitly-denied", EXPLICIT, USER, "iam:GetOrganizationsAccessReport", identity=[IAM_READ])
case("get-credential-report-denied-though-get", EXPLICIT, USER, "iam:GetCredentialReport", identity=[IAM_READ])
case("report-denied-even-when-another-policy-allows", EXPLICIT, USER, "iam:GenerateCredentialReport",
     identity=[IAM_READ, policy(allow("iam:GenerateCredentialReport"))])

# reference_policies_evaluation-logic.html#policy-eval-denyallow: resource-based policies and implicit denies in
# other policy types, same account (the bucket policy grants s3:GetObject to the principal named in each row).
ROLE_ARN = "arn:aws:iam::111122223333:role/examplerole"
SESSION = "arn:aws:sts::111122223333:assumed-role/examplerole/examplerolesessionname"
EXAMPLE_USER = "arn:aws:iam::111122223333:user/exampleuser"
FEDERATED_USER = "arn:aws:sts::111122223333:federated-user/exampleuser"
OBJECT = "arn:aws:s3:::example-bucket/report.csv"


def grant_to(principal: Any, action: str = "s3:GetObject") -> dict[str, Any]:
    return policy({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": action,
                   "Resource": "arn:aws:s3:::example-bucket/*"})


ONLY_LIST = policy(allow("s3:ListBucket"))
ONLY_GET = policy(allow("s3:GetObject"))
case("role-arn-grant-needs-no-identity-policy", ALLOW, SESSION, "s3:GetObject", OBJECT, resource=grant_to(ROLE_ARN))
case("role-arn-grant-limited-by-boundary", IMPLICIT, SESSION, "s3:GetObject", OBJECT, resource=grant_to(ROLE_ARN),
     boundary=ONLY_LIST)
case("role-arn-grant-limited-by-session-policy", IMPLICIT, SESSION, "s3:GetObject", OBJECT,
     resource=grant_to(ROLE_ARN), session=ONLY_LIST)
case("role-arn-grant-within-boundary", ALLOW, SESSION, "s3:GetObject", OBJECT, resource=grant_to(ROLE_ARN),
     boundary=ONLY_GET)
case("session-arn-grant-not-limited-by-boundary", ALLOW, SESSION, "s3:GetObject", OBJECT,
     resource=grant_to(SESSION), boundary=ONLY_LIST)
case("session-arn-grant-not-limited-by-session-policy", ALLOW, SESSION, "s3:GetObject", OBJECT,
     resource=grant_to(SESSION), session=ONLY_LIST)
case("session-arn-grant-needs-no-identity-policy", ALLOW, SESSION, "s3:GetObject", OBJECT, resource=grant_to(SESSION))
case("user-arn-grant-needs-no-identity-policy", ALLOW, EXAMPLE_USER, "s3:GetObject", OBJECT,
     resource=grant_to(EXAMPLE_USER))
case("user-arn-grant-not-limited-by-boundary", ALLOW, EXAMPLE_USER, "s3:GetObject", OBJECT,
     resource=grant_to(EXAMPLE_USER), boundary=ONLY_LIST)
case("federated-user-arn-grant-not-limited-by-session-policy", ALLOW, FEDERATED_USER, "s3:GetObject", OBJECT,
     resource=grant_to(FEDERATED_USER), session=ONLY_LIST)
case("federated-user-without-session-policy-implicit", IMPLICIT, FEDERATED_USER, "s3:GetObject", OBJECT,
     identity=[ONLY_GET])
case("federated-user-within-session-policy", ALLOW, FEDERATED_USER, "s3:GetObject", OBJECT, identity=[ONLY_GET],
     session=ONLY_GET)
case("role-session-without-session-policy", ALLOW, SESSION, "s3:GetObject", OBJECT, identity=[ONLY_GET])
case("role-session-outside-session-policy", IMPLICIT, SESSION, "s3:GetObject", OBJECT, identity=[ONLY_GET],
     session=ONLY_LIST)
case("resource-policy-deny-beats-identity-allow", EXPLICIT, SESSION, "s3:GetObject", OBJECT, identity=[ALLOW_ALL],
     resource=policy({"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}))
case("root-user-has-full-access-in-its-account", ALLOW, "arn:aws:iam::111122223333:root", "s3:GetObject", OBJECT)

# reference_policies_evaluation-logic.html#policy-eval-denyallow: "IAM role trust policies and KMS key policies are
# exceptions ... they must explicitly allow access for principals" (even within one account).
TARGET_ROLE = "arn:aws:iam::111122223333:role/target"
KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
OTHER_TRUST = policy({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})
ACCOUNT_TRUST = policy({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"})
case("trust-policy-must-allow-even-in-one-account", IMPLICIT, EXAMPLE_USER, "sts:AssumeRole", TARGET_ROLE,
     identity=[policy(allow("sts:AssumeRole", TARGET_ROLE))], resource=OTHER_TRUST)
case("trust-policy-missing-means-no", IMPLICIT, EXAMPLE_USER, "sts:AssumeRole", TARGET_ROLE,
     identity=[policy(allow("sts:AssumeRole", TARGET_ROLE))])
case("trust-policy-delegating-to-account-needs-identity", IMPLICIT, EXAMPLE_USER, "sts:AssumeRole", TARGET_ROLE,
     resource=ACCOUNT_TRUST)
case("trust-policy-delegating-to-account-with-identity", ALLOW, EXAMPLE_USER, "sts:AssumeRole", TARGET_ROLE,
     identity=[policy(allow("sts:AssumeRole", TARGET_ROLE))], resource=ACCOUNT_TRUST)
case("key-policy-must-allow", IMPLICIT, EXAMPLE_USER, "kms:Decrypt", KEY, identity=[policy(allow("kms:Decrypt"))])
case("key-policy-delegating-to-account-with-identity", ALLOW, EXAMPLE_USER, "kms:Decrypt", KEY,
     identity=[policy(allow("kms:Decrypt"))],
     resource=policy({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*",
                      "Resource": "*"}))
case("key-policy-naming-the-user-needs-no-identity", ALLOW, EXAMPLE_USER, "kms:Decrypt", KEY,
     resource=policy({"Effect": "Allow", "Principal": {"AWS": EXAMPLE_USER}, "Action": "kms:Decrypt",
                      "Resource": "*"}))

# reference_policies_evaluation-logic.html#policy-eval-denyallow (Organizations SCPs): every level must allow.
case("scp-allows-nothing-so-implicit", IMPLICIT, SESSION, "s3:GetObject", OBJECT, identity=[ALLOW_ALL],
     scps=[[policy(allow("ec2:*"))]])
case("scp-every-level-allows", ALLOW, SESSION, "s3:GetObject", OBJECT, identity=[ALLOW_ALL],
     scps=[[ALLOW_ALL], [policy(allow("s3:*"))], [policy(allow("s3:GetObject"))]])
case("scp-one-level-silent", IMPLICIT, SESSION, "s3:GetObject", OBJECT, identity=[ALLOW_ALL],
     scps=[[ALLOW_ALL], [policy(allow("ec2:*"))]])
case("scp-deny", EXPLICIT, SESSION, "s3:GetObject", OBJECT, identity=[ALLOW_ALL],
     scps=[[ALLOW_ALL, policy({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})]])
case("scp-does-not-grant", IMPLICIT, SESSION, "s3:GetObject", OBJECT, scps=[[ALLOW_ALL]])
case("scp-limits-the-root-user", IMPLICIT, "arn:aws:iam::111122223333:root", "s3:GetObject", OBJECT,
     scps=[[policy(allow("ec2:*"))]])

# ---------------------------------------------------------------------------------------------------------------
# reference_policies_evaluation-logic-cross-account.html#policies_evaluation_example-cross-account
CARLOS_A = "arn:aws:iam::111111111111:user/carlossalazar"
CARLOS_A_POLICY = policy(
    {"Sid": "AllowS3ListRead", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"},
    {"Sid": "AllowS3ProductionObjectActions", "Effect": "Allow", "Action": "s3:*Object*",
     "Resource": "arn:aws:s3:::Production/*"},
    {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*",
     "Resource": ["arn:aws:s3:::*log*", "arn:aws:s3:::*log*/*"]},
)
PRODUCTION_POLICY = policy({"Effect": "Allow", "Action": ["s3:GetObject*", "s3:PutObject*", "s3:ReplicateObject",
                            "s3:RestoreObject"], "Principal": {"AWS": CARLOS_A}, "Resource": "arn:aws:s3:::Production/*"})
B = "222222222222"
case("cross-account-logs-denied-in-the-trusted-account", EXPLICIT, CARLOS_A, "s3:PutObject",
     "arn:aws:s3:::Production-logs/file.txt", resource_account=B, identity=[CARLOS_A_POLICY])
case("cross-account-both-accounts-allow", ALLOW, CARLOS_A, "s3:PutObject", "arn:aws:s3:::Production/file.txt",
     resource_account=B, identity=[CARLOS_A_POLICY], resource=PRODUCTION_POLICY)
case("cross-account-identity-alone-is-not-enough", IMPLICIT, CARLOS_A, "s3:PutObject",
     "arn:aws:s3:::Production/file.txt", resource_account=B, identity=[CARLOS_A_POLICY])
case("cross-account-bucket-policy-alone-is-not-enough", IMPLICIT, CARLOS_A, "s3:PutObject",
     "arn:aws:s3:::Production/file.txt", resource_account=B, resource=PRODUCTION_POLICY)
case("cross-account-cannot-delete", IMPLICIT, CARLOS_A, "s3:DeleteObject", "arn:aws:s3:::Production/file.txt",
     resource_account=B, identity=[CARLOS_A_POLICY], resource=PRODUCTION_POLICY)
case("cross-account-get-object-acl", ALLOW, CARLOS_A, "s3:GetObjectAcl", "arn:aws:s3:::Production/file.txt",
     resource_account=B, identity=[CARLOS_A_POLICY], resource=PRODUCTION_POLICY)
case("cross-account-replicate", ALLOW, CARLOS_A, "s3:ReplicateObject", "arn:aws:s3:::Production/file.txt",
     resource_account=B, identity=[CARLOS_A_POLICY], resource=PRODUCTION_POLICY)
case("cross-account-cannot-manage-the-bucket", IMPLICIT, CARLOS_A, "s3:PutBucketPolicy", "arn:aws:s3:::Production",
     resource_account=B, identity=[policy(allow("s3:*"))], resource=PRODUCTION_POLICY)
case("cross-account-other-user-not-named", IMPLICIT, "arn:aws:iam::111111111111:user/maria", "s3:PutObject",
     "arn:aws:s3:::Production/file.txt", resource_account=B, identity=[CARLOS_A_POLICY], resource=PRODUCTION_POLICY)
# (same page: "You can specify the entire account" as the principal: the account then delegates to its users)
case("cross-account-whole-account-named", ALLOW, "arn:aws:iam::111111111111:user/maria", "s3:PutObject",
     "arn:aws:s3:::Production/file.txt", resource_account=B, identity=[CARLOS_A_POLICY],
     resource=policy({"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "s3:PutObject",
                      "Resource": "arn:aws:s3:::Production/*"}))

# ---------------------------------------------------------------------------------------------------------------
# reference_policies_elements_condition_operators.html#Conditions_String (aws:PrincipalTag/job-category)
ADMIN_KEYS = policy(allow("iam:*AccessKey*", "arn:aws:iam::111122223333:user/*",
                          Condition={"StringEquals": {"aws:PrincipalTag/job-category": "iamuser-admin"}}))
KEYS_OF_BOB = "arn:aws:iam::111122223333:user/bob"
case("string-equals-tag-matches", ALLOW, USER, "iam:CreateAccessKey", KEYS_OF_BOB, identity=[ADMIN_KEYS],
     context={"aws:PrincipalTag/job-category": "iamuser-admin"})
case("string-equals-tag-differs", IMPLICIT, USER, "iam:CreateAccessKey", KEYS_OF_BOB, identity=[ADMIN_KEYS],
     context={"aws:PrincipalTag/job-category": "developer"})
case("string-equals-tag-missing", IMPLICIT, USER, "iam:CreateAccessKey", KEYS_OF_BOB, identity=[ADMIN_KEYS])
case("string-equals-is-case-sensitive", IMPLICIT, USER, "iam:CreateAccessKey", KEYS_OF_BOB, identity=[ADMIN_KEYS],
     context={"aws:PrincipalTag/job-category": "IAMUser-Admin"})
# reference_policies_elements_condition.html: "Condition key names are not case-sensitive"
case("condition-key-names-ignore-case", ALLOW, USER, "iam:CreateAccessKey", KEYS_OF_BOB, identity=[ADMIN_KEYS],
     context={"AWS:PRINCIPALTAG/JOB-CATEGORY": "iamuser-admin"})
case("string-equals-ignore-case", ALLOW, "arn:aws:iam::111122223333:user/JohnDoe", "s3:ListBucket",
     "arn:aws:s3:::b", identity=[policy(allow(Condition={"StringEqualsIgnoreCase": {"aws:username": "johndoe"}}))])
case("string-equals-johndoe-only", IMPLICIT, "arn:aws:iam::111122223333:user/JohnDoe", "s3:ListBucket",
     "arn:aws:s3:::b", identity=[policy(allow(Condition={"StringEquals": {"aws:username": "johndoe"}}))])

# reference_policies_elements_condition_operators.html#Conditions_String (home directory with ${aws:username})
HOME = policy(
    allow(["s3:ListAllMyBuckets", "s3:GetBucketLocation"], "arn:aws:s3:::*"),
    allow("s3:ListBucket", "arn:aws:s3:::BUCKET-NAME",
          Condition={"StringLike": {"s3:prefix": ["", "home/", "home/${aws:username}/"]}}),
    allow("s3:*", ["arn:aws:s3:::BUCKET-NAME/home/${aws:username}", "arn:aws:s3:::BUCKET-NAME/home/${aws:username}/*"]),
)
JANE = "arn:aws:iam::111122223333:user/janedoe"
for prefix, expected in (("", ALLOW), ("home/", ALLOW), ("home/janedoe/", ALLOW), ("home/bob/", IMPLICIT),
                         ("home/janedoe/photos/", IMPLICIT)):
    case(f"home-list-prefix-{prefix or 'root'}", expected, JANE, "s3:ListBucket", "arn:aws:s3:::BUCKET-NAME",
         identity=[HOME], context={"s3:prefix": prefix})
case("home-own-object", ALLOW, JANE, "s3:PutObject", "arn:aws:s3:::BUCKET-NAME/home/janedoe/cv.pdf", identity=[HOME])
case("home-other-users-object", IMPLICIT, JANE, "s3:GetObject", "arn:aws:s3:::BUCKET-NAME/home/bob/cv.pdf",
     identity=[HOME])
case("home-bucket-location", ALLOW, JANE, "s3:GetBucketLocation", "arn:aws:s3:::BUCKET-NAME", identity=[HOME])

# reference_policies_elements_condition_operators.html#Conditions_Numeric
MAX_KEYS = policy(allow("s3:ListBucket", "arn:aws:s3:::example_bucket",
                        Condition={"NumericLessThanEquals": {"s3:max-keys": "10"}}))
for keys, expected in (("10", ALLOW), ("5", ALLOW), ("11", IMPLICIT), ("10.5", IMPLICIT)):
    case(f"numeric-max-keys-{keys}", expected, USER, "s3:ListBucket", "arn:aws:s3:::example_bucket",
         identity=[MAX_KEYS], context={"s3:max-keys": keys})
case("numeric-key-missing", IMPLICIT, USER, "s3:ListBucket", "arn:aws:s3:::example_bucket", identity=[MAX_KEYS])

# reference_policies_elements_condition_operators.html#Conditions_Date
FRESH = policy(allow("iam:*AccessKey*", "arn:aws:iam::111122223333:user/*",
                     Condition={"DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}))
for issued, expected in (("2020-06-01T00:00:00Z", ALLOW), ("2019-12-31T23:59:59Z", IMPLICIT),
                         ("2020-01-01T00:00:01Z", IMPLICIT), ("2020-01-01T01:00:00+01:00", IMPLICIT),
                         ("1600000000", ALLOW)):
    case(f"date-token-issued-{issued}", expected, SESSION, "iam:ListAccessKeys", KEYS_OF_BOB, identity=[FRESH],
         context={"aws:TokenIssueTime": issued})
case("date-key-missing-for-access-keys", IMPLICIT, USER, "iam:ListAccessKeys", KEYS_OF_BOB, identity=[FRESH])

# reference_policies_elements_condition_operators.html#Conditions_Boolean (identity allows everything besides)
TLS_ONLY = policy({"Sid": "BooleanExample", "Action": "s3:*", "Effect": "Deny",
                   "Resource": ["arn:aws:s3:::DOC-EXAMPLE-BUCKET", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*"],
                   "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
case("bool-plain-http-denied", EXPLICIT, USER, "s3:GetObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/a",
     identity=[ALLOW_ALL, TLS_ONLY], context={"aws:SecureTransport": "false"})
case("bool-tls-allowed", ALLOW, USER, "s3:GetObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/a",
     identity=[ALLOW_ALL, TLS_ONLY], context={"aws:SecureTransport": "true"})
case("bool-other-bucket-not-covered", ALLOW, USER, "s3:GetObject", "arn:aws:s3:::other/a",
     identity=[ALLOW_ALL, TLS_ONLY], context={"aws:SecureTransport": "false"})
case("bool-key-missing-does-not-match", ALLOW, USER, "s3:GetObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/a",
     identity=[ALLOW_ALL, TLS_ONLY])
case("bool-value-case", EXPLICIT, USER, "s3:GetObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/a",
     identity=[ALLOW_ALL, TLS_ONLY], context={"aws:SecureTransport": "False"})

# reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
BINARY = policy(allow(Condition={"BinaryEquals": {"key": "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}))
case("binary-equals", ALLOW, USER, "s3:GetObject", OBJECT, identity=[BINARY],
     context={"key": "QmluYXJ5VmFsdWVJbkJhc2U2NA=="})
case("binary-differs", IMPLICIT, USER, "s3:GetObject", OBJECT, identity=[BINARY], context={"key": "T3RoZXI="})
case("binary-missing", IMPLICIT, USER, "s3:GetObject", OBJECT, identity=[BINARY])

# reference_policies_elements_condition_operators.html#Conditions_IPAddress
FROM_OFFICE = policy(allow("iam:*AccessKey*", "arn:aws:iam::111122223333:user/*",
                           Condition={"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))
for ip, expected in (("203.0.113.45", ALLOW), ("203.0.113.0", ALLOW), ("203.0.114.1", IMPLICIT),
                     ("198.51.100.7", IMPLICIT), ("2001:db8::1", IMPLICIT)):
    case(f"ip-v4-{ip}", expected, USER, "iam:ListAccessKeys", KEYS_OF_BOB, identity=[FROM_OFFICE],
         context={"aws:SourceIp": ip})
case("ip-missing-through-vpc-endpoint", IMPLICIT, USER, "iam:ListAccessKeys", KEYS_OF_BOB, identity=[FROM_OFFICE])
BOTH_FAMILIES = policy(allow("someservice:*", Condition={"IpAddress": {
    "aws:SourceIp": ["203.0.113.0/24", "2001:DB8:1234:5678::/64"]}}))
for ip, expected in (("2001:db8:1234:5678::1", ALLOW), ("2001:DB8:1234:5678:ffff::9", ALLOW),
                     ("2001:db8:1234:5679::1", IMPLICIT), ("203.0.113.200", ALLOW)):
    case(f"ip-mixed-{ip}", expected, USER, "someservice:DoThing", identity=[BOTH_FAMILIES],
         context={"aws:SourceIp": ip})
case("not-ip-address-denies-outside", EXPLICIT, USER, "someservice:DoThing",
     identity=[ALLOW_ALL, policy({"Effect": "Deny", "Action": "*", "Resource": "*",
                                  "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})],
     context={"aws:SourceIp": "192.0.2.1"})
case("single-ip-means-slash-32", IMPLICIT, USER, "someservice:DoThing",
     identity=[policy(allow(Condition={"IpAddress": {"aws:SourceIp": "203.0.113.5"}}))],
     context={"aws:SourceIp": "203.0.113.6"})

# reference_policies_elements_condition_operators.html#Conditions_ARN (the SQS queue policy; the queue is put in
# another account so that the queue policy, not the caller's own identity policy, decides)
QUEUE = "arn:aws:sqs:us-east-1:444455556666:QUEUE-ID"
TOPIC = "arn:aws:sns:us-east-1:123456789012:TOPIC-ID"
QUEUE_POLICY = policy({"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "SQS:SendMessage",
                       "Resource": QUEUE, "Condition": {"ArnEquals": {"aws:SourceArn": TOPIC}}})
SENDER = "arn:aws:iam::123456789012:user/publisher"
case("arn-equals-source-topic", ALLOW, SENDER, "sqs:SendMessage", QUEUE, identity=[ALLOW_ALL],
     resource=QUEUE_POLICY, context={"aws:SourceArn": TOPIC})
case("arn-equals-other-topic", IMPLICIT, SENDER, "sqs:SendMessage", QUEUE, identity=[ALLOW_ALL],
     resource=QUEUE_POLICY, context={"aws:SourceArn": TOPIC + "-2"})
case("arn-equals-key-missing-when-called-directly", IMPLICIT, SENDER, "sqs:SendMessage", QUEUE,
     identity=[ALLOW_ALL], resource=QUEUE_POLICY)
# (same section: ArnLike matches each colon-separated component on its own; StringLike does not)
TRICKY = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"
FINANCE = "arn:aws:someservice:*:111122223333:finance/*"
case("string-like-spans-colons", ALLOW, USER, "someservice:Read",
     identity=[policy(allow(Condition={"StringLike": {"aws:SourceArn": FINANCE}}))], context={"aws:SourceArn": TRICKY})
case("arn-like-matches-components", IMPLICIT, USER, "someservice:Read",
     identity=[policy(allow(Condition={"ArnLike": {"aws:SourceArn": FINANCE}}))], context={"aws:SourceArn": TRICKY})
case("arn-like-genuine-match", ALLOW, USER, "someservice:Read",
     identity=[policy(allow(Condition={"ArnLike": {"aws:SourceArn": FINANCE}}))],
     context={"aws:SourceArn": "arn:aws:someservice:us-east-2:111122223333:finance/document.txt"})
case("arn-not-like-other-account", ALLOW, USER, "someservice:Read",
     identity=[policy(allow(Condition={"ArnNotLike": {"aws:SourceArn": FINANCE}}))], context={"aws:SourceArn": TRICKY})

# reference_policies_elements_condition_operators.html#Conditions_IfExists
TYPES = ["t1.*", "t2.*", "m3.*"]
DOES_NOT_WORK = policy({"Sid": "THISPOLICYDOESNOTWORK", "Effect": "Allow", "Action": "ec2:RunInstances",
                        "Resource": "*", "Condition": {"StringLike": {"ec2:InstanceType": TYPES}}})
IF_EXISTS = policy({"Sid": "RunInstance", "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*",
                    "Condition": {"StringLikeIfExists": {"ec2:InstanceType": TYPES}}})
IMAGE = "arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890"
INSTANCE = "arn:aws:ec2:us-east-1:111122223333:instance/*"
case("if-exists-missing-key-fails-plain-operator", IMPLICIT, USER, "ec2:RunInstances", IMAGE, identity=[DOES_NOT_WORK])
case("if-exists-missing-key-passes", ALLOW, USER, "ec2:RunInstances", IMAGE, identity=[IF_EXISTS])
case("if-exists-allowed-type", ALLOW, USER, "ec2:RunInstances", INSTANCE, identity=[IF_EXISTS],
     context={"ec2:InstanceType": "t2.micro"})
case("if-exists-other-type", IMPLICIT, USER, "ec2:RunInstances", INSTANCE, identity=[IF_EXISTS],
     context={"ec2:InstanceType": "m5.large"})
case("plain-operator-allowed-type", ALLOW, USER, "ec2:RunInstances", INSTANCE, identity=[DOES_NOT_WORK],
     context={"ec2:InstanceType": "m3.medium"})
case("negated-if-exists-deny-still-denies-missing-tag", EXPLICIT, USER, "ec2:StopInstances", INSTANCE,
     identity=[ALLOW_ALL, policy({"Effect": "Deny", "Action": "ec2:*", "Resource": "*", "Condition": {
         "StringNotEqualsIfExists": {"aws:ResourceTag/team": "platform"}}})])

# reference_policies_elements_condition_operators.html#Conditions_Null
NO_TEMPORARY = policy({"Action": "ec2:*", "Effect": "Allow", "Resource": "*",
                       "Condition": {"Null": {"aws:TokenIssueTime": "true"}}})
case("null-true-long-term-keys", ALLOW, USER, "ec2:DescribeInstances", identity=[NO_TEMPORARY])
case("null-true-temporary-credentials", IMPLICIT, SESSION, "ec2:DescribeInstances", identity=[NO_TEMPORARY],
     context={"aws:TokenIssueTime": "2026-01-01T00:00:00Z"})
case("null-false-requires-key", ALLOW, SESSION, "ec2:DescribeInstances",
     identity=[policy(allow(Condition={"Null": {"aws:TokenIssueTime": "false"}}))],
     context={"aws:TokenIssueTime": "2026-01-01T00:00:00Z"})
case("null-false-key-missing", IMPLICIT, USER, "ec2:DescribeInstances",
     identity=[policy(allow(Condition={"Null": {"aws:TokenIssueTime": False}}))])

# reference_policies_elements_condition_operators.html (top): a missing key makes an operator false, a negated one true
for operator, key_value, expected in (("StringNotLike", "x*", ALLOW), ("ArnNotLike", "arn:aws:s3:::x", ALLOW),
                                      ("StringNotEquals", "x", ALLOW), ("NumericNotEquals", "1", ALLOW),
                                      ("DateNotEquals", "2020-01-01", ALLOW), ("NotIpAddress", "10.0.0.0/8", ALLOW),
                                      ("StringEquals", "x", IMPLICIT), ("ArnLike", "arn:aws:s3:::x", IMPLICIT),
                                      ("NumericEquals", "1", IMPLICIT), ("IpAddress", "10.0.0.0/8", IMPLICIT)):
    case(f"missing-key-{operator}", expected, USER, "s3:GetObject", OBJECT,
         identity=[policy(allow(Condition={operator: {"aws:SomeMissingKey": key_value}}))])

# ---------------------------------------------------------------------------------------------------------------
# reference_policies_multi-value-conditions.html#reference_policies_multiple-conditions-eval (keys AND, values OR)
DEPARTMENTS = policy(allow(Condition={
    "StringEqualsIgnoreCase": {"aws:PrincipalTag/department": ["finance", "hr", "legal"],
                               "aws:PrincipalTag/role": ["audit", "security"]},
    "StringEquals": {"aws:PrincipalAccount": "123456789012"}}))
AUDITOR = "arn:aws:iam::123456789012:user/auditor"
for name, context, expected in (
    ("all-conditions", {"aws:PrincipalTag/department": "finance", "aws:PrincipalTag/role": "audit"}, ALLOW),
    ("ignore-case-value", {"aws:PrincipalTag/department": "LEGAL", "aws:PrincipalTag/role": "Security"}, ALLOW),
    ("second-key-missing", {"aws:PrincipalTag/department": "hr"}, IMPLICIT),
    ("value-not-listed", {"aws:PrincipalTag/department": "sales", "aws:PrincipalTag/role": "audit"}, IMPLICIT),
    ("other-account", {"aws:PrincipalTag/department": "hr", "aws:PrincipalTag/role": "audit",
                       "aws:PrincipalAccount": "999999999999"}, IMPLICIT),
):
    case(f"and-or-{name}", expected, AUDITOR, "s3:GetObject", OBJECT, identity=[DEPARTMENTS], context=context)
# (same section, note: several values under a negated operator must all differ)
NOT_THESE = policy(allow(Condition={"StringNotEquals": {"aws:PrincipalAccount": ["111111111111", "222222222222"]}}))
case("negated-values-nor-listed", IMPLICIT, "arn:aws:iam::222222222222:user/u", "s3:GetObject", OBJECT,
     identity=[NOT_THESE])
case("negated-values-nor-unlisted", ALLOW, "arn:aws:iam::333333333333:user/u", "s3:GetObject", OBJECT,
     identity=[NOT_THESE])

# reference_policies_multi-value-conditions.html#reference_policies_multi-value-conditions-examples
THREAD = "arn:aws:dynamodb:us-east-1:111122223333:table/Thread"
ONLY_ATTRIBUTES = policy(allow("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Thread", Condition={
    "ForAllValues:StringEquals": {"dynamodb:Attributes": ["ID", "Message", "Tags"]}}))
for name, attributes, expected in (("listed", ["Message", "Tags"], ALLOW), ("with-key", ["ID", "Message", "Tags"], ALLOW),
                                   ("one-unlisted", ["Message", "UserName"], IMPLICIT), ("empty", [], ALLOW)):
    case(f"for-all-values-{name}", expected, USER, "dynamodb:GetItem", THREAD, identity=[ONLY_ATTRIBUTES],
         context={"dynamodb:Attributes": attributes})
case("for-all-values-key-missing-is-true", ALLOW, USER, "dynamodb:GetItem", THREAD, identity=[ONLY_ATTRIBUTES])
NO_KEY_UPDATES = policy({"Effect": "Deny", "Action": "dynamodb:PutItem", "Resource": "arn:aws:dynamodb:*:*:table/Thread",
                         "Condition": {"ForAnyValue:StringEquals": {"dynamodb:Attributes": ["ID", "PostDateTime"]}}})
for name, attributes, expected in (("touches-one", ["PostDateTime", "Message"], EXPLICIT),
                                   ("touches-none", ["UserName"], ALLOW), ("empty", [], ALLOW)):
    case(f"for-any-value-deny-{name}", expected, USER, "dynamodb:PutItem", THREAD,
         identity=[policy(allow("dynamodb:*")), NO_KEY_UPDATES], context={"dynamodb:Attributes": attributes})
case("for-any-value-key-missing-is-false", ALLOW, USER, "dynamodb:PutItem", THREAD,
     identity=[policy(allow("dynamodb:*")), NO_KEY_UPDATES])

# reference_policies_multi-value-conditions.html#reference_policies_multi-value-conditions-eval
THREE = policy(allow("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Thread", Condition={
    "ForAllValues:StringEquals": {"dynamodb:Attributes": ["PostDateTime", "Message", "Tags"]}}))
case("eval-table-for-all-values", IMPLICIT, USER, "dynamodb:GetItem", THREAD, identity=[THREE],
     context={"dynamodb:Attributes": ["PostDateTime", "UserName"]})
case("eval-table-for-all-values-subset", ALLOW, USER, "dynamodb:GetItem", THREAD, identity=[THREE],
     context={"dynamodb:Attributes": ["PostDateTime", "Message"]})
case("eval-table-for-any-value-deny", EXPLICIT, USER, "dynamodb:PutItem", THREAD,
     identity=[policy(allow("dynamodb:*")), NO_KEY_UPDATES],
     context={"dynamodb:Attributes": ["UserName", "Message", "PostDateTime"]})

# reference_policies_single-vs-multi-valued-condition-keys.html: multivalued keys need a set operator
case("multivalued-key-without-set-operator", IMPLICIT, USER, "ec2:CreateTags", INSTANCE,
     identity=[policy(allow(Condition={"StringEquals": {"aws:TagKeys": "team"}}))],
     context={"aws:TagKeys": ["team", "cost-center"]})
case("multivalued-key-for-any-value", ALLOW, USER, "ec2:CreateTags", INSTANCE,
     identity=[policy(allow(Condition={"ForAnyValue:StringEquals": {"aws:TagKeys": "team"}}))],
     context={"aws:TagKeys": ["team", "cost-center"]})
case("multivalued-key-for-all-values-like", ALLOW, USER, "ec2:CreateTags", INSTANCE,
     identity=[policy(allow(Condition={"ForAllValues:StringLike": {"aws:TagKeys": ["team", "cost-*"]}}))],
     context={"aws:TagKeys": ["team", "cost-center"]})
case("single-valued-key-with-for-any-value", ALLOW, USER, "ec2:StopInstances", INSTANCE,
     identity=[policy(allow(Condition={"ForAnyValue:StringEquals": {"aws:ResourceTag/team": "platform"}}))],
     context={"aws:ResourceTag/team": "platform"})

# ---------------------------------------------------------------------------------------------------------------
# reference_policies_variables.html#policy-vars-using-variables
DAVID = "arn:aws:iam::111122223333:user/David"
OWN_FOLDER = policy(allow("s3:ListBucket", "arn:aws:s3:::mybucket", Condition={"StringLike": {"s3:prefix": ["${aws:username}/*"]}}),
                    allow(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::mybucket/${aws:username}/*"))
case("variable-own-prefix", ALLOW, DAVID, "s3:ListBucket", "arn:aws:s3:::mybucket", identity=[OWN_FOLDER],
     context={"s3:prefix": "David/photos"})
case("variable-other-prefix", IMPLICIT, DAVID, "s3:ListBucket", "arn:aws:s3:::mybucket", identity=[OWN_FOLDER],
     context={"s3:prefix": "Adele/photos"})
case("variable-own-object", ALLOW, DAVID, "s3:PutObject", "arn:aws:s3:::mybucket/David/cv.pdf", identity=[OWN_FOLDER])
case("variable-other-object", IMPLICIT, DAVID, "s3:GetObject", "arn:aws:s3:::mybucket/Adele/cv.pdf",
     identity=[OWN_FOLDER])
case("variable-is-a-value-not-a-wildcard", IMPLICIT, "arn:aws:iam::111122223333:user/Dav", "s3:GetObject",
     "arn:aws:s3:::mybucket/David/cv.pdf", identity=[OWN_FOLDER])
OWN_KEYS = policy(allow(["iam:*AccessKey*"], ["arn:aws:iam::111122223333:user/${aws:username}"]))
case("variable-own-access-keys", ALLOW, DAVID, "iam:CreateAccessKey", DAVID, identity=[OWN_KEYS])
case("variable-others-access-keys", IMPLICIT, DAVID, "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/Adele",
     identity=[OWN_KEYS])
case("variable-username-absent-for-roles", IMPLICIT, "arn:aws:sts::111122223333:assumed-role/David/David",
     "iam:CreateAccessKey", DAVID, identity=[OWN_KEYS])

# reference_policies_variables.html#policy-vars-resourceelement
OWN_QUEUES = policy({"Sid": "ListForConsole", "Effect": "Allow", "Action": "sqs:ListQueues", "Resource": "*"},
                    {"Sid": "AllQueueActions", "Effect": "Allow", "Action": "sqs:*",
                     "Resource": "arn:aws:sqs:us-east-2:*:${aws:username}-queue"})
case("variable-own-queue", ALLOW, DAVID, "sqs:SendMessage", "arn:aws:sqs:us-east-2:111122223333:David-queue",
     identity=[OWN_QUEUES])
case("variable-own-queue-other-region", IMPLICIT, DAVID, "sqs:SendMessage",
     "arn:aws:sqs:us-west-2:111122223333:David-queue", identity=[OWN_QUEUES])
case("variable-other-queue", IMPLICIT, DAVID, "sqs:SendMessage", "arn:aws:sqs:us-east-2:111122223333:Adele-queue",
     identity=[OWN_QUEUES])
case("variable-list-queues", ALLOW, DAVID, "sqs:ListQueues", identity=[OWN_QUEUES])
DEPARTMENT_BUCKET = policy(allow("s3:*", ["arn:aws:s3:::bucket/${aws:PrincipalTag/department}"]))
case("tag-variable-own-department", ALLOW, DAVID, "s3:GetObject", "arn:aws:s3:::bucket/hr",
     identity=[DEPARTMENT_BUCKET], context={"aws:PrincipalTag/department": "hr"})
case("tag-variable-other-department", IMPLICIT, DAVID, "s3:GetObject", "arn:aws:s3:::bucket/finance",
     identity=[DEPARTMENT_BUCKET], context={"aws:PrincipalTag/department": "hr"})
case("tag-variable-no-tag", IMPLICIT, DAVID, "s3:GetObject", "arn:aws:s3:::bucket/hr", identity=[DEPARTMENT_BUCKET])
case("tag-variable-key-name-ignores-case", ALLOW, DAVID, "s3:GetObject", "arn:aws:s3:::bucket/hr",
     identity=[DEPARTMENT_BUCKET], context={"AWS:principaltag/Department": "hr"})

# reference_policies_variables.html#policy-vars-conditionelement (the topic is put in another account, so the
# topic policy decides; the caller's own account allows sns:*)
SNS_TOPIC = "arn:aws:sns:us-east-1:444455556666:updates"
ENDPOINT_POLICY = policy({"Principal": {"AWS": "999999999999"}, "Effect": "Allow", "Action": "sns:*",
                          "Condition": {"StringLike": {"sns:endpoint": "https://example.com/${aws:username}/"},
                                        "StringEquals": {"sns:Protocol": "https"}}})
SNS_USER = "arn:aws:iam::999999999999:user/David"
for name, context, expected in (
    ("own-url", {"sns:endpoint": "https://example.com/David/", "sns:Protocol": "https"}, ALLOW),
    ("other-url", {"sns:endpoint": "https://example.com/Adele/", "sns:Protocol": "https"}, IMPLICIT),
    ("http", {"sns:endpoint": "https://example.com/David/", "sns:Protocol": "http"}, IMPLICIT),
):
    case(f"condition-variable-{name}", expected, SNS_USER, "sns:Subscribe", SNS_TOPIC,
         identity=[policy(allow("sns:*"))], resource=ENDPOINT_POLICY, context=context)
COST_CENTER = policy(allow(["iam:*user*"], Condition={"StringLike": {"iam:ResourceTag/costCenter": ["12345", "67890"]}}))
for value, expected in (("12345", ALLOW), ("67890", ALLOW), ("99999", IMPLICIT), (None, IMPLICIT)):
    case(f"cost-center-{value}", expected, USER, "iam:GetUser", KEYS_OF_BOB, identity=[COST_CENTER],
         context={} if value is None else {"iam:ResourceTag/costCenter": value})

# reference_policies_variables.html#policy-vars-no-value
TEAM_MATCH = policy({"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*",
                     "Condition": {"StringNotEquals": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}}})
for name, context, expected in (
    ("same-team", {"aws:PrincipalTag/Team": "blue", "s3:ExistingObjectTag/Team": "blue"}, ALLOW),
    ("other-team", {"aws:PrincipalTag/Team": "blue", "s3:ExistingObjectTag/Team": "red"}, EXPLICIT),
    ("principal-untagged", {"s3:ExistingObjectTag/Team": "blue"}, EXPLICIT),
):
    case(f"no-value-negated-{name}", expected, DAVID, "s3:GetObject", "arn:aws:s3:::example-bucket/a",
         identity=[ALLOW_ALL, TEAM_MATCH], context=context)
case("no-value-positive-operator-does-not-match", IMPLICIT, DAVID, "s3:GetObject", OBJECT,
     identity=[policy(allow(Condition={"StringEquals": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}}))],
     context={"s3:ExistingObjectTag/Team": ""})
case("no-value-resource-matches-nothing", IMPLICIT, DAVID, "s3:GetObject", "arn:aws:s3:::team-bucket/x",
     identity=[policy(allow("s3:GetObject", "arn:aws:s3:::team-bucket/${aws:PrincipalTag/team}*"))])
case("no-value-not-resource-matches-nothing", EXPLICIT, DAVID, "s3:GetObject", "arn:aws:s3:::team-bucket/x",
     identity=[ALLOW_ALL, policy({"Effect": "Deny", "Action": "s3:*",
                                  "NotResource": "arn:aws:s3:::team-bucket/${aws:PrincipalTag/team}/*"})])
case("not-resource-variable-with-value", ALLOW, DAVID, "s3:GetObject", "arn:aws:s3:::team-bucket/blue/x",
     identity=[ALLOW_ALL, policy({"Effect": "Deny", "Action": "s3:*",
                                  "NotResource": "arn:aws:s3:::team-bucket/${aws:PrincipalTag/team}/*"})],
     context={"aws:PrincipalTag/team": "blue"})

# reference_policies_variables.html#policy-vars-specialchars
LITERAL_STAR = policy(allow("s3:GetObject", "arn:aws:s3:::bucket/${*}"))
case("special-star-is-literal", ALLOW, DAVID, "s3:GetObject", "arn:aws:s3:::bucket/*", identity=[LITERAL_STAR])
case("special-star-is-not-a-wildcard", IMPLICIT, DAVID, "s3:GetObject", "arn:aws:s3:::bucket/x",
     identity=[LITERAL_STAR])
case("special-question-mark", IMPLICIT, DAVID, "s3:GetObject", "arn:aws:s3:::bucket/a",
     identity=[policy(allow("s3:GetObject", "arn:aws:s3:::bucket/${?}"))])
case("special-dollar", ALLOW, DAVID, "s3:GetObject", "arn:aws:s3:::bucket/$5",
     identity=[policy(allow("s3:GetObject", "arn:aws:s3:::bucket/${$}5"))])
case("special-star-in-condition", ALLOW, DAVID, "s3:ListBucket", "arn:aws:s3:::bucket",
     identity=[policy(allow(Condition={"StringLike": {"s3:prefix": "a${*}b*"}}))], context={"s3:prefix": "a*bc"})

# reference_policies_variables.html#policy-vars-default-values
TEAM_BUCKET = policy(allow("s3:*", "arn:aws:s3:::DOC-EXAMPLE-BUCKET-${aws:PrincipalTag/team, 'company-wide'}"))
case("default-value-tag-present", ALLOW, DAVID, "s3:ListBucket", "arn:aws:s3:::DOC-EXAMPLE-BUCKET-yellow",
     identity=[TEAM_BUCKET], context={"aws:PrincipalTag/team": "yellow"})
case("default-value-used-without-tag", ALLOW, DAVID, "s3:ListBucket", "arn:aws:s3:::DOC-EXAMPLE-BUCKET-company-wide",
     identity=[TEAM_BUCKET])
case("default-value-not-a-team-bucket", IMPLICIT, DAVID, "s3:ListBucket", "arn:aws:s3:::DOC-EXAMPLE-BUCKET-yellow",
     identity=[TEAM_BUCKET])

# reference_policies_elements_version.html: under 2008-10-17 (or with no Version) variables are literal text
OLD_KEYS = policy(allow("iam:*AccessKey*", "arn:aws:iam::111122223333:user/${aws:username}"), version="2008-10-17")
NO_VERSION = policy(allow("iam:*AccessKey*", "arn:aws:iam::111122223333:user/${aws:username}"), version=None)
case("version-2008-no-substitution", IMPLICIT, DAVID, "iam:CreateAccessKey", DAVID, identity=[OLD_KEYS])
case("version-2008-literal-text", ALLOW, DAVID, "iam:CreateAccessKey",
     "arn:aws:iam::111122223333:user/${aws:username}", identity=[OLD_KEYS])
case("no-version-no-substitution", IMPLICIT, DAVID, "iam:CreateAccessKey", DAVID, identity=[NO_VERSION])

# ---------------------------------------------------------------------------------------------------------------
# reference_policies_elements_notprincipal.html#specifying-notprincipal (a grant to Bob's account is added, and
# the callers' own accounts allow s3:*, as the page says another statement must allow)
BOB = "arn:aws:iam::444455556666:user/Bob"
ONLY_BOB = policy(
    {"Effect": "Deny", "NotPrincipal": {"AWS": [BOB, "arn:aws:iam::444455556666:root"]}, "Action": "s3:*",
     "Resource": ["arn:aws:s3:::BUCKETNAME", "arn:aws:s3:::BUCKETNAME/*"]},
    {"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "s3:*", "Resource": "arn:aws:s3:::BUCKETNAME/*"},
)
S3_ALL = policy(allow("s3:*"))
case("not-principal-bob-not-denied", ALLOW, BOB, "s3:GetObject", "arn:aws:s3:::BUCKETNAME/a",
     resource_account="111122223333", identity=[S3_ALL], resource=ONLY_BOB)
case("not-principal-others-in-bobs-account-denied", EXPLICIT, "arn:aws:iam::444455556666:user/Alice", "s3:GetObject",
     "arn:aws:s3:::BUCKETNAME/a", resource_account="111122223333", identity=[S3_ALL], resource=ONLY_BOB)
case("not-principal-owner-account-denied", EXPLICIT, "arn:aws:iam::111122223333:user/owner", "s3:GetObject",
     "arn:aws:s3:::BUCKETNAME/a", resource_account="111122223333", identity=[S3_ALL], resource=ONLY_BOB)
case("not-principal-without-account-arn-denies-bob", EXPLICIT, BOB, "s3:GetObject", "arn:aws:s3:::BUCKETNAME/a",
     resource_account="111122223333", identity=[S3_ALL],
     resource=policy({"Effect": "Deny", "NotPrincipal": {"AWS": BOB}, "Action": "s3:*", "Resource": "*"},
                     ONLY_BOB["Statement"][1]))
AUDIT_SESSION = "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app"
AUDIT_ROLE = "arn:aws:iam::444455556666:role/cross-account-read-only-role"
ONLY_AUDIT = policy(
    {"Effect": "Deny", "NotPrincipal": {"AWS": [AUDIT_SESSION, AUDIT_ROLE, "arn:aws:iam::444455556666:root"]},
     "Action": "s3:*", "Resource": ["arn:aws:s3:::Bucket_AccountAudit", "arn:aws:s3:::Bucket_AccountAudit/*"]},
    {"Effect": "Allow", "Principal": {"AWS": AUDIT_ROLE}, "Action": "s3:GetObject",
     "Resource": "arn:aws:s3:::Bucket_AccountAudit/*"},
)
case("not-principal-audit-session-not-denied", ALLOW, AUDIT_SESSION, "s3:GetObject",
     "arn:aws:s3:::Bucket_AccountAudit/a", resource_account="111122223333", identity=[S3_ALL], resource=ONLY_AUDIT)
case("not-principal-other-session-denied", EXPLICIT,
     "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/someone-else", "s3:GetObject",
     "arn:aws:s3:::Bucket_AccountAudit/a", resource_account="111122223333", identity=[S3_ALL], resource=ONLY_AUDIT)
case("not-principal-missing-role-arn-denies-session", EXPLICIT, AUDIT_SESSION, "s3:GetObject",
     "arn:aws:s3:::Bucket_AccountAudit/a", resource_account="111122223333", identity=[S3_ALL],
     resource=policy({"Effect": "Deny", "NotPrincipal": {"AWS": [AUDIT_SESSION, "arn:aws:iam::444455556666:root"]},
                      "Action": "s3:*", "Resource": "*"}, ONLY_AUDIT["Statement"][1]))
# reference_policies_elements_notprincipal.html#specifying-notprincipal-allow: allows everyone except those named
EXCEPT_BOB = policy({"Effect": "Allow", "NotPrincipal": {"AWS": [BOB, "arn:aws:iam::444455556666:root"]},
                     "Action": "s3:GetObject", "Resource": "arn:aws:s3:::BUCKETNAME/*"})
case("not-principal-allow-grants-others", ALLOW, "arn:aws:iam::111122223333:user/Alice", "s3:GetObject",
     "arn:aws:s3:::BUCKETNAME/a", resource=EXCEPT_BOB)
case("not-principal-allow-excludes-the-named", IMPLICIT, BOB, "s3:GetObject", "arn:aws:s3:::BUCKETNAME/a",
     resource_account="111122223333", identity=[S3_ALL], resource=EXCEPT_BOB)

# ---------------------------------------------------------------------------------------------------------------
# reference_policies_elements_principal.html#principal-accounts: account id and root ARN are the same, and the root
# ARN does not mean only the root user (the callers' own accounts allow the request)
READ_BY_ROOT_ARN = grant_to("arn:aws:iam::123456789012:root")
READ_BY_ACCOUNT_ID = grant_to("123456789012")
for name, document in (("root-arn", READ_BY_ROOT_ARN), ("account-id", READ_BY_ACCOUNT_ID)):
    case(f"account-principal-{name}-user", ALLOW, "arn:aws:iam::123456789012:user/any", "s3:GetObject", OBJECT,
         resource_account="111122223333", identity=[ONLY_GET], resource=document)
    case(f"account-principal-{name}-session", ALLOW, "arn:aws:sts::123456789012:assumed-role/r/s", "s3:GetObject",
         OBJECT, resource_account="111122223333", identity=[ONLY_GET], resource=document)
    case(f"account-principal-{name}-other-account", IMPLICIT, "arn:aws:iam::210987654321:user/any", "s3:GetObject",
         OBJECT, resource_account="111122223333", identity=[ONLY_GET], resource=document)

# reference_policies_elements_principal.html#principal-roles and #principal-sessions (role trust policies)
ASSUMER = "arn:aws:iam::111122223333:role/role-name"
ROLE_TRUST = policy({"Effect": "Allow", "Principal": {"AWS": ASSUMER}, "Action": "sts:AssumeRole"})
SESSION_TRUST = policy({"Effect": "Allow", "Action": "sts:AssumeRole",
                        "Principal": {"AWS": "arn:aws:sts::111122223333:assumed-role/role-name/role-session-name"}})
OTHER_ACCOUNT_ROLE = "arn:aws:iam::444455556666:role/target"
ASSUME = [policy(allow("sts:AssumeRole"))]
case("role-principal-any-session-of-the-role", ALLOW, "arn:aws:sts::111122223333:assumed-role/role-name/anything",
     "sts:AssumeRole", OTHER_ACCOUNT_ROLE, identity=ASSUME, resource=ROLE_TRUST)
case("role-principal-role-with-a-path", ALLOW, "arn:aws:sts::111122223333:assumed-role/role-name/anything",
     "sts:AssumeRole", OTHER_ACCOUNT_ROLE, identity=ASSUME,
     resource=policy({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/team/role-name"},
                      "Action": "sts:AssumeRole"}))
case("role-principal-other-role", IMPLICIT, "arn:aws:sts::111122223333:assumed-role/other-role/anything",
     "sts:AssumeRole", OTHER_ACCOUNT_ROLE, identity=ASSUME, resource=ROLE_TRUST)
case("session-principal-that-session", ALLOW, "arn:aws:sts::111122223333:assumed-role/role-name/role-session-name",
     "sts:AssumeRole", OTHER_ACCOUNT_ROLE, identity=ASSUME, resource=SESSION_TRUST)
case("session-principal-other-session", IMPLICIT, "arn:aws:sts::111122223333:assumed-role/role-name/other",
     "sts:AssumeRole", OTHER_ACCOUNT_ROLE, identity=ASSUME, resource=SESSION_TRUST)

# reference_policies_elements_principal.html#principal-users: "the user name part of the ARN is case sensitive"
USER_TRUST = policy({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/user-name"},
                     "Action": "sts:AssumeRole"})
case("user-principal-exact", ALLOW, "arn:aws:iam::111122223333:user/user-name", "sts:AssumeRole", OTHER_ACCOUNT_ROLE,
     identity=ASSUME, resource=USER_TRUST)
case("user-principal-case-sensitive", IMPLICIT, "arn:aws:iam::111122223333:user/User-Name", "sts:AssumeRole",
     OTHER_ACCOUNT_ROLE, identity=ASSUME, resource=USER_TRUST)

# reference_policies_elements_principal.html#principal-services (ECS and Elastic Load Balancing may assume)
SERVICE_TRUST = policy({"Effect": "Allow", "Action": "sts:AssumeRole",
                        "Principal": {"Service": ["ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com"]}})
SERVICE_ROLE = "arn:aws:iam::111122223333:role/service-role"
for service, expected in (("ecs.amazonaws.com", ALLOW), ("elasticloadbalancing.amazonaws.com", ALLOW),
                          ("ec2.amazonaws.com", IMPLICIT)):
    case(f"service-principal-{service}", expected, {"Service": service}, "sts:AssumeRole", SERVICE_ROLE,
         resource=SERVICE_TRUST)
case("service-principal-needs-the-trust-policy", IMPLICIT, {"Service": "ecs.amazonaws.com"}, "sts:AssumeRole",
     SERVICE_ROLE, identity=[ALLOW_ALL])

# reference_policies_elements_principal.html#principal-federated-web-identity and #principal-saml
COGNITO_TRUST = policy({"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
                        "Action": "sts:AssumeRoleWithWebIdentity"})
case("web-identity-cognito", ALLOW, {"Federated": "cognito-identity.amazonaws.com"}, "sts:AssumeRoleWithWebIdentity",
     SERVICE_ROLE, resource=COGNITO_TRUST)
case("web-identity-other-provider", IMPLICIT, {"Federated": "accounts.google.com"}, "sts:AssumeRoleWithWebIdentity",
     SERVICE_ROLE, resource=COGNITO_TRUST)
case("web-identity-plain-assume-role", IMPLICIT, {"Federated": "cognito-identity.amazonaws.com"}, "sts:AssumeRole",
     SERVICE_ROLE, resource=COGNITO_TRUST)
SAML = "arn:aws:iam::111122223333:saml-provider/provider-name"
case("saml-provider", ALLOW, {"Federated": SAML}, "sts:AssumeRoleWithSAML", SERVICE_ROLE,
     resource=policy({"Effect": "Allow", "Principal": {"Federated": SAML}, "Action": "sts:AssumeRoleWithSAML"}))

# reference_policies_elements_principal.html#principal-anonymous: "*" needs nothing more for principals of the
# account, and the caller's identity-based permissions in another account
for name, principal in (("star", "*"), ("aws-star", {"AWS": "*"})):
    public = policy({"Effect": "Allow", "Principal": principal, "Action": "s3:GetObject",
                     "Resource": "arn:aws:s3:::example-bucket/*"})
    case(f"all-principals-{name}-same-account", ALLOW, SESSION, "s3:GetObject", OBJECT, resource=public,
         resource_account="111122223333")
    case(f"all-principals-{name}-other-account-alone", IMPLICIT, "arn:aws:iam::444455556666:user/x", "s3:GetObject",
         OBJECT, resource=public, resource_account="111122223333")
    case(f"all-principals-{name}-other-account-with-identity", ALLOW, "arn:aws:iam::444455556666:user/x",
         "s3:GetObject", OBJECT, resource=public, resource_account="111122223333", identity=[ONLY_GET])
PRINCIPAL_ARN_DENY = policy({"Sid": "UsePrincipalArnInsteadOfNotPrincipalWithDeny", "Effect": "Deny", "Action": "s3:*",
                             "Principal": "*", "Resource": ["arn:aws:s3:::BUCKETNAME/*", "arn:aws:s3:::BUCKETNAME"],
                             "Condition": {"ArnNotEquals": {"aws:PrincipalArn": "arn:aws:iam::444455556666:user/user-name"}}})
case("principal-arn-condition-spares-the-user", ALLOW, "arn:aws:iam::444455556666:user/user-name", "s3:GetObject",
     "arn:aws:s3:::BUCKETNAME/a", resource_account="111122223333", identity=[S3_ALL],
     resource={**PRINCIPAL_ARN_DENY, "Statement": PRINCIPAL_ARN_DENY["Statement"] + ONLY_BOB["Statement"][1:]})
case("principal-arn-condition-denies-others", EXPLICIT, "arn:aws:iam::444455556666:user/other", "s3:GetObject",
     "arn:aws:s3:::BUCKETNAME/a", resource_account="111122223333", identity=[S3_ALL], resource=PRINCIPAL_ARN_DENY)

# ---------------------------------------------------------------------------------------------------------------
# reference_policies_elements_action.html: case-insensitive, wildcards inside the name
ACCESS_KEYS = policy(allow("iam:*AccessKey*"))
for action, expected in (("iam:CreateAccessKey", ALLOW), ("iam:DeleteAccessKey", ALLOW), ("iam:ListAccessKeys", ALLOW),
                         ("iam:UpdateAccessKey", ALLOW), ("iam:GetUser", IMPLICIT), ("iam:createaccesskey", ALLOW)):
    case(f"action-wildcard-{action}", expected, USER, action, KEYS_OF_BOB, identity=[ACCESS_KEYS])
case("action-prefix-and-name-ignore-case", ALLOW, USER, "iam:ListAccessKeys", KEYS_OF_BOB,
     identity=[policy(allow("IAM:listaccesskeys"))])
case("action-other-service", IMPLICIT, USER, "s3:GetObject", OBJECT, identity=[policy(allow("sqs:*"))])

# reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
WILD = policy(allow("s3:GetObject", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*"))
for key, expected in (("1/test/object.jpg", ALLOW), ("1/2/test/object.jpg", ALLOW), ("1/2/test/3/object.jpg", ALLOW),
                      ("1/2/3/test/4/object.jpg", ALLOW), ("1///test///object.jpg", ALLOW), ("1/test/.jpg", ALLOW),
                      ("/test/object.jpg", ALLOW), ("1/test/", ALLOW), ("1-test/object.jpg", IMPLICIT),
                      ("test/object.jpg", IMPLICIT), ("1/2/test.jpg", IMPLICIT)):
    case(f"resource-wildcard-{key}", expected, USER, "s3:GetObject", f"arn:aws:s3:::DOC-EXAMPLE-BUCKET/{key}",
         identity=[WILD])
ACCOUNTING = policy(allow("iam:GetUser", "arn:aws:iam::111122223333:user/accounting/*"))
case("resource-path-wildcard", ALLOW, USER, "iam:GetUser", "arn:aws:iam::111122223333:user/accounting/alice",
     identity=[ACCOUNTING])
case("resource-path-other", IMPLICIT, USER, "iam:GetUser", "arn:aws:iam::111122223333:user/sales/bob",
     identity=[ACCOUNTING])
case("resource-is-case-sensitive", IMPLICIT, USER, "iam:GetUser", "arn:aws:iam::111122223333:user/bob",
     identity=[policy(allow("iam:GetUser", "arn:aws:iam::111122223333:user/Bob"))])
case("resource-mid-segment-star-stays-in-segment", IMPLICIT, USER, "logs:GetLogEvents",
     "arn:aws:logs:us-east-1:111122223333:log-group:a:log-stream:b",
     identity=[policy(allow("logs:*", "arn:aws:logs:us-east-1:111122223333:log-group:a*b"))])
case("resource-segment-ending-star-spans-colons", ALLOW, USER, "logs:GetLogEvents",
     "arn:aws:logs:us-east-1:111122223333:log-group:a:log-stream:b",
     identity=[policy(allow("logs:*", "arn:aws:logs:us-east-1:111122223333:log-group:a*"))])

# reference_policies_elements_notaction.html
EXCEPT_DELETE_BUCKET = policy({"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"})
case("not-action-allows-the-rest", ALLOW, USER, "s3:PutObject", "arn:aws:s3:::b/k", identity=[EXCEPT_DELETE_BUCKET])
case("not-action-excludes-the-listed", IMPLICIT, USER, "s3:DeleteBucket", "arn:aws:s3:::b",
     identity=[EXCEPT_DELETE_BUCKET])
case("not-action-other-service-resources", IMPLICIT, USER, "ec2:RunInstances",
     "arn:aws:ec2:us-east-1:111122223333:instance/*", identity=[EXCEPT_DELETE_BUCKET])
case("not-action-list-all-my-buckets-needs-star", IMPLICIT, USER, "s3:ListAllMyBuckets", "*",
     identity=[EXCEPT_DELETE_BUCKET])
EXCEPT_IAM = policy({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})
case("not-action-everything-but-iam", ALLOW, USER, "ec2:RunInstances", identity=[EXCEPT_IAM])
case("not-action-not-iam", IMPLICIT, USER, "iam:CreateUser", identity=[EXCEPT_IAM])
MFA_OR_NOTHING = policy({"Sid": "DenyAllUsersNotUsingMFA", "Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
                         "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})
for name, context, action, expected in (
    ("no-mfa", {"aws:MultiFactorAuthPresent": "false"}, "ec2:RunInstances", EXPLICIT),
    ("long-term-keys", {}, "ec2:RunInstances", EXPLICIT),
    ("with-mfa", {"aws:MultiFactorAuthPresent": "true"}, "ec2:RunInstances", ALLOW),
    ("iam-without-mfa", {"aws:MultiFactorAuthPresent": "false"}, "iam:ListUsers", ALLOW),
):
    case(f"deny-not-action-{name}", expected, USER, action, identity=[ALLOW_ALL, MFA_OR_NOTHING], context=context)

# reference_policies_elements_notresource.html
PAYROLL_ONLY = policy({"Effect": "Deny", "Action": "s3:*",
                       "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]})
for resource, action, expected in (("arn:aws:s3:::HRBucket/Payroll/june.csv", "s3:GetObject", ALLOW),
                                   ("arn:aws:s3:::HRBucket/Payroll", "s3:GetObject", ALLOW),
                                   ("arn:aws:s3:::HRBucket/Reviews/june.csv", "s3:GetObject", EXPLICIT),
                                   ("arn:aws:s3:::OtherBucket/x", "s3:GetObject", EXPLICIT),
                                   ("arn:aws:ec2:us-east-1:111122223333:instance/i-1", "ec2:StartInstances", ALLOW)):
    case(f"not-resource-deny-{resource.rsplit(':', 1)[-1]}", expected, USER, action, resource,
         identity=[ALLOW_ALL, PAYROLL_ONLY])
EVERYTHING_BUT_HR = policy({"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::HRBucket"})
case("not-resource-allow-everything-else", ALLOW, USER, "s3:GetObject", "arn:aws:s3:::OtherBucket/x",
     identity=[EVERYTHING_BUT_HR])
case("not-resource-allow-not-the-listed", IMPLICIT, USER, "s3:ListBucket", "arn:aws:s3:::HRBucket",
     identity=[EVERYTHING_BUT_HR])

# ---------------------------------------------------------------------------------------------------------------
# access_policies_boundaries.html: ShirleyRodriguez's boundary caps her identity policies
SHIRLEY = "arn:aws:iam::111122223333:user/ShirleyRodriguez"
SHIRLEY_BOUNDARY = policy(allow(["s3:*", "cloudwatch:*", "ec2:*"]))
CREATE_USER = policy({"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"})
case("boundary-blocks-create-user", IMPLICIT, SHIRLEY, "iam:CreateUser", identity=[CREATE_USER],
     boundary=SHIRLEY_BOUNDARY)
case("boundary-grants-nothing-alone", IMPLICIT, SHIRLEY, "s3:GetObject", OBJECT, identity=[CREATE_USER],
     boundary=SHIRLEY_BOUNDARY)
case("boundary-and-identity-both-allow", ALLOW, SHIRLEY, "s3:GetObject", OBJECT,
     identity=[CREATE_USER, policy(allow("s3:*"))], boundary=SHIRLEY_BOUNDARY)
case("boundary-create-user-without-boundary", ALLOW, SHIRLEY, "iam:CreateUser", identity=[CREATE_USER])
# access_policies_boundaries.html#access_policies_boundaries-eval-logic: SCP, boundary and identity must all allow;
# session policy, boundary and identity likewise
case("scp-boundary-identity-all-allow", ALLOW, SHIRLEY, "ec2:RunInstances", identity=[ALLOW_ALL],
     boundary=SHIRLEY_BOUNDARY, scps=[[policy(allow("ec2:*"))]])
case("scp-boundary-identity-scp-silent", IMPLICIT, SHIRLEY, "ec2:RunInstances", identity=[ALLOW_ALL],
     boundary=SHIRLEY_BOUNDARY, scps=[[policy(allow("s3:*"))]])
case("session-boundary-identity-all-allow", ALLOW, SESSION, "cloudwatch:PutMetricData", identity=[ALLOW_ALL],
     boundary=SHIRLEY_BOUNDARY, session=policy(allow("cloudwatch:*")))
case("session-boundary-identity-session-silent", IMPLICIT, SESSION, "ec2:RunInstances", identity=[ALLOW_ALL],
     boundary=SHIRLEY_BOUNDARY, session=policy(allow("cloudwatch:*")))
case("boundary-explicit-deny", EXPLICIT, SHIRLEY, "ec2:TerminateInstances", identity=[ALLOW_ALL],
     boundary=policy(allow(["ec2:*"]), {"Effect": "Deny", "Action": "ec2:TerminateInstances", "Resource": "*"}))

# access_policies.html#policies_session: a resource policy naming the role ARN is limited by the session policy;
# one naming the session ARN is not
case("session-policy-limits-identity", IMPLICIT, SESSION, "s3:PutObject", OBJECT, identity=[ALLOW_ALL],
     session=ONLY_GET)
case("session-policy-within-identity", ALLOW, SESSION, "s3:GetObject", OBJECT, identity=[ALLOW_ALL], session=ONLY_GET)
case("session-policy-does-not-grant", IMPLICIT, SESSION, "s3:GetObject", OBJECT, session=ONLY_GET)
case("session-policy-limits-role-arn-grant", IMPLICIT, SESSION, "s3:PutObject", OBJECT,
     resource=grant_to(ROLE_ARN, "s3:PutObject"), session=ONLY_GET)
case("session-policy-ignores-session-arn-grant", ALLOW, SESSION, "s3:PutObject", OBJECT,
     resource=grant_to(SESSION, "s3:PutObject"), session=ONLY_GET)


@pytest.mark.parametrize(("request_", "policies", "expected"), CASES)
def test_aws_documentation_example(request_, policies, expected):
    result = evaluate(request_, **policies)
    assert result.decision == expected, [str(r) for r in result.reasons]
    assert result.allowed is (expected == ALLOW)


def test_the_table_covers_at_least_150_documented_cases():
    assert len(CASES) >= 150
