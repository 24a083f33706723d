"""Which executables `ros2 run PACKAGE EXECUTABLE` would find, by the rules of ros2cli's ros2pkg/ros2run.

The package prefix comes from the ament index (ament_index_python, Debian's python3-ament-index) over
AMENT_PREFIX_PATH; executables are the files under PREFIX/lib/PACKAGE with the execute permission, walking
sub-folders except those whose name starts with '.'; ros2 run refuses a name found more than once.

usage: ros2run_lookup.py PACKAGE EXECUTABLE  -> JSON {"prefix": ..., "executables": [...], "matches": [...]}
"""

import json
import os
import sys

from ament_index_python import get_package_prefix


def main():
    package, executable = sys.argv[1], sys.argv[2]
    prefix = get_package_prefix(package)
    base = os.path.join(prefix, 'lib', package)
    found = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
        for filename in sorted(filenames):
            path = os.path.join(dirpath, filename)
            if os.access(path, os.X_OK):
                found.append(path)
    matches = [p for p in found if os.path.basename(p) == executable]
    json.dump({'prefix': prefix, 'executables': found, 'matches': matches}, sys.stdout)


if __name__ == '__main__':
    main()
