#!/usr/bin/python3
"""Times in PyTorch what neurite-bench's NormBenchmark times, with the same shapes and thread count.

    /usr/bin/python3 scripts/bench/norm_pytorch.py [threads]

Prints milliseconds per call (median of 5 runs of ~1 s each, after warm-up), forward and
forward+backward, for batch norm in training mode [32, 64, 28, 28] and [256, 1024] and layer norm
[512, 768].
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


for name, shape in [("bn2d", (32, 64, 28, 28)), ("bn1d", (256, 1024)), ("ln", (512, 768))]:
    c = shape[1]
    x = torch.randn(shape, requires_grad=True)
    w = torch.ones(c, requires_grad=True)
    b = torch.zeros(c, requires_grad=True)
    rm, rv = torch.zeros(c), torch.ones(c)
    up = torch.randn(shape)

    def forward():
        if name == "ln":
            return F.layer_norm(x, (c,), w, b, 1e-5)
        return F.batch_norm(x, rm, rv, w, b, True, 0.1, 1e-5)

    def forward_backward():
        y = forward()
        y.backward(up)
        x.grad = w.grad = b.grad = None

    with torch.no_grad():
        f = bench(forward)
    fb = bench(forward_backward)
    print(f"{name:5s} threads={threads} forward {f:8.3f} ms  forward+backward {fb:8.3f} ms")
