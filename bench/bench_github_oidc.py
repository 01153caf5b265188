"""GitHub OIDC trust builder throughput: how fast the pure core builds a role's trust policy.

Run: ``.venv/bin/python bench/bench_github_oidc.py`` (writes its section of docs/PERFORMANCE.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._report import best_rate, machine, write_section  # noqa: E402
from iam_patterns import github_oidc_provider_arn, github_oidc_trust  # noqa: E402

N = 5_000
ARN = github_oidc_provider_arn("111122223333")
CASES = {
    "one branch": {"branches": ["main"]},
    "environment, both subject formats": {"environments": ["production"], "owner_id": 123456, "repository_id": 456789},
    "10 branches + tags + pull requests + reusable workflow": {
        "branches": [f"release/{i}" for i in range(10)], "tags": ["v*"], "pull_requests": True,
        "job_workflow_refs": ["octo-org/deploy-workflows/.github/workflows/deploy.yml@refs/heads/main"],
    },
}


def main() -> None:
    rows = [
        (what, best_rate(lambda kw=kwargs: github_oidc_trust(provider_arn=ARN, repository="octo-org/octo-repo", **kw), N))
        for what, kwargs in CASES.items()
    ]
    table = "\n".join(f"| `github_oidc_trust`: {what} | {rate:,.0f} |" for what, rate in rows)
    write_section(
        "github-oidc",
        f"## GitHub OIDC trust (`bench/bench_github_oidc.py`)\n\n{machine()}; best of 5 runs of {N:,} calls.\n\n"
        f"| operation | calls per second |\n|---|---:|\n{table}\n",
    )
    print(table)


if __name__ == "__main__":
    main()
