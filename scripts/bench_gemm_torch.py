#!/usr/bin/env python3
"""PyTorch's float32 matrix multiply throughput, printed like `neurite bench gemm`.

For each size n and thread count t: C = A @ B with A, B square n x n, on t threads
(torch.set_num_threads, and openblas_set_num_threads when torch's BLAS is OpenBLAS, since
torch's setting does not reach OpenBLAS's own pthreads). Prints the best and the median GFLOP/s
of repeated timed runs after a warm-up, plus which BLAS library did the work.

    /usr/bin/python3 scripts/bench_gemm_torch.py --sizes 128,256 --threads 1,2
    OPENBLAS_CORETYPE=Haswell /usr/bin/python3 scripts/bench_gemm_torch.py
"""
import argparse
import ctypes
import os
import statistics
import time

import torch

MIN_RUN_SECONDS = 0.02


def blas_library():
    """The path of the BLAS shared library loaded in this process (torch links libblas.so.3)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return sorted(paths)[0] if paths else "none found"


def openblas_handle(path):
    """A ctypes handle on the loaded OpenBLAS, or None when the BLAS is something else."""
    try:
        lib = ctypes.CDLL(path)
        lib.openblas_set_num_threads
        return lib
    except (OSError, AttributeError):
        return None


def timed_runs(a, b, c, budget):
    """GFLOP/s of each timed run within about `budget` seconds (at least one run)."""
    n = a.shape[0]
    rates, reps = [], 1
    end = time.perf_counter() + budget
    while True:
        start = time.perf_counter()
        for _ in range(reps):
            torch.mm(a, b, out=c)
        elapsed = time.perf_counter() - start
        if elapsed < MIN_RUN_SECONDS:
            reps *= 2
        else:
            rates.append(2.0 * n ** 3 * reps / elapsed / 1e9)
        if rates and time.perf_counter() >= end:
            return rates


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="128,256,512,1024,2048")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    threads = [int(t) for t in args.threads.split(",")]

    torch.mm(torch.ones(2, 2), torch.ones(2, 2))  # loads the BLAS
    blas = blas_library()
    openblas = openblas_handle(blas)
    core = ""
    if openblas is not None:
        openblas.openblas_get_corename.restype = ctypes.c_char_p
        core = ", OpenBLAS core " + openblas.openblas_get_corename().decode()
    print(f"torch {torch.__version__} torch.mm float32, square n x n; BLAS {blas}{core}; "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
    print(f"{'n':>6} {'threads':>8} {'best GFLOP/s':>14} {'median GFLOP/s':>14}", flush=True)
    for n in sizes:
        generator = torch.Generator().manual_seed(n)
        a = torch.rand(n, n, generator=generator) * 2 - 1
        b = torch.rand(n, n, generator=generator) * 2 - 1
        c = torch.empty(n, n)
        for t in threads:
            torch.set_num_threads(t)
            if openblas is not None:
                openblas.openblas_set_num_threads(t)
            timed_runs(a, b, c, args.warmup)
            rates = timed_runs(a, b, c, args.seconds)
            print(f"{n:>6} {t:>8} {max(rates):>14.1f} {statistics.median(rates):>14.1f}",
                  flush=True)


if __name__ == "__main__":
    main()
