"""Every check fires on its bad fixture (on exactly the resources written to be bad) and stays quiet on its good
fixture; the whole good fixture set raises nothing at all."""

from __future__ import annotations

import pytest

from iam_patterns.checks import PACK, check_template
from tests.conftest import FIXTURES, load_fixture

CHECKS = FIXTURES / "checks"

# Check id -> the resources of its bad fixture it must report (each one written to show one way to get it wrong).
BAD = {
    "oidc-trust-without-sub": {"GitHubNoSub", "GitHubOnlyNegatedSub", "EksNoSub", "ImportedProviderNoCondition"},
    "oidc-sub-wildcard": {"AnyRepository", "AnyRepositoryOfTheOrg", "BothSubjectFormatsByWildcard",
                          "ForAllValuesOrgWildcard", "AnyServiceAccountOfTheNamespace"},
    "oidc-forallvalues-claim": {"ForAllValuesOnSub", "ForAllValuesOnCognitoAmr"},
    "trust-open-to-everyone": {"PrincipalStar", "AwsStar", "AwsStarWithOnlyAnExternalId",
                               "AwsStarOutsideAnOrganization"},
    "resource-policy-open-to-everyone": {"PublicReadBucketPolicy", "OpenQueuePolicy", "OpenTopicPolicy", "OpenKey"},
    "allow-by-exclusion": {"EverythingButIam", "EverywhereButProduction", "EveryoneButTheAuditorPolicy"},
    "action-star": {"Admin", "StarColonStar"},
    "iam-star": {"IamAll", "IamAllUpperCase"},
    "passrole-any-role": {"PassAnyRole", "PassEveryRoleOfTheAccount", "PassByWildcardAction"},
    "service-wide-action": {"AllOfS3", "AllOfDynamoDb"},
    "aws-managed-admin-policy": {"AdminRole", "PowerUsers", "IamAdmin"},
    "boundary-delegation": {"CreateRolesFreely", "CreateRolesWithAnyBoundary", "CanRemoveTheBoundary",
                            "CanRewriteTheBoundary"},
    "confused-deputy": {"EventsTargetRole", "SnsDeliveryLogsRole", "SchedulerTwoAccounts"},
    "cross-account-trust-unconditioned": {"VendorRoot", "OtherAccountsRole", "BareAccountId"},
    "unknown-action": {"Typo", "UnknownService", "WildcardMatchesNothing", "DenyWithATypo", "NoService"},
    "policy-too-large": {"TrustOverTheDefaultQuota", "ManagedPolicyOverQuota", "InlinePoliciesOverQuota"},
    "missing-version": {"NoVersionPolicy", "NoVersionTrust"},
    "literal-policy-variable": {"HomeFolderWithoutVersion", "PrefixCondition2008"},
}


def test_every_check_of_the_pack_has_a_good_and_a_bad_fixture_and_expectations():
    ids = [rule.id for rule in PACK]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(BAD)
    for check in ids:
        assert (CHECKS / f"{check}.bad.json").is_file() and (CHECKS / f"{check}.good.json").is_file()


@pytest.mark.parametrize("check", sorted(BAD))
def test_check_fires_on_each_bad_resource_of_its_bad_fixture(check):
    findings = check_template(load_fixture(f"checks/{check}.bad.json"))
    assert {f.resource for f in findings if f.check == check} == BAD[check]
    severity = next(rule.severity for rule in PACK if rule.id == check)
    assert {f.severity for f in findings if f.check == check} == {severity}


@pytest.mark.parametrize("check", sorted(BAD))
def test_check_stays_quiet_on_its_good_fixture(check):
    assert [f for f in check_template(load_fixture(f"checks/{check}.good.json")) if f.check == check] == []


def test_the_whole_good_fixture_set_raises_no_finding_at_all():
    found = [(path.name, f.check, f.resource) for path in sorted(CHECKS.glob("*.good.json"))
             for f in check_template(load_fixture(f"checks/{path.name}"))]
    assert found == []


def test_docs_describe_every_check_with_its_severity():
    docs = (FIXTURES.parents[1] / "docs" / "checks.md").read_text()
    for rule in PACK:
        assert f"| [`{rule.id}`](#{rule.id}) | {rule.severity} | {rule.description} |" in docs
        assert f"\n### `{rule.id}`\n" in docs
