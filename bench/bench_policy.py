"""Policy model throughput: parse, serialise and measure the guide's policies.

Run: ``.venv/bin/python bench/bench_policy.py`` (writes its section of docs/PERFORMANCE.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._report import best_rate, machine, write_section  # noqa: E402
from iam_patterns.policy import PolicyDocument, iam_size, s3_prefix_access  # noqa: E402

GUIDE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "guide"
N = 20_000


def main() -> None:
    trust = json.loads((GUIDE / "trust-policy.json").read_text())
    doc = PolicyDocument.from_json(trust)
    rows = [
        ("`PolicyDocument.from_json` (guide trust policy)", best_rate(lambda: PolicyDocument.from_json(trust), N)),
        ("`PolicyDocument.to_json` (guide trust policy)", best_rate(lambda: doc.to_json(), N)),
        ("`iam_size` (guide trust policy)", best_rate(lambda: iam_size(doc), N)),
        ("`s3_prefix_access` (guide S3 policy)", best_rate(lambda: s3_prefix_access("my-app-uploads-prod", "reports/"), N)),
    ]
    table = "\n".join(f"| {what} | {rate:,.0f} |" for what, rate in rows)
    write_section(
        "policy",
        f"## Policy model (`bench/bench_policy.py`)\n\n{machine()}; best of 5 runs of {N:,} calls.\n\n"
        f"| operation | calls per second |\n|---|---:|\n{table}\n",
    )
    print(table)


if __name__ == "__main__":
    main()
