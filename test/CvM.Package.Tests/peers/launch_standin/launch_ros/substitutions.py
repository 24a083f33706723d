"""FindPackageShare / FindPackagePrefix over the folders the evaluator was given (ament index stand-in)."""

import os

from launch.substitutions import Substitution


class FindPackageShare(Substitution):

    def __init__(self, package):
        self.package = package

    def perform(self, context):
        if self.package not in context.package_shares:
            raise LookupError("package '{}' not found (no --share given for it)".format(self.package))
        return context.package_shares[self.package]


class FindPackagePrefix(Substitution):

    def __init__(self, package):
        self.package = package

    def perform(self, context):
        share = FindPackageShare(self.package).perform(context)
        return os.path.dirname(os.path.dirname(share))
