"""``OrgRollout``: one stack of kit constructs in every account of some organizational units, kept in step by a
service-managed CloudFormation StackSet."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable

from aws_cdk import App, DefaultStackSynthesizer, Stack, Stage, Token
from aws_cdk import aws_cloudformation as cloudformation
from constructs import Construct

from ..errors import ValidationError
from ..guardrails.stackset import (
    PERMISSION_MODEL,
    deployment_targets,
    operation_preferences,
    stack_set_capabilities,
    stack_set_regions,
    stack_set_template_body,
    validate_description,
    validate_stack_set_name,
)

__all__ = ["OrgRollout"]

_PATH_METADATA = "aws:cdk:enable-path-metadata"  # cx-api's PATH_METADATA_ENABLE_CONTEXT


def _member_outdir(scope: Construct, construct_id: str) -> Path:
    """``<cloud assembly>/<path.to.rollout>.member``: the member assembly beside the host's, for review."""
    parts = [p for p in scope.node.path.split("/") if p] + [construct_id]
    return Path(Stage.of(scope).outdir) / f"{'.'.join(parts)}.member"


def _assets(directory: Path, artifact_id: str) -> list[str]:
    """The file and image assets of a synthesized stack, from its asset manifest, the template itself aside."""
    artifacts = json.loads((directory / "manifest.json").read_text())["artifacts"]
    template_file = artifacts[artifact_id]["properties"]["templateFile"]
    found = []
    for dependency in artifacts[artifact_id].get("dependencies", ()):
        if artifacts[dependency]["type"] != "cdk:asset-manifest":
            continue
        contents = json.loads((directory / artifacts[dependency]["properties"]["file"]).read_text())
        for kind in ("files", "dockerImages"):
            for asset_id, asset in (contents.get(kind) or {}).items():
                if asset["source"].get("path") != template_file:
                    found.append(asset.get("displayName") or asset_id)
    return found


def _synthesize_member(
    scope: Construct, construct_id: str, name: str, member: Callable[[Stack], Any], description: str | None
) -> tuple[Stack, dict[str, Any]]:
    """Build the member stack in an App of its own (this app's context and feature flags, no path metadata, no
    CDK version reporting, no bootstrap rule) and synthesize it, which prints its warnings and fails on an error
    annotation; refuse it if it has assets."""
    outdir = _member_outdir(scope, construct_id)
    app = App(
        outdir=str(outdir),
        context=scope.node.get_all_context(),
        post_cli_context={_PATH_METADATA: False},
        analytics_reporting=False,
        auto_synth=False,
        builtin_cloud_formation_validation=False,
    )
    stack = Stack(
        app,
        name,
        description=description,
        synthesizer=DefaultStackSynthesizer(generate_bootstrap_version_rule=False),
    )
    member(stack)
    assembly = app.synth()
    assets = _assets(Path(assembly.directory), stack.artifact_id)
    if assets:
        raise ValidationError(
            "member",
            assets,
            "must not use assets (code or files from a folder, container images, nested stacks): they live in "
            "the bootstrap bucket of the account that deploys them, which a StackSet's member accounts do not have",
        )
    return stack, assembly.get_stack_artifact(stack.artifact_id).template


class OrgRollout(Construct):
    """Deploys the stack that ``member`` builds to every account of ``organizational_unit_ids`` (and of accounts
    that join them later), in each of ``regions``, through one ``AWS::CloudFormation::StackSet`` with
    service-managed permissions. For the management account, or a delegated administrator
    (``delegated_admin=True``, which emits ``CallAs: DELEGATED_ADMIN``); trusted access for StackSets must be on.

    ``member`` gets an empty, environment-agnostic ``Stack`` of an App of its own and adds constructs to it (an
    ``OrgBaseline``, or any of the kit's constructs); it is synthesized at once, with this app's feature flags,
    and its template is embedded as the StackSet's ``TemplateBody``, so it is the same in every account and
    names each account by ``AWS::AccountId`` and ``AWS::Partition``. A member that uses assets, a transform or a
    parameter without a default, that has named IAM resources and more than one region, or whose template is
    over 51,200 bytes is refused; so are bad OU ids, regions and operation preferences, all before anything is
    emitted. The member's cloud assembly is written beside this app's, as ``<path.to.rollout>.member/``.

    Updates go out one account at a time and stop at the first failure unless the concurrency and failure
    tolerance say otherwise (``iam_patterns.guardrails.stackset.operation_preferences``). Every update of the
    member template reaches every account of the StackSet: to try a change on a canary OU first, give it an
    ``OrgRollout`` of its own (see docs/org-rollout.md).

    Example::

        OrgRollout(self, "Baseline", stack_set_name="org-baseline", organizational_unit_ids=["ou-ab12-cd34ef56"],
                   regions=["us-east-1"],
                   member=lambda stack: OrgBaseline(stack, "Baseline", security_account="111122223333",
                                                    external_id="acme-audit-2026", ...))
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        stack_set_name: str,
        member: Callable[[Stack], Any],
        organizational_unit_ids: Sequence[str],
        regions: Sequence[str],
        auto_deployment: bool = True,
        retain_stacks_on_account_removal: bool = False,
        delegated_admin: bool = False,
        max_concurrent_count: int | None = None,
        max_concurrent_percentage: int | None = None,
        failure_tolerance_count: int | None = None,
        failure_tolerance_percentage: int | None = None,
        description: str | None = None,
    ) -> None:
        """
        :param stack_set_name: The StackSet's name, unique in the region: a letter, then letters, digits and
            ``-``. Changing it replaces the StackSet and every stack instance (see docs/org-rollout.md).
            Default: required.
        :param member: Adds the member accounts' constructs to the Stack it is given. Default: required.
        :param organizational_unit_ids: OU ids (``ou-ab12-cd34ef56``), or the root id (``r-ab12``) alone, to deploy
            to, child OUs included (never to the management account). Default: required.
        :param regions: The regions of each account, deployed one after the other in this order. Default: required.
        :param auto_deployment: Deploy to accounts that join the OUs, and remove from accounts that leave them.
            Default: True.
        :param retain_stacks_on_account_removal: Keep the stack's resources in an account that leaves the OUs
            (needs ``auto_deployment``). Default: False (they are deleted).
        :param delegated_admin: This stack is deployed in a delegated administrator account. Default: False
            (the management account).
        :param max_concurrent_count: Accounts deployed at once (at most ``failure_tolerance_count`` + 1).
            Default: 1, unless ``max_concurrent_percentage``.
        :param max_concurrent_percentage: Accounts deployed at once, in percent of the targets (1 to 100, at most
            ``failure_tolerance_percentage``). Default: none.
        :param failure_tolerance_count: Failed accounts per region before the operation stops. Default: 0,
            unless ``failure_tolerance_percentage``.
        :param failure_tolerance_percentage: The same in percent of the targets (0 to 100). Default: none.
        :param description: The StackSet's and the member template's description (1 to 1,024 characters).
            Default: none.
        """
        validate_stack_set_name(stack_set_name)
        targets = deployment_targets(organizational_unit_ids)
        home_region = Stack.of(scope).region
        regions = stack_set_regions(regions, home_region=None if Token.is_unresolved(home_region) else home_region)
        if retain_stacks_on_account_removal and not auto_deployment:
            raise ValidationError(
                "retain_stacks_on_account_removal",
                True,
                "needs auto_deployment=True: it says what happens when an account leaves the OUs, which only "
                "automatic deployment follows",
            )
        preferences = operation_preferences(
            regions=regions,
            max_concurrent_count=max_concurrent_count,
            max_concurrent_percentage=max_concurrent_percentage,
            failure_tolerance_count=failure_tolerance_count,
            failure_tolerance_percentage=failure_tolerance_percentage,
        )
        if description is not None:
            validate_description(description)
        member_stack, template = _synthesize_member(scope, construct_id, stack_set_name, member, description)
        body = stack_set_template_body(template, regions=regions)
        super().__init__(scope, construct_id)
        self.member_stack = member_stack
        """The member accounts' stack, synthesized (in an App of its own)."""
        self.member_template: dict[str, Any] = template
        """The member template, as the StackSet deploys it to each account."""
        self.stack_set = cloudformation.CfnStackSet(
            self,
            "StackSet",
            stack_set_name=stack_set_name,
            permission_model=PERMISSION_MODEL,
            call_as="DELEGATED_ADMIN" if delegated_admin else "SELF",
            auto_deployment=cloudformation.CfnStackSet.AutoDeploymentProperty(
                enabled=auto_deployment,
                retain_stacks_on_account_removal=retain_stacks_on_account_removal if auto_deployment else None,
            ),
            capabilities=list(stack_set_capabilities(template)) or None,
            operation_preferences=cloudformation.CfnStackSet.OperationPreferencesProperty(
                concurrency_mode=preferences["ConcurrencyMode"],
                failure_tolerance_count=preferences.get("FailureToleranceCount"),
                failure_tolerance_percentage=preferences.get("FailureTolerancePercentage"),
                max_concurrent_count=preferences.get("MaxConcurrentCount"),
                max_concurrent_percentage=preferences.get("MaxConcurrentPercentage"),
                region_concurrency_type=preferences["RegionConcurrencyType"],
                region_order=preferences["RegionOrder"],
            ),
            stack_instances_group=[
                cloudformation.CfnStackSet.StackInstancesProperty(
                    deployment_targets=cloudformation.CfnStackSet.DeploymentTargetsProperty(
                        organizational_unit_ids=list(targets)
                    ),
                    regions=list(regions),
                )
            ],
            template_body=body,
            description=description,
        )
        """The ``AWS::CloudFormation::StackSet``."""
