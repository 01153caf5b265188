#!/usr/bin/env python3
"""The CDK app: every example stack in ``stacks/``. Run it with ``npx cdk synth`` (see the README)."""

from aws_cdk import App

from stacks import build_all

app = App()
build_all(app)
app.synth()
