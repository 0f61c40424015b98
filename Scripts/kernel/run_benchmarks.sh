#!/bin/sh
# Runs the Swift kernel benchmarks and the numpy/PyTorch references back to back on this machine
# and prints the ratios (Swift / reference). Run from the repository root.
# Extra arguments go to `swift build`, e.g. -Xswiftc -target-cpu -Xswiftc haswell.
set -eu
swift build -c release --product aitutor-bench "$@" >/dev/null
out=$(mktemp)
./.build/release/aitutor-bench | grep '^kernel ' | tee "$out"
python3 Scripts/kernel/bench_reference.py | tee -a "$out"
python3 - "$out" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
def figures(prefix, name, key):
    found = {}
    for line in lines:
        if line.startswith(f"{prefix} {name} "):
            fields = dict(f.split("=", 1) for f in line.split()[2:] if "=" in f)
            found[fields.get("n", fields.get("dtype", ""))] = float(fields[key])
    return found
swift = figures("kernel", "matmul", "gflops")
numpy = figures("reference", "matmul", "gflops")
for n in sorted(swift, key=int):
    print(f"ratio matmul n={n}: swift {swift[n]:.1f} / numpy {numpy[n]:.1f} GFLOP/s = {swift[n] / numpy[n]:.2f}x")
mlp = figures("kernel", "mlp", "steps_per_second")[""]
for dtype, steps in figures("reference", "mlp", "steps_per_second").items():
    print(f"ratio mlp: swift {mlp:.0f} / torch {dtype} {steps:.0f} steps/s = {mlp / steps:.1f}x")
PY
rm -f "$out"
