#!/bin/sh
# Runs the Swift kernel benchmarks and the numpy/PyTorch references on this machine and prints
# the ratios (Swift / reference). Run from the repository root, with KernelBenchmarks.run() called
# from Sources/Benchmarks/main.swift (`aitutor-bench kernel`).
#
# The machine may be shared, so the two sides alternate for ROUNDS rounds (default 3) and each
# figure is the best seen: both get the same chances at a quiet moment.
# Extra arguments go to `swift build`. The default x86-64 target only has SSE2, which caps the
# matmul near half of numpy; -Xswiftc -target-cpu -Xswiftc haswell measures it with AVX2.
set -eu
rounds=${ROUNDS:-3}
swift build -c release --product aitutor-bench "$@" >/dev/null
out=$(mktemp)
i=0
while [ "$i" -lt "$rounds" ]; do
    ./.build/release/aitutor-bench kernel | grep '^kernel ' >>"$out"
    python3 Scripts/kernel/bench_reference.py | grep '^reference ' >>"$out"
    i=$((i + 1))
done
python3 - "$out" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
def best(prefix, name, key):
    found = {}
    for line in lines:
        if line.startswith(f"{prefix} {name} "):
            fields = dict(f.split("=", 1) for f in line.split()[2:] if "=" in f)
            label = fields.get("n", fields.get("dtype", ""))
            found[label] = max(found.get(label, 0.0), float(fields[key]))
    return found
swift = best("kernel", "matmul", "gflops")
numpy = best("reference", "matmul", "gflops")
for n in sorted(swift, key=int):
    print(f"ratio matmul n={n}: swift {swift[n]:.1f} / numpy {numpy[n]:.1f} GFLOP/s = {swift[n] / numpy[n]:.2f}x")
mlp = best("kernel", "mlp", "steps_per_second")[""]
for dtype, steps in best("reference", "mlp", "steps_per_second").items():
    print(f"ratio mlp: swift {mlp:.0f} / torch {dtype} {steps:.0f} steps/s = {mlp / steps:.1f}x")
PY
rm -f "$out"
