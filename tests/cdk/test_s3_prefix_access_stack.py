"""The S3 prefix-access example stack: its template, and that its policy is the guide's pattern on its bucket."""

from __future__ import annotations

from stacks.s3_prefix_access import S3PrefixAccessStack
from tests.cdk.synth import template


def test_template_matches_snapshot(app, snapshot):
    assert template(S3PrefixAccessStack(app, "IamPatterns-S3PrefixAccess")) == snapshot


def test_policy_grants_only_the_prefix_of_its_own_bucket(app):
    resources = template(S3PrefixAccessStack(app, "S3"))["Resources"]
    bucket_id = next(k for k, v in resources.items() if v["Type"] == "AWS::S3::Bucket")
    (policy,) = [v for v in resources.values() if v["Type"] == "AWS::IAM::ManagedPolicy"]
    objects, listing = policy["Properties"]["PolicyDocument"]["Statement"]
    arn = ["arn:", {"Ref": "AWS::Partition"}, ":s3:::", {"Ref": bucket_id}]
    assert objects["Sid"] == "ReadWriteAppUploads"
    assert objects["Resource"] == {"Fn::Join": ["", [*arn, "/reports/*"]]}
    assert sorted(objects["Action"]) == ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
    assert listing["Resource"] == {"Fn::Join": ["", arn]}
    assert listing["Condition"] == {"StringLike": {"s3:prefix": "reports/*"}}
