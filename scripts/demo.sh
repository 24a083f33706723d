#!/usr/bin/env bash
# The README's first command: set-up, then the node in replay mode on its embedded default (a deterministic
# synthetic robot sequence written as a bag), writing the output bag, PNG previews and a depth report into
# out/demo (override with OUT=dir). Extra arguments go to `cvm_perception replay`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
OUT="${OUT:-out/demo}"
dotnet build cvm_perception/CvM.Node -c Release -nologo -v:q
dotnet run --no-build -c Release --project cvm_perception/CvM.Node -- replay --out "$OUT" "$@"
echo "demo outputs in $OUT: output_bag/ previews/ frames.csv report/"
