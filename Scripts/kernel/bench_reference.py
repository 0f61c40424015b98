#!/usr/bin/env python3
"""Reference figures for KernelBenchmarks: numpy matmul and a PyTorch MLP, on one thread.

Same shapes and method as Sources/Benchmarks/KernelBenchmarks.swift: each timing is the best of 5
trials of about 0.2 s. Prints lines `reference <name> <key>=<value> ...`.
Usage: python3 Scripts/kernel/bench_reference.py
"""
import os

# Single thread, set before numpy/torch load their BLAS.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import math  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402


def best_seconds_per_call(body):
    body()
    repetitions = 1
    while True:
        start = time.perf_counter()
        for _ in range(repetitions):
            body()
        if time.perf_counter() - start > 0.2:
            break
        repetitions *= 2
    best = math.inf
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repetitions):
            body()
        best = min(best, (time.perf_counter() - start) / repetitions)
    return best


def matmul():
    rng = np.random.default_rng(1)
    for n in (64, 128, 256, 512):
        a = rng.uniform(-1, 1, size=(n, n))
        b = rng.uniform(-1, 1, size=(n, n))
        t = best_seconds_per_call(lambda: a @ b)
        print(f"reference matmul n={n} gflops={2 * n**3 / t / 1e9:.2f}", flush=True)


def moons(count=200, noise=0.1, seed=1):
    # Same layout as Datasets.moons (noise from numpy; the timing does not depend on the values).
    rng = np.random.default_rng(seed)
    outer, inner = count - count // 2, count // 2
    t0 = np.linspace(0, np.pi, outer)
    t1 = np.linspace(0, np.pi, inner)
    x = np.concatenate([np.stack([np.cos(t0), np.sin(t0)], 1), np.stack([1 - np.cos(t1), 0.5 - np.sin(t1)], 1)])
    x += rng.normal(0, noise, size=x.shape)
    y = np.concatenate([np.zeros(outer), np.ones(inner)])
    return x, y


def mlp():
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(1)
    x_np, y_np = moons()
    for dtype, name in ((torch.float64, "float64"), (torch.float32, "float32")):
        model = torch.nn.Sequential(
            torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1)
        ).to(dtype)
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        loss_fn = torch.nn.MSELoss()
        x = torch.tensor(x_np, dtype=dtype)
        y = torch.tensor(y_np, dtype=dtype).reshape(-1, 1)

        def epoch():
            perm = torch.randperm(200)
            for start in range(0, 200, 32):
                idx = perm[start:start + 32]
                opt.zero_grad()
                loss = loss_fn(model(x[idx]), y[idx])
                loss.backward()
                opt.step()

        t = best_seconds_per_call(epoch)
        print(f"reference mlp dtype={name} torch={torch.__version__} steps_per_second={7 / t:.2f}", flush=True)


if __name__ == "__main__":
    print(f"reference numpy={np.__version__} (one thread)")
    matmul()
    mlp()
