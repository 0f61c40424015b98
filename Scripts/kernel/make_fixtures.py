#!/usr/bin/env python3
"""Reference values for the Kernel tests, computed with numpy, scikit-learn and PyTorch.

Run from the repository root:  python3 Scripts/kernel/make_fixtures.py
It writes small JSON files into Tests/KernelTests/Fixtures/. They are committed, so `swift test`
needs no Python. PyTorch runs in float64 throughout so the Swift Double paths can be compared at
1e-9 relative. Inputs are fixed literals or come from a seeded numpy generator; the fixtures store
the inputs next to the outputs, so the Swift side never needs numpy's random streams.

Versions used are recorded in each file under "versions". Regenerating is deterministic: the same
library versions on the same CPU give byte-identical files. On another CPU the vectorized math in
numpy and PyTorch may pick different code paths and move the last bits (measured: at most 1e-13
relative, in tanh, the MLP gradients and the softmax coefficients), far inside the tolerances below.

Tolerances used by the Swift tests (Tests/KernelTests/Support.swift):
- 1e-9 relative, with a 1e-12 absolute floor near zero, for everything computed in closed form or
  step by step (activations, losses, gradients, optimizer trajectories, schedules, statistics,
  scalers, metrics, linear regression, MLP gradients). The kernel has no Float paths.
- 1e-8 relative for logistic/softmax regression: scikit-learn's solver stops at its tolerance.
- 1e-6 relative for decision-tree thresholds: scikit-learn's trees work on float32 features.
- Exact equality for integers: RNG streams, split indices, confusion matrices, predictions.
"""
import json
import math
import os

import numpy as np
import sklearn
import torch
from sklearn import metrics as skm
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import KFold, LeaveOneOut, ShuffleSplit, StratifiedKFold, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import MinMaxScaler, StandardScaler
from sklearn.tree import DecisionTreeClassifier

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "KernelTests", "Fixtures")
VERSIONS = {"numpy": np.__version__, "sklearn": sklearn.__version__, "torch": torch.__version__}
rng = np.random.default_rng(20251125)


def tolist(x):
    if isinstance(x, torch.Tensor):
        x = x.detach().numpy()
    return np.asarray(x).tolist()


def write(name, payload):
    payload["versions"] = VERSIONS
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
    print(f"{name}: {os.path.getsize(path)} bytes")


# --- Random generator: xoshiro256** seeded by splitmix64, written out from the published algorithm.
MASK = (1 << 64) - 1


def splitmix_states(seed):
    s = seed
    out = []
    for _ in range(4):
        s = (s + 0x9E3779B97F4A7C15) & MASK
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        out.append(z ^ (z >> 31))
    return out


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro:
    def __init__(self, seed):
        self.s = splitmix_states(seed)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def below(self, bound):  # Lemire's nearly divisionless method
        product = self.next() * bound
        low = product & MASK
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                product = self.next() * bound
                low = product & MASK
        return product >> 64


def rng_fixture():
    cases = []
    for seed in (0, 42, 2**63 + 5):
        g = Xoshiro(seed)
        words = [str(g.next()) for _ in range(6)]
        uniforms = [g.uniform().hex() for _ in range(4)]
        below = [g.below(10) for _ in range(10)] + [g.below(3) for _ in range(5)]
        cases.append({"seed": str(seed), "words": words, "uniforms": uniforms, "below": below})
    write("rng.json", {"cases": cases})


# --- Activations and their derivatives (autograd), softmax / log-softmax.
def activations_fixture():
    x = torch.tensor(np.linspace(-4, 4, 17).tolist() + [-0.3, 0.7, 10.0, -10.0], requires_grad=True)
    funcs = {
        "relu": torch.relu,
        "leakyReLU": lambda t: torch.nn.functional.leaky_relu(t, 0.01),
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "gelu": lambda t: torch.nn.functional.gelu(t),
        "geluTanh": lambda t: torch.nn.functional.gelu(t, approximate="tanh"),
    }
    out = {"x": tolist(x)}
    for name, f in funcs.items():
        y = f(x)
        (g,) = torch.autograd.grad(y.sum(), x)
        out[name] = {"value": tolist(y), "derivative": tolist(g)}
    logits = torch.tensor(rng.normal(size=(3, 4)) * 2, requires_grad=True)
    weights = torch.tensor(rng.normal(size=(3, 4)))
    for name, f in (("softmax", torch.softmax), ("logSoftmax", torch.log_softmax)):
        y = f(logits, dim=1)
        (g,) = torch.autograd.grad((y * weights).sum(), logits)
        out[name] = {"value": tolist(y), "gradient": tolist(g)}
    out["logits"] = tolist(logits)
    out["weights"] = tolist(weights)
    write("activations.json", out)


# --- Losses: values and gradients with respect to the prediction.
def losses_fixture():
    F = torch.nn.functional
    pred = rng.normal(size=(4, 3))
    target = rng.normal(size=(4, 3))
    prob = rng.uniform(0.05, 0.95, size=(4, 3))
    binary = rng.integers(0, 2, size=(4, 3)).astype(float)
    logits = rng.normal(size=(5, 4)) * 2
    labels = [0, 3, 1, 1, 2]
    out = {"pred": pred.tolist(), "target": target.tolist(), "prob": prob.tolist(), "binary": binary.tolist(),
           "logits": logits.tolist(), "labels": labels}

    def record(name, fn, inputs):
        t = torch.tensor(inputs, requires_grad=True)
        loss = fn(t)
        (g,) = torch.autograd.grad(loss, t)
        out[name] = {"value": loss.item(), "gradient": tolist(g)}

    record("mse", lambda p: F.mse_loss(p, torch.tensor(target)), pred)
    record("mae", lambda p: F.l1_loss(p, torch.tensor(target)), pred)
    record("bce", lambda p: F.binary_cross_entropy(p, torch.tensor(binary)), prob)
    record("bceWithLogits", lambda p: F.binary_cross_entropy_with_logits(p, torch.tensor(binary)), pred)
    record("crossEntropy", lambda z: F.cross_entropy(z, torch.tensor(labels)), logits)
    write("losses.json", out)


# --- Optimizers: 60 steps on the Rosenbrock function from (-1.5, 2). The gradient is written out by
# hand (same expression as the Swift test) and assigned to .grad, so only the update rule is compared.
def rosenbrock_grad(x, y):
    return [-2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)]


def optimizers_fixture():
    configs = [
        ("sgd", torch.optim.SGD, {"lr": 1e-3}),
        ("sgdMomentum", torch.optim.SGD, {"lr": 5e-4, "momentum": 0.9}),
        ("sgdDampening", torch.optim.SGD, {"lr": 5e-4, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
        ("sgdNesterov", torch.optim.SGD, {"lr": 5e-4, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}),
        ("rmsprop", torch.optim.RMSprop, {"lr": 0.01}),
        ("rmspropCentered", torch.optim.RMSprop,
         {"lr": 0.005, "alpha": 0.9, "centered": True, "momentum": 0.5, "weight_decay": 0.01}),
        ("adam", torch.optim.Adam, {"lr": 0.05}),
        ("adamWeightDecay", torch.optim.Adam, {"lr": 0.05, "betas": (0.8, 0.99), "weight_decay": 0.1}),
        ("adamw", torch.optim.AdamW, {"lr": 0.05, "weight_decay": 0.1}),
        # A large epsilon makes "outside the square root" observable (gradients here are ~100).
        ("adamEpsilon", torch.optim.Adam, {"lr": 0.05, "eps": 1.0}),
        ("adamwEpsilon", torch.optim.AdamW, {"lr": 0.05, "eps": 1.0, "weight_decay": 0.05}),
        ("rmspropEpsilon", torch.optim.RMSprop, {"lr": 0.01, "eps": 1.0, "centered": True}),
    ]
    out = {"start": [-1.5, 2.0], "steps": 60, "runs": {}}
    for name, cls, kwargs in configs:
        p = torch.tensor([-1.5, 2.0], requires_grad=True)
        opt = cls([p], **kwargs)
        trajectory = []
        for _ in range(60):
            x, y = p.detach().tolist()
            p.grad = torch.tensor(rosenbrock_grad(x, y))
            opt.step()
            trajectory.append(p.detach().tolist())
        clean = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}
        out["runs"][name] = {"options": clean, "trajectory": trajectory}
    # Clipping.
    g = rng.normal(size=7) * 3
    t = torch.tensor(g.copy(), requires_grad=True)
    t.grad = torch.tensor(g.copy())
    norm = torch.nn.utils.clip_grad_norm_([t], max_norm=1.5)
    out["clipNorm"] = {"gradient": g.tolist(), "maxNorm": 1.5, "norm": norm.item(), "clipped": tolist(t.grad)}
    t.grad = torch.tensor(g.copy())
    torch.nn.utils.clip_grad_value_([t], clip_value=0.8)
    out["clipValue"] = {"limit": 0.8, "clipped": tolist(t.grad)}
    # Schedules: learning rate at epochs 0..19 for base rate 0.1.
    schedules = {}
    for name, make in (
        ("step", lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
        ("cosine", lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10, eta_min=0.001)),
        ("linearWarmup", lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=5)),
    ):
        o = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
        s = make(o)
        rates = []
        for _ in range(20):
            rates.append(o.param_groups[0]["lr"])
            o.step()
            s.step()
        schedules[name] = rates
    out["schedules"] = schedules
    write("optimizers.json", out)


def initializers_fixture():
    gains = {name: torch.nn.init.calculate_gain(name) for name in ("linear", "sigmoid", "tanh", "relu")}
    gains["leaky_relu"] = torch.nn.init.calculate_gain("leaky_relu", 0.01)
    write("initializers.json", {"gains": gains})


# --- Statistics and scalers (numpy / scikit-learn).
def statistics_fixture():
    x = np.round(rng.normal(10, 3, size=23), 3)
    y = 0.5 * x + rng.normal(0, 1, size=23)
    quantiles = [0, 0.1, 0.25, 0.5, 0.9, 0.95, 1]
    c5, e5 = np.histogram(x, bins=5)
    c7, e7 = np.histogram(x, bins=7, range=(5.0, 15.0))
    write("statistics.json", {
        "x": x.tolist(), "y": y.tolist(), "mean": float(np.mean(x)),
        "variance": float(np.var(x)), "varianceUnbiased": float(np.var(x, ddof=1)),
        "std": float(np.std(x)), "stdUnbiased": float(np.std(x, ddof=1)),
        "median": float(np.median(x)), "medianEven": float(np.median(x[:22])),
        "quantileLevels": quantiles, "quantiles": [float(np.quantile(x, q)) for q in quantiles],
        "pearson": float(np.corrcoef(x, y)[0, 1]),
        "hist5": {"counts": c5.tolist(), "edges": e5.tolist()},
        "hist7": {"counts": c7.tolist(), "edges": e7.tolist()},
    })
    train = rng.normal(size=(6, 3)) * [1, 5, 0] + [0, 2, 4]
    test = rng.normal(size=(4, 3)) * 2
    mm = MinMaxScaler().fit(train)
    mm2 = MinMaxScaler(feature_range=(-1, 1)).fit(train)
    ss = StandardScaler().fit(train)
    write("scalers.json", {
        "train": train.tolist(), "test": test.tolist(),
        "minMax": mm.transform(test).tolist(), "minMaxSymmetric": mm2.transform(test).tolist(),
        "standard": ss.transform(test).tolist(), "mean": ss.mean_.tolist(), "scale": ss.scale_.tolist(),
    })


# --- Resampling: exact indices where scikit-learn is deterministic.
def folds(splitter, *args):
    return [{"train": tr.tolist(), "test": te.tolist()} for tr, te in splitter.split(*args)]


def splits_fixture():
    labels_a = [0, 0, 1, 1, 1, 0, 2, 2, 1, 0, 1, 1, 0, 2, 1, 1]
    labels_b = [2, 2, 0, 1, 0, 2, 1, 1, 0, 2, 0, 0, 1, 2, 5, 5, 5, 0]
    out = {
        "kfold5n13": folds(KFold(5), np.zeros(13)),
        "kfold3n10": folds(KFold(3), np.zeros(10)),
        "kfold4n4": folds(KFold(4), np.zeros(4)),
        "labelsA": labels_a, "labelsB": labels_b,
        "stratified3A": folds(StratifiedKFold(3), np.zeros(len(labels_a)), labels_a),
        "stratified4B": folds(StratifiedKFold(4), np.zeros(len(labels_b)), labels_b),
        "stratified2B": folds(StratifiedKFold(2), np.zeros(len(labels_b)), labels_b),
        "leaveOneOut4": folds(LeaveOneOut(), np.zeros(4)),
    }
    tr, te = train_test_split(np.arange(10), test_size=0.25, shuffle=False)
    out["trainTest10"] = {"train": tr.tolist(), "test": te.tolist()}
    tr, te = train_test_split(np.arange(7), test_size=0.3, shuffle=False)
    out["trainTest7"] = {"train": tr.tolist(), "test": te.tolist()}
    sizes = []
    for n, test, train in ((10, 0.25, None), (10, 0.25, 0.5), (7, 0.3, None), (101, 0.1, None)):
        a, b = next(ShuffleSplit(1, test_size=test, train_size=train, random_state=0).split(np.zeros(n)))
        sizes.append({"n": n, "test": test, "train": train, "trainSize": len(a), "testSize": len(b)})
    out["shuffleSizes"] = sizes
    write("splits.json", out)


def metrics_fixture():
    y = rng.normal(size=12)
    yhat = y + rng.normal(0, 0.5, size=12)
    t = [0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0]
    p = [0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 0]
    mt = [0, 1, 2, 2, 1, 0, 3, 2, 1, 1, 0, 2]
    mp = [0, 2, 2, 2, 1, 0, 1, 2, 0, 1, 0, 3]
    scores = [0.1, 0.8, 0.4, 0.35, 0.9, 0.7, 0.4, 0.2, 0.65, 0.4, 0.55, 0.3, 0.95, 0.0]
    probs = [0.1, 0.8, 0.4, 0.35, 0.9, 0.7, 0.4, 0.2, 0.65, 0.4, 0.55, 0.3, 1.0, 0.0]
    rows = rng.dirichlet([1, 1, 1, 1], size=len(mt))
    avg = {}
    for a in ("macro", "weighted", "micro"):
        avg[a] = {"precision": skm.precision_score(mt, mp, average=a, zero_division=0),
                  "recall": skm.recall_score(mt, mp, average=a, zero_division=0),
                  "f1": skm.f1_score(mt, mp, average=a, zero_division=0)}
    write("metrics.json", {
        "y": y.tolist(), "yhat": yhat.tolist(),
        "mae": skm.mean_absolute_error(y, yhat), "mse": skm.mean_squared_error(y, yhat),
        "rmse": skm.root_mean_squared_error(y, yhat), "r2": skm.r2_score(y, yhat),
        "truth": t, "prediction": p, "accuracy": skm.accuracy_score(t, p),
        "precision": skm.precision_score(t, p), "recall": skm.recall_score(t, p), "f1": skm.f1_score(t, p),
        "precisionNegative": skm.precision_score(t, p, pos_label=0),
        "confusion": skm.confusion_matrix(t, p).tolist(),
        "multiTruth": mt, "multiPrediction": mp, "multiConfusion": skm.confusion_matrix(mt, mp).tolist(),
        "multiAccuracy": skm.accuracy_score(mt, mp), "averages": avg,
        "scores": scores, "rocAUC": skm.roc_auc_score(t, scores),
        "probabilities": probs, "logLoss": skm.log_loss(t, probs),
        "probabilityRows": rows.tolist(), "multiLogLoss": skm.log_loss(mt, rows, labels=[0, 1, 2, 3]),
    })


# --- Models.
def models_fixture():
    X = rng.normal(size=(20, 3))
    y = X @ [1.5, -2.0, 0.5] + 3.0 + rng.normal(0, 0.3, size=20)
    lin = LinearRegression().fit(X, y)
    # Gradient descent on y = w·x + b (one feature), as a PyTorch loop.
    x1 = rng.uniform(-2, 2, size=15)
    y1 = 2.0 * x1 - 1.0 + rng.normal(0, 0.4, size=15)
    trajectories = {}
    for loss_name, fn in (("mse", torch.nn.functional.mse_loss), ("mae", torch.nn.functional.l1_loss)):
        w = torch.zeros(1, requires_grad=True)
        b = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([w, b], lr=0.1)
        steps = []
        for _ in range(25):
            opt.zero_grad()
            loss = fn(w * torch.tensor(x1) + b, torch.tensor(y1))
            loss.backward()
            opt.step()
            steps.append([w.item(), b.item(), loss.item()])
        trajectories[loss_name] = steps
    # Logistic regression: scikit-learn's default L2 penalty with C = 1, solved to tight tolerance.
    Xc = rng.normal(size=(40, 2))
    logit = 1.2 * Xc[:, 0] - 0.8 * Xc[:, 1] + 0.3
    yc = (rng.uniform(size=40) < 1 / (1 + np.exp(-2 * logit))).astype(int)
    log = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(Xc, yc)
    log_weak = LogisticRegression(C=0.1, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(Xc, yc)
    grid = [[a, b] for a in np.linspace(-2, 2, 5) for b in np.linspace(-2, 2, 5)]
    # k-nearest neighbours and a CART tree on three noisy blobs.
    Xb = np.concatenate([rng.normal(c, 0.9, size=(15, 2)) for c in ([0, 0], [3, 1], [1, 3])])
    yb = np.repeat([0, 1, 2], 15)
    knn = {str(k): KNeighborsClassifier(n_neighbors=k).fit(Xb, yb).predict(grid).tolist() for k in (1, 3, 7)}
    tree_preds = {}
    for depth in (1, 2, 3, None):
        tree = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(Xb, yb)
        tree_preds[str(depth)] = {"predictions": tree.predict(grid).tolist(),
                                  "training": tree.predict(Xb).tolist(),
                                  "leaves": int(tree.get_n_leaves()), "depth": int(tree.get_depth()),
                                  "rootFeature": int(tree.tree_.feature[0]),
                                  "rootThreshold": float(tree.tree_.threshold[0])}
    # Multinomial logistic regression on the three blobs (scikit-learn centres the intercepts).
    soft = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(Xb, yb)
    soft_weak = LogisticRegression(C=0.2, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(Xb, yb)
    write("models.json", {
        "softmaxCoefficients": soft.coef_.tolist(), "softmaxIntercepts": soft.intercept_.tolist(),
        "softmaxProbabilities": soft.predict_proba(grid).tolist(),
        "softmaxCoefficientsC02": soft_weak.coef_.tolist(), "softmaxInterceptsC02": soft_weak.intercept_.tolist(),
        "linearX": X.tolist(), "linearY": y.tolist(), "coefficients": lin.coef_.tolist(), "intercept": lin.intercept_,
        "gdX": x1.tolist(), "gdY": y1.tolist(), "gdTrajectories": trajectories,
        "logisticX": Xc.tolist(), "logisticY": yc.tolist(),
        "logisticCoefficients": log.coef_[0].tolist(), "logisticIntercept": float(log.intercept_[0]),
        "logisticCoefficientsC01": log_weak.coef_[0].tolist(), "logisticInterceptC01": float(log_weak.intercept_[0]),
        "logisticProbabilities": log.predict_proba(grid)[:, 1].tolist(),
        "grid": grid, "blobX": Xb.tolist(), "blobY": yb.tolist(), "knn": knn, "tree": tree_preds,
    })


# --- MLP gradients for one batch, in the Swift layout: per layer W (fanIn × fanOut, row-major,
# so a batch is multiplied as X·W) followed by b.
def mlp_case(layers, activation, loss_name, l2, batch):
    act = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid,
           "gelu": torch.nn.functional.gelu}[activation]
    params = []
    flat = []
    for fan_in, fan_out in zip(layers[:-1], layers[1:]):
        W = torch.tensor(rng.normal(0, 1 / math.sqrt(fan_in), size=(fan_in, fan_out)), requires_grad=True)
        b = torch.tensor(rng.normal(0, 0.1, size=fan_out), requires_grad=True)
        params += [W, b]
        flat += W.detach().flatten().tolist() + b.detach().tolist()
    X = torch.tensor(rng.normal(size=(batch, layers[0])))
    h = X
    for i in range(0, len(params), 2):
        h = h @ params[i] + params[i + 1]
        if i + 2 < len(params):
            h = act(h)
    if loss_name == "mse":
        target = rng.normal(size=(batch, layers[-1]))
        loss = torch.nn.functional.mse_loss(h, torch.tensor(target))
        targets = target.flatten().tolist()
    elif loss_name == "bce":
        target = rng.integers(0, 2, size=(batch, 1)).astype(float)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(h, torch.tensor(target))
        targets = target.flatten().tolist()
    else:
        target = rng.integers(0, layers[-1], size=batch)
        loss = torch.nn.functional.cross_entropy(h, torch.tensor(target))
        targets = [float(v) for v in target]
    loss = loss + l2 * sum((W**2).sum() for W in params[0::2])
    grads = torch.autograd.grad(loss, params)
    flat_grads = []
    for i in range(0, len(grads), 2):
        flat_grads += grads[i].flatten().tolist() + grads[i + 1].tolist()
    return {"layers": layers, "activation": activation, "loss": loss_name, "l2": l2,
            "parameters": flat, "inputs": X.tolist(), "targets": targets,
            "lossValue": loss.item(), "gradients": flat_grads}


def mlp_fixture():
    write("mlp.json", {"cases": [
        mlp_case([2, 5, 4, 1], "tanh", "mse", 0.0, 6),
        mlp_case([2, 6, 3], "relu", "crossEntropy", 0.01, 8),
        mlp_case([3, 4, 1], "sigmoid", "bce", 0.001, 5),
        mlp_case([2, 16, 16, 1], "gelu", "mse", 0.0, 32),
    ]})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    rng_fixture()
    activations_fixture()
    losses_fixture()
    optimizers_fixture()
    initializers_fixture()
    statistics_fixture()
    splits_fixture()
    metrics_fixture()
    models_fixture()
    mlp_fixture()
