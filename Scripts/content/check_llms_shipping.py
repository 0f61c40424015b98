#!/usr/bin/env python3
"""Verify every number in Lessons/06-llms and Lessons/07-shipping-ai.

Run: python3 Scripts/content/check_llms_shipping.py
Each assert matches a value written in a lesson or quiz (file noted).
"""
import math
import os
import re
from collections import Counter, defaultdict

import numpy as np


def r(x, n):
    return round(float(x), n)


def softmax(z, T=1.0):
    z = np.array(z, dtype=float) / T
    e = np.exp(z - z.max())
    return e / e.sum()


def bigram_table(sentences):
    counts = defaultdict(Counter)
    for s in sentences:
        toks = s.split()
        for a, b in zip(toks, toks[1:]):
            counts[a][b] += 1
    return counts


def prob(counts, a, b):
    return counts[a][b] / sum(counts[a].values())


# ---------------------------------------------------------------------
# 06-llms/01-ngram-models.md
corpus = ["<s> i like tea </s>", "<s> i like coffee </s>",
          "<s> you like tea </s>"]
c = bigram_table(corpus)
assert c["<s>"]["i"] == 2 and c["<s>"]["you"] == 1
assert c["i"]["like"] == 2 and c["you"]["like"] == 1
assert c["like"]["tea"] == 2 and c["like"]["coffee"] == 1
assert c["tea"]["</s>"] == 2 and c["coffee"]["</s>"] == 1
assert r(prob(c, "like", "tea"), 3) == 0.667
assert r(prob(c, "like", "coffee"), 3) == 0.333
assert prob(c, "i", "like") == 1
p_tea = (prob(c, "<s>", "i") * prob(c, "i", "like")
         * prob(c, "like", "tea") * prob(c, "tea", "</s>"))
assert abs(p_tea - 4 / 9) < 1e-12 and r(p_tea, 3) == 0.444
p_yc = (prob(c, "<s>", "you") * prob(c, "you", "like")
        * prob(c, "like", "coffee") * prob(c, "coffee", "</s>"))
assert abs(p_yc - 1 / 9) < 1e-12 and r(p_yc, 3) == 0.111
assert prob(c, "like", "milk") == 0
vocab_next = {w for s in corpus for w in s.split()} - {"<s>"}
V = len(vocab_next)
assert V == 6
ctx_like = sum(c["like"].values())
assert ctx_like == 3
assert r((2 + 1) / (ctx_like + V), 3) == 0.333
assert r((0 + 1) / (ctx_like + V), 3) == 0.111
# the chatbot prints "i like tea" with probability 4/9
assert abs(p_tea - 4 / 9) < 1e-12
# sparsity
assert 10_000 ** 2 == 10 ** 8 and 10_000 ** 3 == 10 ** 12

# 06-llms/quiz.md (ngram-models)
qc = ["<s> the dog barks </s>", "<s> the dog sleeps </s>",
      "<s> the cat sleeps </s>", "<s> a dog barks </s>"]
qt = bigram_table(qc)
assert r(prob(qt, "the", "dog"), 3) == 0.667
n_bigrams = sum(len(s.split()) - 1 for s in qc)
assert n_bigrams == 16 and r(2 / n_bigrams, 3) == 0.125
assert r(2 / 4, 3) == 0.5                     # divided by sentences
assert prob(qt, "<s>", "the") == 0.75
p_cat = (prob(qt, "<s>", "the") * prob(qt, "the", "cat")
         * prob(qt, "cat", "sleeps") * prob(qt, "sleeps", "</s>"))
assert r(p_cat, 3) == 0.25
assert r(prob(qt, "the", "cat"), 3) == 0.333
assert r(0.75 + 1 / 3 + 1 + 1, 3) == 3.083
assert (0 + 1) / (8 + 12) == 0.05
assert r(1 / 8, 3) == 0.125 and r(1 / 12, 4) == 0.0833
assert 10 - 3 + 1 == 8

# ---------------------------------------------------------------------
# 06-llms/02-next-word-prediction.md
logits = [2.0, 1.0, 0.5, -1.0]           # tea, coffee, cocoa, rain
e = np.exp(logits)
assert [r(x, 3) for x in e] == [7.389, 2.718, 1.649, 0.368]
assert r(e.sum(), 3) == 12.124
p1 = softmax(logits)
assert [r(x, 3) for x in p1] == [0.609, 0.224, 0.136, 0.030]
assert r(p1[0] / p1[1], 2) == 2.72
p05 = softmax(logits, 0.5)
assert [r(x, 3) for x in p05] == [0.842, 0.114, 0.042, 0.002]
p2 = softmax(logits, 2)
assert [r(x, 3) for x in p2] == [0.434, 0.263, 0.205, 0.097]
assert np.allclose(np.array(logits) / 0.5, [4, 2, 1, -2])
assert np.allclose(np.array(logits) / 2, [1, 0.5, 0.25, -0.5])
topk = p1[:2] / p1[:2].sum()
# the lesson adds the rounded table values: 0.609 + 0.224 = 0.833
assert r(0.609 + 0.224, 3) == 0.833
assert r(0.609 / 0.833, 3) == 0.731 and r(0.224 / 0.833, 3) == 0.269
assert r(topk[0], 3) == 0.731 and r(topk[1], 3) == 0.269
# top-p with p = 0.8: tea alone < 0.8, tea + coffee >= 0.8
assert p1[0] < 0.8 <= p1[0] + p1[1]
ppl = math.exp(-np.mean(np.log([0.5, 0.25, 0.125, 0.5])))
assert r(ppl, 2) == 3.36 and abs(ppl - 2 ** 1.75) < 1e-12
assert r(-np.mean(np.log2([0.5, 0.25, 0.125, 0.5])), 2) == 1.75
assert r(math.exp(-np.mean(np.log([0.25] * 4))), 6) == 4
assert r(1000 / 0.75, -2) == 1300          # 1,000 words ~ 1,300 tokens

# 06-llms/quiz.md (next-word-prediction)
assert r(softmax([3, 1, 0])[0], 3) == 0.844
assert r(np.exp(3), 3) == 20.086 and r(np.exp([3, 1, 0]).sum(), 3) == 23.804
assert r(softmax([2, 1, 0])[0], 3) == 0.665
assert r(softmax([2, 0], 2)[0], 3) == 0.731
assert r(softmax([2, 0])[0], 3) == 0.881
assert r(softmax([2, 0], 0.5)[0], 3) == 0.982
assert r(np.exp(1) / (np.exp(1) + 1), 3) == 0.731
assert r(0.3 / (0.5 + 0.3), 3) == 0.375
ps = [0.25, 0.5, 0.125]
assert r(math.exp(-np.mean(np.log(ps))), 6) == 4
assert r(1 / np.mean(ps), 2) == 3.43
assert r(-np.mean(np.log2(ps)), 6) == 2
assert r(1 / np.prod(ps), 6) == 64

# ---------------------------------------------------------------------
# 06-llms/03-llm-families.md and quiz
GB = 1e9
assert 7e9 * 2 / GB == 14 and 7e9 * 0.5 / GB == 3.5
assert 70e9 * 2 / GB == 140
assert 13e9 * 2 / GB == 26 and 13e9 * 1 / GB == 13
assert 13e9 * 4 / GB == 52 and 13e9 * 0.5 / GB == 6.5

# 06-llms/04-hugging-face.md and quiz
assert r(124e6 * 4 / GB, 1) == 0.5
assert 7e9 * 2 / GB == 14 and 14e9 / 100e6 == 140   # 140 s at 100 MB/s
assert 25_000 - int(25_000 * 0.1) == 22_500 and int(25_000 * 0.1) == 2_500
assert 25_000 - int(25_000 * 0.2) == 20_000 and int(25_000 * 0.2) == 5_000

print("06-llms: all checks passed")


def nearest_rank(values, p):
    v = sorted(values)
    return v[math.ceil(p / 100 * len(v)) - 1]


def cosine(a, b):
    a, b = np.array(a, float), np.array(b, float)
    return a @ b / (np.linalg.norm(a) * np.linalg.norm(b))


def n_chunks(n, size, overlap):
    return math.ceil((n - overlap) / (size - overlap))


def chunk_starts(n, size, overlap):
    starts, s = [], 0
    while True:
        starts.append(s)
        if s + size >= n:
            return starts
        s += size - overlap


def psi(a, e):
    a, e = np.array(a, float), np.array(e, float)
    return float(((a - e) * np.log(a / e)).sum())


# ---------------------------------------------------------------------
# 07-shipping-ai/01-serving-models.md
assert r(1 / 0.050, 6) == 20 and r(8 / 0.080, 6) == 100
assert r(300 / (100 * 0.7), 2) == 4.29 and math.ceil(300 / 70) == 5
assert r(300 * 0.1, 6) == 30
# quiz
assert r(16 / 0.160, 6) == 100 and r(1 / 0.040, 6) == 25
assert r(1 / 0.160, 2) == 6.25 and r(16 / 0.040, 6) == 400
assert r(500 / (120 * 0.75), 2) == 5.56 and math.ceil(500 / 90) == 6
assert math.ceil(500 / 120) == 5 and r(500 / 120, 2) == 4.17
assert 500 // 120 == 4
assert r(200 * 0.25, 6) == 50 and r(200 / 0.25, 6) == 800

# 07-shipping-ai/02-latency-and-cost.md
lat = [79, 81, 82, 84, 85, 86, 87, 88, 90, 91,
       92, 93, 95, 97, 99, 102, 105, 110, 130, 1200]
assert sum(lat) == 2976 and np.mean(lat) == 148.8
assert sum(x < 148.8 for x in lat) == 19
assert [math.ceil(p / 100 * 20) for p in (50, 90, 95, 99)] == \
    [10, 18, 19, 20]
assert [nearest_rank(lat, p) for p in (50, 90, 95, 99)] == \
    [91, 110, 130, 1200]
assert np.median(lat) == 91.5
assert r(1 - 0.95 ** 20, 2) == 0.64
assert r(0.4 + 300 / 50, 6) == 6.4 and r(0.4 + 150 / 50, 6) == 3.4
assert r(2000 * 3 / 1e6, 6) == 0.006 and r(500 * 15 / 1e6, 6) == 0.0075
per_req = 2000 * 3 / 1e6 + 500 * 15 / 1e6
assert r(per_req, 6) == 0.0135
assert r(per_req * 100_000, 6) == 1350 and r(1350 * 30, 6) == 40_500
assert r(1000 * 100_000 * 3 / 1e6, 6) == 300
assert 1000 * 3600 == 3_600_000
assert r(2 / 3.6, 2) == 0.56 and r(2 / 3.6 / 0.25, 2) == 2.22
# quiz
ql = [40, 42, 45, 47, 50, 52, 55, 60, 300, 900]
assert nearest_rank(ql, 90) == 300 and r(np.mean(ql), 1) == 159.1
assert nearest_rank(ql, 50) == 50 and max(ql) == 900
assert r(0.5 + 400 / 80, 6) == 5.5 and 400 * 80 == 32000
inp, out = 10_000 * 1000, 10_000 * 250
assert r(inp * 2 / 1e6, 6) == 20 and r(out * 10 / 1e6, 6) == 25
assert r(inp * 2 / 1e6 + out * 10 / 1e6, 6) == 45
assert r(inp * 10 / 1e6 + out * 2 / 1e6, 6) == 105
assert r((inp + out) * 10 / 1e6, 6) == 125
full = 4 / (2000 * 3600 / 1e6)
assert r(full, 3) == 0.556 and r(full / 0.5, 2) == 1.11
assert r(full * 0.5, 2) == 0.28

# 07-shipping-ai/03-evaluation-and-monitoring.md
se = math.sqrt(0.85 * 0.15 / 200)
assert r(se, 4) == 0.0252 and r(1.96 * se * 100, 1) == 4.9
assert r(170 / 200, 6) == 0.85
assert r(40 / 50, 6) == 0.8 and r(40 / 60, 3) == 0.667
assert r((40 + 930) / 1000, 6) == 0.97
assert 40 + 10 + 20 + 930 == 1000
se_ab = math.sqrt(0.12 * 0.88 / 1000 + 0.15 * 0.85 / 1000)
assert r(se_ab, 4) == 0.0153 and r(0.03 / se_ab, 2) == 1.96
# quiz
assert r(45 / 60, 6) == 0.75 and r(45 / 50, 6) == 0.9
assert r((45 + 935) / 1000, 6) == 0.98 and r(15 / 60, 6) == 0.25
se4 = math.sqrt(0.8 * 0.2 / 400)
assert r(se4, 6) == 0.02 and r(1.96 * se4 * 100, 2) == 3.92
assert r(1.96 * se4, 4) == 0.0392 and r(2 * 1.96 * se4 * 100, 2) == 7.84
assert r(320 / 400, 6) == 0.8

# 07-shipping-ai/04-data-drift.md
e4, a4 = [0.25] * 4, [0.10, 0.20, 0.30, 0.40]
terms = [(a - e) * math.log(a / e) for a, e in zip(a4, e4)]
assert [r(math.log(a / e), 3) for a, e in zip(a4, e4)] == \
    [-0.916, -0.223, 0.182, 0.470]
assert [r(t, 4) for t in terms] == [0.1374, 0.0112, 0.0091, 0.0705]
assert r(sum(terms), 3) == 0.228 and r(psi(a4, e4), 3) == 0.228
assert r(terms[0], 3) == 0.137
assert 0.10 <= psi(a4, e4) < 0.25                 # "moderate"
# quiz
p2 = psi([0.3, 0.7], [0.5, 0.5])
assert r(p2, 3) == 0.169 and r(p2 / 2, 3) == 0.085
t1 = (0.3 - 0.5) * math.log(0.3 / 0.5)
t2 = (0.7 - 0.5) * math.log(0.7 / 0.5)
assert r(t1, 3) == 0.102 and r(t2, 3) == 0.067
assert r(math.log(0.6), 3) == -0.511 and r(math.log(1.4), 3) == 0.336
assert r(abs(0.3 - 0.5) + abs(0.7 - 0.5), 6) == 0.4
assert 0.31 >= 0.25

# 07-shipping-ai/05-embeddings-and-rag.md
q, A, B, C = [1, 2, 2], [2, 1, 2], [4, 0, 0], [2, 4, 4]
assert [np.linalg.norm(v) for v in (q, A, B, C)] == [3, 3, 4, 6]
assert r(cosine(q, A), 3) == 0.889 and r(cosine(q, B), 3) == 0.333
assert r(cosine(q, C), 6) == 1
assert [int(np.dot(q, v)) for v in (A, B, C)] == [8, 4, 18]
assert n_chunks(2000, 500, 100) == 5 and (2000 - 100) / 400 == 4.75
assert chunk_starts(2000, 500, 100) == [0, 400, 800, 1200, 1600]
assert 1_000_000 * 768 * 4 == 3_072_000_000
assert r(4 * 500 * 3 / 1e6, 6) == 0.006
assert r(42 / 50, 6) == 0.84
# quiz
assert r(cosine([3, 4], [4, 3]), 2) == 0.96 and np.dot([3, 4], [4, 3]) == 24
assert r(24 / 50, 2) == 0.48
assert n_chunks(3000, 800, 200) == 5
assert chunk_starts(3000, 800, 200) == [0, 600, 1200, 1800, 2400]
assert math.ceil(3000 / 800) == 4 and r(2800 / 600, 2) == 4.67
assert 1800 + 800 == 2600                        # four chunks fall short
assert r(2_000_000 * 1024 * 4 / 1e9, 3) == 8.192
assert r(2_000_000 * 1024 * 1 / 1e9, 3) == 2.048
assert r(2_000_000 * 1024 * 2 / 1e9, 3) == 4.096
u, w = np.array([0.6, 0.8]), np.array([1.0, 0.0])
assert r(u @ w, 9) == r(cosine(u, w), 9)          # unit vectors

# 07-shipping-ai/06-prompting-vs-fine-tuning.md
assert 4096 * 4096 == 16_777_216
assert 8 * 4096 + 4096 * 8 == 65_536
assert r(65_536 / 16_777_216 * 100, 2) == 0.39
assert r(1500 * 1_000_000 * 3 / 1e6, 6) == 4500
assert r(1500 * 1000 * 3 / 1e6, 6) == 4.5
assert 5 * 300 == 1500
# quiz
assert 16 * (4096 + 1024) == 81_920 and 16 * 4096 == 65_536
assert 4096 * 1024 == 4_194_304 and 16 * (4096 + 4096) == 131_072
assert r(81_920 / 4_194_304 * 100, 0) == 2
assert r(800 * 2_000_000 * 2.5 / 1e6, 6) == 4000
assert 800 * 2_000_000 * 2.5 == 4_000_000_000   # mistake: no / 10^6
assert r(800 * 2000 * 2.5 / 1e6, 6) == 4          # mistake: 2,000 calls

# 07-shipping-ai/07-responsible-ai.md
assert r(60 / 100, 6) == 0.6 and r(30 / 75, 6) == 0.4
assert r(0.4 / 0.6, 2) == 0.67
assert r(50 / 60, 3) == 0.833 and r(20 / 30, 3) == 0.667
assert r(1 - 50 / 60, 2) == 0.17 and r(1 - 20 / 30, 2) == 0.33
assert r((1 - 20 / 30) / (1 - 50 / 60), 6) == 2
# quiz
assert r(45 / 150, 6) == 0.3 and r(50 / 100, 6) == 0.5
assert r(0.3 / 0.5, 6) == 0.6 and r(45 / 50, 6) == 0.9
assert r(0.5 / 0.3, 2) == 1.67 and r(0.5 - 0.3, 6) == 0.2

print("07-shipping-ai: all checks passed")

# ---------------------------------------------------------------------
# Tie every numeric quiz answer to a value computed here, and check that
# no listed mistake is accepted as right by the answer's tolerance.
HERE = os.path.dirname(os.path.abspath(__file__))
LESSONS = os.path.join(HERE, "..", "..", "Lessons")

expected = {
    "ngram-models-bigram-probability": prob(qt, "the", "dog"),
    "ngram-models-sentence-probability": p_cat,
    "ngram-models-add-one": (0 + 1) / (8 + 12),
    "ngram-models-count-trigrams": 10 - 3 + 1,
    "next-word-prediction-softmax": softmax([3, 1, 0])[0],
    "next-word-prediction-temperature": softmax([2, 0], 2)[0],
    "next-word-prediction-top-k": 0.3 / 0.8,
    "next-word-prediction-perplexity":
        math.exp(-np.mean(np.log([0.25, 0.5, 0.125]))),
    "llm-families-memory": 13e9 * 2 / 1e9,
    "hugging-face-split-size": 25_000 - 0.2 * 25_000,
    "serving-models-batch-throughput": 16 / 0.160,
    "serving-models-replicas": math.ceil(500 / (120 * 0.75)),
    "serving-models-littles-law": 200 * 0.25,
    "latency-and-cost-percentile": nearest_rank(ql, 90),
    "latency-and-cost-llm-time": 0.5 + 400 / 80,
    "latency-and-cost-api-cost": inp * 2 / 1e6 + out * 10 / 1e6,
    "latency-and-cost-gpu": full / 0.5,
    "evaluation-and-monitoring-precision": 45 / (45 + 15),
    "evaluation-and-monitoring-interval": 1.96 * se4 * 100,
    "data-drift-psi": psi([0.3, 0.7], [0.5, 0.5]),
    "embeddings-and-rag-cosine": cosine([3, 4], [4, 3]),
    "embeddings-and-rag-chunks": n_chunks(3000, 800, 200),
    "embeddings-and-rag-index-size": 2_000_000 * 1024 * 4 / 1e9,
    "prompting-vs-fine-tuning-lora": 16 * (4096 + 1024),
    "prompting-vs-fine-tuning-overhead": 800 * 2_000_000 * 2.5 / 1e6,
    "responsible-ai-disparate-impact": (45 / 150) / (50 / 100),
}

seen = set()
for sec in ("06-llms", "07-shipping-ai"):
    text = open(os.path.join(LESSONS, sec, "quiz.md")).read()
    for qid, body in re.findall(r"^::: question (\S+)\n(.*?)^:::$",
                                text, re.M | re.S):
        if not re.search(r"^type: numeric$", body, re.M):
            continue
        m = re.search(r"^answer: (\S+) ± (\S+)$", body, re.M)
        ans, tol = float(m.group(1)), float(m.group(2))
        assert qid in expected, "no computed value for " + qid
        # the keyed answer must match the computed value within the
        # tolerance a learner is given (and within rounding)
        assert abs(expected[qid] - ans) <= tol + 1e-9, (qid, ans,
                                                        expected[qid])
        for mv in re.findall(r"^mistake: (\S+) = ", body, re.M):
            assert abs(float(mv) - ans) > tol, (qid, "mistake", mv)
        seen.add(qid)
assert seen == set(expected), set(expected) ^ seen
print("quiz answers: %d numeric questions match" % len(seen))
