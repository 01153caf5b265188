"""The offline IAM policy evaluation engine (``evaluate``), and a simulator over CloudFormation templates.

``evaluate(Request(...), identity=[...], ...)`` decides one request; ``Simulator.from_template(...)`` answers
``can_assume`` / ``can`` for a template's roles; ``load_template`` reads a template's IAM for other readers;
``read_template_file`` reads a template file (JSON, or YAML with CloudFormation's short-form tags).

Pure Python (never imports ``aws_cdk``). See docs/evaluation.md for what is modelled and what is not.

Example::

    from iam_patterns.evaluation import Request, evaluate
    result = evaluate(
        Request(principal="arn:aws:iam::111122223333:user/alice", action="s3:GetObject",
                resource="arn:aws:s3:::my-app-uploads-prod/reports/q1.csv"),
        identity=[guide_s3_policy],
    )
    result.decision, result.allowed, [str(r) for r in result.reasons]
"""

from .engine import Decision, EvaluationResult, Reason, evaluate
from .request import Principal, Request
from .simulator import Simulator
from .template import IdentityPolicy, Template, load_template
from .template_file import read_template_file

__all__ = [
    "Decision",
    "EvaluationResult",
    "IdentityPolicy",
    "Principal",
    "Reason",
    "Request",
    "Simulator",
    "Template",
    "evaluate",
    "load_template",
    "read_template_file",
]
