#!/usr/bin/env bash
# The README's test command: set-up (scripts/setup.sh, idempotent), then build the solution and run every
# test project. Tests that need ../shared/data or a GPU skip cleanly when those are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build CvM.Robotics.sln -c Release -nologo -v:q
dotnet test CvM.Robotics.sln -c Release --no-build -nologo --logger "console;verbosity=detailed" "$@"
