"""The ``medialit`` command line.

    medialit analyze PATH|- [--format text|json|html] [--body-only] [--cues DIR]
    medialit evaluate [--set seeds|dev] [--devset DIR] [--articles IDS] [--show-held-out] [--format text|json]
                      [--cues DIR]
    medialit class FOLDER [--out DIR] [--pseudonyms] [--brat DIR] [--label-studio FILE] [--no-plots]
    medialit demo-class OUTDIR --learners N [--seed S]

Bad input exits with status 2 and one clear line on stderr. ``analyze`` reads at most
``medialit.articles.MAX_BYTES`` bytes and analyses at most ``MAX_CHARS`` (200,000) characters.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from medialit import report
from medialit.answer_key import AnswerKeyError
from medialit.articles import ArticleError, load_article
from medialit.classroom import (REPORT_FOLDER, ClassError, ClassReport, class_statistics, detector_labels,
                                export_brat, export_label_studio, load_class, make_demo_class, summary_text,
                                write_report)
from medialit.cues import LexiconError, load_lexicons
from medialit.detect import analyze
from medialit.datafiles import DataFileError
from medialit.development_set import (SECOND_READ, SECOND_READER, UNREAD, UNREAD_CLEAR, UNREAD_DEBATABLE,
                                      evaluate_set, reader_title)
from medialit.evaluate import evaluate
from medialit.wording import id_ranges, plural


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _lexicons(folder: str | None):
    if folder is None:
        return None
    return load_lexicons(folder)


def _cmd_analyze(args) -> int:
    article = load_article(args.path, body_only=args.body_only)
    for note in article.notes:
        print(f"medialit: note: {note}", file=sys.stderr)
    analysis = analyze(article, _lexicons(args.cues))
    render = {"text": report.to_text, "json": report.to_json, "html": report.to_html}[args.format]
    out = render(analysis)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def _print_disagreements(disagreements) -> None:
    for d in disagreements:
        where = f"¶{d.paragraph}" if d.paragraph else (d.part or "source")
        excerpt = d.text if len(d.text) <= 90 else d.text[:87] + "…"
        print(f"- {d.article_id[:5]} {where:<8} {d.kind:<6} {d.label:<11} {excerpt!r}")
        print(f"    {d.why}")


def _print_debatable(ev) -> None:
    """The never-read sentences in two groups: those whose note in the key calls a decision
    debatable, and the rest (the mean F1 over the five sentence labels for each reader; the
    second reader's on the articles it read)."""
    deb, clear = ev.results[UNREAD_DEBATABLE], ev.results[UNREAD_CLEAR]
    n_deb, n_clear = (sum(s.tp + s.fn for s in res["detector"].scores.values()) for res in (deb, clear))
    figures = [f"{reader_title(r)} {deb[r].macro_f1:.2f} and {clear[r].macro_f1:.2f}" for r in ev.readers()]
    if SECOND_READER in deb:
        n_read, n_all = len(deb[SECOND_READER].article_ids), len(deb["detector"].article_ids)
        figures.append(f"{reader_title(SECOND_READER)} {deb[SECOND_READER].macro_f1:.2f} and "
                       f"{clear[SECOND_READER].macro_f1:.2f} (read twice: {n_read} of {plural(n_all, 'article')})")
    print(f"Never-read sentences whose note in the key calls a decision debatable ({n_deb} key labels), and the "
          f"rest ({n_clear}): mean F1 over the five sentence labels, " + ", ".join(figures))


def _cmd_evaluate(args) -> int:
    if args.set == "dev":
        return _evaluate_dev(args)
    if args.articles:
        raise DataFileError("--articles picks articles of the development set: use it with --set dev")
    ev = evaluate(lexicons=_lexicons(args.cues))
    if args.format == "json":
        print(json.dumps(ev.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"Detector vs expert answer key ({', '.join(ev.article_ids)}), sentence labels "
          "(in-sample: the detector was developed on these two articles):")
    print(ev.table())
    print(f"macro-F1 {ev.macro_f1:.2f}")
    print(f"\nDisagreements ({len(ev.disagreements)}):")
    _print_disagreements(ev.disagreements)
    return 0


def _evaluate_dev(args) -> int:
    ev = evaluate_set(args.devset, lexicons=_lexicons(args.cues), articles=args.articles)
    if args.format == "json":
        print(json.dumps(ev.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"Development set ({args.devset}): original articles written for the kit, each with a key "
          "written by reading.\nThe detector and two baselines read the same sentences; F1 per "
          "label, macro-F1 over the five labels and sources."
          + (f"\nOnly the {plural(len(ev.articles), 'article')} picked with --articles {args.articles}."
             if args.articles else ""))
    # when no held-out article has been read, the never-read part is the held-out part: shown once
    all_unread = sum(UNREAD in a.parts for a in ev.articles) == sum(a.part == "held_out" for a in ev.articles)
    for part, title in (("held_out", "Held out (not tuned on; each was scored before anyone read the "
                                     "detector's output on it, but those with a read_on date in "
                                     "devset.csv were read afterwards, so rules may have learned "
                                     "from them: optimistic)"),
                        (UNREAD, "Held out and never read (nobody has read the detector's "
                                 "disagreements on these, not even afterwards)"),
                        (SECOND_READ, "Read twice (a second reader also wrote a key for these, from "
                                      "the article and the annotation guide alone, without seeing the "
                                      "first key; 'second reader F1' is that key scored against the "
                                      "first, the way the detector is: how far two careful readings agree)"),
                        ("tuned", "Tuned on (rules were written while reading the detector's output "
                                  "on these)"),
                        ("all", "All articles")):
        ids = [a.id for a in ev.articles if part in a.parts]
        if not ids or (part == UNREAD and all_unread):
            continue
        print(f"\n{title}: {plural(len(ids), 'article')} ({id_ranges(ids)})")
        print(ev.table(part))
        if UNREAD_CLEAR in ev.results and (part == UNREAD or part == "held_out" and all_unread):
            _print_debatable(ev)
    def disagreements(part: str) -> list:
        return ev.results[part]["detector"].disagreements if part in ev.results else []
    shown = disagreements("tuned") + (disagreements("held_out") if args.show_held_out else [])
    print(f"\nThe detector's disagreements on the tuned part ({len(shown)})"
          + (" and the held-out part" if args.show_held_out else
             "; held-out disagreements are not listed (--show-held-out lists them)") + ":")
    _print_disagreements(shown)
    return 0


def run_class(folder: str | Path, out: str | Path | None = None, *, pseudonyms: bool = False,
              brat: str | Path | None = None, label_studio: str | Path | None = None,
              plots: bool = True, stream=None) -> ClassReport:
    """Load, compute, print the summary, write the report and the exports (``medialit class``).

    Raises :class:`~medialit.classroom.ClassError` when the folder holds no usable record.
    """
    stream = stream if stream is not None else sys.stdout
    t0 = time.perf_counter()
    data = load_class(folder)
    if not data.articles:
        kinds: dict[str, int] = {}
        for s in data.skipped:
            kinds[s.kind] = kinds.get(s.kind, 0) + 1
        detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        raise ClassError(f"{folder}: no usable learner records" +
                         (f" ({plural(len(data.skipped), 'file')} skipped: {detail})" if data.skipped
                          else " (no .json records or .zip archives in it or its subfolders)"))
    report = class_statistics(data)
    out = Path(out) if out is not None else Path(folder) / REPORT_FOLDER
    stream.write(summary_text(report, pseudonyms=pseudonyms) + "\n\n")
    stream.flush()
    written, notes = write_report(report, out, pseudonyms=pseudonyms), []
    if plots:
        import medialit.plots   # the one lazy package import: matplotlib loads only when plots are drawn

        paths, notes = medialit.plots.save_all(report, out, pseudonyms=pseudonyms, detectors=detector_labels)
        written += paths
    for note in notes:
        stream.write(f"Note: {note}\n")
    csvs = sum(1 for p in written if p.suffix == ".csv")
    pngs = sum(1 for p in written if p.suffix == ".png")
    stream.write(f"Wrote {csvs} tables (CSV) and {pngs} plots (PNG) to {out}\n")
    if brat is not None:
        anns = export_brat(data, brat, pseudonyms=pseudonyms)
        stream.write(f"Wrote {len(anns)} brat annotation files to {brat}\n")
    if label_studio is not None:
        export_label_studio(data, label_studio, pseudonyms=pseudonyms)
        stream.write(f"Wrote {len(data.articles)} Label Studio tasks to {label_studio}\n")
    stream.write(f"Done in {time.perf_counter() - t0:.2f} s\n")
    return report


def _cmd_class(args) -> int:
    run_class(args.folder, args.out, pseudonyms=args.pseudonyms, brat=args.brat,
              label_studio=args.label_studio, plots=not args.no_plots)
    return 0


def _cmd_demo_class(args) -> int:
    demo = make_demo_class(args.outdir, args.learners, args.seed)
    print(f"Wrote a synthetic class of {demo.learners} learners ({demo.records} records, seed {demo.seed}) "
          f"to {demo.folder}; see README.txt there. Try: medialit class {demo.folder}")
    return 0


def _input_errors() -> tuple[type[BaseException], ...]:
    """Errors caused by the input or a data file: reported in one line, not a traceback."""
    return (ArticleError, LexiconError, AnswerKeyError, ClassError, DataFileError, OSError)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="medialit", description="Read news commentary closely: sourcing, hedges, "
                     "boosters, speculation and opinion.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    an = sub.add_parser("analyze", help="analyse an article and print a report")
    an.add_argument("path", help="a text file, or - to read standard input (one article: at most "
                    "200,000 characters)")
    an.add_argument("--format", choices=("text", "json", "html"), default="text")
    an.add_argument("--body-only", action="store_true",
                    help="treat the whole input as body text (a pasted paragraph, a corpus)")
    an.add_argument("--cues", metavar="DIR", help="a folder of cue lists to use instead of the kit's own")
    an.set_defaults(func=_cmd_analyze)
    ev = sub.add_parser("evaluate", help="compare the detector with the expert answer key")
    ev.add_argument("--set", choices=("seeds", "dev"), default="seeds",
                    help="seeds: the two lesson articles (in-sample); dev: the development set, "
                    "with two baselines scored in the same run")
    ev.add_argument("--devset", metavar="DIR", default="devset",
                    help="the development set's folder (default: devset, from the kit's folder)")
    ev.add_argument("--show-held-out", action="store_true",
                    help="also list the disagreements on the held-out articles (read them only "
                    "after the rules are written)")
    ev.add_argument("--articles", metavar="IDS",
                    help="with --set dev: score only these articles, ids or ranges separated by commas "
                    "(dev346-dev353: one batch on its own)")
    ev.add_argument("--format", choices=("text", "json"), default="text")
    ev.add_argument("--cues", metavar="DIR", help="a folder of cue lists to use instead of the kit's own")
    ev.set_defaults(func=_cmd_evaluate)
    cl = sub.add_parser("class", help="the class view: where a class of learners agrees and disagrees")
    cl.add_argument("folder", help="a folder of learner records (<learner>__<article>.json)")
    cl.add_argument("--out", metavar="DIR", help="where to write CSV tables and PNG plots "
                    "(default: FOLDER/class-report)")
    cl.add_argument("--pseudonyms", action="store_true",
                    help="show learners as 'Learner 01'... (for projecting in class)")
    cl.add_argument("--brat", metavar="DIR", help="also export the class as brat standoff files")
    cl.add_argument("--label-studio", metavar="FILE", help="also export the class as Label Studio JSON")
    cl.add_argument("--no-plots", action="store_true", help="write the CSV tables only, no PNG plots (faster)")
    cl.set_defaults(func=_cmd_class)
    dc = sub.add_parser("demo-class", help="write a synthetic class of learner records to try the class view")
    dc.add_argument("outdir", help="the folder to write the synthetic records into")
    dc.add_argument("--learners", type=int, required=True, metavar="N", help="how many synthetic learners")
    dc.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    dc.set_defaults(func=_cmd_demo_class)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except _input_errors() as exc:
        print(f"medialit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
