"""Launch configurations and the package share folders FindPackageShare resolves."""


class LaunchContext:

    def __init__(self, package_shares=None, package_libs=None):
        self.launch_configurations = {}
        self.package_shares = dict(package_shares or {})
        self.package_libs = dict(package_libs or {})
