"""Throughput of the analysis (parse + detect) on a varied corpus of article text.

Prints MB/s on one core for a corpus of at least 5 MB, and the time ratio for
10x the text (one document of 0.5 MB vs 5 MB), which stays near 10 when the
analysis scales linearly. Targets: >= 2 MB/s; ratio <= 11.

    python benchmarks/throughput.py [--mb 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medialit.articles import parse_article  # noqa: E402
from medialit.detect import analyze  # noqa: E402

SUBJECTS = ["The minister", "Senator Jane Roe", "A senior official who asked not to be named",
            "Critics", "The Foreign Ministry", "Dr. Ann Lee", "Some experts", "The U.S. embassy",
            "Two people familiar with the matter", "The council", "Mr. Smith", "Observers"]
VERBS = ["said", "told reporters", "warned", "claimed", "hinted", "remarked", "reported"]
CLAIMS = ["the talks could collapse", "prices will probably rise next year",
          "the deal was obviously agreed in secret", "roughly 300 people attended",
          "the figures could not be verified", "it seems the plan has stalled",
          "the regime slammed the disastrous decision", "nothing has changed since May 5",
          "the bridge can carry 40 tonnes", "the vote should be held again"]
OPENERS = ["Perhaps", "Of course,", "Clearly,", "To my mind,", "In my view,", "Meanwhile,", "On Monday,"]
EXTRAS = ["\u00a0", " 😀", " café", " e\u0301", " “quoted words,” he said", " (Reuters)", " (AP)"]


def synthetic_article(rng: random.Random, paragraphs: int) -> str:
    out = [f"Headline Number {rng.randint(1, 999)} About Talks", "",
           f"By {rng.choice(['Jane Roe', 'Ann Lee', 'Sam Park'])}", "", "March 3, 2024", ""]
    for _ in range(paragraphs):
        sents = []
        for _ in range(rng.randint(2, 6)):
            s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {rng.choice(CLAIMS)}"
            if rng.random() < 0.4:
                s = f"{rng.choice(OPENERS)} {s[0].lower()}{s[1:]}"
            if rng.random() < 0.3:
                s += rng.choice(EXTRAS)
            sents.append(s + ".")
        out += [" ".join(sents), ""]
    out.append("Support us - Go Ad-Free!")
    text = "\n".join(out)
    return text.replace("\n", "\r\n") if rng.random() < 0.2 else text


def corpus(megabytes: float, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        doc = rng.choice(seeds) if rng.random() < 0.3 else synthetic_article(rng, rng.randint(4, 14))
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def run(docs: list[str], body_only: bool = False) -> float:
    t0 = time.perf_counter()
    for doc in docs:
        analyze(parse_article(doc, body_only=body_only))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    args = ap.parse_args()

    docs = corpus(args.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    run(docs[:20])  # warm up (lexicons load once)
    t = run(docs)
    print(f"corpus: {len(docs)} articles, {mb:.2f} MB")
    print(f"throughput: {mb / t:.2f} MB/s on one core ({t:.2f} s)   target >= 2 MB/s")

    small = "\n\n".join(corpus(args.mb / 10, seed=2))
    big = "\n\n".join(corpus(args.mb, seed=2))
    ts = min(run([small], body_only=True) for _ in range(3))
    tb = run([big], body_only=True)
    ratio = tb / ts
    print(f"scaling: one document of {len(small.encode()) / 1e6:.2f} MB in {ts:.2f} s, "
          f"{len(big.encode()) / 1e6:.2f} MB ({len(big) / len(small):.1f}x) in {tb:.2f} s: "
          f"time ratio {ratio:.2f}   target <= 11 for 10x")

    import subprocess
    code = ("import sys, medialit, medialit.detect, medialit.report; "
            "print(','.join(m for m in ('pandas', 'matplotlib') if m in sys.modules) or 'no')")
    heavy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    print(f"import medialit loads pandas/matplotlib: {heavy}")


if __name__ == "__main__":
    main()
