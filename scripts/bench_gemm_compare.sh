#!/usr/bin/env bash
# Neurite's sgemm against PyTorch's, side by side on this machine: runs `neurite bench gemm` and
# scripts/bench_gemm_torch.py (with OpenBLAS's own choice of kernel and with
# OPENBLAS_CORETYPE=Haswell), then prints the best GFLOP/s of each and the ratios.
#
#   scripts/bench_gemm_compare.sh [--sizes 128,256,512,1024,2048] [--seconds 2] [--warmup 1]
#
# PyTorch is /usr/bin/python3 with Debian's python3-torch. Debian's torch links the BLAS chosen by
# update-alternatives (the slow reference BLAS unless OpenBLAS is installed and selected); when
# OpenBLAS is installed (libopenblas0-pthread) this script loads it through LD_LIBRARY_PATH, so the
# comparison is with the BLAS a PyTorch user would have. Set TORCH_BLAS_DIR to load another one,
# and NEURITE to another command that runs the neurite tool.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
sizes=128,256,512,1024,2048 seconds=2 warmup=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "bench_gemm_compare: unknown option '$1' (expected --sizes, --seconds, --warmup)" >&2; exit 2 ;;
  esac
done
threads="1,$(nproc)"
[ "$(nproc)" -gt 1 ] || threads=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

blas_dir="${TORCH_BLAS_DIR:-}"
for dir in /usr/lib/x86_64-linux-gnu/openblas-pthread /usr/lib/x86_64-linux-gnu/openblas-openmp; do
  if [ -z "$blas_dir" ] && [ -e "$dir/libblas.so.3" ]; then blas_dir="$dir"; fi
done

if [ -z "$blas_dir" ]; then
  echo "bench_gemm_compare: OpenBLAS not found (apt-get install libopenblas0-pthread); PyTorch runs" \
    "with the system BLAS, which on Debian defaults to the slow reference BLAS." >&2
fi

echo "== Neurite" >&2
${NEURITE:-"$root/neurite"} bench gemm --sizes "$sizes" --seconds "$seconds" --warmup "$warmup" | tee "$work/neurite.txt" >&2

run_torch() {  # $1 = output file, $2 = OPENBLAS_CORETYPE ("" for OpenBLAS's own choice)
  local out="$1" coretype="$2"
  (
    unset OPENBLAS_CORETYPE
    if [ -n "$coretype" ]; then export OPENBLAS_CORETYPE="$coretype"; fi
    if [ -n "$blas_dir" ]; then export LD_LIBRARY_PATH="$blas_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi
    /usr/bin/python3 "$root/scripts/bench_gemm_torch.py" --sizes "$sizes" --threads "$threads" \
      --seconds "$seconds" --warmup "$warmup"
  ) | tee "$out" >&2
}
echo "== PyTorch, OpenBLAS's own kernel choice" >&2
run_torch "$work/torch.txt" ""
echo "== PyTorch, OPENBLAS_CORETYPE=Haswell" >&2
run_torch "$work/haswell.txt" Haswell

echo
head -n 1 "$work/torch.txt" | sed 's/^/PyTorch: /'
echo "Best GFLOP/s of each; ratio = Neurite / PyTorch."
awk '
  FNR == 1 { file++ }
  $1 ~ /^[0-9]+$/ { best[file, $1, $2] = $3; if (file == 1) rows[++count] = $1 " " $2 }
  END {
    printf "%6s %8s %10s %10s %10s %10s %10s\n", "n", "threads", "neurite", "torch", "haswell", "ratio", "ratio-hsw"
    for (r = 1; r <= count; r++) {
      split(rows[r], key, " ")
      nt = best[1, key[1], key[2]]; pt = best[2, key[1], key[2]]; hw = best[3, key[1], key[2]]
      printf "%6d %8d %10.1f %10.1f %10.1f %10.2f %10.2f\n", key[1], key[2], nt, pt, hw,
        (pt > 0 ? nt / pt : 0), (hw > 0 ? nt / hw : 0)
    }
  }' "$work/neurite.txt" "$work/torch.txt" "$work/haswell.txt"
