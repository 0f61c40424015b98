#!/bin/sh
# Runs the Swift kernel benchmarks and the numpy/PyTorch references on this machine and prints
# the ratios (Swift / reference). Run from the repository root, with KernelBenchmarks.run() called
# from Sources/Benchmarks/main.swift (`aitutor-bench kernel`).
#
# The machine may be shared, so the two sides alternate for ROUNDS rounds (default 3) and each
# figure is the best seen: both get the same chances at a quiet moment.
# Extra arguments go to `swift build`. The matmul is reported for each compiled path this CPU
# can run (portable SSE2, and AVX2 where available); the one marked (default) is what the tutor uses.
# PYTHON names the interpreter that has numpy and torch (default python3), e.g. a venv's.
set -eu
rounds=${ROUNDS:-3}
python=${PYTHON:-python3}
swift build -c release --product aitutor-bench "$@" >/dev/null
out=$(mktemp)
i=0
while [ "$i" -lt "$rounds" ]; do
    ./.build/release/aitutor-bench kernel | grep '^kernel ' >>"$out"
    "$python" Scripts/kernel/bench_reference.py | grep '^reference ' >>"$out"
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
            if key not in fields:
                continue
            label = tuple(fields[k] for k in ("path", "n", "dtype") if k in fields)
            found[label] = max(found.get(label, 0.0), float(fields[key]))
    return found
swift = best("kernel", "matmul", "gflops")
numpy = best("reference", "matmul", "gflops")
for path, n in sorted(swift, key=lambda label: (not label[0].endswith("(default)"), label[0], int(label[1]))):
    reference = numpy[(n,)]
    measured = swift[(path, n)]
    print(f"ratio matmul {path} n={n}: swift {measured:.1f} / numpy {reference:.1f} GFLOP/s = {measured / reference:.2f}x")
mlp = best("kernel", "mlp", "steps_per_second")[()]
for (dtype,), steps in best("reference", "mlp", "steps_per_second").items():
    print(f"ratio mlp: swift {mlp:.0f} / torch {dtype} {steps:.0f} steps/s = {mlp / steps:.1f}x")
PY
rm -f "$out"
