"""Speed and memory of the class view.

1. A synthetic class of 1,000 learners on both seed articles (2,000 records): seconds
   per phase (load, statistics, CSV tables, PNG plots, including the imports each
   phase needs; wall time and, as a check on a busy machine, CPU time of this process
   and its plot workers) and peak memory (resident set size from resource.getrusage).
   Targets: < 3 s in all, < 500 MB peak.
2. ``medialit class`` on a 300-learner synthetic class, as a fresh process, wall time.
   Target: < 2 s.

    python benchmarks/classroom.py [--learners 1000] [--cli-learners 300]

The synthetic classes are written to a temporary folder (not timed) and removed.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KB on Linux


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the plot workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _load() -> str:
    try:
        return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--learners", type=int, default=1000)
    ap.add_argument("--cli-learners", type=int, default=300)
    args = ap.parse_args()

    from medialit.classroom import make_demo_class

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        t = time.perf_counter()
        demo = make_demo_class(folder, args.learners, seed=1, absent=0.0)
        print(f"synthetic class: {demo.learners} learners, {demo.records} records "
              f"(written in {time.perf_counter() - t:.2f} s, not counted)")
        base = _peak_mb(resource.RUSAGE_SELF)

        phases = {}
        cpu0 = _cpu()
        t0 = time.perf_counter()
        t, c = t0, cpu0
        from medialit import classroom as C

        data = C.load_class(folder, progress=False)
        phases["load records"] = (time.perf_counter() - t, _cpu() - c)
        t, c = time.perf_counter(), _cpu()
        report = C.class_statistics(data)
        phases["statistics"] = (time.perf_counter() - t, _cpu() - c)
        t, c = time.perf_counter(), _cpu()
        out = Path(tmp) / "report"
        C.write_report(report, out)
        C.summary_text(report)
        phases["CSV tables + summary"] = (time.perf_counter() - t, _cpu() - c)
        t, c = time.perf_counter(), _cpu()
        from medialit import plots

        paths, notes = plots.save_all(report, out, detectors=C.detector_labels)
        phases[f"{len(paths)} PNG plots"] = (time.perf_counter() - t, _cpu() - c)
        total = time.perf_counter() - t0

        for name, (secs, cpu_secs) in phases.items():
            print(f"  {name:<24} {secs:6.2f} s   (CPU {cpu_secs:5.2f} s)")
        cpu = _cpu() - cpu0
        print(f"  {'total':<24} {total:6.2f} s   target < 3 s   {'OK' if total < 3 else 'MISSED'}   "
              f"(CPU {cpu:.2f} s over {os.cpu_count()} cores; {_load()})")
        peak = _peak_mb(resource.RUSAGE_SELF)
        kids = _peak_mb(resource.RUSAGE_CHILDREN)
        print(f"peak RSS: {peak:.0f} MB in this process (before loading: {base:.0f} MB); "
              f"largest plot worker: {kids:.0f} MB   target < 500 MB   {'OK' if max(peak, kids) < 500 else 'MISSED'}")
        for note in notes:
            print(f"  note: {note}")
        ok &= total < 3 and max(peak, kids) < 500

        t = time.perf_counter()
        plots.save_all(report, Path(tmp) / "serial", detectors=C.detector_labels, parallel=False)
        print(f"  (the same plots drawn in one process: {time.perf_counter() - t:.2f} s)")

        small = Path(tmp) / "class300"
        make_demo_class(small, args.cli_learners, seed=2)
        t = time.perf_counter()
        cpu0 = _cpu()
        run = subprocess.run([sys.executable, "-m", "medialit", "class", str(small)],
                             capture_output=True, text=True, cwd=ROOT)
        wall = time.perf_counter() - t
        if run.returncode != 0:
            print(run.stderr)
            return 1
        print(f"medialit class on {args.cli_learners} learners: {wall:.2f} s wall (a fresh process, "
              f"imports included)   target < 2 s   {'OK' if wall < 2 else 'MISSED'}   "
              f"(CPU {_cpu() - cpu0:.2f} s; {_load()})")
        ok &= wall < 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
