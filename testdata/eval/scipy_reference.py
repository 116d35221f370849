#!/usr/bin/python3
"""Reference values for eval's McNemar and quantile tests (eval/compare_test.go,
eval/mathx_test.go). Run with Debian's SciPy and NumPy:
    /usr/bin/python3 testdata/eval/scipy_reference.py
"""
import numpy as np
import scipy
from scipy.stats import binomtest, chi2

print("scipy", scipy.__version__, "numpy", np.__version__)
for b, c in [(0, 1), (2, 8), (1, 12), (5, 5), (0, 24), (10, 25), (40, 20), (13, 12), (100, 150)]:
    n = b + c
    if n < 25:
        print(b, c, "exact p", "%.15g" % binomtest(min(b, c), n, 0.5).pvalue)
    else:
        stat = max(0, abs(b - c) - 1) ** 2 / n
        print(b, c, "chi2 stat", "%.15g" % stat, "p", "%.15g" % chi2.sf(stat, 1))
xs = [0.3, 0.1, 0.7, 0.5, 0.9, 0.2, 0.4]
for q in (0, 2.5, 25, 50, 97.5, 100):
    print("percentile", q, "%.15g" % np.percentile(xs, q))
