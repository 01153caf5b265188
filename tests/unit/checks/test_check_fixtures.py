"""Every check fires on its bad fixture (on exactly the resources written to be bad) and stays quiet on its good
fixture; the whole good fixture set raises nothing at all. The YAML fixtures, written with CloudFormation's
short-form tags, fire and stay quiet the same way."""

from __future__ import annotations

import pytest

from iam_patterns.checks import PACK, check_template
from iam_patterns.evaluation import read_template_file
from tests.conftest import FIXTURES, load_fixture

CHECKS = FIXTURES / "checks"

# Check id -> the resources of its bad fixture it must report (each one written to show one way to get it wrong).
BAD = {
    "oidc-trust-without-sub": {"GitHubNoSub", "GitHubOnlyNegatedSub", "EksNoSub", "ImportedProviderNoCondition"},
    "oidc-sub-wildcard": {"AnyRepository", "AnyRepositoryOfTheOrg", "BothSubjectFormatsByWildcard",
                          "ForAllValuesOrgWildcard", "AnyServiceAccountOfTheNamespace"},
    "oidc-forallvalues-claim": {"ForAllValuesOnSub", "ForAllValuesOnCognitoAmr"},
    "cognito-trust-without-aud": {"NoCondition", "OnlyAuthenticated", "OnlyAmrOfEitherKind", "AnyPoolOfTheRegion",
                                  "EveryPoolButOne", "AudienceOfAnotherIssuer"},
    "trust-open-to-everyone": {"PrincipalStar", "AwsStar", "AwsStarWithOnlyAnExternalId",
                               "AwsStarOutsideAnOrganization"},
    "resource-policy-open-to-everyone": {"PublicReadBucketPolicy", "OpenQueuePolicy", "OpenTopicPolicy", "OpenKey"},
    "allow-by-exclusion": {"EverythingButIam", "EverywhereButProduction", "EveryoneButTheAuditorPolicy"},
    "action-star": {"Admin", "StarColonStar"},
    "iam-star": {"IamAll", "IamAllUpperCase"},
    "passrole-any-role": {"PassAnyRole", "PassEveryRoleOfTheAccount", "PassByWildcardAction"},
    "service-wide-action": {"AllOfS3", "AllOfDynamoDb", "BoundaryAlsoGranted"},
    "aws-managed-admin-policy": {"AdminRole", "PowerUsers", "IamAdmin"},
    "boundary-delegation": {"CreateRolesFreely", "CreateRolesWithAnyBoundary", "CanRemoveTheBoundary",
                            "CanRewriteTheBoundary", "DeployerPolicy", "SharedPolicy", "BoundedElsewhere",
                            "DenyBasedBoundaryEditable", "DenyNamesOneBoundaryEditsDeniedOnAnother",
                            "DenyLeftOffUserCreation", "DenyLeftOffTheBoundaryPut", "DenyThatNeverApplies",
                            "BuildersPolicy", "EmptyGroup", "PatternBoundaryItCanCreate", "PatternBoundaryItCanEdit",
                            "PatternBoundaryAnotherPolicyWrites", "PatternBoundaryOthersWrite",
                            "EditGrantedByAnotherPolicy", "GrantGuardedForOneRoleOnly", "GuardLeavesOutUsers",
                            "PackagersPolicy", "SelfEditorPolicy", "SelfDefaulter", "SelfSwapperPolicy"},
    "confused-deputy": {"EventsTargetRole", "StateMachineRegionalRole", "SchedulerTwoAccounts"},
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
    found = [(path.name, f.check, f.resource) for path in sorted(CHECKS.glob("*.good.*"))
             for f in check_template(read_template_file(path))]
    assert found == []


# Each resource of the bad YAML fixture is bad only once its short-form tags are read as intrinsics.
YAML_BAD = {
    ("oidc-trust-without-sub", "DeployOutsideProduction"),  # !If, !Equals, !Not, !And, !Or, !Condition, !GetAtt a.b
    ("iam-star", "IamFromAParameter"),  # !Sub with a parameter
    ("passrole-any-role", "PassEveryRole"),  # !Join, !Ref of pseudo parameters
    ("cross-account-trust-unconditioned", "VendorWithoutExternalId"),  # !Sub list form, !FindInMap
    ("resource-policy-open-to-everyone", "ArtifactsPolicy"),  # !Ref of a bucket, !GetAtt list form
    ("unknown-action", "TypoFromAList"),  # !Select, !Split
}


def test_checks_fire_on_each_bad_resource_of_the_yaml_fixture():
    findings = check_template(read_template_file(CHECKS / "yaml-short-forms.bad.yaml"))
    assert {(f.check, f.resource) for f in findings} == YAML_BAD


def test_checks_stay_quiet_on_the_good_yaml_fixture():
    assert check_template(read_template_file(CHECKS / "yaml-short-forms.good.yaml")) == []


def test_docs_describe_every_check_with_its_severity():
    docs = (FIXTURES.parents[1] / "docs" / "checks.md").read_text()
    for rule in PACK:
        assert f"| [`{rule.id}`](#{rule.id}) | {rule.severity} | {rule.description} |" in docs
        assert f"\n### `{rule.id}`\n" in docs
