#!/usr/bin/env python3
"""Checks every number in Lessons/04-deep-learning lessons 11-21,
quiz-2.md and glossary-2.md. Run: python3 check_deep_learning_2.py"""
import math
import numpy as np


def close(a, b, tol=1e-9):
    return abs(a - b) <= tol


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def dsigmoid(z):
    s = sigmoid(z)
    return s * (1 - s)


# ---------- 11 vanishing-exploding-gradients ----------
zs = np.linspace(-10, 10, 200001)
s = 1 / (1 + np.exp(-zs))
assert close(float((s * (1 - s)).max()), 0.25)      # max at z = 0
assert dsigmoid(0) == 0.25
assert round(sigmoid(2), 3) == 0.881
assert round(dsigmoid(2), 3) == 0.105
assert round(dsigmoid(5), 4) == 0.0066
assert 0.25 ** 5 == 0.0009765625                     # 5 layers
assert round(0.25 ** 10, 9) == 9.54e-07              # 10 layers
assert round(0.25 ** 10 * 1e6, 2) == 0.95            # "about one millionth"
assert round(0.5 ** 20, 9) == 9.54e-07
assert round(1.5 ** 20) == 3325
assert round(1.5 ** 50 / 1e8, 2) == 6.38             # 6.38e8
assert round(0.9 ** 50, 4) == 0.0052
assert round(1.1 ** 50, 1) == 117.4
# worked chain: weights w=0.8 with sigmoid at z=0 on each of 4 layers
assert round((0.8 * 0.25) ** 4, 4) == 0.0016
# ReLU chain with w = 1 and positive inputs: factor 1
assert 1.0 ** 30 == 1.0
# tanh derivative max 1 at 0
assert 1 - math.tanh(0) ** 2 == 1.0
assert round(1 - math.tanh(2) ** 2, 3) == 0.071
# quiz: sigmoid derivative at z = 0, times weight 2, 6 layers
assert (2 * 0.25) ** 6 == 0.015625
# quiz: factor 1.2 over 30 layers
assert round(1.2 ** 30) == 237

# ---------- 12 he-initialization ----------
assert math.sqrt(2 / 512) == 0.0625
assert round(math.sqrt(2 / 256), 4) == 0.0884
assert round(math.sqrt(2 / 784), 4) == 0.0505
xav_var = 2 / (512 + 256)
assert round(xav_var, 6) == 0.002604
assert round(math.sqrt(xav_var), 4) == 0.051
assert round(math.sqrt(6 / (512 + 256)), 4) == 0.0884  # Xavier uniform
assert round(math.sqrt(6 / 512), 4) == 0.1083          # He uniform
# variance gain per ReLU layer: fan_in * Var(w) / 2
def relu_gain(fan_in, var_w):
    return fan_in * var_w / 2
assert relu_gain(512, 2 / 512) == 1.0
assert round(relu_gain(512, 0.01 ** 2), 4) == 0.0256
assert round(math.sqrt(0.0256), 2) == 0.16
assert round(0.16 ** 10, 10) == 1.1e-08
assert relu_gain(512, 1.0) == 256.0
assert math.sqrt(256) == 16
assert round(16.0 ** 10 / 1e12, 2) == 1.1              # 1.1e12
# Xavier on a ReLU net with fan_in = fan_out: gain 1/2 per layer
assert relu_gain(512, 2 / (512 + 512)) == 0.5
assert round(math.sqrt(0.5 ** 10), 4) == 0.0312        # std after 10
assert round(0.5 ** 10, 6) == 0.000977
# simulate: std of activations after 10 ReLU layers of width 512
rng = np.random.default_rng(0)
x0 = rng.standard_normal((1000, 512))
def run(std, layers=10):
    h = x0
    for _ in range(layers):
        w = rng.standard_normal((512, 512)) * std
        z = h @ w
        h = np.maximum(z, 0)
    return z.std()
he_std = run(math.sqrt(2 / 512))
assert 0.7 < he_std < 1.4, he_std            # stays near 1
assert run(0.01) < 1e-6                      # vanishes
assert run(1.0) > 1e10                       # explodes
# quiz: fan_in 128 -> He std 0.125
assert math.sqrt(2 / 128) == 0.125
# quiz: Xavier std for 300 -> 100
assert round(math.sqrt(2 / 400), 4) == 0.0707
# quiz: He variance for fan_in 1024
assert round(2 / 1024, 6) == 0.001953

# ---------- 13 batch-layer-normalization ----------
feat = np.array([2.0, 4.0, 6.0, 8.0])
assert feat.mean() == 5.0
assert feat.var() == 5.0                       # biased, divide by n
assert round(float(feat.var(ddof=1)), 3) == 6.667  # unbiased
assert round(math.sqrt(5), 3) == 2.236
bn = (feat - 5) / np.sqrt(5 + 1e-5)
assert [round(float(v), 3) for v in bn] == [-1.342, -0.447, 0.447, 1.342]
# with gamma=2, beta=1
assert [round(float(v), 3) for v in 2 * bn + 1] == [-1.683, 0.106, 1.894, 3.683]
# running estimates, momentum 0.1, start mean 0 var 1
rm = 0.9 * 0 + 0.1 * 5.0
rv = 0.9 * 1 + 0.1 * (20 / 3)
assert rm == 0.5
assert round(rv, 3) == 1.567
ex = np.array([1.0, 2.0, 3.0, 6.0])
assert ex.mean() == 3.0
assert ex.var() == 3.5
assert round(math.sqrt(3.5), 3) == 1.871
ln = (ex - 3) / np.sqrt(3.5 + 1e-5)
assert [round(float(v), 3) for v in ln] == [-1.069, -0.535, 0.0, 1.604]
# parameters: 2 per feature
assert 2 * 768 == 1536
# quiz: batch values 1,3,5,7 -> normalized first value
q = np.array([1.0, 3.0, 5.0, 7.0])
assert q.var() == 5.0
assert round(float((1 - q.mean()) / math.sqrt(q.var() + 1e-5)), 2) == -1.34
assert round(float((1 - q.mean()) / q.std(ddof=1)), 2) == -1.16   # mistake
# quiz: layer norm of [2, 4, 6]: third value
l3 = np.array([2.0, 4.0, 6.0])
assert round(float((6 - 4) / math.sqrt(l3.var() + 1e-5)), 2) == 1.22
assert round(float((6 - 4) / l3.std(ddof=1)), 2) == 1.0           # mistake
# quiz: conv batch norm params for 64 channels (gamma, beta)
assert 2 * 64 == 128

# ---------- 14 residuals-and-clipping ----------
assert round(0.1 ** 10, 12) == 1e-10
assert round(1.1 ** 10, 3) == 2.594
assert round(0.5 ** 10, 6) == 0.000977
assert round(1.5 ** 10, 1) == 57.7
g1 = np.array([3.0, 4.0]); g2 = np.array([12.0])
tot = math.sqrt((g1 ** 2).sum() + (g2 ** 2).sum())
assert tot == 13.0
scale = 5 / (tot + 1e-6)
assert round(scale, 4) == 0.3846
c1, c2 = g1 * scale, g2 * scale
assert [round(float(v), 3) for v in c1] == [1.154, 1.538]
assert round(float(c2[0]), 3) == 4.615
newnorm = math.sqrt((c1 ** 2).sum() + (c2 ** 2).sum())
assert round(newnorm, 4) == 5.0
# clip by value at 5: [3, 4], [5] -> direction changes
cv = np.clip(np.concatenate([g1, g2]), -5, 5)
assert list(cv) == [3.0, 4.0, 5.0]
cos = cv @ np.array([3, 4, 12.0]) / (np.linalg.norm(cv) * 13)
assert cos < 0.95
# norm below max: untouched
assert math.sqrt(1 ** 2 + 2 ** 2 + 2 ** 2) == 3.0
# quiz: grads [6, 8], max_norm 1 -> first component
t = math.sqrt(36 + 64)
assert t == 10.0
assert round(6 * 1 / (t + 1e-6), 3) == 0.6
# quiz: gradients [2, 1] and [2], max_norm 5 -> untouched, norm 3
assert math.sqrt(4 + 1 + 4) == 3.0
# quiz: residual branch derivative 0.1 -> block derivative 1.1
assert round(1 + 0.1, 1) == 1.1

# ---------- 15 overfitting ----------
train = [0.90, 0.60, 0.42, 0.31, 0.22, 0.15, 0.09, 0.05]
val = [0.92, 0.66, 0.51, 0.46, 0.47, 0.52, 0.60, 0.68]
best = int(np.argmin(val)) + 1
assert best == 4 and val[best - 1] == 0.46
gaps = [round(v - t, 2) for t, v in zip(train, val)]
assert gaps == [0.02, 0.06, 0.09, 0.15, 0.25, 0.37, 0.51, 0.63]
# capacity: MLP 2-100-100-1
assert 2 * 100 + 100 + 100 * 100 + 100 + 100 * 1 + 1 == 10501
# degree n-1 polynomial through n points: zero train error
xs = np.arange(10.0); ys = np.random.default_rng(1).standard_normal(10)
coef = np.polyfit(xs, ys, 9)
assert np.abs(np.polyval(coef, xs) - ys).max() < 1e-6
assert 9 + 1 == 10   # 10 coefficients
# quiz: gap at epoch 6
assert gaps[5] == 0.37
# quiz: 3-layer net params 10-50-50-1
assert 10 * 50 + 50 + 50 * 50 + 50 + 50 + 1 == 3151

# ---------- 16 regularization ----------
a = np.array([2.0, 4.0, 6.0, 8.0]); mask = np.array([1, 0, 1, 0])
assert list(a * mask / (1 - 0.5)) == [4.0, 0.0, 12.0, 0.0]
assert 1 / (1 - 0.5) == 2.0
assert 1 / (1 - 0.2) == 1.25
assert round(1 / (1 - 0.1), 3) == 1.111
# expected value preserved: E[mask]/(1-p) = 1
assert (1 - 0.2) / (1 - 0.2) == 1.0
w = np.array([0.5, -2.0, 3.0]); lam = 0.01
assert round(float(lam * (w ** 2).sum()), 4) == 0.1325
assert round(float(lam * np.abs(w).sum()), 4) == 0.055
assert [round(float(v), 3) for v in 2 * lam * w] == [0.01, -0.04, 0.06]
assert [round(float(v), 3) for v in lam * np.sign(w)] == [0.01, -0.01, 0.01]
# one L2 step, lr 0.1, data gradient zero: w <- w(1 - 2*lr*lam)
assert round(1 - 2 * 0.1 * 0.01, 3) == 0.998
# ensemble variance
sig2, B, rho = 4.0, 10, 0.3
assert round(sig2 / B, 2) == 0.4
assert round(rho * sig2 + (1 - rho) * sig2 / B, 2) == 1.48
assert round(rho * sig2, 2) == 1.2
# quiz: dropout p=0.25, activation 3 kept -> 4
assert 3 / (1 - 0.25) == 4.0
# quiz: L2 penalty lambda 0.1, w = [1, -2, 2]
assert round(0.1 * (1 + 4 + 4), 2) == 0.9
assert round(0.1 * (1 + 2 + 2), 2) == 0.5            # L1 mistake
# quiz: ensemble of 5 uncorrelated with var 2 -> 0.4
assert 2 / 5 == 0.4
# quiz: correlated rho=0.5, var 2, B=5 -> 1.2
assert round(0.5 * 2 + 0.5 * 2 / 5, 2) == 1.2

# ---------- 17 architectures ----------
def rnn_params(d, h):
    return h * (d + h) + h
assert rnn_params(10, 20) == 620
assert 4 * rnn_params(10, 20) == 2480
assert 3 * rnn_params(10, 20) == 1860
assert 4 * (20 * 10 + 20 * 20 + 2 * 20) == 2560      # PyTorch LSTM
assert 3 * (20 * 10 + 20 * 20 + 2 * 20) == 1920      # PyTorch GRU
assert 784 * 100 + 100 == 78500
assert 3 * 3 * 1 * 100 + 100 == 1000
# GNN mean aggregation: node A neighbours B=2, C=4
assert (2 + 4) / 2 == 3
# quiz: RNN d=4, h=8
assert rnn_params(4, 8) == 104
assert 4 * rnn_params(4, 8) == 416
assert 3 * rnn_params(4, 8) == 312
# quiz: dense 32x32x3 -> 10
assert 32 * 32 * 3 * 10 + 10 == 30730

# ---------- 18 convolution ----------
def conv1d(x, k):
    return [sum(x[i + j] * k[j] for j in range(len(k)))
            for i in range(len(x) - len(k) + 1)]
assert conv1d([1, 2, 0, 3, 1], [1, 0, -1]) == [1, -1, -1]
X = np.array([[1, 2, 0, 1],
              [0, 1, 3, 1],
              [2, 1, 0, 0],
              [1, 0, 1, 2]])
K = np.array([[1, 0, -1],
              [1, 0, -1],
              [1, 0, -1]])
Y = np.array([[int((X[i:i + 3, j:j + 3] * K).sum()) for j in range(2)]
              for i in range(2)])
assert Y.tolist() == [[0, 2], [-1, -1]]
# by hand: left column sum minus right column sum of each window
assert (1 + 0 + 2) - (0 + 3 + 0) == 0
assert (2 + 1 + 1) - (1 + 1 + 0) == 2
assert (0 + 2 + 1) - (3 + 0 + 1) == -1
assert (1 + 1 + 0) - (1 + 0 + 2) == -1
def out(n, k, p, s):
    return (n + 2 * p - k) // s + 1
assert out(4, 3, 0, 1) == 2
assert out(32, 3, 1, 1) == 32
assert out(32, 3, 0, 2) == 15
assert out(7, 3, 1, 2) == 4
assert out(224, 16, 0, 16) == 14
assert 14 * 14 == 196
assert out(224, 7, 3, 2) == 112    # ResNet stem
assert out(5, 3, 1, 1) == 5
# parameter counts
std = 3 * 3 * 64 * 128
assert std == 73728
assert std + 128 == 73856
dw = 3 * 3 * 64
pw = 64 * 128
assert dw == 576 and pw == 8192 and dw + pw == 8768
assert round(std / (dw + pw), 2) == 8.41
assert round(1 / 128 + 1 / 9, 4) == 0.1189
assert 256 * 64 == 16384
assert 256 * 64 + 64 == 16448
# ViT-B/16 patch embedding
assert 16 * 16 * 3 == 768
assert 16 * 16 * 3 * 768 == 589824
assert 16 * 16 * 3 * 768 + 768 == 590592
# quiz: output size n=28, k=5, p=0, s=1 -> 24
assert out(28, 5, 0, 1) == 24
assert out(28, 5, 2, 1) == 28
# quiz: n=64, k=3, p=1, s=2 -> 32
assert out(64, 3, 1, 2) == 32
assert (64 + 2 - 3) / 2 + 1 == 32.5     # forgot the floor
# quiz: conv 3x3, 32 -> 64 channels, with bias
assert 3 * 3 * 32 * 64 + 64 == 18496
assert 3 * 3 * 64 + 64 == 640            # forgot input channels
# quiz: depthwise separable 3x3, 32 -> 64, no bias
assert 3 * 3 * 32 + 32 * 64 == 2336
# quiz: patches of 224 image with 14x14 patch size... 16 -> 196; 32 -> 49
assert out(224, 32, 0, 32) ** 2 == 49

# ---------- 19 pooling ----------
P = np.array([[1, 3, 2, 0],
              [4, 2, 1, 1],
              [0, 1, 5, 6],
              [2, 2, 7, 8]], dtype=float)
mx = P.reshape(2, 2, 2, 2).max(axis=(1, 3))
av = P.reshape(2, 2, 2, 2).mean(axis=(1, 3))
assert mx.tolist() == [[4, 2], [2, 8]]
assert av.tolist() == [[2.5, 1.0], [1.25, 6.5]]
assert out(4, 2, 0, 2) == 2
assert out(112, 3, 1, 2) == 56     # ResNet max pool
assert out(13, 3, 0, 2) == 6       # overlapping pooling, AlexNet
assert 7 * 7 * 512 == 25088
assert 7 * 7 * 512 * 1000 == 25088000
assert 512 * 1000 + 1000 == 513000
# gradient of avg pool 2x2: each input gets 1/4
assert 1 / 4 == 0.25
# quiz: max pool of window [[1, 5], [3, 2]] and average
assert max(1, 5, 3, 2) == 5
assert (1 + 5 + 3 + 2) / 4 == 2.75
# quiz: 32x32x16 after 2x2 stride-2 pool -> 16x16x16 = 4096 values
assert out(32, 2, 0, 2) == 16
assert 16 * 16 * 16 == 4096

# ---------- 20 discriminative-generative ----------
n, spam = 100, 30
free_spam, free_ham = 18, 7
p_free_s = free_spam / spam
p_free_h = free_ham / (n - spam)
assert p_free_s == 0.6 and round(p_free_h, 2) == 0.1
p_s = spam / n
post = p_free_s * p_s / (p_free_s * p_s + p_free_h * (1 - p_s))
assert round(post, 2) == 0.72
assert round(free_spam / (free_spam + free_ham), 2) == 0.72
assert round(p_free_s * p_s, 2) == 0.18 and round(p_free_h * (1 - p_s), 2) == 0.07
assert free_spam + free_ham == 25
# quiz: p(x|y=1)=0.5, p(y=1)=0.2, p(x|y=0)=0.1 -> posterior
pp = 0.5 * 0.2 / (0.5 * 0.2 + 0.1 * 0.8)
assert round(pp, 3) == 0.556
assert round(0.5 * 0.2, 2) == 0.1            # forgot to normalize

# ---------- 21 autoencoders ----------
assert 784 / 32 == 24.5
enc = 784 * 32 + 32
dec = 32 * 784 + 784
assert enc == 25120 and dec == 25872 and enc + dec == 50992
x = np.array([1.0, 0.0, 0.5, 0.25]); xh = np.array([0.9, 0.1, 0.5, 0.45])
assert round(float(((x - xh) ** 2).mean()), 4) == 0.015
assert round(float(np.abs(x - xh).mean()), 4) == 0.1
assert round(float(((x - xh) ** 2).sum()), 4) == 0.06
assert 28 * 28 == 784
# quiz: x=[1,0,1], xh=[0.8,0.2,0.5] MSE
q1 = np.array([1.0, 0.0, 1.0]); q2 = np.array([0.8, 0.2, 0.5])
assert round(float(((q1 - q2) ** 2).mean()), 2) == 0.11
assert round(float(((q1 - q2) ** 2).sum()), 2) == 0.33     # mistake: sum
assert round(float(np.abs(q1 - q2).mean()), 2) == 0.3      # mistake: MAE
# quiz: autoencoder 100 -> 10 -> 100 params
assert 100 * 10 + 10 + 10 * 100 + 100 == 2110
assert 100 * 10 + 10 * 100 == 2000                        # forgot biases
# BCE example for one pixel x=1, xh=0.9
assert round(-math.log(0.9), 3) == 0.105

# ---------- quiz-2.md: remaining answers and mistake values ----------
# vanishing-exploding-gradients-sigmoid-chain
assert round(0.25 ** 6, 6) == 0.000244
assert 6 * 0.5 == 3
# vanishing-exploding-gradients-explode-factor
assert round(1.2 * 30) == 36 and round(0.2 * 30) == 6
# he-initialization-std
assert round(2 / 128, 4) == 0.0156
assert round(math.sqrt(1 / 128), 4) == 0.0884
assert round(math.sqrt(2 / (128 + 64)), 4) == 0.1021
# he-initialization-xavier-std
assert 2 / 400 == 0.005
assert round(math.sqrt(2 / 300), 4) == 0.0816
assert round(math.sqrt(2 / 100), 4) == 0.1414
# lesson 12 numbers
assert round(2 / 512, 4) == 0.0039
assert 3 * 3 * 64 == 576
# batch-layer-normalization-bn-value: mean 4, mistake "no divide" = -3
assert float(q.mean()) == 4.0
assert float(1 - q.mean()) == -3.0
# batch-layer-normalization-ln-value: mistake "no divide" = 2
assert float(6 - l3.mean()) == 2.0
assert round(float(l3.var()), 3) == 2.667 and round(math.sqrt(8 / 3), 3) == 1.633
# residuals-and-clipping-clip-value: clipped vector [0.6, 0.8]
assert [round(v / (t + 1e-6), 3) for v in (6, 8)] == [0.6, 0.8]
# residuals-and-clipping-residual-chain
assert round(1.2 ** 3, 3) == 1.728
assert round(0.2 ** 3, 3) == 0.008
assert round(1 + 3 * 0.2, 1) == 1.6
# overfitting-best-epoch
qtr = [0.80, 0.55, 0.40, 0.30, 0.21, 0.14]
qva = [0.82, 0.60, 0.50, 0.48, 0.53, 0.61]
assert int(np.argmin(qva)) + 1 == 4 and int(np.argmin(qtr)) + 1 == 6
assert all(qtr[i + 1] < qtr[i] for i in range(5))
# overfitting-param-count mistake: weights only
assert 10 * 50 + 50 * 50 + 50 * 1 == 3050
assert 10 * 50 + 50 == 550 and 50 * 50 + 50 == 2550 and 50 + 1 == 51
# regularization-dropout-scale mistakes
assert round(3 * (1 - 0.25), 2) == 2.25 and round(3 * 1.25, 2) == 3.75
assert 0.75 * 4 + 0.25 * 0 == 3
# regularization-l2-penalty: gradient and sign-sum mistake
assert [round(2 * 0.1 * v, 2) for v in (1, -2, 2)] == [0.2, -0.4, 0.4]
assert round(0.1 * (1 - 2 + 2), 2) == 0.1
# regularization-ensemble-variance parts
assert 0.5 * 2 == 1 and round(0.5 * 2 / 5, 2) == 0.2
# lesson 16: 1.2 + 0.28
assert round((1 - 0.3) * 4 / 10, 2) == 0.28
# architectures-rnn-params mistakes
assert 8 * 4 + 8 * 8 == 96
assert 8 * 4 + 8 == 40
assert 8 * 4 == 32 and 8 * 8 == 64
# architectures-lstm-params, PyTorch variant with two biases
assert 4 * (8 * 4 + 8 * 8 + 2 * 8) == 448
# convolution-output-size mistake: no padding
assert out(64, 3, 0, 2) == 31
assert math.floor((64 + 2 - 3) / 2) == 31   # floor(31.5)
assert out(64, 3, 1, 1) == 64
# convolution-output-valid mistake
assert 28 - 5 == 23
# convolution-params
assert 3 * 3 * 32 * 64 == 18432 and 64 * (3 * 3 * 32 + 1) == 18496
assert 3 * 3 * 32 == 288
# convolution-separable
assert 32 * 64 == 2048 and 288 + 2048 == 2336
assert round(18432 / 2336, 1) == 7.9
# convolution-1d: outputs and flipped-kernel mistake
assert conv1d([2, 1, 3, 0], [1, -1]) == [1, -2, 3]
assert conv1d([2, 1, 3, 0], [-1, 1]) == [-1, 2, -3]
# convolution-patches
assert out(224, 32, 0, 32) == 7
assert out(224, 16, 0, 16) ** 2 == 196
# pooling worked example block sums
assert (1 + 3 + 4 + 2) / 4 == 2.5 and (0 + 1 + 2 + 2) / 4 == 1.25
assert (5 + 6 + 7 + 8) / 4 == 6.5
# pooling quiz mistakes
assert 1 + 5 + 3 + 2 == 11
assert 16 * 16 == 256 and 32 * 32 * 16 == 16384
# discriminative-generative-bayes
assert round(0.5 * 0.2 + 0.1 * 0.8, 2) == 0.18
assert round(0.1 / 0.18, 3) == 0.556
# autoencoders
assert round(float(np.abs(x - xh).sum()), 4) == 0.4
assert 100 * 10 + 10 == 1010 and 10 * 100 + 100 == 1100
assert round(float(((q1 - q2) ** 2).sum()), 2) == 0.33
# lesson 11 table
assert sigmoid(0) == 0.5 and round(sigmoid(5), 3) == 0.993

print("all deep-learning (part 2) checks passed")
