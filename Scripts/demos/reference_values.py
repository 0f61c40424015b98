#!/usr/bin/env python3
"""Reference values for the demo tests of linear-regression, classify, kmeans, metrics,
perceptron and mlp, computed with numpy and scikit-learn from the data the demos computed on.

The demos generate their data with the kernel's seeded generator, so this script reads the
demos' own reports instead of regenerating the data:

    mkdir -p /tmp/demos-dump
    DEMOS_DUMP=/tmp/demos-dump swift test --filter DemosTests
    python3 Scripts/demos/reference_values.py /tmp/demos-dump

It prints the values the Swift tests in Tests/DemosTests assert (repr, full precision), each
under the name of the test that uses it.
"""
import json
import os
import sys

import numpy as np


def load(directory, name):
    path = os.path.join(directory, name + ".json")
    if not os.path.exists(path):
        print(f"# {name}: no dump at {path}")
        return None
    with open(path) as f:
        return json.load(f)


def linear_regression(d):
    from sklearn.linear_model import QuantileRegressor

    x, y = np.array(d["x"]), np.array(d["y"])
    slope, intercept = np.polyfit(x, y, 1)
    print("# LinearRegressionTests: numpy.polyfit(x, y, 1), the least-squares line")
    print(f"polyfit slope={float(slope)!r} intercept={float(intercept)!r}")
    lad = QuantileRegressor(quantile=0.5, alpha=0, solver="highs").fit(x[:, None], y)
    print("# LinearRegressionTests: least absolute deviations (QuantileRegressor q=0.5, alpha=0)")
    print(f"lad slope={float(lad.coef_[0])!r} intercept={float(lad.intercept_)!r}")


def classify(d):
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier

    x = np.array(d["trainPoints"])
    y = np.array(d["trainLabels"])
    xt, yt = np.array(d["testPoints"]), np.array(d["testLabels"])
    model = d["settings"]["model"]
    if model == "logistic":
        clf = LogisticRegression(C=1.0, tol=1e-12, max_iter=10000).fit(x, y)
        print("# ClassifyTests: sklearn LogisticRegression(C=1) on the training points")
        print(f"logistic coef={clf.coef_[0].tolist()!r} intercept={float(clf.intercept_[0])!r}")
    elif model == "knn":
        clf = KNeighborsClassifier(n_neighbors=d["settings"]["k"]).fit(x, y)
        print(f"# ClassifyTests: sklearn KNeighborsClassifier(k={d['settings']['k']})")
    else:
        from sklearn.tree import DecisionTreeClassifier

        clf = DecisionTreeClassifier(max_depth=d["settings"]["depth"], random_state=0).fit(x, y)
        print(f"# ClassifyTests: sklearn DecisionTreeClassifier(max_depth={d['settings']['depth']})")
    print(f"{model} trainAccuracy={clf.score(x, y)!r} testAccuracy={clf.score(xt, yt)!r}")


def kmeans(d):
    from sklearn.cluster import KMeans

    x = np.array(d["points"])
    init = np.array(d["initialCentroids"])
    km = KMeans(n_clusters=len(init), init=init, n_init=1, max_iter=300, tol=0, algorithm="lloyd").fit(x)
    print("# KMeansTests: sklearn KMeans(init=the demo's k-means++ centroids, n_init=1, lloyd)")
    print(f"kmeans inertia={float(km.inertia_)!r} iterations={km.n_iter_!r}")
    print(f"kmeans centroids={km.cluster_centers_.tolist()!r}")


def metrics(d):
    from sklearn import metrics as m

    r = d["regression"]
    yt, yp = np.array(r["yTrue"]), np.array(r["yPred"])
    print("# MetricsTests: sklearn.metrics regression")
    print(f"mae={m.mean_absolute_error(yt, yp)!r} mse={m.mean_squared_error(yt, yp)!r} "
          f"rmse={float(np.sqrt(m.mean_squared_error(yt, yp)))!r} r2={m.r2_score(yt, yp)!r}")
    c = d["classification"]
    t, s, threshold = np.array(c["yTrue"]), np.array(c["scores"]), c["threshold"]
    pred = (s >= threshold).astype(int)
    print(f"# MetricsTests: sklearn.metrics classification at threshold {threshold} (score >= threshold is positive)")
    print(f"confusion={m.confusion_matrix(t, pred).tolist()!r}")
    print(f"accuracy={m.accuracy_score(t, pred)!r} precision={m.precision_score(t, pred, zero_division=0)!r} "
          f"recall={m.recall_score(t, pred)!r} f1={m.f1_score(t, pred)!r}")
    print(f"logLoss={m.log_loss(t, s)!r} rocAuc={m.roc_auc_score(t, s)!r}")


def perceptron(d):
    from sklearn.linear_model import Perceptron

    x, y = np.array(d["points"]), np.array(d["labels"])
    clf = Perceptron(max_iter=1000, tol=None, shuffle=False).fit(x, y)
    print(f"# PerceptronTests: sklearn Perceptron training accuracy on {d['settings']['dataset']}")
    print(f"perceptron {d['settings']['dataset']} accuracy={clf.score(x, y)!r}")


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/tmp/demos-dump"
    for name, fn in [("linear-regression", linear_regression), ("classify-logistic", classify),
                     ("classify-knn", classify), ("classify-tree", classify), ("kmeans", kmeans),
                     ("metrics", metrics), ("perceptron-separable", perceptron), ("perceptron-xor", perceptron)]:
        d = load(directory, name)
        if d is not None:
            fn(d)


if __name__ == "__main__":
    main()
