#!/usr/bin/python3
"""PyTorch side of Neurite's Conv2dBenchmark: the same shapes, timed the same way.

Run from anywhere (needs torch; Debian's python3-torch is 1.13):

    /usr/bin/python3 scripts/bench_conv_torch.py

and compare with Neurite's JMH numbers (ms per forward+backward, average time):

    ./neurite-bench/run Conv2dBenchmark -p threads=1,2

Each case is one forward of F.conv2d with bias and one backward of sum(output * gradOutput) that
computes the gradients of the input, the weight and the bias (as a layer inside a network needs),
timed over repetitions after a warm-up, with torch.set_num_threads(1) and (2); prints the median and,
in parentheses, the best repetition (the machine is shared: the best is the least disturbed).
"""

import time

import torch
import torch.nn.functional as F

# name, batch, in channels, out channels, kernel, spatial size, padding: as Conv2dBenchmark.
CASES = [
    ("lenet_c1", 64, 1, 6, 5, 28, 2),
    ("lenet_c3", 64, 6, 16, 5, 14, 0),
    ("resnet_3x3", 16, 64, 64, 3, 56, 1),
]


def time_case(batch, cin, cout, k, size, pad, min_seconds=1.0):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(batch, cin, size, size, generator=g).requires_grad_(True)
    w = (torch.randn(cout, cin, k, k, generator=g) * 0.1).requires_grad_(True)
    b = torch.randn(cout, generator=g).requires_grad_(True)
    out_size = size + 2 * pad - k + 1
    gy = torch.randn(batch, cout, out_size, out_size, generator=g)

    def step():
        x.grad = w.grad = b.grad = None
        y = F.conv2d(x, w, b, padding=pad)
        y.backward(gy)

    for _ in range(5):
        step()
    # repetitions of at least ~0.1 s each; report the median
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        dt = time.perf_counter() - t0
        if dt > 0.1:
            break
        n *= 2
    samples = []
    t_end = time.perf_counter() + min_seconds
    while time.perf_counter() < t_end or len(samples) < 5:
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        samples.append((time.perf_counter() - t0) / n)
    samples.sort()
    return samples[len(samples) // 2] * 1e3, samples[0] * 1e3


def main():
    print(f"torch {torch.__version__}, mkldnn={torch.backends.mkldnn.is_available()}")
    print(f"{'case':<12} {'shape':<34} {'threads=1 ms (best)':>22} {'threads=2 ms (best)':>22}")
    for name, batch, cin, cout, k, size, pad in CASES:
        ms = {}
        for threads in (1, 2):
            torch.set_num_threads(threads)
            ms[threads] = time_case(batch, cin, cout, k, size, pad)
        shape = f"[{batch},{cin},{size},{size}] {cin}->{cout} {k}x{k} p{pad}"
        cells = [f"{ms[t][0]:.3f} ({ms[t][1]:.3f})" for t in (1, 2)]
        print(f"{name:<12} {shape:<34} {cells[0]:>22} {cells[1]:>22}")


if __name__ == "__main__":
    main()
