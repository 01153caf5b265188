#!/usr/bin/env python3
"""A CDK app that deploy-local must refuse: ``Fixture-Broken`` has a managed policy whose Effect is "Maybe",
which CloudFormation rejects; ``Fixture-Scp`` holds a service control policy, which the emulator cannot create.

CDK's built-in validation finds the bad Effect at synth; the finding is acknowledged here, as a user might, so
that the template reaches the deploy and the emulator rejects it there.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, App, Stack, Validations
from aws_cdk import aws_iam as iam
from aws_cdk import aws_organizations as organizations

app = App()
broken = Stack(app, "Fixture-Broken")
iam.CfnManagedPolicy(
    broken,
    "Malformed",
    policy_document={"Version": "2012-10-17", "Statement": [{"Effect": "Maybe", "Action": "s3:*", "Resource": "*"}]},
)
Validations.of(broken).acknowledge(Acknowledgment(id="CloudFormation-Validate::E3510", reason="broken on purpose"))
scp = Stack(app, "Fixture-Scp")
organizations.CfnPolicy(
    scp,
    "DenyLeaving",
    name="deny-leaving",
    type="SERVICE_CONTROL_POLICY",
    content={"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]},
    target_ids=["r-abcd"],
)
app.synth()
