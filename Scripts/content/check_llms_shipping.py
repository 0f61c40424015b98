#!/usr/bin/env python3
"""Verify every number in Lessons/06-llms and Lessons/07-shipping-ai.

Run: python3 Scripts/content/check_llms_shipping.py
Each assert matches a value written in a lesson or quiz (file noted).
"""
import math
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
q = bigram_table(qc)
assert r(prob(q, "the", "dog"), 3) == 0.667
n_bigrams = sum(len(s.split()) - 1 for s in qc)
assert n_bigrams == 16 and r(2 / n_bigrams, 3) == 0.125
assert r(2 / 4, 3) == 0.5                     # divided by sentences
assert prob(q, "<s>", "the") == 0.75
p_cat = (prob(q, "<s>", "the") * prob(q, "the", "cat")
         * prob(q, "cat", "sleeps") * prob(q, "sleeps", "</s>"))
assert r(p_cat, 3) == 0.25
assert r(prob(q, "the", "cat"), 3) == 0.333
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
