#!/usr/bin/python3
"""Times in PyTorch what neurite-bench's PoolBenchmark times, with the same shapes and thread count.

    /usr/bin/python3 scripts/bench/pool_pytorch.py [threads]

Prints milliseconds per call (median of 5 runs of ~1 s each, after warm-up), forward (no grad) and
forward+backward: max pooling 2x2 and 3x3/2 padded, average pooling 2x2 and global average pooling on
[32, 64, 56, 56]; nearest and bilinear up-sampling by 2 of [32, 64, 28, 28].
"""
import statistics
import sys
import time

import torch
import torch.nn.functional as F

threads = int(sys.argv[1]) if len(sys.argv) > 1 else torch.get_num_threads()
torch.set_num_threads(threads)
torch.manual_seed(1)


def bench(fn):
    for _ in range(3):
        fn()
    runs = []
    for _ in range(5):
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < 1.0:
            fn()
            n += 1
        runs.append((time.perf_counter() - start) / n * 1e3)
    return statistics.median(runs)


OPS = {
    "max2": lambda x: F.max_pool2d(x, 2),
    "max3s2p1": lambda x: F.max_pool2d(x, 3, 2, 1),
    "avg2": lambda x: F.avg_pool2d(x, 2),
    "gap": lambda x: F.adaptive_avg_pool2d(x, 1),
    "nearest2": lambda x: F.interpolate(x, scale_factor=2),
    "bilinear2": lambda x: F.interpolate(x, scale_factor=2, mode="bilinear"),
}

for name, op in OPS.items():
    shape = (32, 64, 28, 28) if name in ("nearest2", "bilinear2") else (32, 64, 56, 56)
    x = torch.randn(shape, requires_grad=True)
    up = torch.randn(op(x).shape)

    def forward():
        return op(x)

    def forward_backward():
        op(x).backward(up)
        x.grad = None

    with torch.no_grad():
        f = bench(forward)
    fb = bench(forward_backward)
    print(f"{name:9s} threads={threads} forward {f:8.3f} ms  forward+backward {fb:8.3f} ms")
