#!/usr/bin/env python3
"""Checks every number in Lessons/04-deep-learning lessons 01-10,
quiz-1.md and glossary-1.md. Plain python3 + numpy. Run it; it prints
OK at the end or stops at the first wrong value."""
import math
import numpy as np


def r(x, n):
    return round(float(x), n)


def sig(z):
    return 1.0 / (1.0 + math.exp(-z))


def Phi(x):
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def phi(x):
    return math.exp(-x * x / 2.0) / math.sqrt(2.0 * math.pi)


def dense(n_in, n_out):
    return n_in * n_out + n_out


# ---------- 01 deep-vs-traditional ----------
assert dense(784, 10) == 7850            # logistic/softmax regression
mlp = dense(784, 128) + dense(128, 10)
assert dense(784, 128) == 100480 and dense(128, 10) == 1290
assert mlp == 101770
flops = 6 * mlp * 60000 * 10
assert r(flops / 1e11, 2) == 3.66        # about 3.7 × 10^11
assert round(mlp / 7850, 0) == 13        # about 13 times more

# ---------- 02 perceptron ----------
def step(z):
    return 1 if z >= 0 else 0

w = np.array([0.2, -0.4]); b = 0.1; x = np.array([1.0, 1.0]); y = 1
z = w @ x + b
assert r(z, 2) == -0.1 and step(z) == 0
eta = 0.5
w2 = w + eta * (y - step(z)) * x; b2 = b + eta * (y - step(z))
assert np.allclose(w2, [0.7, 0.1]) and r(b2, 2) == 0.6
z2 = w2 @ x + b2
assert r(z2, 2) == 1.4 and step(z2) == 1
# AND with w = (1, 1), b = -1.5
for (a, c), t in {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1}.items():
    assert step(a + c - 1.5) == t
# OR with w = (1, 1), b = -0.5
for (a, c), t in {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 1}.items():
    assert step(a + c - 0.5) == t
# quiz: perceptron-update: w=(0.5,-1), b=0, x=(2,1), y=0, eta=0.1
w = np.array([0.5, -1.0]); b = 0.0; x = np.array([2.0, 1.0]); y = 0
z = w @ x + b
assert r(z, 2) == 0.0 and step(z) == 1
w_new = w + 0.1 * (y - step(z)) * x
assert np.allclose(w_new, [0.3, -1.1])
# quiz: weighted sum w=(2,-1,0.5) x=(1,3,4) b=0.5 -> 2-3+2+0.5 = 1.5
assert r(np.dot([2, -1, 0.5], [1, 3, 4]) + 0.5, 2) == 1.5
# XOR: no (w1, w2, b) on a grid separates it
grid = np.linspace(-3, 3, 61)
xor = {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 0}
found = False
for w1 in grid:
    for wb in grid:
        for bb in grid:
            if all(step(w1 * a + wb * c + bb) == t
                   for (a, c), t in xor.items()):
                found = True
assert not found
# XOR from OR, NAND and AND (two layers)
for (a, c), t in xor.items():
    h1 = step(a + c - 0.5)          # OR
    h2 = step(-a - c + 1.5)         # NAND
    assert step(h1 + h2 - 1.5) == t  # AND

# ---------- 03 layers ----------
assert dense(2, 3) + dense(3, 1) == 13
assert dense(2, 3) == 9 and dense(3, 1) == 4
assert dense(10, 32) + dense(32, 32) + dense(32, 3) == 352 + 1056 + 99
assert dense(10, 32) + dense(32, 32) + dense(32, 3) == 1507
W1 = np.array([[0.5, -1.0], [1.0, 0.5]]); b1 = np.array([0.0, 1.0])
x = np.array([1.0, 2.0])
z1 = W1 @ x + b1
assert np.allclose(z1, [-1.5, 3.0])
h = np.maximum(z1, 0)
assert np.allclose(h, [0.0, 3.0])
W2 = np.array([1.0, -0.5]); b2 = 0.5
yhat = W2 @ h + b2
assert r(yhat, 2) == -1.0
# quiz: 4 -> 5 -> 2 : 25 + 12 = 37
assert dense(4, 5) + dense(5, 2) == 37
# quiz: 3 -> 4 -> 4 -> 1: 16 + 20 + 5 = 41
assert dense(3, 4) + dense(4, 4) + dense(4, 1) == 41

# ---------- 04 activation-functions ----------
def gelu(x):
    return x * Phi(x)

def dgelu(x):
    return Phi(x) + x * phi(x)

tab = {}
for xv in (-2, -1, 0, 1, 2):
    tab[xv] = dict(relu=max(0, xv), sig=sig(xv), tanh=math.tanh(xv),
                   leaky=xv if xv > 0 else 0.01 * xv, gelu=gelu(xv))
assert [r(tab[v]['sig'], 3) for v in (-2, -1, 0, 1, 2)] == \
    [0.119, 0.269, 0.5, 0.731, 0.881]
assert [r(tab[v]['tanh'], 3) for v in (-2, -1, 0, 1, 2)] == \
    [-0.964, -0.762, 0.0, 0.762, 0.964]
assert [r(tab[v]['leaky'], 2) for v in (-2, -1, 0, 1, 2)] == \
    [-0.02, -0.01, 0.0, 1, 2]
assert [r(tab[v]['gelu'], 3) for v in (-2, -1, 0, 1, 2)] == \
    [-0.046, -0.159, 0.0, 0.841, 1.954]
# derivatives
dsig = lambda v: sig(v) * (1 - sig(v))
dtanh = lambda v: 1 - math.tanh(v) ** 2
assert [r(dsig(v), 3) for v in (-2, -1, 0, 1, 2)] == \
    [0.105, 0.197, 0.25, 0.197, 0.105]
assert [r(dtanh(v), 3) for v in (-2, -1, 0, 1, 2)] == \
    [0.071, 0.42, 1.0, 0.42, 0.071]
assert [r(dgelu(v), 3) for v in (-2, -1, 0, 1, 2)] == \
    [-0.085, -0.083, 0.5, 1.083, 1.085]
# GELU minimum about -0.17 near x = -0.75
xs = np.linspace(-3, 0, 300001)
g = xs * 0.5 * (1 + np.vectorize(math.erf)(xs / math.sqrt(2)))
assert r(g.min(), 2) == -0.17 and r(xs[g.argmin()], 2) == -0.75
# sigmoid derivative max 0.25; ten sigmoid layers: 0.25^10
assert 0.25 ** 10 < 1e-6 and r(0.25 ** 10 * 1e7, 2) == 9.54
# tanh = 2 sigmoid(2x) - 1
for v in (-1.3, 0.2, 2.0):
    assert abs(math.tanh(v) - (2 * sig(2 * v) - 1)) < 1e-12
# quiz numeric: sigmoid'(ln 3): sigma = 0.75 -> 0.1875
assert r(sig(math.log(3)), 4) == 0.75
assert r(dsig(math.log(3)), 4) == 0.1875
# quiz numeric: tanh'(0.5)
assert r(dtanh(0.5), 3) == 0.786

# ---------- 05 forward-backward-pass ----------
x, y = 2.0, 2.0
w1, b1, w2, b2 = 0.5, -1.0, 2.0, 0.0
z1 = w1 * x + b1; h = sig(z1); yh = w2 * h + b2; L = (yh - y) ** 2
assert (z1, h, yh, L) == (0.0, 0.5, 1.0, 1.0)
dL_dyh = 2 * (yh - y)
dw2 = dL_dyh * h; db2 = dL_dyh
dh = dL_dyh * w2; dz1 = dh * h * (1 - h)
dw1 = dz1 * x; db1 = dz1
assert (dL_dyh, dw2, db2, dh, dz1, dw1, db1) == \
    (-2.0, -1.0, -2.0, -4.0, -1.0, -2.0, -1.0)
# numeric check of the gradients
def loss(p):
    a, bb, c, d = p
    return (c * sig(a * x + bb) + d - y) ** 2
p0 = np.array([w1, b1, w2, b2]); eps = 1e-6
num = [(loss(p0 + eps * e) - loss(p0 - eps * e)) / (2 * eps)
       for e in np.eye(4)]
assert np.allclose(num, [dw1, db1, dw2, db2], atol=1e-6)
lr = 0.1
p1 = p0 - lr * np.array([dw1, db1, dw2, db2])
assert np.allclose(p1, [0.7, -0.9, 2.1, 0.2])
z1n = p1[0] * x + p1[1]
assert r(z1n, 2) == 0.5
hn = sig(z1n); yhn = p1[2] * hn + p1[3]; Ln = (yhn - y) ** 2
assert r(hn, 4) == 0.6225 and r(yhn, 4) == 1.5072 and r(Ln, 4) == 0.2429
# quiz numeric: same net, x = 1, y = 2, w1 = 1, b1 = -1: dL/dw1
x = 1.0
z1 = 1.0 * x - 1.0; h = sig(z1); yh = 2.0 * h
dz1 = 2 * (yh - y) * 2.0 * h * (1 - h)
assert r(dz1 * x, 2) == -1.0
# quiz numeric: single neuron y = w x, L = (w x - t)^2, w=3,x=2,t=5
assert 2 * (3 * 2 - 5) * 2 == 4

# ---------- 06 computational-graphs ----------
w, x, b, y = 3.0, 2.0, 1.0, 4.0
u = w * x; zz = u + b; rr = zz - y; L = rr ** 2
assert (u, zz, rr, L) == (6, 7, 3, 9)
dr = 2 * rr; dz = dr; db = dz; du = dz; dw = du * x; dx = du * w
assert (dr, dz, db, du, dw, dx) == (6, 6, 6, 6, 12, 18)
# fan-out: f = x * x at x = 3, two branches of 3 each
assert 3 + 3 == 2 * 3
# quiz: f = (a + b) * c, a = 1, b = 2, c = -4 -> df/da = c = -4,
# df/dc = a + b = 3
a, bq, c = 1.0, 2.0, -4.0
assert (a + bq) * c == -12 and c == -4 and a + bq == 3
# quiz: q = x * y, f = q + x, x=2, y=5: df/dx = y + 1 = 6
assert 5 + 1 == 6

# ---------- 07 loss-functions ----------
yt = np.array([3.0, 5.0, 2.0]); yp = np.array([2.5, 5.5, 4.0])
assert np.allclose((yp - yt) ** 2, [0.25, 0.25, 4.0])
assert r(np.mean((yp - yt) ** 2), 4) == 1.5
assert r(np.mean(np.abs(yp - yt)), 4) == 1.0
# BCE
assert r(-math.log(0.9), 3) == 0.105
assert r(-math.log(0.2), 3) == 1.609
assert r(-math.log(1 - 0.3), 3) == 0.357
bce = np.mean([-math.log(0.9), -math.log(0.2), -math.log(0.7)])
assert r(bce, 3) == 0.690
assert r(-math.log(0.001), 2) == 6.91
assert r(-math.log(0.5), 3) == 0.693
# softmax and categorical cross-entropy
logits = np.array([2.0, 0.0, -1.0])
e = np.exp(logits)
assert [r(v, 3) for v in e] == [7.389, 1.0, 0.368]
assert r(e.sum(), 3) == 8.757
p = e / e.sum()
assert [r(v, 3) for v in p] == [0.844, 0.114, 0.042]
assert r(-math.log(p[0]), 3) == 0.170
assert r(-math.log(p[2]), 2) == 3.17
grad = p - np.array([1, 0, 0])
assert [r(v, 3) for v in grad] == [-0.156, 0.114, 0.042]
# uniform guess over 10 classes
assert r(math.log(10), 2) == 2.30
# quiz numeric: MSE of errors (1, -2, 3, 0): (1+4+9+0)/4 = 3.5
assert np.mean(np.array([1, -2, 3, 0]) ** 2) == 3.5
# quiz numeric: CE with p_true = 0.25 -> 1.386
assert r(-math.log(0.25), 3) == 1.386
# quiz numeric: softmax logits (1, 1, 0): p = e/(2e+1)
pq = np.exp([1, 1, 0]) / np.exp([1, 1, 0]).sum()
assert r(pq[0], 3) == 0.422 and r(-math.log(pq[0]), 3) == 0.862

# ---------- 08 training-a-network ----------
assert math.ceil(60000 / 64) == 938 and 60000 - 937 * 64 == 32
assert 938 * 10 == 9380
th = 1.0
seq = []
for _ in range(3):
    th = th - 0.1 * 2 * th; seq.append(r(th, 4))
assert seq == [0.8, 0.64, 0.512]
th = 1.0; seq = []
for _ in range(3):
    th = th - 1.1 * 2 * th; seq.append(r(th, 4))
assert seq == [-1.2, 1.44, -1.728]
th = 1.0; th = th - 1.0 * 2 * th
assert th == -1.0
# quiz numeric: 10,000 examples, batch 32 -> 313 steps per epoch
assert math.ceil(10000 / 32) == 313 and 10000 - 312 * 32 == 16
# quiz numeric: 50,000 examples, batch 100, 20 epochs -> 10,000 steps
assert 50000 // 100 * 20 == 10000
# quiz: theta=2, grad 0.5, lr 0.1 -> 1.95
assert r(2 - 0.1 * 0.5, 2) == 1.95

# ---------- 09 gradient-descent-variants ----------
X = np.array([1.0, 2.0, 3.0, 4.0]); Y = 2 * X
def g_mse(w, idx):
    xi, yi = X[idx], Y[idx]
    return np.mean(2 * (w * xi - yi) * xi)
assert np.sum(X ** 2) == 30
gb = g_mse(0.0, [0, 1, 2, 3]); assert gb == -30
assert r(0 - 0.01 * gb, 2) == 0.3
gs = g_mse(0.0, [2]); assert gs == -36
assert r(0 - 0.01 * gs, 2) == 0.36
gm = g_mse(0.0, [0, 3]); assert gm == -34
assert r(0 - 0.01 * gm, 2) == 0.34
# all four single-example gradients at w = 0: -4, -16, -36, -64
assert [g_mse(0.0, [i]) for i in range(4)] == [-4, -16, -36, -64]
assert np.mean([-4, -16, -36, -64]) == -30
# quiz numeric: n = 1,000, batch 50 -> 20 updates per epoch
assert 1000 // 50 == 20
# quiz numeric: grad on point x=2, y=4 at w = 1: 2(2-4)*2 = -8
assert g_mse(1.0, [1]) == -8

# ---------- 10 optimizers ----------
grad_f = lambda t: 2 * t                   # f(θ) = θ²

def run_sgd(lr, mom, steps, th=1.0):
    buf = None; out = []
    for _ in range(steps):
        gg = grad_f(th)
        if mom:
            buf = gg if buf is None else mom * buf + gg
            gg = buf
        th = th - lr * gg; out.append(th)
    return out

assert [r(v, 4) for v in run_sgd(0.1, 0, 2)] == [0.8, 0.64]
assert [r(v, 4) for v in run_sgd(0.1, 0.9, 2)] == [0.8, 0.46]
# momentum buffer at step 2: 0.9*2 + 1.6 = 3.4
assert r(0.9 * 2 + 1.6, 4) == 3.4

def run_rms(lr, steps, alpha=0.99, eps=1e-8, th=1.0):
    v = 0.0; out = []
    for _ in range(steps):
        gg = grad_f(th)
        v = alpha * v + (1 - alpha) * gg * gg
        th = th - lr * gg / (math.sqrt(v) + eps); out.append(th)
    return out, v

o, v = run_rms(0.01, 1)
assert r(v, 4) == 0.04 and r(o[0], 4) == 0.9

def run_adam(lr, steps, b1=0.9, b2=0.999, eps=1e-8, wd=0.0,
             decoupled=False, th=1.0):
    m = v = 0.0; out = []
    for t in range(1, steps + 1):
        gg = grad_f(th)
        if wd and not decoupled:
            gg = gg + wd * th
        if wd and decoupled:
            th = th - lr * wd * th
        m = b1 * m + (1 - b1) * gg
        v = b2 * v + (1 - b2) * gg * gg
        mh = m / (1 - b1 ** t); vh = v / (1 - b2 ** t)
        th = th - lr * mh / (math.sqrt(vh) + eps)
        out.append((th, m, v, mh, vh))
    return out

o = run_adam(0.001, 1)
th1, m1, v1, mh1, vh1 = o[0]
assert r(m1, 4) == 0.2 and r(v1, 4) == 0.004
assert r(mh1, 4) == 2.0 and r(vh1, 4) == 4.0
assert r(th1, 4) == 0.999
o = run_adam(0.1, 2)
assert r(o[0][0], 4) == 0.9
th2, m2, v2, mh2, vh2 = o[1]
assert r(m2, 4) == 0.36 and r(v2, 6) == 0.007236
assert r(mh2, 4) == 1.8947 and r(vh2, 4) == 3.6198
assert r(math.sqrt(vh2), 4) == 1.9026
assert r(th2, 4) == 0.8004
# gradient scale: Adam's first step is lr whatever the gradient size
for scale in (0.001, 1.0, 1000.0):
    m = 0.1 * scale; v = 0.001 * scale ** 2
    step1 = 0.1 * (m / 0.1) / (math.sqrt(v / 0.001) + 1e-8)
    assert r(step1, 4) == 0.1
# AdamW, lr 0.1, weight decay 0.01
o = run_adam(0.1, 1, wd=0.01, decoupled=True)
assert r(o[0][0], 4) == 0.899
# Adam with L2 weight_decay 0.01: decay is normalised away at step 1
o = run_adam(0.1, 1, wd=0.01, decoupled=False)
assert r(o[0][0], 4) == 0.9
# quiz numeric: Adam step 1, g = 0.5, lr 0.01: θ 1 -> 0.99
m = 0.05; v = 0.001 * 0.25
assert r(m / 0.1, 4) == 0.5 and r(v / 0.001, 4) == 0.25
assert r(1 - 0.01 * 0.5 / (math.sqrt(0.25) + 1e-8), 4) == 0.99
# quiz numeric: momentum buffer after 3 steps of g = 1, mu = 0.9
buf = 1.0
for _ in range(2):
    buf = 0.9 * buf + 1.0
assert r(buf, 2) == 2.71
# quiz numeric: RMSprop first step lr 0.01, g = 5: v = 0.25, step 0.1
v = 0.01 * 25
assert r(v, 4) == 0.25 and r(0.01 * 5 / (0.5 + 1e-8), 4) == 0.1
# AdamW decay factor per step lr 1e-3, λ 0.01: 1 - 1e-5
assert r(1 - 1e-3 * 0.01, 6) == 0.99999
# bias correction at t = 1: 1 - 0.9 = 0.1, 1 - 0.999 = 0.001
assert r(1 - 0.9, 4) == 0.1 and r(1 - 0.999, 4) == 0.001


# ---------- extra lesson numbers ----------
assert r(1 + math.exp(-1), 3) == 1.368 and r(1 / 1.368, 3) == 0.731
assert r(0.731 * 0.269, 3) == 0.197
assert r(0.762 ** 2, 3) == 0.581 or r(0.762 ** 2, 2) == 0.58
assert r(1 - math.tanh(1) ** 2, 3) == 0.42
assert r(4 / 4.5, 3) == 0.889                    # "almost 90%"
assert -4 * 2 == -8                              # without sigma' factor
assert r(0 - 0.01 * g_mse(0.0, [0]), 2) == 0.04  # SGD step on x = 1
assert r(0 - 0.01 * g_mse(0.0, [3]), 2) == 0.64  # SGD step on x = 4
assert math.sqrt(512 / 32) == 4                  # 16x cost, 4x less noise
assert 0.1 * 3.4 > 2 * 0.16                      # momentum step > 2x SGD
# Adam with L2 weight decay: g = 2.01 at theta = 1
assert r(2 + 0.01 * 1, 2) == 2.01

# ---------- quiz-1.md ----------
# deep-vs-traditional-param-count
assert dense(784, 64) + dense(64, 10) == 50890
assert 784 * 64 + 64 * 10 == 50816 and dense(784, 64) == 50240
assert 784 * 64 == 50176 and dense(64, 10) == 650
# perceptron-weighted-sum (1.5; mistakes 1, 7.5)
assert 2 * 1 - 1 * 3 + 0.5 * 4 == 1 and 2 + 3 + 2 + 0.5 == 7.5
# perceptron-update (0.3; mistakes 0.5, 0.7, 0.4)
assert r(0.5 + 0.1 * 1 * 2, 2) == 0.7 and r(0.5 - 0.1, 2) == 0.4
# perceptron-gates: NAND with w = (-1, -1), b = 1.5; XNOR impossible
for (a, c) in [(0, 0), (0, 1), (1, 0), (1, 1)]:
    assert step(-a - c + 1.5) == (0 if (a and c) else 1)
xnor = {k: 1 - v for k, v in xor.items()}
assert not any(all(step(w1 * a + wb * c + bb) == t
                   for (a, c), t in xnor.items())
               for w1 in grid for wb in grid for bb in grid)
# layers-param-count (37; mistakes 30, 25, 11)
assert 4 * 5 + 5 * 2 == 30 and dense(4, 5) == 25 and 4 + 5 + 2 == 11
# layers-param-count-deep (41; mistakes 32, 20)
assert 12 + 16 + 4 == 32 and dense(4, 4) == 20
# layers-weight-shape: 784*128 + 128
assert dense(784, 128) == 100480
# layers-forward (-0.75; mistakes -1.25, 2.5)
W1 = np.array([[0.5, -1.0], [1.0, 0.5]]); b1 = np.array([0.0, 1.0])
W2 = np.array([1.0, -0.5])
x = np.array([1.0, 1.0])
z1 = W1 @ x + b1
assert np.allclose(z1, [-0.5, 2.5])
out = W2 @ np.maximum(z1, 0) + 0.5
assert r(out, 2) == -0.75
assert r(W2 @ z1 + 0.5, 2) == -1.25
# activation-functions-tanh-derivative mistakes
assert r(1 - math.tanh(0.5), 3) == 0.538
assert r(math.tanh(0.5), 4) == 0.4621 and r(math.tanh(0.5) ** 2, 3) == 0.214
# activation-functions-deep-hidden: 0.25^20
assert 0.25 ** 20 < 1e-12
# forward-backward-pass-chain (-1; mistakes -4, -0.5, -2)
dyh = 2 * (1.0 - 2.0)
assert dyh * 2.0 * 1.0 == -4 and (1.0 - 2.0) * 2.0 * 0.25 == -0.5
# forward-backward-pass-single-neuron (4; mistakes 2, 1, 6)
assert 2 * (6 - 5) == 2 and 6 - 5 == 1 and 2 * (6 - 5) * 3 == 6
# computational-graphs-multiply (-4; mistakes 3, -12, 1)
# computational-graphs-fan-out: f = x*y + x, numeric derivative
f = lambda xx: xx * 5 + xx
assert r((f(2 + 1e-6) - f(2 - 1e-6)) / 2e-6, 4) == 6
# loss-functions-mse mistakes
errs = np.array([1, -2, 3, 0])
assert errs.mean() == 0.5 and np.abs(errs).mean() == 1.5
assert (errs ** 2).sum() == 14 and r(math.sqrt(3.5), 2) == 1.87
# loss-functions-cross-entropy mistakes
assert r(-math.log10(0.25), 3) == 0.602 and -math.log2(0.25) == 2
assert r(-math.log(0.75), 3) == 0.288
# loss-functions-softmax: 2.718 / 6.437; mistakes 0.693, 1.099, 0.422
assert r(2 * math.e + 1, 3) == 6.437
assert r(math.log(2), 3) == 0.693 and r(math.log(3), 3) == 1.099
# loss-functions-bce-worst
assert [r(-math.log(q), 2) for q in (0.01, 0.4, 0.6, 0.99)] == \
    [4.61, 0.92, 0.51, 0.01]
# training-a-network-total-steps mistakes
assert 50000 // 100 == 500 and 50000 * 20 == 1000000
# training-a-network-lr-range: factors and behaviour
for lr_, ok in ((0.1, True), (0.45, True), (0.9, True),
                (1.0, False), (1.5, False)):
    th = 1.0
    for _ in range(200):
        th -= lr_ * 2 * th
    assert (abs(th) < 1e-6) == ok
assert [r(1 - 2 * v, 2) for v in (0.1, 0.45, 0.9, 1.0, 1.5)] == \
    [0.8, 0.1, -0.8, -1.0, -2.0]
# training-a-network-update mistakes
assert r(2 + 0.1 * 0.5, 2) == 2.05 and 2 - 0.5 == 1.5
# gradient-descent-variants-sgd-gradient (-8; mistakes -4, -2, 8), step
assert 2 * (2 - 4) == -4 and 2 - 4 == -2
assert r(1 - 0.01 * (-8), 2) == 1.08
# gradient-descent-variants-facts: sqrt(128 / 32) = 2
assert math.sqrt(128 / 32) == 2
# check the 1/sqrt(b) claim empirically on the worked data set
rng = np.random.default_rng(0)
pg = np.array([g_mse(0.0, [i]) for i in range(4)] * 50)  # population
def sd_of_batch_mean(bsz, trials=20000):
    return np.std([rng.choice(pg, bsz).mean() for _ in range(trials)])
ratio = sd_of_batch_mean(32) / sd_of_batch_mean(128)
assert 1.9 < ratio < 2.1
# optimizers-adam-first-step mistakes 0.995, 0.968, 1.01
assert r(1 - 0.01 * 0.5, 3) == 0.995
assert r(1 - 0.01 * 0.05 / math.sqrt(0.00025), 3) == 0.968
th = run_adam(0.01, 1, th=0.25)[0][0]   # g = 0.5 at theta = 0.25
assert r(0.25 - th, 4) == 0.01
# optimizers-momentum-buffer mistakes: dampened, zero start
bb = 0.0
for _ in range(3):
    bb = 0.9 * bb + 0.1 * 1.0
assert r(bb, 3) == 0.271
assert r(0.9 * 1 + 1, 2) == 1.9 and r(1 / (1 - 0.9), 6) == 10
# optimizers-rmsprop-step mistakes 0.05, 0.01
assert r(0.01 * 5, 3) == 0.05 and r(0.01 * 5 / math.sqrt(25), 3) == 0.01
o, v = run_rms(0.01, 1, th=2.5)         # g = 5 at theta = 2.5
assert r(2.5 - o[0], 4) == 0.1

print("OK: every deep-learning (part 1) number checks out")
