#!/usr/bin/env python3
"""A CDK app whose one stack CloudFormation rejects at deploy: a managed policy whose Effect is "Maybe".

CDK's built-in validation finds it at synth; the finding is acknowledged here, as a user might, so that the
template reaches the deploy and the emulator rejects it there.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, App, Stack, Validations
from aws_cdk import aws_iam as iam

app = App()
stack = Stack(app, "Fixture-Broken")
iam.CfnManagedPolicy(
    stack,
    "Malformed",
    policy_document={"Version": "2012-10-17", "Statement": [{"Effect": "Maybe", "Action": "s3:*", "Resource": "*"}]},
)
Validations.of(stack).acknowledge(Acknowledgment(id="CloudFormation-Validate::E3510", reason="broken on purpose"))
app.synth()
