#!/usr/bin/python3
"""Reference values for eval's metric tests (eval/metrics_test.go).

Run with Debian's scikit-learn (apt-get install python3-sklearn):
    /usr/bin/python3 testdata/eval/sklearn_reference.py
The Go tests hold the printed numbers; they never call Python.
Labels are indices into ["appeal", "fact", "opinion", "quote"].
"""
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (cohen_kappa_score, confusion_matrix, f1_score,
                             fbeta_score, matthews_corrcoef,
                             precision_recall_fscore_support)

warnings.simplefilter("ignore")
LABELS = [0, 1, 2, 3]
CASES = {
    "mixed": (
        [1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 0, 0, 1, 2, 3, 1, 1],
        [1, 1, 2, 1, 3, 1, 2, 1, 2, 3, 3, 1, 3, 2, 0, 1, 2, 3, 1, 2],
    ),
    # appeal (0) is never predicted; quote (3) never occurs in gold.
    "never predicted, absent from gold": (
        [0, 0, 1, 1, 1, 2, 2, 1, 2, 1],
        [1, 2, 1, 1, 3, 2, 2, 1, 3, 2],
    ),
    # gold uses one label only.
    "one gold class": (
        [1, 1, 1, 1, 1, 1],
        [1, 1, 2, 1, 0, 1],
    ),
}


def r(x):
    return float("%.15g" % x)


print("scikit-learn", sklearn.__version__, "numpy", np.__version__)
for name, (y, p) in CASES.items():
    print("==", name)
    print("confusion", confusion_matrix(y, p, labels=LABELS).tolist())
    P, R, F, S = precision_recall_fscore_support(y, p, labels=LABELS, zero_division=0)
    print("precision", [r(v) for v in P])
    print("recall   ", [r(v) for v in R])
    print("f1       ", [r(v) for v in F])
    print("support  ", S.tolist())
    for beta in (0.5, 2):
        print("fbeta", beta, [r(v) for v in fbeta_score(y, p, beta=beta, labels=LABELS, average=None, zero_division=0)])
    for avg in ("micro", "macro", "weighted"):
        P, R, F, _ = precision_recall_fscore_support(y, p, labels=LABELS, average=avg, zero_division=0)
        fb = fbeta_score(y, p, beta=0.5, labels=LABELS, average=avg, zero_division=0)
        print(avg, "P R F F0.5", r(P), r(R), r(F), r(fb))
    print("accuracy", r(np.mean(np.array(y) == np.array(p))))
    print("kappa", r(cohen_kappa_score(y, p, labels=LABELS)))
    print("mcc", r(matthews_corrcoef(y, p)))
