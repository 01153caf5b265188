"""``python -m iam_patterns``: the same as the ``iam-patterns`` command."""

from .cli import main

raise SystemExit(main())
