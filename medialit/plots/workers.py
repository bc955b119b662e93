"""Drawing plots in forked worker processes, so that two cores draw a class's plots side by side.

A job is any object with a ``run()`` method returning ``(paths written, notes)``.
The jobs reach the workers by fork, with everything they hold (nothing is pickled
but job numbers and the small results), and no module state is kept between calls.

>>> from dataclasses import dataclass
>>> @dataclass
... class Say:
...     word: str
...     def run(self):
...         return [], [self.word]
>>> [notes for _, notes in run_in_workers([Say("one"), Say("two"), Say("three")])]
[['one'], ['two'], ['three']]
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import traceback
from pathlib import Path


def can_fork() -> bool:
    """Drawing in forked worker processes is safe only on Linux, from a single-threaded process."""
    return (sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1)


def _work(jobs: list, todo, results) -> None:
    """In a forked worker: run the jobs whose numbers come from ``todo`` (None: stop) and
    send back, once, ``("done", [(number, paths, notes), ...])`` or ``("error", exception, traceback)``."""
    done = []
    try:
        for i in iter(todo.get, None):
            paths, notes = jobs[i].run()
            done.append((i, [str(p) for p in paths], notes))
    except BaseException as exc:  # noqa: BLE001  (sent to the parent, which raises it)
        try:
            results.send(("error", exc, traceback.format_exc()))
        except Exception:  # an exception that cannot be pickled
            results.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}"), traceback.format_exc()))
    else:
        results.send(("done", done))
    finally:
        results.close()


def run_in_workers(jobs: list, workers: int = 2) -> list[tuple[list[Path], list[str]]]:
    """Run ``jobs`` (objects with ``run() → (paths, notes)``) in forked processes; results in job order.

    The jobs reach the workers by fork (nothing is pickled but job numbers and the
    small results); each worker takes the next job number as soon as it is free, so
    a slow job does not hold up the others. An error in a job is raised here.
    """
    ctx = multiprocessing.get_context("fork")
    todo = ctx.SimpleQueue()
    for i in range(len(jobs)):
        todo.put(i)
    for _ in range(workers):
        todo.put(None)
    procs, pipes = [], []
    for _ in range(workers):
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_work, args=(jobs, todo, send), daemon=True)
        proc.start()
        send.close()                     # the worker holds the only sending end: EOF if it dies
        procs.append(proc)
        pipes.append(receive)
    results: list = [None] * len(jobs)
    failed = True
    try:
        for receive in pipes:
            try:
                message = receive.recv()
            except EOFError:
                raise RuntimeError("a plot worker process ended before sending its plots") from None
            if message[0] == "error":
                raise message[1] from RuntimeError(f"in a plot worker process:\n{message[2]}")
            for i, paths, notes in message[1]:
                results[i] = ([Path(p) for p in paths], notes)
        failed = False
    finally:
        for proc in procs:
            if failed:
                proc.terminate()
            proc.join()
        for receive in pipes:
            receive.close()
    return results
