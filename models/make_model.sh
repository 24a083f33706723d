#!/bin/bash
# Exports a checkpoint of a CvM training run into models/, evaluates it and benchmarks it (ORT CPU, 2 threads).
# Usage: bash models/make_model.sh [RUN_DIR] [STEP]   (defaults: /work/runs/cvm_syn_96x128_warm, its latest checkpoint)
# Needs: dotnet build cvm_perception/CvM.Training -c Release; ../shared/data for the 7-Scenes figures.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=${1:-/work/runs/cvm_syn_96x128_warm}
STEP=${2:-$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['step'])" "$RUN/latest.json")}
TOOL="dotnet $ROOT/cvm_perception/CvM.Training/bin/Release/net10.0/CvM.Training.dll"
OUT=$ROOT/models/cvm_96x128.onnx
SCRATCH=${SCRATCH:-/tmp/cvm_model_$$}
mkdir -p "$SCRATCH"
# 1. the whole graph + manifest into models/, the two keyframe-cache graphs (features, multi-view) beside the scratch copy
$TOOL export --checkpoint "$RUN/step_$STEP.weights" --out "$OUT"
$TOOL export --checkpoint "$RUN/step_$STEP.weights" --out "$SCRATCH/cvm_96x128.onnx" --split
# 2. evaluation (held-out synthetic scenes + real 7-Scenes frames), written into the manifest
$TOOL eval --model "$OUT" --manifest "${OUT%.onnx}.json" --synthetic-scenes "${SCENES:-40}" \
  --sevenscenes "$ROOT/../shared/data/7scenes_redkitchen_seq50" --out "$SCRATCH/eval.json" --write-manifest > /dev/null
cat "$SCRATCH/eval.json"
# 3. CPU latency with per-part times from ORT's profiler: whole graph, and a new frame with cached keyframe features
nice -n "${BENCH_NICE:-0}" $TOOL bench --model "$SCRATCH/cvm_96x128.onnx" --split --runs "${RUNS:-30}"
