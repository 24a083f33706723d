#!/bin/bash
# Exports a checkpoint of a CvM training run into models/ as the keyframe-cache pair the node runs, evaluates it and
# benchmarks it (ORT CPU, 2 threads).
# Usage: bash models/make_model.sh [RUN_DIR] [STEP]   (defaults: /work/runs/cvm_syn_96x128_warm, its latest checkpoint)
# Writes: models/cvm_<H>x<W>.features.onnx (per-view features, run once per frame and cached with keyframes),
#         models/cvm_<H>x<W>.onnx (multi-view graph + heads: the outputs), models/cvm_<H>x<W>.json (manifest, split section),
#         <H>x<W> being the checkpoint's input size.
# Reads RUN_DIR only. Needs: dotnet build cvm_perception/CvM.Training -c Release; ../shared/data for the 7-Scenes figures.
# Environment: SCENES (held-out synthetic scenes, 40), MIN_BASELINE (minimum source baseline of the eval, m, 0.05, the
# shipped checkpoint's training rule), SCENE_SCALE_MAX (scale augmentation of the held-out scenes, 1 = off, as the
# shipped checkpoint was trained), RUNS (bench runs, 30), BENCH_NICE (nice level of the bench, 0;
# negative needs root), SPIN=1 (ORT workers spin; default: they sleep, as in the node), WHOLE=1 (also export and
# bench the whole graph in the scratch folder, for comparison).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=${1:-/work/runs/cvm_syn_96x128_warm}
STEP=${2:-$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['step'])" "$RUN/latest.json")}
TOOL="dotnet $ROOT/cvm_perception/CvM.Training/bin/Release/net10.0/CvM.Training.dll"
# the file stem carries the checkpoint's input size: models/cvm_<H>x<W>
SIZE=$(python3 -c "import json,sys; n=json.load(open(sys.argv[1]))['config']['net']; print(f\"{n['imageHeight']}x{n['imageWidth']}\")" "$RUN/step_$STEP.json")
OUT=$ROOT/models/cvm_$SIZE.onnx
MANIFEST=${OUT%.onnx}.json
SCRATCH=${SCRATCH:-/tmp/cvm_model_$$}
SPIN_ARG=--no-spin; [ "${SPIN:-0}" = 1 ] && SPIN_ARG=
mkdir -p "$SCRATCH"
[ -f "$RUN/step_$STEP.weights" ] || { echo "no checkpoint $RUN/step_$STEP.weights" >&2; exit 1; }
# 1. the keyframe-cache pair + manifest (with its split section) into models/
$TOOL export --checkpoint "$RUN/step_$STEP.weights" --out "$OUT" --split
# the export must reproduce: a second export of the same checkpoint must give the same bytes (an open defect made two
# exports of one net differ now and then in the parity tests; README, issue 3)
$TOOL export --checkpoint "$RUN/step_$STEP.weights" --out "$SCRATCH/again.onnx" --split > /dev/null
for part in "" .features; do
  a=$(sha256sum < "${OUT%.onnx}$part.onnx"); b=$(sha256sum < "$SCRATCH/again$part.onnx")
  [ "$a" = "$b" ] || { echo "two exports of $RUN/step_$STEP.weights differ (${OUT%.onnx}$part.onnx); run again" >&2; exit 1; }
done
# 2. evaluation of the pair as the node runs it (held-out synthetic scenes + real 7-Scenes frames), into the manifest
$TOOL eval --manifest "$MANIFEST" --synthetic-scenes "${SCENES:-40}" --min-baseline "${MIN_BASELINE:-0.05}" \
  --scene-scale-max "${SCENE_SCALE_MAX:-1}" --sevenscenes "$ROOT/../shared/data/7scenes_redkitchen_seq50" --out "$SCRATCH/eval.json" --write-manifest > /dev/null
cat "$SCRATCH/eval.json"; echo
# 3. CPU latency with per-part times from ORT's profiler: a new frame's features + the multi-view graph (sources cached)
nice -n "${BENCH_NICE:-0}" $TOOL bench --manifest "$MANIFEST" --runs "${RUNS:-30}" $SPIN_ARG
if [ "${WHOLE:-0}" = 1 ]; then
  $TOOL export --checkpoint "$RUN/step_$STEP.weights" --out "$SCRATCH/whole/cvm_$SIZE.onnx"
  nice -n "${BENCH_NICE:-0}" $TOOL bench --model "$SCRATCH/whole/cvm_$SIZE.onnx" --runs "${RUNS:-30}" $SPIN_ARG
fi
du -ch "$ROOT"/models/*.onnx | tail -1
