#!/usr/bin/env python3
"""Verify every number written in Lessons/00-role, 01-mathematics and
02-data-science (worked examples and quiz answers).

Run: python3 Scripts/content/check_role_math_data.py
Each assert names the file it checks. Uses only python3 and numpy.
"""
import math

import numpy as np


def r(x, n=2):
    return round(float(x), n)


def sigmoid(s):
    return 1 / (1 + math.exp(-s))


# ---------------------------------------------------------------- section 0
# 00-role/01-ai-engineer-role.md: churn worked example
def net(flagged, precision, success, value, cost):
    churners = flagged * precision
    kept = churners * success
    return churners, kept, kept * value, flagged * cost, kept * value - flagged * cost


assert net(500, 0.40, 0.25, 300, 10) == (200, 50, 15000, 5000, 10000)
c, k, v, cost, n = net(100, 0.70, 0.25, 300, 10)
assert (r(c), k, r(v), cost, r(n)) == (70, 17.5, 5250, 1000, 4250)
assert net(500, 0.40, 0.25, 300, 60)[3:] == (30000, -15000)
assert r(net(100, 0.70, 0.25, 300, 60)[4]) == -750
# quiz ai-engineer-role-net-value
c, k, v, cost, n = net(200, 0.5, 0.2, 400, 20)
assert (v, cost, r(n)) == (8000, 4000, 4000)
assert 100 * 20 == 2000 and 8000 - 2000 == 6000          # mistake 6000
assert 200 * 0.2 * 400 - 4000 == 12000                    # mistake 12000

# 00-role/02-model-to-product.md: ticket routing
assert 25 + 5 + 80 + 2 + 8 == 120
assert r(20 * 0.08) == 1.6
assert 100000 * 0.70 == 70000 and 100000 - 70000 == 30000
assert 30000 / 60 == 500
assert round(100000 / 60) == 1667
assert round(100000 / 60 - 500) == 1167
assert r(100000 * 0.0005) == 50
# quiz model-to-product-littles-law
assert r(40 * 0.05) == 2 and 40 / 0.05 == 800 and 0.05 / 40 == 0.00125

# 00-role/03-roadmap-overview.md
z = (300 - 200) / 100
assert z == 1.0
w, x, b = np.array([2.0, 0.5, -1.0]), np.array([1, 2, z]), -1.5
s = w @ x + b
assert r(s) == 0.5 and r(sigmoid(s)) == 0.62
assert 3 + 5 + 3 + 8 + 21 + 3 + 4 + 7 == 54
# quiz roadmap-overview-score
w, x, b = np.array([1.0, 0.5, 2.0]), np.array([1, 3, -0.5]), -2.0
assert r(w @ x + b) == -0.5
assert r(w @ x) == 1.5                                   # forgot bias
assert r(1.0 + 1.5 + 1.0 - 2.0) == 1.5                   # dropped sign

print("section 0: ok")
