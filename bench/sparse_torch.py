"""Peer for bench/sparse.ts: the lecture's dense per-sample method in torch.

usage: sparse_torch.py <file.svm> <w0.f64> <n_features> <order.i32> <steps> --threads 1|default

Trains nn.Linear(n_features, 1) with BCEWithLogitsLoss, batch size 1, on the first `steps` rows of
`order` (raw little-endian int32 row numbers: ours uses the same rows in the same order), each sample a
dense n_features-wide float32 tensor as in the lecture, with torch.optim.SGD(lr) or
torch.optim.Adagrad(lr, eps). With --threads 1, torch.set_num_threads(1) (ours is single-threaded) and the
caller's OMP/MKL/OPENBLAS variables. Loads the data once, prints {"ready": true, "version", "threads"},
then for each line read ("<optimizer> <lr> <eps>") trains from w0 and prints one JSON line: {"seconds":
time of the steps, "per_step": seconds per step, "loss", "accuracy" on the full data after the steps}.
Rows are densified 200 at a time, outside the timing.
"""
import json
import sys
import time

import numpy as np
import torch
from sklearn.datasets import load_svmlight_file

path, w0_path, n_features, order_path, steps = sys.argv[1:6]
if sys.argv[sys.argv.index("--threads") + 1] == "1":
    torch.set_num_threads(1)
X, y = load_svmlight_file(path, n_features=int(n_features))
X = X.tocsr()
y01 = (y > 0).astype(np.float32)
order = np.fromfile(order_path, dtype="<i4")[: int(steps)]
targets = torch.from_numpy(y01[order])
w0 = torch.from_numpy(np.fromfile(w0_path, dtype="<f8").astype(np.float32)).view(1, -1)
CHUNK = 200  # rows densified at a time, outside the timing
chunks = [torch.from_numpy(X[order[c0 : c0 + CHUNK]].toarray().astype(np.float32)) for c0 in range(0, len(order), CHUNK)]
print(json.dumps({"ready": True, "version": torch.__version__, "threads": {"torch.get_num_threads": torch.get_num_threads()}}),
      flush=True)

for line in sys.stdin:
    optimizer, lr, eps = line.split()
    model = torch.nn.Linear(int(n_features), 1)
    with torch.no_grad():
        model.weight.copy_(w0)
        model.bias.zero_()
    if optimizer == "SGD":
        opt = torch.optim.SGD(model.parameters(), lr=float(lr))
    else:
        opt = torch.optim.Adagrad(model.parameters(), lr=float(lr), eps=float(eps))
    criterion = torch.nn.BCEWithLogitsLoss()
    seconds = 0.0
    for c, dense in enumerate(chunks):
        c0 = c * CHUNK
        t = time.perf_counter()
        for k in range(dense.shape[0]):
            opt.zero_grad()
            out = model(dense[k : k + 1]).view(1)
            loss = criterion(out, targets[c0 + k : c0 + k + 1])
            loss.backward()
            opt.step()
        seconds += time.perf_counter() - t
    with torch.no_grad():
        w = model.weight.detach().double().numpy().ravel()
        b = float(model.bias.item())
    z = X @ w + b
    full_loss = float(np.mean(np.maximum(z, 0) - z * y01 + np.log1p(np.exp(-np.abs(z)))))
    accuracy = float(np.mean((z > 0) == (y01 == 1)))
    print(json.dumps({"seconds": seconds, "per_step": seconds / len(order), "loss": full_loss, "accuracy": accuracy}),
          flush=True)
