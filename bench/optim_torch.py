"""torch's side of bench/optim.ts: one step of torch.optim optimizers on one float64 parameter tensor.

    python optim_torch.py N REPS WARMUP

Runs on one thread (torch.set_num_threads(1)). For each optimizer it times every implementation torch
has on the CPU: the default (the single-tensor loop), foreach=True and fused=True where the class takes
it. Prints one JSON object: {"version", "threads", "results": {name: {variant: median_ms | null}},
"errors": {...}}. The options are those of bench/optim.ts (SGD lr 0.01 momentum 0.9, Adagrad lr 0.01,
RMSprop lr 0.01, Adam lr 1e-3).
"""

import inspect
import json
import statistics
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import torch  # noqa: E402

N, REPS, WARMUP = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
BUDGET = 2.0
torch.set_num_threads(1)

OPTIMIZERS = {
    "SGD": (torch.optim.SGD, {"lr": 0.01, "momentum": 0.9}),
    "Adagrad": (torch.optim.Adagrad, {"lr": 0.01}),
    "RMSprop": (torch.optim.RMSprop, {"lr": 0.01}),
    "Adam": (torch.optim.Adam, {"lr": 1e-3}),
}

gen = torch.Generator().manual_seed(0)
x0 = torch.randn(N, generator=gen, dtype=torch.float64)
g0 = torch.randn(N, generator=gen, dtype=torch.float64)


def time_step(cls, options):
    p = torch.nn.Parameter(x0.clone())
    p.grad = g0.clone()
    opt = cls([p], **options)
    for _ in range(WARMUP):
        opt.step()
    times = []
    start = time.perf_counter()
    # REPS steps, or fewer for the slow variants: stop after BUDGET seconds once 20 steps are timed.
    while len(times) < REPS and (len(times) < 20 or time.perf_counter() - start < BUDGET):
        t0 = time.perf_counter()
        opt.step()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


results, errors = {}, {}
for name, (cls, options) in OPTIMIZERS.items():
    params = inspect.signature(cls.__init__).parameters
    variants = {"default": {}}
    if "foreach" in params:
        variants["foreach"] = {"foreach": True}
    if "fused" in params:
        variants["fused"] = {"fused": True}
    results[name] = {}
    for variant, extra in variants.items():
        try:
            results[name][variant] = time_step(cls, {**options, **extra})
        except Exception as e:  # e.g. fused not implemented for CPU in this version
            results[name][variant] = None
            errors[f"{name} {variant}"] = f"{type(e).__name__}: {e}"

print(json.dumps({"version": torch.__version__, "threads": torch.get_num_threads(), "results": results, "errors": errors}))
