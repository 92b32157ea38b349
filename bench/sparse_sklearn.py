"""Peer for bench/sparse.ts: scikit-learn's SGDClassifier on an svmlight file.

usage: sparse_sklearn.py <file.svm> <w0.f64> <n_features> <epochs> <eta0> --threads 1|default

log loss, constant learning rate eta0, no penalty, shuffled every epoch, max_iter = epochs with tol=None
(no early stopping), coef_init = w0 (raw little-endian float64), intercept 0. Loads the file once (not
timed, nor is ours), prints {"ready": true, "version", "threads"}, then for each line read (a seed) fits
once and prints one JSON line: {"seconds": wall time of the fit, "loss": mean BCE on the data, "accuracy"}.
With --threads 1 the caller has set OPENBLAS_NUM_THREADS=1, OMP_NUM_THREADS=1 and MKL_NUM_THREADS=1
(SGDClassifier's loop is single-threaded Cython; the variables keep BLAS threads from spinning beside it);
"threads" reports the thread pools as threadpoolctl sees them.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.datasets import load_svmlight_file
from sklearn.linear_model import SGDClassifier

path, w0_path, n_features, epochs, eta0 = sys.argv[1:6]
X, y = load_svmlight_file(path, n_features=int(n_features))
X = X.tocsr()
w0 = np.fromfile(w0_path, dtype="<f8")
try:
    from threadpoolctl import threadpool_info

    pools = [{"api": p.get("user_api"), "library": p.get("internal_api"), "num_threads": p.get("num_threads")}
             for p in threadpool_info()]
except ImportError:
    pools = "threadpoolctl not installed"
print(json.dumps({"ready": True, "version": sklearn.__version__, "threads": pools}), flush=True)
for line in sys.stdin:
    seed = int(line)
    clf = SGDClassifier(
        loss="log_loss",
        penalty=None,
        alpha=0.0,
        learning_rate="constant",
        eta0=float(eta0),
        max_iter=int(epochs),
        tol=None,
        shuffle=True,
        random_state=seed,
        average=False,
    )
    t = time.perf_counter()
    # sklearn updates coef_init in place: pass a fresh copy every fit.
    clf.fit(X, y, coef_init=w0.reshape(1, -1).copy(), intercept_init=np.zeros(1))
    seconds = time.perf_counter() - t
    z = clf.decision_function(X)
    t01 = (y > 0).astype(float)
    loss = float(np.mean(np.maximum(z, 0) - z * t01 + np.log1p(np.exp(-np.abs(z)))))
    accuracy = float(np.mean((z > 0) == (t01 == 1)))
    print(json.dumps({"seconds": seconds, "loss": loss, "accuracy": accuracy}), flush=True)
