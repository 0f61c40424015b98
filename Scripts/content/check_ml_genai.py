#!/usr/bin/env python3
"""Verify every number in sections 3 (traditional-ml) and 5 (generative-ai).

Run: python3 Scripts/content/check_ml_genai.py
Each assert matches a value written in a lesson or a quiz answer.
"""
import math
import numpy as np
from sklearn.model_selection import KFold, LeaveOneOut
from sklearn.metrics import (mean_absolute_error, mean_squared_error,
                             r2_score, confusion_matrix, precision_score,
                             recall_score, f1_score, accuracy_score)


def r(x, n):
    return round(float(x), n)


# ---------------------------------------------------------------- 03-01
# choosing-a-model: majority-class baseline
# 1,000 transactions, 20 fraudulent: "never fraud" is 98% accurate.
assert (1000 - 20) / 1000 == 0.98
# parameter counts for 20 features
assert 20 + 1 == 21
assert 21 * 64 == 1344 and 65 * 64 == 4160
assert 21 * 64 + 65 * 64 + 65 * 1 == 5569

# ---------------------------------------------------------------- 03-02
# classification: k-nearest neighbours
pts = {"A": ((1, 1), "red"), "B": ((2, 1), "red"),
       "C": ((4, 3), "blue"), "D": ((5, 4), "blue"),
       "E": ((3.5, 2), "blue")}
q = np.array([2, 2])
dist = {k: float(np.linalg.norm(np.array(p) - q))
        for k, (p, _) in pts.items()}
assert r(dist["A"], 2) == 1.41 and dist["B"] == 1.0
assert r(dist["C"], 2) == 2.24 and r(dist["D"], 2) == 3.61
assert dist["E"] == 1.5
order = sorted(dist, key=dist.get)
assert order == ["B", "A", "E", "C", "D"]


def vote(k):
    labels = [pts[n][1] for n in order[:k]]
    return max(set(labels), key=labels.count), labels


assert vote(1)[0] == "red"
assert vote(3)[0] == "red" and vote(3)[1].count("red") == 2
assert vote(5)[0] == "blue" and vote(5)[1].count("blue") == 3


# logistic regression: p = σ(1.2·x − 3)
def sig(z):
    return 1 / (1 + math.exp(-z))


assert r(1.2 * 2 - 3, 2) == -0.6 and r(sig(-0.6), 2) == 0.35
assert r(1.2 * 4 - 3, 2) == 1.8 and r(sig(1.8), 2) == 0.86
assert 3 / 1.2 == 2.5  # boundary where z = 0
assert sig(0) == 0.5
# quiz: w = 2, b = -4, x = 3 -> z = 2, p = 0.88
assert r(sig(2 * 3 - 4), 2) == 0.88


# decision tree: Gini impurity
def gini(*counts):
    n = sum(counts)
    return 1 - sum((c / n) ** 2 for c in counts)


assert r(gini(4, 6), 2) == 0.48
assert gini(5, 0) == 0 and gini(5, 5) == 0.5
# split 10 = left (4 yes, 1 no) + right (0 yes, 5 no)
gl, gr = gini(4, 1), gini(0, 5)
assert r(gl, 2) == 0.32 and gr == 0
assert r(0.5 * gl + 0.5 * gr, 2) == 0.16
# quiz: node with 3 of one class and 1 of another
assert r(gini(3, 1), 3) == 0.375

# ---------------------------------------------------------------- 03-03
# regression: least squares on 4 points
x = np.array([1, 2, 3, 4.0])
y = np.array([2, 3, 5, 6.0])
assert x.mean() == 2.5 and y.mean() == 4
sxy = ((x - x.mean()) * (y - y.mean())).sum()
sxx = ((x - x.mean()) ** 2).sum()
assert sxy == 7 and sxx == 5
w = sxy / sxx
b = y.mean() - w * x.mean()
assert r(w, 6) == 1.4 and r(b, 6) == 0.5
pred = w * x + b
assert [r(p, 6) for p in pred] == [1.9, 3.3, 4.7, 6.1]
res = y - pred
assert [r(e, 6) for e in res] == [0.1, -0.3, 0.3, -0.1]
assert r((res ** 2).sum(), 6) == 0.2 and r((res ** 2).mean(), 6) == 0.05
assert np.allclose(np.polyfit(x, y, 1), [1.4, 0.5])
assert r(1.4 * 5 + 0.5, 6) == 7.5  # prediction at x = 5
# gradient descent: one step from w = b = 0, lr = 0.05
w0, b0, lr = 0.0, 0.0, 0.05
e0 = w0 * x + b0 - y
assert r((e0 ** 2).mean(), 6) == 18.5
gw = 2 / len(x) * (e0 * x).sum()
gb = 2 / len(x) * e0.sum()
assert r(gw, 6) == -23.5 and r(gb, 6) == -8
w1, b1 = w0 - lr * gw, b0 - lr * gb
assert r(w1, 6) == 1.175 and r(b1, 6) == 0.4
e1 = w1 * x + b1 - y
assert r((e1 ** 2).mean(), 2) == 0.55
# many steps converge to least squares
wg, bg = 0.0, 0.0
for _ in range(5000):
    e = wg * x + bg - y
    wg -= lr * 2 / 4 * (e * x).sum()
    bg -= lr * 2 / 4 * e.sum()
assert r(wg, 4) == 1.4 and r(bg, 4) == 0.5
# quiz: slope from 3 points (0,1), (1,3), (2,5) -> y = 2x + 1
assert np.allclose(np.polyfit([0, 1, 2], [1, 3, 5], 1), [2, 1])
# quiz: gradient of MSE wrt b at w=b=0 for y=[2,4]: (2/2)(-2-4) = -6
assert 2 / 2 * ((0 - 2) + (0 - 4)) == -6

# ---------------------------------------------------------------- 03-04
# k-means on 1-D points, k = 2, start at 1 and 4
P = np.array([1, 2, 4, 7, 8, 10.0])
c = np.array([1, 4.0])
hist = []
for _ in range(10):
    lab = np.argmin(np.abs(P[:, None] - c[None, :]), axis=1)
    newc = np.array([P[lab == j].mean() for j in range(2)])
    hist.append((lab.tolist(), newc.tolist()))
    if np.allclose(newc, c):
        break
    c = newc
assert hist[0][0] == [0, 0, 1, 1, 1, 1]
assert hist[0][1] == [1.5, 7.25]
assert hist[1][0] == [0, 0, 0, 1, 1, 1]
assert [r(v, 2) for v in hist[1][1]] == [2.33, 8.33]
assert hist[2][0] == hist[1][0]  # converged
assert r(abs(4 - 1.5), 2) == 2.5 and r(abs(4 - 7.25), 2) == 3.25
inertia = sum((P[lab == j] - c[j]) ** 2).sum() if False else \
    sum(((P[lab == j] - c[j]) ** 2).sum() for j in range(2))
assert r(inertia, 2) == 9.33
# quiz: centroid of (1,2), (3,4), (5,0)
assert np.allclose(np.mean([[1, 2], [3, 4], [5, 0]], axis=0), [3, 2])

# ---------------------------------------------------------------- 03-05
# Q-learning update
alpha, gamma = 0.5, 0.9
assert 2 + alpha * (-1 + gamma * 10 - 2) == 5.0
assert -1 + gamma * 10 == 8.0
# corridor S0 -> S1 -> Goal, reward -1 per step, +10 on reaching goal
Q = {"S0": 0.0, "S1": 0.0}
Q["S0"] += alpha * (-1 + gamma * Q["S1"] - Q["S0"])
assert Q["S0"] == -0.5
Q["S1"] += alpha * (10 + gamma * 0 - Q["S1"])
assert Q["S1"] == 5.0
Q["S0"] += alpha * (-1 + gamma * Q["S1"] - Q["S0"])
assert r(Q["S0"], 6) == 1.5
Q["S1"] += alpha * (10 - Q["S1"])
assert Q["S1"] == 7.5
# fixed point: Q(S1) = 10, Q(S0) = -1 + 0.9*10 = 8
assert -1 + 0.9 * 10 == 8
# quiz: Q=4, r=2, max next=6, alpha=0.1, gamma=0.5 -> 4 + 0.1*(2+3-4)
assert r(4 + 0.1 * (2 + 0.5 * 6 - 4), 6) == 4.1
# discounted return: 1 + 0.9*1 + 0.81*1
assert r(1 + 0.9 + 0.81, 2) == 2.71

# ---------------------------------------------------------------- 03-06
# train / validation / test: 70 / 15 / 15 of 1,000 and of 2,000
assert (int(1000 * 0.7), int(1000 * 0.15)) == (700, 150)
assert 2000 * 0.8 == 1600 and 2000 * 0.1 == 200
assert 700 + 150 == 850
# k-NN table: synthetic 1,000-row data set split 700 / 150 / 150
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
Xs, ys = make_classification(n_samples=1000, n_features=8,
                             n_informative=4, flip_y=0.1,
                             class_sep=0.8, random_state=4)
Xtr, Xtmp, ytr, ytmp = train_test_split(Xs, ys, test_size=300,
                                        random_state=4, stratify=ys)
Xva, Xte, yva, yte = train_test_split(Xtmp, ytmp, test_size=150,
                                      random_state=4, stratify=ytmp)
assert (len(ytr), len(yva), len(yte)) == (700, 150, 150)
table = {}
for kk in (1, 15, 101):
    m = KNeighborsClassifier(kk).fit(Xtr, ytr)
    table[kk] = (r(m.score(Xtr, ytr), 2), r(m.score(Xva, yva), 2))
assert table == {1: (1.0, 0.71), 15: (0.82, 0.79), 101: (0.79, 0.75)}
assert max(table, key=lambda kk: table[kk][1]) == 15
assert r(1.00 - 0.71, 2) == 0.29  # large generalization gap for k = 1
m15 = KNeighborsClassifier(15).fit(Xtr, ytr)
assert r(m15.score(Xte, yte), 2) == 0.77
# 5% fraud in a 150-row test set -> 7.5 expected
assert 150 * 0.05 == 7.5

# ---------------------------------------------------------------- 03-07
# bootstrap: probability an item is left out = (1 - 1/n)^n -> 1/e
assert r(1 / math.e, 3) == 0.368
assert r((1 - 1 / 10) ** 10, 3) == 0.349
assert r((1 - 1 / 100) ** 100, 3) == 0.366
assert r((1 - 1 / 1000) ** 1000, 3) == 0.368
assert r(1 - 1 / math.e, 3) == 0.632
rng = np.random.default_rng(0)
oob = []
for _ in range(2000):
    idx = rng.integers(0, 1000, 1000)
    oob.append(1 - len(set(idx.tolist())) / 1000)
assert abs(np.mean(oob) - 0.368) < 0.005
# hand example: data [3,5,7,9,11], resample [5,5,9,11,3]
data = [3, 5, 7, 9, 11]
samp = [5, 5, 9, 11, 3]
assert np.mean(data) == 7 and np.mean(samp) == 6.6
assert sorted(set(data) - set(samp)) == [7]
# quiz: 500 rows -> about 184 out of bag
assert round(500 * (1 - 1 / 500) ** 500) == 184
assert round(500 / math.e) == 184


# k-fold sizes as scikit-learn's KFold (no shuffle)
def sizes(n, k):
    return [len(t) for _, t in KFold(n_splits=k).split(np.zeros(n))]


assert sizes(10, 3) == [4, 3, 3]
assert sizes(10, 4) == [3, 3, 2, 2]
assert sizes(12, 5) == [3, 3, 2, 2, 2]
assert sizes(103, 10) == [11, 11, 11] + [10] * 7
tests = [t.tolist() for _, t in KFold(n_splits=3).split(np.zeros(10))]
assert tests == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
# each model trains on n - fold size
assert [10 - s for s in sizes(10, 3)] == [6, 7, 7]
assert LeaveOneOut().get_n_splits(np.zeros(10)) == 10
# cross-validation scores
cv = np.array([0.80, 0.85, 0.90])
assert r(cv.mean(), 4) == 0.85 and r(cv.std(), 3) == 0.041
assert r(cv.std(ddof=1), 3) == 0.05
# quiz: k-fold with k=5 and 5 hyperparameter values -> 25 fits
assert 5 * 5 == 25
# quiz: 5-fold scores mean
assert r(np.mean([0.70, 0.75, 0.80, 0.72, 0.78]), 3) == 0.75

# ---------------------------------------------------------------- 03-08
yt = np.array([3, 5, 2, 7.0])
yp = np.array([2.5, 5, 4, 8.0])
assert (yp - yt).tolist() == [-0.5, 0, 2, 1]
assert mean_absolute_error(yt, yp) == 0.875
assert mean_squared_error(yt, yp) == 1.3125
assert r(math.sqrt(1.3125), 3) == 1.146
assert yt.mean() == 4.25 and ((yt - yt.mean()) ** 2).sum() == 14.75
assert r(r2_score(yt, yp), 3) == 0.644
assert r(1 - 5.25 / 14.75, 3) == 0.644
# outlier: errors [1,1,1,1] vs [0,0,0,4]
ea, eb = np.array([1, 1, 1, 1.0]), np.array([0, 0, 0, 4.0])
assert np.abs(ea).mean() == 1 and np.abs(eb).mean() == 1
assert (ea ** 2).mean() == 1 and (eb ** 2).mean() == 4
assert math.sqrt(4) == 2
# predicting the mean gives R² = 0
assert r2_score(yt, np.full(4, yt.mean())) == 0
# classification: TP=30, FP=10, FN=20, TN=140
TP, FP, FN, TN = 30, 10, 20, 140
ytrue = [1] * TP + [0] * FP + [1] * FN + [0] * TN
ypred = [1] * TP + [1] * FP + [0] * FN + [0] * TN
assert confusion_matrix(ytrue, ypred).tolist() == [[TN, FP], [FN, TP]]
assert accuracy_score(ytrue, ypred) == 0.85
assert precision_score(ytrue, ypred) == 0.75
assert recall_score(ytrue, ypred) == 0.6
assert r(f1_score(ytrue, ypred), 3) == 0.667
assert r(TN / (TN + FP), 3) == 0.933  # specificity
# imbalanced: 1,000 patients, 10 sick, always "healthy"
assert (1000 - 10) / 1000 == 0.99
# quiz: TP=8, FP=2, FN=12, TN=78
tp, fp, fn, tn = 8, 2, 12, 78
prec, rec = tp / (tp + fp), tp / (tp + fn)
assert prec == 0.8 and rec == 0.4
assert r(2 * prec * rec / (prec + rec), 3) == 0.533
assert (tp + tn) / 100 == 0.86
# quiz: MAE / RMSE of errors [2, -2, 0, 4]
ee = np.array([2, -2, 0, 4.0])
assert np.abs(ee).mean() == 2 and (ee ** 2).mean() == 6
assert r(math.sqrt(6), 2) == 2.45
# F1 of P = 1.0, R = 0.1 vs arithmetic mean
assert r(2 * 1 * 0.1 / 1.1, 3) == 0.182
# threshold example: scores and labels
scores = np.array([0.95, 0.85, 0.7, 0.6, 0.45, 0.3, 0.2, 0.1])
labels = np.array([1, 1, 0, 1, 1, 0, 0, 0])
for thr, exp in [(0.5, (3, 1, 1)), (0.25, (4, 2, 0))]:
    pr = scores >= thr
    tp_ = int((pr & (labels == 1)).sum())
    fp_ = int((pr & (labels == 0)).sum())
    fn_ = int((~pr & (labels == 1)).sum())
    assert (tp_, fp_, fn_) == exp, (thr, tp_, fp_, fn_)
# threshold 0.5: P = 3/4, R = 3/4; threshold 0.25: P = 4/6, R = 1
assert r(4 / 6, 3) == 0.667

# extra worked numbers from the lessons
assert r(abs(4 - 7 / 3), 2) == 1.67 and r(abs(4 - 25 / 3), 2) == 4.33
assert 29 / 4 == 7.25
assert 10 % 3 == 1 and 10 % 4 == 2 and 12 % 5 == 2
assert [(v - 4.25) ** 2 for v in [3, 5, 2, 7]] == [1.5625, 0.5625, 5.0625,
                                                     7.5625]
assert r(2 * 0.75 * 0.6, 6) == 0.9 and r(0.75 + 0.6, 6) == 1.35
assert 200 - 30 - 20 - 10 == 140 and 3 / 4 == 0.75
assert r((1 + 0.1) / 2, 2) == 0.55  # arithmetic mean of P=1.0, R=0.1

# ---------------------------------------------------------------- quiz 03
assert 1900 / 2000 == 0.95 and 30 + 1 == 31
assert r(sig(-2), 2) == 0.12 and r(0.75 ** 2 + 0.25 ** 2, 4) == 0.625
kx, ky = np.array([0, 1, 2.]), np.array([1, 3, 5.])
assert ((kx - 1) * (ky - 3)).sum() == 4 and ((kx - 1) ** 2).sum() == 2
# k-means quiz: 1, 2, 9, 10, 11 with centroids 2 and 9
P2 = np.array([1, 2, 9, 10, 11.])
lab2 = np.argmin(np.abs(P2[:, None] - np.array([2, 9.])[None, :]), 1)
assert lab2.tolist() == [0, 0, 1, 1, 1]
assert P2[lab2 == 1].mean() == 10 and P2[lab2 == 0].mean() == 1.5
assert P2.mean() == 6.6
# Q-learning quiz mistakes
assert 2 + 0.5 * 6 == 5 and r(4 + 0.1 * (2 + 6 - 4), 6) == 4.4
assert r(1 + 0.9 + 0.8, 2) == 2.7
assert 500 - 184 == 316
assert 4 * 3 * 5 == 60
assert np.mean([2, -2, 0, 4]) == 1
assert r(0.8 * 0.4, 6) == 0.32 and r((0.8 + 0.4) / 2, 6) == 0.6
assert (8 + 78) / 100 == 0.86 and 8 / 100 == 0.08

# ================================================================ 05
# ---------------------------------------------------------------- 05-01 GAN
D_real, D_fake = 0.9, 0.2
V = math.log(D_real) + math.log(1 - D_fake)
assert r(math.log(0.9), 3) == -0.105 and r(math.log(0.8), 3) == -0.223
assert r(V, 3) == -0.329
assert r(-V, 3) == 0.329  # discriminator's binary cross-entropy
assert r(-math.log(D_fake), 2) == 1.61  # non-saturating generator loss
assert r(2 * math.log(0.5), 3) == -1.386 and r(-math.log(4), 3) == -1.386
# saturation: slope of log(1 - D) vs -log D at D = 0.01
d = 0.01
assert r(math.log(1 - d), 3) == -0.010
assert r(-math.log(d), 2) == 4.61
assert r(-1 / (1 - d), 2) == -1.01 and r(-1 / d, 0) == -100
# slopes with respect to the logit a, D = σ(a): d/da ln(1 − σ(a)) = −σ(a)
# and d/da (−ln σ(a)) = −(1 − σ(a)); check numerically
a0 = math.log(d / (1 - d))
h = 1e-6
s1 = (math.log(1 - sig(a0 + h)) - math.log(1 - sig(a0 - h))) / (2 * h)
s2 = (-math.log(sig(a0 + h)) + math.log(sig(a0 - h))) / (2 * h)
assert r(s1, 3) == -0.01 and r(s2, 3) == -0.99
assert r(0.99 / 0.01, 6) == 99
# optimal discriminator D* = p_data / (p_data + p_g)
assert r(0.3 / (0.3 + 0.1), 2) == 0.75
assert 0.2 / (0.2 + 0.2) == 0.5
# quiz: D(real)=0.8, D(fake)=0.4 -> discriminator loss
assert r(-(math.log(0.8) + math.log(0.6)), 2) == 0.73
# mode collapse example: real modes at -2 and +2, half each
assert 0.5 / (0.5 + 0) == 1.0 and 0.5 / (0.5 + 1.0) == round(1 / 3, 16)

# ---------------------------------------------------------------- 05-02
# attention: one head, three tokens, d_k = 4
Qm = np.array([[1, 0, 0, 1],   # the
               [0, 1, 1, 0],   # cat
               [1, 0, 1, 0.]])  # sat
Km = np.array([[0, 1, 0, 1],   # the
               [1, 1, 1, 0],   # cat
               [1, 0, 0, 0.]])  # sat
Vm = np.array([[1, 0],
               [0, 2],
               [2, 1.]])
dk = 4
assert math.sqrt(dk) == 2
q_sat = Qm[2]
s = Km @ q_sat
assert s.tolist() == [0, 2, 1]
sc = s / 2
assert sc.tolist() == [0, 1, 0.5]
ex = np.exp(sc)
assert r(ex[1], 3) == 2.718 and r(ex[2], 3) == 1.649
assert r(ex.sum(), 3) == 5.367
wts = ex / ex.sum()
assert [r(v, 3) for v in wts] == [0.186, 0.506, 0.307]
assert r(wts.sum(), 6) == 1
out = wts @ Vm
assert r(wts[2] * 2, 3) == 0.614 and r(wts[1] * 2, 3) == 1.013
assert r(0.186 + 0.614, 3) == 0.8 and r(1.013 + 0.307, 3) == 1.32
assert [r(v, 2) for v in out] == [0.8, 1.32]
assert r(wts[0] * 1 + wts[2] * 2, 3) == 0.801
assert r(wts[1] * 2 + wts[2] * 1, 3) == 1.32


def softmax_rows(M):
    M = M - M.max(axis=1, keepdims=True)
    E = np.exp(M)
    return E / E.sum(axis=1, keepdims=True)


S = Qm @ Km.T / 2
assert (Qm @ Km.T).tolist() == [[1, 1, 1], [1, 2, 0], [0, 2, 1]]
A = softmax_rows(S)
# full table in the lesson (rounded to 2 places)
assert [[r(v, 2) for v in row] for row in A] == [
    [0.33, 0.33, 0.33], [0.31, 0.51, 0.19], [0.19, 0.51, 0.31]]
O = A @ Vm
assert [[r(v, 2) for v in row] for row in O] == [
    [1.0, 1.0], [0.68, 1.2], [0.8, 1.32]]
# causal mask: "cat" sees only "the" and "cat"
sm = np.array([1, 2]) / 2
wm = np.exp(sm) / np.exp(sm).sum()
assert [r(v, 3) for v in wm] == [0.378, 0.622]
om = wm @ Vm[:2]
assert [r(v, 2) for v in om] == [0.38, 1.24]
# with a mask the first token attends only to itself: weight 1
# without scaling: softmax of [0, 2, 1]
wu = np.exp(s) / np.exp(s).sum()
assert [r(v, 3) for v in wu] == [0.090, 0.665, 0.245]
# quiz: q = [1, 2], k = [3, 1], d_k = 4 -> (3 + 2)/2 = 2.5
assert (1 * 3 + 2 * 1) / math.sqrt(4) == 2.5
# quiz: softmax of [0, ln 3] -> 0.25, 0.75
z = np.array([0, math.log(3)])
assert np.allclose(np.exp(z) / np.exp(z).sum(), [0.25, 0.75])
# quiz: weights [0.25, 0.75] on values [4, 8] -> 7
assert 0.25 * 4 + 0.75 * 8 == 7
# variance of a dot product of unit-variance entries grows with d_k
rng = np.random.default_rng(1)
qq = rng.standard_normal((20000, 64))
kk = rng.standard_normal((20000, 64))
dots = (qq * kk).sum(axis=1)
assert abs(dots.std() - 8) < 0.2
assert abs((dots / 8).std() - 1) < 0.03

# ---------------------------------------------------------------- 05-03
# transformer sizes: vocab 65, context 32, d_model 64, 4 heads, 2 layers
V_, T_, d, H, L = 65, 32, 64, 4, 2
assert V_ * d == 4160 and T_ * d == 2048
assert d // H == 16
attn_w = 4 * d * d
attn_b = 4 * d
assert attn_w == 16384 and attn_b == 256
mlp = d * 4 * d + 4 * d + 4 * d * d + d
assert mlp == 33088
ln = 2 * (2 * d)
assert ln == 256
block = attn_w + attn_b + mlp + ln
assert block == 49984
final_ln = 2 * d
total = V_ * d + T_ * d + L * block + final_ln  # output tied to embedding
assert total == 106304
head = d * V_ + V_  # untied output layer with bias
assert head == 4225
assert total + head == 110529
# quiz: d_model = 512 -> 4·512² attention weights
assert 4 * 512 ** 2 == 1048576
# next-token training: "hello" -> 4 (input, target) pairs
text = "hello"
pairs = [(text[:i + 1], text[i + 1]) for i in range(len(text) - 1)]
assert pairs == [("h", "e"), ("he", "l"), ("hel", "l"), ("hell", "o")]
# cross-entropy
assert r(-math.log(0.25), 3) == 1.386
assert r(math.log(65), 2) == 4.17
assert r(-math.log(0.5), 3) == 0.693
# sinusoidal position: pos 1, i 0 -> sin(1), cos(1)
assert r(math.sin(1), 3) == 0.841 and r(math.cos(1), 3) == 0.540
# layer norm of [1, 2, 3, 6]
vv = np.array([1, 2, 3, 6.0])
assert vv.mean() == 3 and vv.var() == 3.5
ln_out = (vv - vv.mean()) / math.sqrt(vv.var())
assert [r(t, 2) for t in ln_out] == [-1.07, -0.53, 0.0, 1.6]
# causal mask count: 4 tokens -> 10 allowed pairs of 16
assert sum(i + 1 for i in range(4)) == 10
# quiz: allowed pairs with 6 tokens
assert sum(i + 1 for i in range(6)) == 21

# tiny-shakespeare style character vocabulary (65 symbols)
vocab = sorted(set("\n !$&',-.3:;?") | set(map(chr, range(65, 91)))
               | set(map(chr, range(97, 123))))
assert len(vocab) == 65
assert [vocab.index(ch) for ch in "hello"] == [46, 43, 50, 50, 53]
assert 2 * block == 99968 and final_ln == 128
assert 4160 + 2048 + 99968 + 128 + 4225 == 110529
assert 110529 - 4225 == 106304
# per block ≈ 12·d² (4d² attention + 8d² MLP)
assert 4 * d * d + 8 * d * d == 12 * d * d
assert r(8 / 12, 2) == 0.67

# ---------------------------------------------------------------- quiz 05
assert r(-(math.log(0.8) + math.log(0.4)), 2) == 1.14
assert r(math.log(0.8), 3) == -0.223 and r(math.log(0.6), 3) == -0.511
assert r(0.2 / (0.2 + 0.6), 2) == 0.25 and r(0.2 / 0.6, 2) == 0.33
assert r(0.6 / 0.8, 2) == 0.75
assert np.dot([1, 2, 0, 0], [3, 1, 0, 0]) / math.sqrt(4) == 2.5
assert 5 / 4 == 1.25
z2 = np.array([0, 0.693])
assert r((np.exp(z2) / np.exp(z2).sum())[1], 3) == 0.667
assert r(math.exp(0.693), 2) == 2.0
assert 0.25 * 8 + 0.75 * 4 == 5 and (4 + 8) / 2 == 6
assert 512 ** 2 == 262144 and 3 * 512 ** 2 == 786432 and 4 * 512 == 2048
assert 6 * 6 == 36 and 21 - 6 == 15
assert r(math.log(100), 2) == 4.61 and math.log10(100) == 2
assert 768 // 12 == 64 and 768 * 12 == 9216
assert 9 - 1 == 8
# dloss: slope of ln(1 - D) at D = 0.01 is about -1
assert r(-1 / (1 - 0.01), 1) == -1.0

print("all checks passed")
