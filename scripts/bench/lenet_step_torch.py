#!/usr/bin/python3
"""PyTorch side of neurite-bench's LeNetStepTiming: a LeNet-5 training step at batch 64 (Adam,
cross-entropy), whole and piece by piece, timed the same way, with 1 and 2 threads.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/bench/lenet_step_torch.py

Prints microseconds per call (with 1 thread also the calling thread's CPU time, steadier on a shared
machine): the best of 30 rounds of ~10 ms each after ~0.3 s of warm-up (the machine
is shared: the best round is the least disturbed). A backward piece is forward+backward minus forward;
"dx" is the extra time of also computing the input gradient.
"""
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 64


CLOCK = [time.perf_counter]


def timed(fn):
    clock = CLOCK[0]
    start, calls = time.perf_counter(), 0
    while time.perf_counter() - start < 0.3 or calls < 20:
        fn()
        calls += 1
    per_round = max(1, int(calls * 0.01 / (time.perf_counter() - start)))
    rounds = []
    for _ in range(30):
        t0 = clock()
        for _ in range(per_round):
            fn()
        rounds.append((clock() - t0) / per_round * 1e6)
    return min(rounds)


def conv_pieces(r, name, x, w, b, gy, pad, input_grad):
    def fwd():
        with torch.no_grad():
            F.conv2d(x, w, b, padding=pad)

    def weights():
        w.grad = b.grad = None
        F.conv2d(x, w, b, padding=pad).backward(gy)

    f, wt = timed(fwd), timed(weights)
    r[name + " fwd"] = f
    r[name + " bwd dW+db"] = wt - f
    if input_grad:
        xg = x.detach().requires_grad_(True)

        def everything():
            w.grad = b.grad = xg.grad = None
            F.conv2d(xg, w, b, padding=pad).backward(gy)

        r[name + " bwd dx"] = timed(everything) - wt


def activation_pieces(r, n, a):
    ag = a.detach().requires_grad_(True)
    gy_pool = torch.randn(F.max_pool2d(a, 2).shape)
    gy_relu = torch.randn(a.shape)

    def relu_fwd():
        with torch.no_grad():
            F.relu(a)

    def relu_all():
        ag.grad = None
        F.relu(ag).backward(gy_relu)

    def pool_fwd():
        with torch.no_grad():
            F.max_pool2d(a, 2)

    def pool_all():
        ag.grad = None
        F.max_pool2d(ag, 2).backward(gy_pool)

    rf, pf = timed(relu_fwd), timed(pool_fwd)
    r["relu" + n + " fwd"] = rf
    r["relu" + n + " bwd"] = timed(relu_all) - rf
    r["pool" + n + " fwd"] = pf
    r["pool" + n + " bwd"] = timed(pool_all) - pf


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def measure():
    torch.manual_seed(1)
    r = {}
    conv_pieces(r, "c1", torch.randn(BATCH, 1, 28, 28), (torch.randn(6, 1, 5, 5) * 0.2).requires_grad_(True),
                torch.randn(6).requires_grad_(True), torch.randn(BATCH, 6, 28, 28), 2, False)
    activation_pieces(r, "1", torch.randn(BATCH, 6, 28, 28))
    conv_pieces(r, "c3", torch.randn(BATCH, 6, 14, 14), (torch.randn(16, 6, 5, 5) * 0.1).requires_grad_(True),
                torch.randn(16).requires_grad_(True), torch.randn(BATCH, 16, 10, 10), 0, True)
    activation_pieces(r, "2", torch.randn(BATCH, 16, 10, 10))
    classifier = lenet()[6:]
    features = torch.randn(BATCH, 16, 5, 5).requires_grad_(True)
    labels = torch.randint(0, 10, (BATCH,))

    def fc_fwd():
        with torch.no_grad():
            classifier(features)

    def fc_all():
        features.grad = None
        classifier.zero_grad()
        F.cross_entropy(classifier(features), labels).backward()

    r["fc stack fwd"] = timed(fc_fwd)
    r["fc stack fwd+bwd+loss"] = timed(fc_all)
    model = lenet()
    adam = torch.optim.Adam(model.parameters(), 1e-3)
    images = torch.randn(BATCH, 1, 28, 28)

    def step():
        adam.zero_grad()
        F.cross_entropy(model(images), labels).backward()
        adam.step()

    step()
    r["adam step"] = timed(adam.step)
    r["full step"] = timed(step)
    return r


def main():
    table = {}
    columns = ("1 thread CPU", "1 thread", "2 threads")
    for i, (threads, clock) in enumerate(((1, time.thread_time), (1, time.perf_counter), (2, time.perf_counter))):
        torch.set_num_threads(threads)
        CLOCK[0] = clock
        for k, v in measure().items():
            table.setdefault(k, [0.0, 0.0, 0.0])[i] = v
    print("%-24s %14s %14s %14s" % (("piece (us per call)",) + columns))
    for k, v in table.items():
        print("%-24s %14.1f %14.1f %14.1f" % (k, v[0], v[1], v[2]))
    s = table["full step"]
    print("samples/s: 1 thread %.0f (CPU time %.0f), 2 threads %.0f, 2 vs 1 thread %.2fx"
          % (BATCH * 1e6 / s[1], BATCH * 1e6 / s[0], BATCH * 1e6 / s[2], s[1] / s[2]))


if __name__ == "__main__":
    main()
