#!/usr/bin/env python3
"""PyTorch's training throughput, measured like `neurite bench train`.

Trains the same models as Neurite's zoo -- the MLP 784-256-128-10 with ReLU and LeNet-5 (conv 6@5x5
padding 2, ReLU, max pool 2, conv 16@5x5, ReLU, max pool 2, linear 400-120-84-10 with ReLU) -- with
Adam (defaults) and cross-entropy on synthetic Fashion-MNIST-shaped data ([N, 1, 28, 28] uniform in
[0, 1), 10 classes, 4 batches generated once from a seed and cycled). After a warm-up, times
`--windows` windows and prints each setting's median and best samples/s, plus the process's peak RSS
(ru_maxrss).

Peak RSS is a property of the process, so `--fresh` (the default when several settings are asked
for) runs each setting in a fresh child process of this script.

    /usr/bin/python3 scripts/bench_train_torch.py --model mlp,lenet5 --batch 64,256 --threads 1,2
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/bench_train_torch.py --model mlp --batch 64 --threads 2
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

import torch
from torch import nn

DATA_BATCHES = 4
CLASSES = 10


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                         nn.Linear(128, 10))


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


MODELS = {"mlp": mlp, "lenet5": lenet5}


def blas_library():
    """The BLAS shared library loaded in this process (Debian's torch links libblas.so.3)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return sorted(paths)[0] if paths else "none found"


def measure(model_name, batch, threads, warmup, seconds, steps, windows, seed):
    """Median and best samples/s over the timed windows, the timed steps and the last loss."""
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    model = MODELS[model_name]()
    model.train()
    optimizer = torch.optim.Adam(model.parameters())
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(seed + 1)
    xs = [torch.rand(batch, 1, 28, 28, generator=generator) for _ in range(DATA_BATCHES)]
    ys = [torch.randint(0, CLASSES, (batch,), generator=generator) for _ in range(DATA_BATCHES)]
    step = 0

    def train_step():
        nonlocal step
        i = step % DATA_BATCHES
        step += 1
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(xs[i]), ys[i])
        loss.backward()
        optimizer.step()
        return loss.item()

    end = time.perf_counter() + warmup
    loss = train_step()
    while time.perf_counter() < end:
        loss = train_step()
    rates, timed = [], 0
    for _ in range(windows):
        start, count = time.perf_counter(), 0
        while True:
            loss = train_step()
            count += 1
            now = time.perf_counter()
            if (count >= steps) if steps > 0 else (now - start >= seconds / windows):
                break
        rates.append(count * batch / (now - start))
        timed += count
    return statistics.median(rates), max(rates), timed, loss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="mlp,lenet5")
    parser.add_argument("--batch", default="64,256")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--steps", type=int, default=0, help="steps per window instead of --seconds")
    parser.add_argument("--windows", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-header", action="store_true")
    parser.add_argument("--fresh", choices=["auto", "yes", "no"], default="auto",
                        help="one child process per setting (default: when there are several)")
    args = parser.parse_args()
    settings = [(m, int(b), int(t)) for m in args.model.split(",") for b in args.batch.split(",")
                for t in args.threads.split(",")]
    for m, _, _ in settings:
        if m not in MODELS:
            parser.error(f"unknown model '{m}', expected one of {sorted(MODELS)}")
    if not args.no_header:
        torch.mm(torch.ones(2, 2), torch.ones(2, 2))  # loads the BLAS
        print(f"torch {torch.__version__} training: Adam, cross-entropy, synthetic [N,1,28,28] data; "
              f"BLAS {blas_library()}; OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset)')}")
        print(f"{'model':<8} {'batch':>6} {'threads':>8} {'median samples/s':>16} {'best samples/s':>14} "
              f"{'steps':>8} {'peak RSS MB':>12}", flush=True)
    fresh = args.fresh == "yes" or (args.fresh == "auto" and len(settings) > 1)
    for m, b, t in settings:
        if fresh:
            child = [sys.executable, os.path.abspath(__file__), "--model", m, "--batch", str(b), "--threads", str(t),
                     "--warmup", str(args.warmup), "--seconds", str(args.seconds), "--steps", str(args.steps),
                     "--windows", str(args.windows), "--seed", str(args.seed), "--no-header", "--fresh", "no"]
            subprocess.run(child, check=True)
            continue
        median, best, timed, _ = measure(m, b, t, args.warmup, args.seconds, args.steps, args.windows, args.seed)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{m:<8} {b:>6} {t:>8} {median:>16.1f} {best:>14.1f} {timed:>8} {rss_mb:>12.1f}", flush=True)


if __name__ == "__main__":
    main()
