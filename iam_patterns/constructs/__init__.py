"""The CDK layer: one construct per module, each turning the pure core's documents into CloudFormation.

Import the constructs from ``iam_patterns`` itself; this package is their home, not their address.
"""
