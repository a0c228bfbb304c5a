#!/usr/bin/python3
"""PyTorch's side of io.neurite.bench.CrossEntropyTiming: cross-entropy forward + backward on the
logits, same shapes, thread counts and method (median of 15 rounds of a fixed number of steps, after
a warm-up). Run: /usr/bin/python3 scripts/bench/cross_entropy_torch.py [max_threads]"""
import sys
import time

import torch
import torch.nn.functional as F

SHAPES = [(256, 10), (64, 1000)]
ROUNDS = 15


def step(logits, labels):
    logits.grad = None
    F.cross_entropy(logits, labels).backward()


def timing(n, c):
    g = torch.Generator().manual_seed(1)
    logits = torch.randn(n, c, generator=g).requires_grad_()
    labels = torch.randint(0, c, (n,), generator=g)
    steps = max(50, 2_000_000 // (n * c))
    for _ in range(20 * steps):
        step(logits, labels)
    rounds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(steps):
            step(logits, labels)
        rounds.append((time.perf_counter() - start) * 1e6 / steps)
    return sorted(rounds)[ROUNDS // 2]


def main():
    most = int(sys.argv[1]) if len(sys.argv) > 1 else torch.get_num_threads()
    for threads in [1, most]:
        torch.set_num_threads(threads)
        for n, c in SHAPES:
            print(f"torch {torch.__version__} cross-entropy fwd+bwd [{n}, {c}] threads={threads}: "
                  f"{timing(n, c):.2f} us")


if __name__ == "__main__":
    main()
