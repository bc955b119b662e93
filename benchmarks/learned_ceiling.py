"""What a learned layer on top of the rules would add: a measurement, not part of the kit.

Issue 9 asks whether the rule-based detector can reach 0.85 macro-F1 on news it has never
seen. This script asks how much a plain learned model would add, given everything the
rules find. For each sentence label it trains a logistic regression on the key's sentences
(one sentence per key unit). The features are:
- the words and word pairs outside quotation marks;
- the labels and rule names the detector gives the sentence;
- the sentence's part (headline, dek, body);
- how many opinions the detector finds in the whole article.

It prints, per label, the detector's F1 and the F1 of the model's reading at two
cut-offs (0.6 and 0.7), for two splits of the development set:
1. **Read (5-fold by article):** the articles whose disagreements have been read, each
   article scored by a model trained on the other folds.
2. **Never read:** trained on every read article, scored on the held-out articles never
   read (aggregate figures only; no sentence is printed).

It needs scikit-learn, which the kit does not install:

    pip install scikit-learn
    python benchmarks/learned_ceiling.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medialit.alignment import matching  # noqa: E402
from medialit.answer_key import load_answer_key  # noqa: E402
from medialit.articles import load_article  # noqa: E402
from medialit.detect import analyze  # noqa: E402
from medialit.development_set import UNREAD, dev_articles  # noqa: E402
from medialit.evaluate import SENTENCE_LABELS, Score  # noqa: E402

QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
CUTS = (0.6, 0.7)


def unit_rows(art) -> list[dict]:
    """One row per key unit: its text outside quotations, the detector's findings, the key's labels."""
    key = load_answer_key(art.id, path=art.key_path, article_path=art.article_path)
    analysis = analyze(load_article(art.article_path))
    opinions = sum("opinion" in sa.labels for sa in analysis.sentences)
    rows = []
    for u in key.units:
        found = matching(u, analysis.sentences)
        labels = sorted({lab for sa in found for lab in sa.labels})
        rules = sorted({e.rule for sa in found for e in sa.evidence})
        features = " ".join([QUOTED.sub(" QQQ ", u.text).lower(), *("F_" + x for x in labels),
                             *("R_" + x for x in rules), f"P_{u.part}", f"ARG{min(opinions, 8)}"])
        rows.append({"article": art.id, "features": features, "key": set(u.label_set), "found": set(labels)})
    return rows


def f1(pred, gold) -> float:
    """F1 of the marks ``pred`` against the key's ``gold``, one boolean per sentence (the kit's own Score)."""
    score = Score("", tp=sum(p and g for p, g in zip(pred, gold)), fp=sum(p and not g for p, g in zip(pred, gold)),
                  fn=sum(g and not p for p, g in zip(pred, gold)))
    return score.f1 if score.f1 is not None else float("nan")


def probabilities(train: list[dict], test: list[dict]) -> dict[str, list[float]]:
    """The model's probability of each sentence label for each test row, trained on ``train``
    (the words are counted once; one model per label)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"[A-Za-z_][\w’'-]*")
    x = vec.fit_transform([r["features"] for r in train])
    x_test = vec.transform([r["features"] for r in test])
    out = {}
    for label in SENTENCE_LABELS:
        model = LogisticRegression(C=4, max_iter=2000, class_weight="balanced")
        model.fit(x, [label in r["key"] for r in train])
        out[label] = list(model.predict_proba(x_test)[:, 1])
    return out


def report(name: str, rows: list[dict], probs: dict[str, list[float]]) -> None:
    print(f"\n{name}: {len({r['article'] for r in rows})} articles, {len(rows)} sentences")
    print(f"{'label':12} {'detector':>8} " + " ".join(f"{'model ' + str(c):>10} {'det or ' + str(c):>10}" for c in CUTS))
    table = []
    for label in SENTENCE_LABELS:
        gold = [label in r["key"] for r in rows]
        det = [label in r["found"] for r in rows]
        row = [f1(det, gold)]
        for c in CUTS:
            model = [p >= c for p in probs[label]]
            row += [f1(model, gold), f1([d or m for d, m in zip(det, model)], gold)]
        table.append(row)
        print(f"{label:12} " + " ".join(f"{x:{8 if i == 0 else 10}.3f}" for i, x in enumerate(row)))
    means = [sum(col) / len(col) for col in zip(*table)]
    print(f"{'mean of 5':12} " + " ".join(f"{x:{8 if i == 0 else 10}.3f}" for i, x in enumerate(means)))


def main() -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit("This measurement needs scikit-learn, which the kit does not install: pip install scikit-learn")
    arts = dev_articles(ROOT / "devset")
    read = [a for a in arts if UNREAD not in a.parts]
    unread = [a for a in arts if UNREAD in a.parts]
    read_rows = [r for a in read for r in unit_rows(a)]
    unread_rows = [r for a in unread for r in unit_rows(a)]

    ids = sorted({r["article"] for r in read_rows})
    fold = {a: i % 5 for i, a in enumerate(ids)}
    cv = {label: [0.0] * len(read_rows) for label in SENTENCE_LABELS}
    for k in range(5):
        train = [r for r in read_rows if fold[r["article"]] != k]
        where = [i for i, r in enumerate(read_rows) if fold[r["article"]] == k]
        for label, probs in probabilities(train, [read_rows[i] for i in where]).items():
            for i, p in zip(where, probs):
                cv[label][i] = p
    report("Read, 5-fold by article", read_rows, cv)
    if unread_rows:
        report("Never read, trained on every read article", unread_rows, probabilities(read_rows, unread_rows))


if __name__ == "__main__":
    main()
