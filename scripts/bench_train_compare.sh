#!/usr/bin/env bash
# Neurite's training throughput against PyTorch's, in one run on this machine. For each model and
# batch size, one after the other: `neurite bench train` on 1 and 2 threads, then
# scripts/bench_train_torch.py with torch threads 1 and 2, each with OpenBLAS's own thread count and
# with OPENBLAS_NUM_THREADS=1. Every setting runs in a fresh process (peak RSS is per process), and
# the settings of one row run back to back, so a row compares runs under the same machine load.
# Prints one row per model and batch size: Neurite's samples/s on 1 and 2 threads, PyTorch's best
# setting, the ratio of Neurite's best to it, both peak RSS (of each side's best setting) and
# Neurite's second-core speedup (2 threads / 1 thread). Samples/s are medians of timed windows.
#
#   scripts/bench_train_compare.sh [--model mlp,lenet5] [--batch 64,256] [--seconds 5] [--warmup 2]
#
# PyTorch is /usr/bin/python3 with Debian's python3-torch, which links the BLAS chosen by
# update-alternatives (the slow reference BLAS unless OpenBLAS is selected); when OpenBLAS is
# installed (libopenblas0-pthread) it is loaded through LD_LIBRARY_PATH, as in bench_gemm_compare.sh.
# Set TORCH_BLAS_DIR to load another one, NEURITE to another command that runs the neurite tool, and
# NEURITE_JAVA_OPTS to pass JVM options through the launcher.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
models=mlp,lenet5 batches=64,256 seconds=5 warmup=2
while [ $# -gt 0 ]; do
  case "$1" in
    --model) models="$2"; shift 2 ;;
    --batch) batches="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "bench_train_compare: unknown option '$1' (expected --model, --batch, --seconds, --warmup)" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

blas_dir="${TORCH_BLAS_DIR:-}"
for dir in /usr/lib/x86_64-linux-gnu/openblas-pthread /usr/lib/x86_64-linux-gnu/openblas-openmp; do
  if [ -z "$blas_dir" ] && [ -e "$dir/libblas.so.3" ]; then blas_dir="$dir"; fi
done
if [ -z "$blas_dir" ]; then
  echo "bench_train_compare: OpenBLAS not found (apt-get install libopenblas0-pthread); PyTorch runs" \
    "with the system BLAS, which on Debian defaults to the slow reference BLAS." >&2
fi
neurite="${NEURITE:-$root/neurite}"

run_torch() {  # $1 model, $2 batch, $3 OPENBLAS_NUM_THREADS ("" for OpenBLAS's own choice)
  local obt="$3"
  (
    unset OPENBLAS_NUM_THREADS
    if [ -n "$obt" ]; then export OPENBLAS_NUM_THREADS="$obt"; fi
    if [ -n "$blas_dir" ]; then export LD_LIBRARY_PATH="$blas_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi
    /usr/bin/python3 "$root/scripts/bench_train_torch.py" --model "$1" --batch "$2" --threads 1,2 \
      --seconds "$seconds" --warmup "$warmup" --no-header
  ) | awk -v label="${obt:+ob$obt}" '{ print $0, label }' | tee -a "$work/torch.txt" >&2
}

echo "model    batch threads median best steps RSS-MB (neurite; torch rows end with ob1 when OPENBLAS_NUM_THREADS=1)" >&2
for model in ${models//,/ }; do
  for batch in ${batches//,/ }; do
    for t in 1 2; do
      $neurite bench train --model "$model" --batch "$batch" --threads "$t" --seconds "$seconds" \
        --warmup "$warmup" 2>/dev/null | awk '$2 ~ /^[0-9]+$/' | tee -a "$work/neurite.txt" >&2
    done
    run_torch "$model" "$batch" ""
    run_torch "$model" "$batch" 1
  done
done

echo
echo "samples/s (median of timed windows); torch = best of torch threads 1|2 x OPENBLAS_NUM_THREADS unset|1 (ob1)"
echo "ratio = Neurite's best / PyTorch's best; RSS = peak RSS in MB of each side's best setting; 2nd core = Neurite 2t / 1t"
awk '
  FNR == 1 { file++ }
  file == 1 { key = $1 " " $2; if (!(key in seen)) { seen[key] = 1; rows[++count] = key }
              n[key, $3] = $4; nrss[key, $3] = $7 }
  file == 2 { key = $1 " " $2
              if ($4 > tbest[key]) { tbest[key] = $4; trss[key] = $7; tset[key] = "t" $3 ($8 == "" ? "" : "/" $8) } }
  END {
    printf "%-8s %6s %10s %10s %10s %-8s %7s %9s %9s %9s\n", "model", "batch", "neurite-1t", "neurite-2t",
      "torch", "setting", "ratio", "RSS-nrt", "RSS-torch", "2nd-core"
    for (r = 1; r <= count; r++) {
      key = rows[r]; split(key, k, " ")
      best = n[key, 2] > n[key, 1] ? 2 : 1
      printf "%-8s %6d %10.0f %10.0f %10.0f %-8s %7.2f %9.0f %9.0f %9.2f\n", k[1], k[2], n[key, 1], n[key, 2],
        tbest[key], tset[key], (tbest[key] > 0 ? n[key, best] / tbest[key] : 0), nrss[key, best], trss[key],
        (n[key, 1] > 0 ? n[key, 2] / n[key, 1] : 0)
    }
  }' "$work/neurite.txt" "$work/torch.txt"
