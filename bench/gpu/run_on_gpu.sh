#!/usr/bin/env bash
# The GPU check of issue 3 item 8, run on a lent GPU machine (no .NET SDK there) from the repository root:
#   APP_TAR=.gpu/app/app.tar.xz NATIVE_PARTS='.gpu/n*/natives.tar.xz.*' OUT=out/gpu bash bench/gpu/run_on_gpu.sh
# APP_TAR: `dotnet publish cvm_perception/CvM.Node -c Release -r linux-x64 --self-contained` without its three big
# native libraries, as tar.xz; NATIVE_PARTS: the pieces (split -b) of a tar.xz of libonnxruntime.so,
# libonnxruntime_providers_cuda.so and libOpenCvSharpExtern.so; DEPS_TAR: a tar.xz of a folder depslib/ holding the
# shared libraries that libOpenCvSharpExtern.so needs (GTK 3 and its closure) where the machine lacks them
# (bench/gpu/README.md says how they are made).
# CUDA 13, cuDNN 9 and cuRAND come from wherever the machine has them (there: its Python packages).
set -u
OUT=${OUT:-out/gpu}
mkdir -p "$OUT" /tmp/cvm_app
t0=$(date +%s)
tar -C /tmp/cvm_app -xJf "$APP_TAR" || exit 1
# shellcheck disable=SC2086
cat $NATIVE_PARTS | tar -C /tmp/cvm_app -xJf - || exit 1
echo "unpacked in $(( $(date +%s) - t0 )) s"
libdirs=""
for lib in libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libcudnn.so.9; do
  p=$(find / -name "$lib" -not -path '/proc/*' 2>/dev/null | head -1)
  if [ -z "$p" ]; then echo "missing $lib"; else echo "$lib: $p"; libdirs="$libdirs:$(dirname "$p")"; fi
done
export LD_LIBRARY_PATH="${libdirs#:}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv | tee "$OUT/gpu.txt"
nproc | tee -a "$OUT/gpu.txt"
APP=/tmp/cvm_app/cvm_perception
# The node's steady state on CUDA, then the same on the CPU provider (2 threads, the node's default) for comparison.
$APP bench --runs 1000 --warmup 50 --out "$OUT/bench_cuda.json" --ros-args -p device:=cuda 2>&1 | tee "$OUT/bench_cuda.txt"
$APP bench --runs 200 --warmup 20 --out "$OUT/bench_cpu.json" --ros-args -p device:=cpu 2>&1 | tee "$OUT/bench_cpu.txt"
# The whole pipeline (pre/post-processing, keyframes, view selection) on CUDA over the embedded sequence. OpenCV's
# native library needs GTK 3 and its dependencies; DEPS_TAR (optional) brings them where the machine lacks them.
if [ -n "${DEPS_TAR:-}" ]; then
  tar -C /tmp -xJf "$DEPS_TAR" && export LD_LIBRARY_PATH="$LD_LIBRARY_PATH:/tmp/depslib"
fi
$APP replay --frames 120 --no-report --out /tmp/replay_cuda --ros-args -p device:=cuda 2>&1 | tail -20 | tee "$OUT/replay_cuda.txt"
cp /tmp/replay_cuda/frames.csv "$OUT/replay_cuda_frames.csv" 2>/dev/null
$APP replay --frames 120 --no-report --out /tmp/replay_cpu --ros-args -p device:=cpu 2>&1 | tail -20 | tee "$OUT/replay_cpu.txt"
cp /tmp/replay_cpu/frames.csv "$OUT/replay_cpu_frames.csv" 2>/dev/null
echo "done in $(( $(date +%s) - t0 )) s"
