"""Peer of bench/mlp.ts: one epoch of the 784-128-10 MLP with Adam at batch 64 in torch.

    python3 bench/mlp_torch.py DIR IMAGES --threads 1|default

Reads DIR/train-images-idx3-ubyte.gz and DIR/train-labels-idx1-ubyte.gz (tiled to IMAGES rows when the
folder holds fewer, as bench/mlp.ts does). With --threads 1, torch.set_num_threads(1) (ours is
single-threaded; the caller also sets OMP/MKL/OPENBLAS_NUM_THREADS=1). Loads the data once, prints
{"ready": true, "torch", "threads"}, then for each line read (a seed) trains a fresh model for one epoch
with torch's usual loop over a shuffled index (no DataLoader) and prints one JSON line: {"seconds",
"loss" (mean over the epoch's batches, weighted by their sizes), "images"}.
"""
import gzip
import json
import sys
import time

import numpy as np
import torch


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * k : 8 + 4 * k], "big") for k in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main():
    folder = sys.argv[1]
    images = int(sys.argv[2])
    if sys.argv[sys.argv.index("--threads") + 1] == "1":
        torch.set_num_threads(1)
    x = idx(f"{folder}/train-images-idx3-ubyte.gz").reshape(-1, 784)
    y = idx(f"{folder}/train-labels-idx1-ubyte.gz")
    reps = -(-images // len(x))
    x = torch.tensor(np.tile(x, (reps, 1))[:images], dtype=torch.float32) / 255
    y = torch.tensor(np.tile(y, reps)[:images], dtype=torch.long)
    print(json.dumps({"ready": True, "torch": torch.__version__, "threads": {"torch.get_num_threads": torch.get_num_threads()}}),
          flush=True)
    for line in sys.stdin:
        torch.manual_seed(int(line))
        model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = torch.nn.CrossEntropyLoss()
        start = time.perf_counter()
        order = torch.randperm(images)
        total = 0.0
        for k in range(0, images, 64):
            batch = order[k : k + 64]
            opt.zero_grad()
            loss = loss_fn(model(x[batch]), y[batch])
            loss.backward()
            opt.step()
            total += loss.item() * len(batch)
        seconds = time.perf_counter() - start
        print(json.dumps({"seconds": seconds, "loss": total / images, "images": images}), flush=True)


main()
