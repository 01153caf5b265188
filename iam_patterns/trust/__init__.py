"""Pure trust-policy builders, one module per pattern: each returns the ``PolicyDocument`` a role trusts with.

Nothing here imports ``aws_cdk``: the same builders feed the constructs, the ``render`` command and tests.
"""
