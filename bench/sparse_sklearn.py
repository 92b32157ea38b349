"""Peer for bench/sparse.ts: scikit-learn's SGDClassifier on an svmlight file.

usage: sparse_sklearn.py <file.svm> <w0.f64> <n_features> <epochs> <eta0> <repeats> [<seed>]

log loss, constant learning rate eta0, no penalty, shuffled every epoch, max_iter = epochs with tol=None
(no early stopping), coef_init = w0 (raw little-endian float64), intercept 0. Prints one JSON line:
{"seconds": min over repeats, "times": [...], "cpu_seconds": min CPU time, "loss": mean BCE on the data, "accuracy": ..., "version": ...}.
Loading the file is not timed (nor is ours).
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.datasets import load_svmlight_file
from sklearn.linear_model import SGDClassifier

path, w0_path, n_features, epochs, eta0, repeats = sys.argv[1:7]
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 0
X, y = load_svmlight_file(path, n_features=int(n_features))
X = X.tocsr()
w0 = np.fromfile(w0_path, dtype="<f8")
times = []
cpu_times = []
clf = None
for rep in range(int(repeats)):
    clf = SGDClassifier(
        loss="log_loss",
        penalty=None,
        alpha=0.0,
        learning_rate="constant",
        eta0=float(eta0),
        max_iter=int(epochs),
        tol=None,
        shuffle=True,
        random_state=seed + rep,
        average=False,
    )
    t = time.perf_counter()
    c = time.process_time()
    # sklearn updates coef_init in place: pass a fresh copy every repeat.
    clf.fit(X, y, coef_init=w0.reshape(1, -1).copy(), intercept_init=np.zeros(1))
    times.append(time.perf_counter() - t)
    cpu_times.append(time.process_time() - c)
z = clf.decision_function(X)
t01 = (y > 0).astype(float)
loss = float(np.mean(np.maximum(z, 0) - z * t01 + np.log1p(np.exp(-np.abs(z)))))
accuracy = float(np.mean((z > 0) == (t01 == 1)))
print(json.dumps({"seconds": min(times), "times": times, "cpu_seconds": min(cpu_times), "loss": loss, "accuracy": accuracy,
                  "version": sklearn.__version__}))
