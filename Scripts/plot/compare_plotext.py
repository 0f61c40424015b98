#!/usr/bin/env python3
"""Renders with plotext the same data as some of our golden snapshots, at the same size, and
prints the two side by side, for the plotting library's comparison note.

    python3 Scripts/plot/compare_plotext.py            # all comparisons
    python3 Scripts/plot/compare_plotext.py line       # one of: line, log

Ours come from Tests/PlotTests/Golden/*.txt (written by `swift test --filter PlotTests`); the
data below repeats exactly what Tests/PlotTests/GoldenTests.swift draws.
"""
import math
import os
import sys

import plotext as plt

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "Tests", "PlotTests", "Golden")


def line_chart(fig):
    xs = [i / 12 for i in range(120)]
    fig.draw(fig.signal(xs, [math.sin(x) for x in xs], marker="braille").label("sin").lines())
    fig.draw(fig.signal(xs, [math.cos(x) for x in xs], marker="braille").label("cos").lines())
    fig.title("sin and cos")
    fig.label("x", "x")
    fig.label("y", "y")
    fig.ruler("x").lim(0, 10)
    return 60, 16, "line_unicode.txt"


def log_chart(fig):
    epochs = list(range(80))
    train = [5 * math.exp(-e / 10) + 0.01 for e in epochs]
    valid = [5 * math.exp(-e / 12) + 0.05 + e / 2000 for e in epochs]
    fig.draw(fig.signal(epochs, train, marker="braille").label("train").lines())
    fig.draw(fig.signal(epochs, valid, marker="braille").label("valid").lines())
    fig.ruler("y").scale("log")
    fig.title("loss")
    fig.label("epoch", "x")
    return 50, 14, "line_log_unicode.txt"


CHARTS = {"line": line_chart, "log": log_chart}


def render(name):
    """plotext's rendering (colour codes removed) and ours, at the same size."""
    fig = plt.figure
    fig.clear()
    width, height, golden = CHARTS[name](fig)
    fig.plot_size(width, height)
    theirs = plt.uncolorize(fig.build().string())
    with open(os.path.join(GOLDEN, golden), encoding="utf-8") as f:
        ours = f.read().rstrip("\n")
    return ours, theirs, width


def side_by_side(ours, theirs, width):
    a, b = ours.split("\n"), theirs.rstrip("\n").split("\n")
    rows = [f"{'ours (aitutor Plot)':<{width}}   plotext {plt.__version__}"]
    for i in range(max(len(a), len(b))):
        left = a[i] if i < len(a) else ""
        right = b[i] if i < len(b) else ""
        rows.append(f"{left:<{width}}   {right}")
    return "\n".join(rows)


if __name__ == "__main__":
    names = sys.argv[1:] or list(CHARTS)
    for name in names:
        ours, theirs, width = render(name)
        print(f"== {name} ({width} columns)")
        print(side_by_side(ours, theirs, width))
        print()
