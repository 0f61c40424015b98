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

# ---------------------------------------------------------------- section 1
# 01-mathematics/01-high-school-math.md
assert (20 - 5) / 3 == 5
assert 170 + 1.5 * 10 == 185
m = (7 - 3) / (3 - 1)
assert m == 2 and 3 - m * 1 == 1 and 2 * 3 + 1 == 7
assert math.log2(8) == 3 and r(math.log(0.5), 3) == -0.693
assert r(math.e, 3) == 2.718
p, q = np.array([1, 2]), np.array([4, 6])
assert np.linalg.norm(q - p) == 5 and np.abs(q - p).sum() == 7
assert r(math.cos(math.radians(60))) == 0.5 and r(math.cos(60)) == -0.95
assert r(math.degrees(60)) == 3437.75            # quiz radians: about 3,438 deg
# quiz
assert np.linalg.norm(np.array([7, 9]) - [1, 1]) == 10          # distance
assert (7 - 1) / (4 - 2) == 3 and r((4 - 2) / (7 - 1)) == 0.33  # slope
assert 1 - 3 * 2 == -5                                          # y = 3x - 5
assert math.log2(32) == 5
assert 50 + (-1.5) * 8 == 38 and 50 + 12 == 62 and 50 - 1.5 == 48.5

# 01-mathematics/02-linear-algebra.md
a, b = np.array([1, 2, 3]), np.array([4, -1, 2])
assert a @ b == 8
assert r(np.linalg.norm(a)) == 3.74 and r(np.linalg.norm(b)) == 4.58
assert r(a @ b / (r(np.linalg.norm(a)) * r(np.linalg.norm(b)))) == 0.47
assert r(a @ b / (np.linalg.norm(a) * np.linalg.norm(b))) == 0.47
A, B = np.array([[1, 2], [3, 4]]), np.array([[5, 6], [7, 8]])
assert (A @ B).tolist() == [[19, 22], [43, 50]]
assert (B @ A).tolist() == [[23, 34], [31, 46]]
assert (A @ [1, 1]).tolist() == [3, 7]
assert (np.array([[0, -1], [1, 0]]) @ [1, 0]).tolist() == [0, 1]
M = np.array([[2, 1], [1, 1]])
assert r(np.linalg.det(M)) == 1
assert np.allclose(np.linalg.inv(M), [[1, -1], [-1, 2]])
assert r(np.linalg.det([[1, 2], [2, 4]])) == 0
S = np.array([[2, 1], [1, 2]])
assert (S @ [1, 1]).tolist() == [3, 3] and (S @ [1, -1]).tolist() == [1, -1]
assert 128 * 784 + 128 == 100480
# quiz
assert np.array([2, -1, 3]) @ np.array([1, 4, 2]) == 4
assert 2 * 1 + 1 * 4 + 3 * 2 == 12                              # sign lost
assert np.linalg.norm([3, 4, 12]) == 13 and 3 + 4 + 12 == 19
A2, B2 = np.array([[2, 0], [1, 3]]), np.array([[1, 4], [2, 5]])
assert (A2 @ B2)[1, 1] == 19 and (B2 @ A2)[1, 1] == 15 and 3 * 5 == 15
assert (np.zeros((32, 784)) @ np.zeros((784, 128))).shape == (32, 128)
assert 512 * 10 + 10 == 5130 and 512 * 10 + 512 == 5632
D = np.array([[3, 0], [0, 1]])
for v, lam in (([1, 0], 3), ([0, 1], 1), ([2, 0], 3)):
    assert np.allclose(D @ v, lam * np.array(v))
assert (D @ [1, 1]).tolist() == [3, 1]

# 01-mathematics/03-calculus.md
f = lambda x: x ** 2
assert r((f(3.1) - 9) / 0.1) == 6.1 and r((f(3.01) - 9) / 0.01) == 6.01
assert r(f(3.1), 4) == 9.61 and r(f(3.01), 4) == 9.0601
g = lambda x: (x ** 2 + 1) ** 3
assert 6 * 1 * (1 + 1) ** 2 == 24
assert r((g(1 + 1e-6) - g(1 - 1e-6)) / 2e-6, 3) == 24
fxy = lambda x, y: x ** 2 * y + 3 * y
h = 1e-6
assert r((fxy(1 + h, 2) - fxy(1 - h, 2)) / (2 * h), 4) == 4
assert r((fxy(1, 2 + h) - fxy(1, 2 - h)) / (2 * h), 4) == 4


def gd_step(w, x, y, lr):
    grad = 2 * (w * x - y) * x
    return grad, w - lr * grad


grad, w1 = gd_step(1, 2, 5, 0.05)
assert (1 * 2 - 5) ** 2 == 9 and grad == -12 and r(w1) == 1.6
assert r((w1 * 2 - 5) ** 2) == 3.24
w = 1.0
for _ in range(200):
    w = gd_step(w, 2, 5, 0.05)[1]
assert r(w, 6) == 2.5                                           # -> 2.5
# demo caption: x <- (1 - 2 lr) x for f = x^2
assert abs(1 - 2 * 0.1) < 1 and -1 < 1 - 2 * 0.9 < 0 and 1 - 2 * 1.1 < -1
# quiz
assert 6 * 2 - 4 == 8 and 3 * 4 - 8 + 1 == 5 and 6 * 2 == 12
fq = lambda x, y: x * y ** 2 + 2 * x
assert r((fq(3, 2 + h) - fq(3, 2 - h)) / (2 * h), 4) == 12
assert r((fq(3 + h, 2) - fq(3 - h, 2)) / (2 * h), 4) == 6
grad, w1 = gd_step(0, 1, 3, 0.1)
assert grad == -6 and r(w1) == 0.6 and r((w1 - 3) ** 2) == 5.76
assert r(0 - 0.1 * (-3)) == 0.3
x, xs = 1.0, []
for _ in range(4):
    xs.append(r(x, 3))
    x = x - 1.1 * 2 * x
assert xs == [1, -1.2, 1.44, -1.728]

# 01-mathematics/04-game-theory.md
# prisoner's dilemma: confess dominant for A
pd = {("s", "s"): (-1, -1), ("s", "c"): (-3, 0), ("c", "s"): (0, -3),
      ("c", "c"): (-2, -2)}
for bmove in "sc":
    assert pd[("c", bmove)][0] > pd[("s", bmove)][0]


def pure_values(mat):
    mat = np.array(mat)
    return mat.min(axis=1).max(), mat.max(axis=0).min()


assert pure_values([[4, 2], [5, 1]]) == (2, 2)
assert pure_values([[3, -1], [-2, 1]]) == (-1, 1)
P = 3 / 7
assert r(5 * P - 2, 6) == r(1 - 2 * P, 6) and r(P) == 0.43
assert r(5 * P - 2) == 0.14 and r(5 * P - 2, 6) == r(1 / 7, 6)
Q = 2 / 7
assert r(4 * Q - 1, 6) == r(1 - 3 * Q, 6) == r(1 / 7, 6)
assert max(min(3, 5), min(2, 9)) == 3
assert r(2 * math.log(0.5), 3) == -1.386 and r(-math.log(4), 3) == -1.386
# quiz
assert pure_values([[6, 2, 4], [3, 1, 0], [7, 3, 5]]) == (3, 3)
firms = {("n", "n"): (5, 5), ("a", "n"): (8, 2), ("n", "a"): (2, 8),
         ("a", "a"): (4, 4)}
for other in "na":
    assert firms[("a", other)][0] > firms[("n", other)][0]
    assert firms[(other, "a")][1] > firms[(other, "n")][1]
P = 0.4
assert r(2 * P - (1 - P)) == r(-P + (1 - P)) == 0.2
assert max(min(4, 7), min(6, 1), min(5, 8)) == 5
assert r(math.log(0.8) + math.log(0.7)) == -0.58
assert r(math.log(0.8) + math.log(0.3)) == -1.43
assert r(math.log(0.8)) == -0.22 and r(math.log(0.7)) == -0.36

# 01-mathematics/05-statistics.md
d = np.array([2, 4, 4, 4, 5, 5, 7, 9])
assert d.mean() == 5 and np.median(d) == 4.5
assert ((d - 5) ** 2).sum() == 32 and d.var() == 4 and d.std() == 2
assert r(d.var(ddof=1)) == 4.57 and r(d.std(ddof=1)) == 2.14
assert (9 - 5) / 2 == 2
assert 400 * 0.9 == 360
se = math.sqrt(0.9 * 0.1 / 400)
assert r(se, 3) == 0.015 and r(1.96 * se, 3) == 0.029
assert r(0.9 - 1.96 * se, 3) == 0.871 and r(0.9 + 1.96 * se, 3) == 0.929
x, y = np.array([1, 2, 3, 4, 5]), np.array([2, 4, 5, 4, 5])
assert x.mean() == 3 and y.mean() == 4
assert ((x - 3) * (y - 4)).sum() == 6
assert ((x - 3) ** 2).sum() == 10 and ((y - 4) ** 2).sum() == 6
assert r(np.corrcoef(x, y)[0, 1]) == 0.77
xs = np.array([-2, -1, 0, 1, 2])
assert r(np.corrcoef(xs, xs ** 2)[0, 1]) == 0
# quiz
v = np.array([3, 5, 7, 9, 11])
assert v.var() == 8 and r(v.std()) == 2.83 and r(v.std(ddof=1)) == 3.16
assert (87 - 60) / 12 == 2.25 and r(87 / 12) == 7.25
sal = np.array([40, 42, 45, 48, 50, 52, 55, 58, 60, 2000]) * 1000
assert r(sal.mean() - sal[:9].mean(), -4) == 200000
assert np.median(sal) == 51000
se = math.sqrt(0.8 * 0.2 / 100)
assert r(se, 3) == 0.04 and r(se ** 2, 4) == 0.0016
assert r(math.sqrt(0.16), 2) == 0.4
assert r(0.8 - 1.96 * se) == 0.72 and r(0.8 + 1.96 * se) == 0.88
assert math.isclose(math.sqrt(0.16 / 400), se / 2)
xm = np.array([1.0, 2, 3, 5, 8]); ym = np.array([2.0, 1, 4, 3, 7])
assert r(np.corrcoef(xm, ym)[0, 1], 9) == r(np.corrcoef(100 * xm, ym)[0, 1], 9)

within = lambda k: math.erf(k / math.sqrt(2))
assert r(within(1)) == 0.68 and r(within(2)) == 0.95 and r(within(3), 3) == 0.997
assert r(within(1.96), 3) == 0.95

print("section 1: ok")

# ---------------------------------------------------------------- section 2
# 02-data-science/01-data-preparation.md
spend = np.array([20, 25, 30, 32, 35, 38, 40, 45, 400])
q1, q3 = np.percentile(spend, [25, 75])       # numpy default = 3rd/7th
assert (q1, q3) == (spend[2], spend[6]) == (30, 40)
iqr = q3 - q1
assert iqr == 10 and q1 - 1.5 * iqr == 15 and q3 + 1.5 * iqr == 55
assert spend.sum() == 665 and r(spend.mean(), 1) == 73.9
assert spend[:-1].sum() == 265 and r(spend[:-1].mean(), 1) == 33.1
assert np.median(spend) == 35
assert list(spend[spend > 55]) == [400]
ages = np.array([23, 27, 29, 31, 33, 35, 38, 41])
assert len(ages) + 1 == len(spend) and np.median(ages) == 32
assert np.median(np.r_[ages, 62, 70]) == 34
# quiz
v = np.array([10, 12, 14, 15, 16, 18, 20, 22, 60])
q1, q3 = np.percentile(v, [25, 75])
assert (q1, q3) == (v[2], v[6]) == (14, 20)
assert q3 + 1.5 * (q3 - q1) == 29 and q3 + (q3 - q1) == 26
assert q1 - 1.5 * (q3 - q1) == 5 and v.min() > 5
t = np.array([3, 5, 6, 9, 100])
assert np.median(t) == 6 and r(t.mean(), 1) == 24.6

# 02-data-science/02-data-normalization.md
h = np.array([150, 160, 170, 180, 190])
assert ((h - 150) / 40).tolist() == [0, 0.25, 0.5, 0.75, 1]
assert h.mean() == 170 and ((h - 170) ** 2).sum() == 1000
assert r(h.std()) == 14.14 and r(math.sqrt(200), 2) == 14.14
assert [r(z) for z in (h - 170) / h.std()] == [-1.41, -0.71, 0, 0.71, 1.41]
assert (200 - 150) / 40 == 1.25 and r((200 - 170) / h.std()) == 2.12
assert r(math.hypot(30, 1000), 1) == 1000.4
assert r(math.hypot(1, 8000), 1) == 8000.0
assert r(math.hypot(30 / 10, 1000 / 10000)) == 3.00
assert r(math.hypot(1 / 10, 8000 / 10000)) == 0.81
inc = np.array([30, 35, 40, 45, 1000])
assert [r(x, 3) for x in (inc - 30) / 970] == [0, 0.005, 0.010, 0.015, 1]
# quiz
assert (80 - 20) / 50 == 1.2 and r(80 / 50, 3) == 1.6
assert (38 - 50) / 5 == -2.4 and 38 - 50 == -12 and r(38 / 5, 3) == 7.6
assert r(math.hypot(10 / 5, 2000 / 4000)) == 2.06
assert r(math.hypot(10, 2000)) == 2000.02 and 2 + 0.5 == 2.5
assert 2 ** 2 + 0.5 ** 2 == 4.25
# lesson: linear scaling changes units, not the order of values
xs = np.array([3.0, 1, 7, 2, 9])
assert (np.argsort((xs - xs.min()) / np.ptp(xs)) == np.argsort(xs)).all()

# 02-data-science/03-exploratory-data-analysis.md
t = np.array([18, 22, 25, 25, 27, 29, 30, 31, 34, 38, 55, 86])
assert len(t) == 12 and t.sum() == 420 and t.mean() == 35
assert np.median(t) == 29.5 and r(t.std(ddof=1), 1) == 18.6
assert tuple(np.percentile(t, [25, 75])) == (25, 35)
assert (t.min(), t.max()) == (18, 86)
counts, _ = np.histogram(t, bins=range(10, 100, 10))
assert counts.tolist() == [1, 5, 4, 0, 1, 0, 0, 1]
assert (t <= 40).sum() == 10 and r((t <= 40).mean()) == 0.83
x, y = np.array([1, 2, 3, 4, 5]), np.array([3, 5, 4, 7, 6])
assert y.mean() == 5 and ((x - 3) * (y - 5)).sum() == 8
assert ((y - 5) ** 2).sum() == 10 and r(np.corrcoef(x, y)[0, 1]) == 0.8
# Anscombe's quartet: r about 0.82 in all four sets
ax = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
anscombe = [
    (ax, [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82,
          5.68]),
    (ax, [9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26,
          4.74]),
    (ax, [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42,
          5.73]),
    ([8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
     [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89]),
]
for ax_, ay in anscombe:
    assert r(np.corrcoef(ax_, ay)[0, 1]) == 0.82
# quiz
s_ = np.array([3, 4, 4, 5, 6, 7, 30, 41])
assert np.median(s_) == 5.5 and s_.mean() == 12.5
assert 35 - 29.5 == 5.5
x, y = np.array([1, 2, 3, 4, 5]), np.array([6, 4, 5, 2, 3])
assert y.mean() == 4 and ((x - 3) * (y - 4)).sum() == -8
assert ((y - 4) ** 2).sum() == 10 and r(np.corrcoef(x, y)[0, 1]) == -0.8

print("section 2: ok")
