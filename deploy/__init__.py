"""The repository's deploy commands: ``make deploy-local`` (``python -m deploy.local``) and ``make deploy``
(``python -m deploy.real``).

Tooling for this repository, not part of the ``iam_patterns`` package: it works on whatever CDK app
``cdk.json`` names and on whatever stacks that app synthesizes into ``cdk.out``.

- ``assembly``: the stacks in a cloud assembly, and which of them the local emulator can deploy (and why not).
- ``roles``: a role as its template says it is (read with ``iam_patterns.evaluation.load_template``), as the
  emulator returns it, and the differences.
- ``emulator``: moto's server on a free local port, always stopped.
- ``cdk``: running the pinned CDK CLI.
- ``local`` / ``real``: the two commands.
"""
