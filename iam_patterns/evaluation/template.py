"""Read a CloudFormation template (as CDK synthesizes it) the way IAM sees it: roles, their policies, resource
policies and OIDC providers, with the intrinsic functions CDK emits resolved to plain values.

``load_template(template_dict, account=..., region=..., partition=...)`` returns a :class:`Template`.
Resolved: ``Ref`` (pseudo parameters, parameters with a ``Default``, resources), ``Fn::GetAtt`` (ARNs and
names of IAM roles, policies, OIDC providers, and the common resource types), ``Fn::Join``, ``Fn::Sub``,
``Fn::Select``, ``Fn::Split``, ``Fn::FindInMap``, ``Fn::If`` with the condition functions. A resource
without a fixed name gets a stable stand-in for the name CloudFormation would generate
(``<stack name>-<logical id>``), so every reference to it agrees; for a deployed stack, pass its resources'
physical ids (``physical_ids``) and the names are the real ones.

What cannot be resolved offline (``Fn::ImportValue``, ``Fn::GetAZs``, a parameter without a default, a
parameter whose value a parent stack passes but cannot resolve itself (``passed_parameters``: a ``NestedStack``'s
template), an attribute the loader does not know) becomes a marker string ``<unresolved ...>`` and is listed in
``Template.unresolved`` (and in the ``unresolved`` of each role it touches), so a reader can report it rather
than trust it.

For readers that look at every policy rather than at roles (the checks), ``Template.identity_policies`` lists
each identity-based policy document where it is written (a policy resource, a managed policy, or the
``Policies`` property of a role, user or group) with the roles, users and groups it applies to,
``Template.managed_policy_arns`` the ``ManagedPolicyArns`` of every role, user and group,
``Template.permissions_boundaries`` the ``PermissionsBoundary`` of every role and user that has one, and
``Template.group_members`` the users of every group (by their ``Groups`` or an ``AWS::IAM::UserToGroupAddition``).

Example::

    template = load_template(json.load(open("cdk.out/MyStack.template.json")), account="111122223333")
    for role in template.roles.values():
        print(role.arn, sorted(role.inline_policies), role.boundary_arn)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from ..errors import ValidationError
from ..policy import validate_account_id, validate_partition

__all__ = [
    "IdentityPolicy",
    "ManagedPolicy",
    "OidcProvider",
    "ResourcePolicy",
    "Role",
    "Template",
    "Unresolved",
    "load_template",
]

DEFAULT_ACCOUNT = "123456789012"
DEFAULT_REGION = "us-east-1"
DEFAULT_STACK_NAME = "Stack"
_URL_SUFFIX = {"aws-cn": "amazonaws.com.cn"}
_NO_VALUE = object()  # AWS::NoValue: the property is removed


@dataclass(frozen=True)
class Unresolved:
    """An intrinsic the loader could not resolve offline: where it is and what it was.

    Example::

        [str(u) for u in template.unresolved]   # ["Role1 Policies[0]...Resource: Fn::ImportValue 'Shared'"]
    """

    logical_id: str
    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.logical_id} {self.path}: {self.what}"


@dataclass(frozen=True)
class ManagedPolicy:
    """An ``AWS::IAM::ManagedPolicy`` of the template: its ARN, document and the roles it is attached to.

    Example::

        {p.arn: p.roles for p in template.managed_policies.values()}
    """

    logical_id: str
    arn: str
    name: str
    document: dict[str, Any]
    roles: tuple[str, ...]
    """Logical ids of the template's roles it is attached to (by its ``Roles`` or their ``ManagedPolicyArns``)."""


@dataclass(frozen=True)
class IdentityPolicy:
    """An identity-based policy document of the template, where it is written and whom it applies to.

    ``logical_id`` and ``type`` name the resource that holds the document: an ``AWS::IAM::Policy`` (or
    ``RolePolicy``, ``UserPolicy``, ``GroupPolicy``), an ``AWS::IAM::ManagedPolicy``, or a role, user or group
    whose ``Policies`` property holds it. ``attached_to`` lists the logical ids of the template's roles, users
    and groups it applies to; ``boundary_of`` those whose permissions boundary it is (a managed policy).

    Example::

        [(p.logical_id, p.attached_to) for p in template.identity_policies if p.type == "AWS::IAM::ManagedPolicy"]
    """

    logical_id: str
    type: str
    name: str
    document: Any
    attached_to: tuple[str, ...]
    boundary_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """An ``AWS::IAM::Role`` with everything that decides what it can do and who can assume it.

    ``inline_policies`` holds the ``Policies`` property and the ``AWS::IAM::Policy`` / ``AWS::IAM::RolePolicy``
    resources attached to the role, by policy name. ``managed_policies`` holds the template's managed policies
    attached to it, by ARN; ``external_policy_arns`` the attached ARNs the template does not define (AWS managed
    policies, or customer managed ones from elsewhere). ``boundary`` is the boundary's document when the
    template defines it.

    Example::

        role = template.roles["DeployRole2D5B9F0C"]
        role.arn, role.trust_policy, sorted(role.inline_policies), role.external_policy_arns
    """

    logical_id: str
    name: str
    path: str
    arn: str
    trust_policy: dict[str, Any] | None
    inline_policies: dict[str, dict[str, Any]]
    managed_policies: dict[str, dict[str, Any]]
    external_policy_arns: tuple[str, ...]
    boundary_arn: str | None
    boundary: dict[str, Any] | None
    tags: dict[str, str]
    max_session_duration: int | None
    cdk_path: str | None
    unresolved: tuple[Unresolved, ...] = field(default=())


@dataclass(frozen=True)
class ResourcePolicy:
    """A resource-based policy of the template (bucket, queue, topic or key policy) and the ARNs it guards.

    ``resources`` are the ARNs of the resources it is attached to; a bucket policy also guards the bucket's
    objects (``arn:...:s3:::bucket/*``), listed too.

    Example::

        [(p.type, p.resources) for p in template.resource_policies]
    """

    logical_id: str
    type: str
    resources: tuple[str, ...]
    document: dict[str, Any]


@dataclass(frozen=True)
class OidcProvider:
    """An OIDC identity provider (``AWS::IAM::OIDCProvider`` or CDK's ``Custom::AWSCDKOpenIdConnectProvider``).

    Example::

        [(p.arn, p.client_ids) for p in template.oidc_providers.values()]
    """

    logical_id: str
    arn: str
    url: str
    client_ids: tuple[str, ...]
    thumbprints: tuple[str, ...]


# Resource type -> (name property, what Ref returns, ARN format). The ARN format uses {partition}, {region},
# {account}, {name} and {path}; Ref returns "name", "arn", "url" (SQS) or "id" (the name, for keys).
_TYPES: dict[str, tuple[str | None, str, str]] = {
    "AWS::IAM::Role": ("RoleName", "name", "arn:{partition}:iam::{account}:role{path}{name}"),
    "AWS::IAM::User": ("UserName", "name", "arn:{partition}:iam::{account}:user{path}{name}"),
    "AWS::IAM::Group": ("GroupName", "name", "arn:{partition}:iam::{account}:group{path}{name}"),
    "AWS::IAM::ManagedPolicy": ("ManagedPolicyName", "arn", "arn:{partition}:iam::{account}:policy{path}{name}"),
    "AWS::IAM::InstanceProfile": ("InstanceProfileName", "name",
                                  "arn:{partition}:iam::{account}:instance-profile{path}{name}"),
    "AWS::IAM::Policy": ("PolicyName", "name", ""),
    "AWS::IAM::RolePolicy": ("PolicyName", "name", ""),
    "AWS::S3::Bucket": ("BucketName", "name", "arn:{partition}:s3:::{name}"),
    "AWS::SQS::Queue": ("QueueName", "url", "arn:{partition}:sqs:{region}:{account}:{name}"),
    "AWS::SNS::Topic": ("TopicName", "arn", "arn:{partition}:sns:{region}:{account}:{name}"),
    "AWS::KMS::Key": (None, "id", "arn:{partition}:kms:{region}:{account}:key/{name}"),
    "AWS::Lambda::Function": ("FunctionName", "name", "arn:{partition}:lambda:{region}:{account}:function:{name}"),
    "AWS::DynamoDB::Table": ("TableName", "name", "arn:{partition}:dynamodb:{region}:{account}:table/{name}"),
    "AWS::SecretsManager::Secret": ("Name", "arn", "arn:{partition}:secretsmanager:{region}:{account}:secret:{name}"),
    "AWS::Logs::LogGroup": ("LogGroupName", "name", "arn:{partition}:logs:{region}:{account}:log-group:{name}:*"),
    "AWS::ECR::Repository": ("RepositoryName", "name", "arn:{partition}:ecr:{region}:{account}:repository/{name}"),
    "AWS::Kinesis::Stream": ("Name", "name", "arn:{partition}:kinesis:{region}:{account}:stream/{name}"),
    "AWS::StepFunctions::StateMachine": ("StateMachineName", "arn",
                                         "arn:{partition}:states:{region}:{account}:stateMachine:{name}"),
    "AWS::Events::EventBus": ("Name", "name", "arn:{partition}:events:{region}:{account}:event-bus/{name}"),
    "AWS::Events::Rule": ("Name", "name", "arn:{partition}:events:{region}:{account}:rule/{name}"),
    "AWS::SSM::Parameter": ("Name", "name", "arn:{partition}:ssm:{region}:{account}:parameter/{name}"),
}
_OIDC_TYPES = ("AWS::IAM::OIDCProvider", "Custom::AWSCDKOpenIdConnectProvider")
_PRINCIPAL_TYPES = ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group")
# Policy resource type -> (the property naming its principals, principal type) pairs.
_PRINCIPAL_LISTS = (("Roles", "AWS::IAM::Role"), ("Users", "AWS::IAM::User"), ("Groups", "AWS::IAM::Group"))
_POLICY_TARGETS = {
    "AWS::IAM::Policy": _PRINCIPAL_LISTS,
    "AWS::IAM::ManagedPolicy": _PRINCIPAL_LISTS,
    "AWS::IAM::RolePolicy": (("RoleName", "AWS::IAM::Role"),),
    "AWS::IAM::UserPolicy": (("UserName", "AWS::IAM::User"),),
    "AWS::IAM::GroupPolicy": (("GroupName", "AWS::IAM::Group"),),
}
_NAME_LIMITS = {"AWS::IAM::Role": 64, "AWS::IAM::User": 64, "AWS::S3::Bucket": 63, "AWS::SQS::Queue": 80,
                "AWS::Lambda::Function": 64}
_SUB_REFERENCE = re.compile(r"\$\{([^}]*)\}")
_CONDITION_FUNCTIONS = ("Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not")


class _Marker(str):
    """The text left where an intrinsic could not be resolved."""


class Template:
    """A template read for IAM: ``roles``, ``managed_policies``, ``resource_policies``, ``oidc_providers``,
    ``identity_policies``, ``managed_policy_arns``, ``permissions_boundaries`` (principal -> boundary ARN) and
    ``group_members`` (group -> its users).

    Build it with :func:`load_template`. ``resolve(value)`` resolves any fragment of the template.

    Example::

        template = load_template(template_dict, account="111122223333", region="eu-west-1")
        template.roles["Deploy7B206E61"].trust_policy
    """

    def __init__(self, template: Mapping[str, Any], *, account: str, region: str, partition: str,
                 stack_name: str, physical_ids: Mapping[str, str] | None = None,
                 passed_parameters: Mapping[str, Any] | None = None) -> None:
        if not isinstance(template, Mapping) or not isinstance(template.get("Resources"), Mapping):
            raise ValidationError("template", template, "must be a CloudFormation template with Resources",
                                  shown=_short(template))
        self.account = validate_account_id(account, parameter="account")
        self.region = region
        self.partition = validate_partition(partition)
        self.stack_name = stack_name
        self.physical_ids: Mapping[str, str] = dict(physical_ids or {})
        self.passed_parameters: Mapping[str, Any] = dict(passed_parameters or {})
        self.url_suffix = _URL_SUFFIX.get(partition, "amazonaws.com")
        self.raw = template
        self.resources: Mapping[str, Mapping[str, Any]] = {
            k: v for k, v in template["Resources"].items() if isinstance(v, Mapping)
        }
        self.managed_policies: dict[str, ManagedPolicy] = {}
        self.oidc_providers: dict[str, OidcProvider] = {}
        self.resource_policies: tuple[ResourcePolicy, ...] = ()
        self.roles: dict[str, Role] = {}
        self.identity_policies: tuple[IdentityPolicy, ...] = ()
        self.managed_policy_arns: dict[str, tuple[str, ...]] = {}
        self.permissions_boundaries: dict[str, str] = {}
        self.group_members: dict[str, tuple[str, ...]] = {}
        self._read()
        self.unresolved: tuple[Unresolved, ...] = tuple(self._unresolved)

    # -- resolution ------------------------------------------------------------------------------------------

    def resolve(self, value: Any) -> Any:
        """``value`` with every intrinsic function resolved (``<unresolved ...>`` markers where impossible).

        Example::

            template.resolve({"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*"})
        """
        return self._resolve(value, "", "", [])

    def _resolve(self, value: Any, logical_id: str, path: str, sink: list[Unresolved]) -> Any:
        if isinstance(value, list):
            out = []
            for i, item in enumerate(value):
                resolved = self._resolve(item, logical_id, f"{path}[{i}]", sink)
                if resolved is not _NO_VALUE:
                    out.append(resolved)
            return out
        if not isinstance(value, Mapping):
            return value
        if len(value) == 1:
            (name, argument), = value.items()
            if name == "Ref" or name.startswith("Fn::"):
                try:
                    return self._intrinsic(name, argument, logical_id, path, sink)
                except _Unresolvable as gap:
                    sink.append(Unresolved(logical_id, path, gap.what))
                    return _Marker(f"<unresolved {gap.what}>")
                except ValidationError:
                    raise
                except (TypeError, ValueError, AttributeError, IndexError):
                    # An argument of the wrong shape (Fn::GetAtt without an attribute, Fn::If with two items).
                    raise ValidationError(" ".join(filter(None, (logical_id, path))) or "template", {name: argument},
                                          f"must be a well-formed {name} (CloudFormation rejects this one)") from None
        out_map = {}
        for key, item in value.items():
            resolved = self._resolve(item, logical_id, f"{path}.{key}" if path else key, sink)
            if resolved is not _NO_VALUE:
                out_map[key] = resolved
        return out_map

    def _intrinsic(self, name: str, argument: Any, logical_id: str, path: str, sink: list[Unresolved]) -> Any:
        def sub(value: Any) -> Any:
            return self._resolve(value, logical_id, path, sink)

        if name == "Ref":
            return self._ref(argument)
        if name == "Fn::GetAtt":
            target, attribute = argument.split(".", 1) if isinstance(argument, str) else argument
            return self._get_att(target, sub(attribute))
        if name == "Fn::Join":
            delimiter, items = argument
            items = sub(items)
            _require_strings(items, name, argument)
            return sub(delimiter).join(items)
        if name == "Fn::Sub":
            text, variables = (argument, {}) if isinstance(argument, str) else argument
            return self._sub(text, {k: sub(v) for k, v in variables.items()})
        if name == "Fn::Select":
            index, items = sub(argument[0]), sub(argument[1])
            if not isinstance(items, list) or not str(index).isdigit() or int(index) >= len(items):
                raise _Unresolvable(f"Fn::Select {argument!r}")
            return items[int(index)]
        if name == "Fn::Split":
            delimiter, text = sub(argument[0]), sub(argument[1])
            _require_strings([delimiter, text], name, argument)
            return text.split(delimiter)
        if name == "Fn::FindInMap":
            keys = [sub(k) for k in argument[:3]]
            try:
                return self.raw["Mappings"][keys[0]][keys[1]][keys[2]]
            except (KeyError, TypeError):
                raise _Unresolvable(f"Fn::FindInMap {keys!r}") from None
        if name == "Fn::If":
            condition, when_true, when_false = argument
            return sub(when_true if self._condition(condition) else when_false)
        if name in _CONDITION_FUNCTIONS:
            return self._condition_function(name, argument)
        raise _Unresolvable(f"{name} {_short(argument)}")

    def _condition(self, name: str) -> bool:
        definition = self.raw.get("Conditions", {}).get(name)
        if definition is None:
            raise _Unresolvable(f"Condition {name!r}")
        result = self._resolve(definition, "Conditions", name, [])
        if not isinstance(result, bool):
            raise _Unresolvable(f"Condition {name!r}")
        return result

    def _condition_function(self, name: str, argument: Any) -> bool:
        values = [self._condition(a["Condition"]) if isinstance(a, Mapping) and set(a) == {"Condition"}
                  else self._resolve(a, "Conditions", name, []) for a in argument]
        if any(isinstance(v, _Marker) for v in values):
            raise _Unresolvable(f"{name} {_short(argument)}")
        if name == "Fn::Equals":
            return values[0] == values[1]
        if name == "Fn::Not":
            return not values[0]
        return all(values) if name == "Fn::And" else any(values)

    def _sub(self, text: str, variables: Mapping[str, Any]) -> str:
        def replace(match: re.Match[str]) -> str:
            inner = match.group(1)
            if inner.startswith("!"):
                return "${" + inner[1:] + "}"
            if inner in variables:
                value = variables[inner]
            elif "." in inner and not inner.startswith("AWS::"):
                value = self._get_att(*inner.split(".", 1))
            else:
                value = self._ref(inner)
            _require_strings([value], "Fn::Sub", text)
            return value

        return _SUB_REFERENCE.sub(replace, text)

    def _pseudo(self, name: str) -> Any:
        return {
            "AWS::AccountId": self.account,
            "AWS::Region": self.region,
            "AWS::Partition": self.partition,
            "AWS::URLSuffix": self.url_suffix,
            "AWS::StackName": self.stack_name,
            "AWS::StackId": f"arn:{self.partition}:cloudformation:{self.region}:{self.account}:stack/"
                            f"{self.stack_name}/00000000-0000-0000-0000-000000000000",
            "AWS::NotificationARNs": [],
            "AWS::NoValue": _NO_VALUE,
        }.get(name)

    def _ref(self, name: Any) -> Any:
        if not isinstance(name, str):
            raise _Unresolvable(f"Ref {_short(name)}")
        if name.startswith("AWS::"):
            value = self._pseudo(name)
            if value is None:
                raise _Unresolvable(f"Ref {name}")
            return value
        parameter = self.raw.get("Parameters", {}).get(name)
        if isinstance(parameter, Mapping):
            ssm = str(parameter.get("Type", "")).startswith("AWS::SSM::")  # its value is the name of an SSM parameter
            if name in self.passed_parameters:
                value = self.passed_parameters[name]
                value = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
                if ssm or not isinstance(value, str) or isinstance(value, _Marker):
                    raise _Unresolvable(f"Ref {name} (a parameter the parent stack passes)")
                return value
            if "Default" in parameter and not ssm:
                return parameter["Default"]
            raise _Unresolvable(f"Ref {name} (a parameter without a value)")
        resource = self.resources.get(name)
        if resource is None:
            raise _Unresolvable(f"Ref {name} (not in the template)")
        kind = resource.get("Type")
        if kind in _OIDC_TYPES or kind == "AWS::IAM::SAMLProvider":
            return self._arn(name)
        spec = _TYPES.get(kind)
        if spec is None:
            return self._name(name)
        returns = spec[1]
        if returns == "arn":
            return self._arn(name)
        if returns == "url":
            return f"https://sqs.{self.region}.{self.url_suffix}/{self.account}/{self._name(name)}"
        return self._name(name)

    def _get_att(self, name: str, attribute: Any) -> Any:
        resource = self.resources.get(name)
        if resource is None or not isinstance(attribute, str):
            raise _Unresolvable(f"Fn::GetAtt {name}.{attribute}")
        kind = resource.get("Type")
        has_arn = kind in _OIDC_TYPES or kind == "AWS::IAM::SAMLProvider" or bool(_TYPES.get(kind, ("", "", ""))[2])
        if attribute in ("Arn", "PolicyArn", "TopicArn") and has_arn:
            return self._arn(name)
        if attribute in ("QueueName", "TopicName", "KeyId") and kind in _TYPES:
            return self._name(name)
        if attribute == "QueueUrl" and kind == "AWS::SQS::Queue":
            return self._ref(name)
        raise _Unresolvable(f"Fn::GetAtt {name}.{attribute} ({kind})")

    def _name(self, logical_id: str) -> str:
        """The resource's physical name: from its deployed physical id, its name property, or a stand-in."""
        if logical_id in self.physical_ids:
            return _name_of(self.physical_ids[logical_id])
        resource = self.resources[logical_id]
        kind = resource.get("Type")
        properties = resource.get("Properties") or {}
        spec = _TYPES.get(kind)
        if spec and spec[0] and spec[0] in properties:
            name = self._resolve(properties[spec[0]], logical_id, spec[0], [])
            if isinstance(name, str) and not isinstance(name, _Marker):
                return name
            raise _Unresolvable(f"{kind} {logical_id} name")
        generated = f"{self.stack_name}-{logical_id}"
        if kind == "AWS::S3::Bucket":
            generated = generated.lower()
        if kind == "AWS::SQS::Queue" and properties.get("FifoQueue") in (True, "true"):
            return generated[: _NAME_LIMITS[kind] - 5] + ".fifo"
        if kind == "AWS::KMS::Key":
            return logical_id.lower()
        return generated[: _NAME_LIMITS.get(kind, 128)]

    def _path(self, logical_id: str) -> str:
        properties = self.resources[logical_id].get("Properties") or {}
        path = self._resolve(properties.get("Path", "/"), logical_id, "Path", [])
        return path if isinstance(path, str) and not isinstance(path, _Marker) else "/"

    def _arn(self, logical_id: str) -> str:
        resource = self.resources[logical_id]
        kind = resource.get("Type")
        if kind in _OIDC_TYPES:
            url = self._resolve((resource.get("Properties") or {}).get("Url"), logical_id, "Url", [])
            if not isinstance(url, str) or isinstance(url, _Marker):
                raise _Unresolvable(f"{kind} {logical_id} Url")
            return f"arn:{self.partition}:iam::{self.account}:oidc-provider/{_issuer(url)}"
        if kind == "AWS::IAM::SAMLProvider":
            return f"arn:{self.partition}:iam::{self.account}:saml-provider/{self._name(logical_id)}"
        return _TYPES[kind][2].format(partition=self.partition, region=self.region, account=self.account,
                                      name=self._name(logical_id), path=self._path(logical_id))

    # -- reading ---------------------------------------------------------------------------------------------

    def _property(self, logical_id: str, name: str) -> Any:
        value = (self.resources[logical_id].get("Properties") or {}).get(name)
        return None if value is None else self._resolve(value, logical_id, name, self._gaps[logical_id])

    def _of_type(self, *kinds: str) -> list[str]:
        return [lid for lid, resource in self.resources.items() if resource.get("Type") in kinds]

    def _try(self, logical_id: str, what: str, compute: Any) -> str:
        """``compute()`` (a name or ARN), or a marker recorded as a gap of ``logical_id``."""
        try:
            return compute()
        except _Unresolvable as gap:
            self._gaps[logical_id].append(Unresolved(logical_id, what, gap.what))
            return _Marker(f"<unresolved {gap.what}>")

    def _read(self) -> None:
        self._gaps: dict[str, list[Unresolved]] = {lid: [] for lid in self.resources}
        role_ids = self._of_type("AWS::IAM::Role")
        names = {self._try(lid, "RoleName", lambda lid=lid: self._name(lid)): lid for lid in role_ids}

        def roles_named(value: Any) -> list[str]:
            return [names[n] for n in (value if isinstance(value, list) else []) if isinstance(n, str) and n in names]

        # Which policy resources each role gets its permissions from (for its unresolved gaps).
        sources: dict[str, list[str]] = {lid: [lid] for lid in role_ids}
        inline: dict[str, dict[str, Any]] = {lid: {} for lid in role_ids}
        for lid in self._of_type("AWS::IAM::Policy", "AWS::IAM::RolePolicy"):
            document = self._property(lid, "PolicyDocument")
            name = self._property(lid, "PolicyName")
            name = name if isinstance(name, str) else lid
            if self.resources[lid]["Type"] == "AWS::IAM::Policy":
                targets = roles_named(self._property(lid, "Roles"))
            else:
                targets = roles_named([self._property(lid, "RoleName")])
            for role in targets:
                inline[role][name if name not in inline[role] else f"{name} ({lid})"] = document
                sources[role].append(lid)

        by_arn: dict[str, str] = {}
        attached: dict[str, list[str]] = {}
        for lid in self._of_type("AWS::IAM::ManagedPolicy"):
            arn = self._try(lid, "ManagedPolicyName", lambda lid=lid: self._arn(lid))
            by_arn[arn] = lid
            attached[lid] = roles_named(self._property(lid, "Roles"))

        arn_of = {lid: arn for arn, lid in by_arn.items()}
        for lid in role_ids:
            trust = self._property(lid, "AssumeRolePolicyDocument")
            policies = self._property(lid, "Policies") or []
            arns = [a for a in (self._property(lid, "ManagedPolicyArns") or []) if isinstance(a, str)]
            boundary_arn = self._property(lid, "PermissionsBoundary")
            boundary_arn = boundary_arn if isinstance(boundary_arn, str) else None
            tags = {t["Key"]: t["Value"] for t in (self._property(lid, "Tags") or [])
                    if isinstance(t, Mapping) and isinstance(t.get("Key"), str) and isinstance(t.get("Value"), str)}
            duration = self._property(lid, "MaxSessionDuration")
            managed_ids = [by_arn[a] for a in arns if a in by_arn]
            managed_ids += [m for m, roles in attached.items() if lid in roles and m not in managed_ids]
            for m in managed_ids:
                if lid not in attached[m]:
                    attached[m].append(lid)
            boundary_id = by_arn.get(boundary_arn) if boundary_arn else None
            sources[lid] += managed_ids + ([boundary_id] if boundary_id else [])
            self.roles[lid] = Role(
                logical_id=lid,
                name=self._try(lid, "RoleName", lambda lid=lid: self._name(lid)),
                path=self._path(lid),
                arn=self._try(lid, "RoleName", lambda lid=lid: self._arn(lid)),
                trust_policy=trust,
                inline_policies={**{p.get("PolicyName", f"Policy{i}"): p.get("PolicyDocument")
                                    for i, p in enumerate(policies) if isinstance(p, Mapping)}, **inline[lid]},
                managed_policies={arn_of[m]: self._property(m, "PolicyDocument") for m in managed_ids},
                external_policy_arns=tuple(a for a in arns if a not in by_arn),
                boundary_arn=boundary_arn,
                boundary=self._property(boundary_id, "PolicyDocument") if boundary_id else None,
                tags=tags,
                max_session_duration=int(duration) if str(duration).isdigit() else None,
                cdk_path=(self.resources[lid].get("Metadata") or {}).get("aws:cdk:path"),
            )
        for arn, lid in by_arn.items():
            self.managed_policies[lid] = ManagedPolicy(
                lid, arn,
                self._try(lid, "ManagedPolicyName", lambda lid=lid: self._name(lid)),
                self._property(lid, "PolicyDocument"), tuple(attached[lid]),
            )
        self.oidc_providers = {lid: self._oidc(lid) for lid in self._of_type(*_OIDC_TYPES)}
        self.resource_policies = tuple(self._resource_policies())
        self._read_identity_policies()
        for lid, role in self.roles.items():
            gaps = tuple(dict.fromkeys(g for source in sources[lid] for g in self._gaps[source]))
            self.roles[lid] = dataclasses.replace(role, unresolved=gaps)
        self._unresolved = list(dict.fromkeys(g for gaps in self._gaps.values() for g in gaps))

    def _read_identity_policies(self) -> None:
        """Every identity-based policy document where it is written, and every principal's ManagedPolicyArns."""
        named: dict[tuple[str, str], str] = {}  # (principal type, name) -> logical id
        principals = self._of_type(*_PRINCIPAL_TYPES)
        for lid in principals:
            kind = self.resources[lid]["Type"]
            named[(kind, self._try(lid, _TYPES[kind][0], lambda lid=lid: self._name(lid)))] = lid
            arns = self._property(lid, "ManagedPolicyArns") or []
            self.managed_policy_arns[lid] = tuple(a for a in arns if isinstance(a, str)) if isinstance(arns, list) else ()
        boundaries: dict[str, list[str]] = {}
        for lid in principals:
            boundary = self._property(lid, "PermissionsBoundary")
            if isinstance(boundary, str):
                boundaries.setdefault(boundary, []).append(lid)
                self.permissions_boundaries[lid] = boundary
        arn_of = {m.logical_id: m.arn for m in self.managed_policies.values()}
        out = []
        for lid, resource in self.resources.items():
            kind = resource.get("Type")
            if kind in _POLICY_TARGETS:
                targets = []
                for prop, principal_type in _POLICY_TARGETS[kind]:
                    targets += _named_ids(named, self._property(lid, prop), principal_type)
                if kind == "AWS::IAM::ManagedPolicy":
                    targets += [m for m in self.managed_policies[lid].roles if m not in targets]
                    targets += [p for p in principals if p not in targets and arn_of[lid] in self.managed_policy_arns[p]]
                name = self._property(lid, "PolicyName") or self._property(lid, "ManagedPolicyName") or lid
                out.append(IdentityPolicy(lid, kind, name if isinstance(name, str) else lid,
                                          self._property(lid, "PolicyDocument"), tuple(targets),
                                          tuple(boundaries.get(arn_of.get(lid, ""), ()))))
            elif kind in _PRINCIPAL_TYPES:
                policies = self._property(lid, "Policies") or []
                for i, policy in enumerate(policies if isinstance(policies, list) else []):
                    if isinstance(policy, Mapping):
                        out.append(IdentityPolicy(lid, kind, str(policy.get("PolicyName", f"Policy{i}")),
                                                  policy.get("PolicyDocument"), (lid,)))
        self.identity_policies = tuple(out)
        self._read_group_members(named)

    def _read_group_members(self, named: Mapping[tuple[str, str], str]) -> None:
        """The users of each group: by the user's ``Groups`` or an ``AWS::IAM::UserToGroupAddition``."""
        members: dict[str, list[str]] = {lid: [] for lid in self._of_type("AWS::IAM::Group")}
        for lid in self._of_type("AWS::IAM::User"):
            for group in _named_ids(named, self._property(lid, "Groups"), "AWS::IAM::Group"):
                members[group].append(lid)
        for lid in self._of_type("AWS::IAM::UserToGroupAddition"):
            for group in _named_ids(named, self._property(lid, "GroupName"), "AWS::IAM::Group"):
                members[group] += _named_ids(named, self._property(lid, "Users"), "AWS::IAM::User")
        self.group_members = {group: tuple(dict.fromkeys(users)) for group, users in members.items()}

    def _oidc(self, lid: str) -> OidcProvider:
        clients = self._property(lid, "ClientIdList") or self._property(lid, "ClientIDList") or []
        url = self._property(lid, "Url")
        return OidcProvider(lid, self._try(lid, "Url", lambda: self._arn(lid)), url if isinstance(url, str) else "",
                            tuple(clients), tuple(self._property(lid, "ThumbprintList") or []))

    def _resource_policies(self) -> list[ResourcePolicy]:
        out = []
        for lid, resource in self.resources.items():
            kind = resource.get("Type")
            if kind == "AWS::S3::BucketPolicy":
                arn = f"arn:{self.partition}:s3:::{self._property(lid, 'Bucket')}"
                arns: tuple[str, ...] = (arn, f"{arn}/*")
            elif kind == "AWS::SQS::QueuePolicy":
                arns = tuple(_queue_arn(url, self.partition) for url in self._property(lid, "Queues") or [])
            elif kind == "AWS::SNS::TopicPolicy":
                arns = tuple(self._property(lid, "Topics") or [])
            elif kind == "AWS::KMS::Key" and "KeyPolicy" in (resource.get("Properties") or {}):
                out.append(ResourcePolicy(lid, kind, (self._try(lid, "Arn", lambda: self._arn(lid)),),
                                          self._property(lid, "KeyPolicy")))
                continue
            else:
                continue
            out.append(ResourcePolicy(lid, kind, arns, self._property(lid, "PolicyDocument")))
        return out


class _Unresolvable(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _require_strings(items: Any, name: str, argument: Any) -> None:
    if not isinstance(items, list) or not all(isinstance(i, str) and not isinstance(i, _Marker) for i in items):
        raise _Unresolvable(f"{name} {_short(argument)}")


def _named_ids(named: Mapping[tuple[str, str], str], value: Any, principal_type: str) -> list[str]:
    """The logical ids of the template's principals of one type that a property names (one name or a list)."""
    return [named[(principal_type, name)] for name in (value if isinstance(value, list) else [value])
            if isinstance(name, str) and (principal_type, name) in named]


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _name_of(physical_id: str) -> str:
    """A resource's name from CloudFormation's physical id: the id itself, or the end of an ARN or queue URL."""
    return re.split(r"[/:]", physical_id)[-1] if physical_id.startswith(("arn:", "https://")) else physical_id


def _issuer(url: str) -> str:
    """An OIDC provider URL as IAM writes it in the provider's ARN: without the scheme."""
    return url.split("://", 1)[1] if "://" in url else url


def _queue_arn(url: Any, partition: str) -> str:
    """The ARN of a queue from its URL ``https://sqs.REGION.amazonaws.com/ACCOUNT/NAME``."""
    if not isinstance(url, str):
        return str(url)
    parsed = urlparse(url)
    parts = parsed.path.strip("/").split("/")
    region = parsed.netloc.split(".")[1] if parsed.netloc.count(".") >= 2 else ""
    return f"arn:{partition}:sqs:{region}:{parts[0]}:{parts[-1]}" if len(parts) == 2 else url


def load_template(
    template: Mapping[str, Any],
    *,
    account: str = DEFAULT_ACCOUNT,
    region: str = DEFAULT_REGION,
    partition: str = "aws",
    stack_name: str = DEFAULT_STACK_NAME,
    physical_ids: Mapping[str, str] | None = None,
    passed_parameters: Mapping[str, Any] | None = None,
) -> Template:
    """Read ``template`` (a parsed CloudFormation template) for IAM, resolving what CDK emits.

    ``account``, ``region``, ``partition`` and ``stack_name`` stand in for the pseudo parameters. Default:
    account 123456789012, region us-east-1, partition aws, stack name "Stack". ``physical_ids`` maps logical
    ids to the physical ids of the deployed stack (CloudFormation's ``ListStackResources``), so names and ARNs
    are the deployed ones. Default: none (stand-in names). ``passed_parameters`` maps the parameters a parent
    stack passes to this one (a ``NestedStack``'s template) to their values, resolved in the parent's template
    (``parent.resolve(value)``): a text (or a number) is the parameter's value, whatever its ``Default``; anything
    else (the ``<unresolved ...>`` marker the parent's ``resolve`` leaves, ``None``) leaves the parameter
    unresolved, as does a passed value of an ``AWS::SSM::Parameter::Value`` parameter (the name of an SSM
    parameter, read at deploy time). Default: none.

    Example::

        template = load_template(json.loads(Path("cdk.out/App.template.json").read_text()), account="111122223333")
        [role.arn for role in template.roles.values()]
    """
    return Template(template, account=account, region=region, partition=partition, stack_name=stack_name,
                    physical_ids=physical_ids, passed_parameters=passed_parameters)
