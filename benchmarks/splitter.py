"""Time to parse (split into parts and sentences) and to analyse long runs of punctuation.

A learner may paste, or a file may hold, thousands of full stops, question marks,
closing quotes or spaces in a row. The splitter and the detector must stay linear
on such runs: for each kind of run this prints the time for 5k, 20k and 80k
characters (best of three), and the ratio of the 80k time to the 20k time (4x the
text), which stays near 4 when the work is linear (quadratic work would give 16).

It then prints the time for a text at the kit's size limit (``MAX_CHARS``, 200,000
characters) made of ordinary commentary, the figure the limit was chosen from: parse,
analyse, and the text and HTML reports (what ``medialit analyze`` and lesson 6 show).

    python benchmarks/splitter.py [--sizes 5000 20000 80000] [--no-analyze] [--runs RUN ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import corpus  # noqa: E402  (benchmarks/throughput.py: seed-like sentences)

from medialit import report  # noqa: E402
from medialit.articles import MAX_CHARS, parse_article  # noqa: E402
from medialit.detect import analyze as detect  # noqa: E402

#: name -> function making a text with a run of ``n`` characters (wrapped in a little prose).
RUNS = {
    "full stops": lambda n: "It rained" + "." * n + "x then stopped. The end.",
    "full stops, then a space": lambda n: "It rained" + "." * n + " Then it stopped.",
    "'?!' pairs": lambda n: "Why" + "?!" * (n // 2) + "x no. Yes.",
    "ellipses …": lambda n: "Well" + "…" * n + "x so. Fine.",
    "closing quotes ”": lambda n: "He said “no." + "”" * n + "x he left. Done.",
    "closing brackets )": lambda n: "(It rained." + ")" * n + "x sure. Done.",
    "'. ' (dot, space)": lambda n: "Start" + ". " * (n // 2) + "End.",
    "spaces": lambda n: "It rained." + " " * n + "Then it stopped.",
    "newlines": lambda n: "Headline\n\nIt rained." + "\n" * n + "Then it stopped.",
    "'Yes. ' after an open quote": lambda n: "She said “" + "Yes. " * (n // 5) + "and left.",
    "'a.' initials, no space": lambda n: "See " + "a." * (n // 2) + "xa. The end.",
}


def best_of(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000, 80_000],
                    help="run lengths in characters (default 5000 20000 80000)")
    ap.add_argument("--no-analyze", action="store_true", help="time parsing only, not the detector")
    ap.add_argument("--runs", nargs="+", choices=sorted(RUNS), metavar="RUN",
                    help="only these runs (default: all)")
    args = ap.parse_args()
    analyze = None if args.no_analyze else detect
    if analyze is not None:
        analyze(parse_article("Warm up. It may rain."))   # the cue lists load once
    sizes = sorted(args.sizes)
    head = "".join(f"{n:>10,}" for n in sizes)
    print(f"{'run':<28}{'step':<9}{head}   ratio (last two sizes; linear = their size ratio)")
    for name in args.runs or RUNS:
        make = RUNS[name]
        rows = {"parse": []} if analyze is None else {"parse": [], "analyse": []}
        for n in sizes:
            text = make(n)
            rows["parse"].append(best_of(lambda: parse_article(text)))
            if analyze is not None:
                art = parse_article(text)
                rows["analyse"].append(best_of(lambda: analyze(art)))
        for step, times in rows.items():
            cells = "".join(f"{t:>9.3f}s" for t in times)
            ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] > 0 else float("nan")
            expect = sizes[-1] / sizes[-2] if len(sizes) > 1 else 1
            print(f"{name if step == 'parse' else '':<28}{step:<9}{cells}   {ratio:5.1f} (linear {expect:.0f})")
    if analyze is not None and not args.runs:
        at_the_limit(analyze)


def at_the_limit(analyze) -> None:
    """Parse, analyse and report a text of MAX_CHARS characters of synthetic commentary."""
    text = "\n\n".join(corpus(0.4, seed=5))[:MAX_CHARS]
    art = parse_article(text)
    an = analyze(art)
    steps = {"parse": lambda: parse_article(text), "analyse": lambda: analyze(art),
             "text report": lambda: report.to_text(an), "HTML report": lambda: report.to_html(an)}
    times = {name: best_of(fn, repeat=2) for name, fn in steps.items()}
    print(f"\nat the size limit ({len(text):,} characters, {len(art.sentences):,} sentences): "
          + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()) + f"; total {sum(times.values()):.2f} s")


if __name__ == "__main__":
    main()
