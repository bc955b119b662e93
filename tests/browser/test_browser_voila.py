"""Voila, in a real browser: two visitors each type a name and never share a file.

Uses the session's Chromium from ``conftest.py`` (one Playwright per session: a second
``sync_playwright()`` in the same process fails inside the first one's event loop).
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import nbformat
import pytest

from medialit import learner
from medialit.learner import NO_NAME_MESSAGE

from .harness import free_port

SELECT_WORD = """(w) => { const a = document.querySelector('.lm-article');
  const seg = [...a.querySelectorAll('.lm-seg')].find(s => s.textContent.includes(w));
  const i = seg.textContent.indexOf(w); seg.scrollIntoView({block: 'center'}); a.focus({preventScroll: true});
  const r = document.createRange(); r.setStart(seg.firstChild, i); r.setEnd(seg.firstChild, i + w.length);
  const sel = document.getSelection(); sel.removeAllRanges(); sel.addRange(r); }"""


@pytest.mark.browser
@pytest.mark.slow
def test_two_voila_visitors_type_their_names_and_never_share_a_file(tmp_path, browser):
    """Voila 0.5 serves a lesson-like notebook; two visitors (two kernels) each type a name and mark a word."""
    pytest.importorskip("voila")

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from medialit.ui import name_box\nname_box()"),
                nbformat.v4.new_code_cell("from medialit.ui import SpanAnnotator\nSpanAnnotator('000')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "lesson.ipynb")
    folder = tmp_path / "annotations"
    folder.mkdir()
    (folder / ".learner.json").write_text(json.dumps({"name": "Earlier visitor", "user": learner._who()}),
                                          encoding="utf-8")
    port = free_port()
    env = dict(os.environ, MEDIALIT_ANNOTATIONS=str(folder), JUPYTERHUB_USER="server-owner")
    with open(tmp_path / "voila.log", "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "voila", "--no-browser", f"--port={port}",
                                 "--Voila.ip=127.0.0.1", str(tmp_path / "lesson.ipynb")],
                                env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/static/", timeout=2)
            except urllib.error.HTTPError:
                break                                       # the server answers
            except OSError:
                time.sleep(1)
        seen = []
        for name, word in (("Ada", "Russian"), ("Bo", "missiles")):
            page = browser.new_page(viewport={"width": 1300, "height": 950})
            page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
            page.wait_for_selector(".lm-root[data-lm-ready='1']", timeout=120_000)
            box = page.locator(".medialit-name-box input")
            seen.append((box.input_value(), NO_NAME_MESSAGE in page.locator(".lm-root").inner_text()))
            box.fill(name)
            box.press("Enter")
            page.wait_for_function("m => !document.querySelector('.lm-root').innerText.includes(m)",
                                   arg=NO_NAME_MESSAGE, timeout=30_000)  # the widget re-opened under the name
            page.evaluate(SELECT_WORD, word)
            page.keyboard.press("6")
            page.wait_for_function("n => document.querySelector('.lm-root').innerText.includes('1 mark in ' + n)",
                                   arg=name, timeout=30_000)
            page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert seen == [("", True), ("", True)]                  # each visitor starts with no name
    saved = {p.name.split("__")[0]: json.loads(p.read_text(encoding="utf-8"))
             for p in folder.glob("*.json") if not p.name.startswith(".")}
    assert sorted(saved) == ["Ada", "Bo"]
    assert [len(saved[n]["spans"]) for n in ("Ada", "Bo")] == [1, 1]
    assert json.loads((folder / ".learner.json").read_text(encoding="utf-8"))["name"] == "Earlier visitor"
