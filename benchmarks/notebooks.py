"""How long the notebooks take to run, against the floor of starting a kernel.

Executes every solution notebook, and the same number of empty notebooks (the
kernel-start floor), and prints the ratio (target <= 1.5x the floor). Then runs
every lesson notebook and prints its time (target < 5 s each, kernel start
included). Kernel start-up time varies by seconds from one start to the next
here, so every notebook runs three times (``--rounds``) and its best time counts.

    python benchmarks/notebooks.py
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


logging.getLogger("traitlets").setLevel(logging.ERROR)  # kernels' start-up chatter


def run(nb, folder: Path) -> float:
    t0 = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=False,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return time.perf_counter() - t0


def best(path_or_nb, folder: Path, rounds: int) -> float:
    """The fastest of ``rounds`` runs (each on a fresh copy of the notebook)."""
    times = []
    for _ in range(rounds):
        nb = (nbformat.read(path_or_nb, as_version=4) if isinstance(path_or_nb, Path)
              else nbformat.from_dict(path_or_nb))
        times.append(run(nb, folder))
    return min(times)


def main() -> int:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    os.environ["MEDIALIT_ANNOTATIONS"] = tempfile.mkdtemp(prefix="medialit-bench-")
    solutions = sorted((ROOT / "solutions").glob("*.ipynb"))
    lessons = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not solutions:
        print("no solution notebooks")
        return 1
    empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
    run(nbformat.from_dict(empty), ROOT)  # warm the disk cache

    floor = sum(best(empty, ROOT / "solutions", rounds) for _ in solutions)
    times = {p.name: best(p, p.parent, rounds) for p in solutions}
    total = sum(times.values())
    print(f"{len(solutions)} solution notebooks: {total:.2f} s; {len(solutions)} empty notebooks "
          f"(kernel start): {floor:.2f} s; ratio {total / floor:.2f}   target <= 1.5   "
          f"(best of {rounds} runs each)")
    for name, t in times.items():
        print(f"  {name:<45} {t:5.2f} s")
    print("lesson notebooks (kernel start included)   target < 5 s each")
    for p in lessons:
        print(f"  {p.name:<45} {best(p, p.parent, rounds):5.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
