"""Written answers (issue 10, item 4): the tasks as data, the widget that saves and reloads an answer,
quiz tries, the class view that shows them, and the teacher guide's rubric section."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from medialit import tasks
from medialit.annotate import AnnotationStore
from medialit.annotate.storage import record_path
from medialit.articles import seed_article

pytest.importorskip("ipywidgets")

from medialit.ui import quiz, written, written_answer  # noqa: E402
from medialit.ui.written import WrittenAnswer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TASK = "05-w-reliable-003"


@pytest.fixture(autouse=True)
def fresh_stores():
    AnnotationStore.forget_all()
    yield
    AnnotationStore.forget_all()


def raw_tasks() -> dict:
    return json.loads(tasks.TASKS_FILE.read_text(encoding="utf-8"))


# -- the tasks -----------------------------------------------------------------------------------

def test_every_task_has_three_or_four_levels_each_with_a_sample():
    found = tasks.written_tasks()
    assert TASK in found and len(found) >= 5
    for t in found.values():
        assert 3 <= len(t.levels) <= 4, t.id
        assert [lv.level for lv in t.levels] == list(range(1, len(t.levels) + 1)), t.id
        assert all(lv.sample.strip() and lv.descriptor.strip() for lv in t.levels), t.id
        assert len({lv.sample for lv in t.levels}) == len(t.levels), t.id       # a sample per level
        assert t.good_answer and t.prompt.strip()
        assert t.id.startswith(t.lesson[:2] + "-w-"), t.id
        assert seed_article(t.article_id).id == t.article_id


def test_quotations_in_the_samples_are_in_the_article():
    """Every stretch of a sample in straight double quotes that is not the prompt's own words is quoted
    from the task's article (an ellipsis … or ... may join two parts of one quotation; case and the form of
    the apostrophe aside)."""
    for t in tasks.written_tasks().values():
        text = " ".join(seed_article(t.article_id).text.split()).replace("’", "'").casefold()
        for lv in t.levels:
            for quoted in lv.sample.split('"')[1::2]:
                for part in quoted.replace("...", "…").split("…"):
                    part = part.strip(" ,.")
                    if part and part not in t.prompt:
                        assert part.casefold() in text, (t.id, lv.level, part)


@pytest.mark.parametrize("spoil,words", [
    (lambda d: d["tasks"][1].update(levels=d["tasks"][1]["levels"][:2]),
     "task '02-w-check-claim-000': 'levels' has fewer than 3 items"),
    (lambda d: d["tasks"][2]["levels"][1].pop("sample"), "task '03-w-believe-000', level 2 has no 'sample'"),
    (lambda d: d["tasks"][0].update(article="999"), "task '01-w-missing-piece-000': its article '999' is not"),
    (lambda d: d["tasks"].append(copy.deepcopy(d["tasks"][0])), "task '01-w-missing-piece-000' is used twice"),
    (lambda d: d["tasks"][3]["levels"][2].update(level=4), "task '05-w-reliable-003': the levels are numbered"),
    (lambda d: d["tasks"][3].update(rubric="x"), "task '05-w-reliable-003'"),
])
def test_a_spoiled_task_file_names_the_task(spoil, words):
    data = raw_tasks()
    spoil(data)
    with pytest.raises(tasks.TaskError) as caught:
        tasks.parse_tasks(data)
    assert words in str(caught.value)


def test_quiz_questions_are_kept_with_the_article_they_name():
    a000, a003 = seed_article("000").id, seed_article("003").id
    assert tasks.question_article("03-week-or-so", "Article 003, ¶7: “the chill …”") == a003
    assert tasks.question_article("02-chain-order", "In which order … in article 000?") == a000
    assert tasks.question_article("05-months-apart", "Article 000 is dated …; article 003 has no date") == a000
    assert tasks.question_article("00-where-saved", "Where does the kit keep your marks?") == a000


# -- the widget ------------------------------------------------------------------------------------

def test_the_widget_saves_shows_the_time_and_a_new_widget_reloads_it(tmp_path):
    box = written_answer(TASK, "Ada", folder=tmp_path)
    assert box.box.value == "" and "Write your answer" in box.status.value
    box.box.value = "Only partly: <b>one school of thought</b> is a vague source."
    assert "Not saved yet" in box.status.value
    assert box.save() is True
    assert "Saved at" in box.status.value and "Not saved" not in box.status.value
    path = record_path(tmp_path, seed_article("003").id, "Ada")
    assert json.loads(path.read_text(encoding="utf-8"))["answers"][0]["task"] == TASK
    AnnotationStore.forget_all()
    again = written_answer(TASK, "Ada", folder=tmp_path)
    assert again.box.value == box.box.value and "Saved at" in again.status.value
    assert repr(again) == "WrittenAnswer('05-w-reliable-003', saved=True)"


def test_the_answer_is_saved_after_a_pause_in_typing(tmp_path):
    # Without a kernel the save after a pause runs on a timer thread. The box is made and typed into
    # in a thread of its own, as in plain Python: in a pytest process that also ran the browser tests,
    # Playwright's sync API leaves an asyncio loop marked as running on the main thread, which nobody
    # turns, so a save scheduled on it would never run (the kernel's own loop does turn).
    made = {}

    def type_in_a_thread():
        made["box"] = WrittenAnswer(tasks.task(TASK), "Ada", folder=tmp_path, pause=0.05)
        made["box"].box.value = "Typed, not clicked."
    worker = threading.Thread(target=type_in_a_thread)
    worker.start()
    worker.join()
    box = made["box"]
    deadline = time.time() + 10
    while box.answer is None and time.time() < deadline:
        time.sleep(0.02)
    assert box.answer.text == "Typed, not clicked." and "Saved at" in box.status.value


def test_keys_typed_before_a_click_on_save_but_arriving_after_it_are_saved_at_once(tmp_path):
    # In JupyterLab the box's text travels one message at a time and the click on its own, so on a
    # busy kernel the click can come first: it saves what has arrived, and the late rest is saved as it
    # arrives, not after the pause (which is long here so that only the click can have saved it).
    box = written_answer(TASK, "Ada", folder=tmp_path, pause=600)
    box.box.value = "It names its sources, so I can"
    box.button.click()
    assert box.answer.text == "It names its sources, so I can"
    box.box.value = "It names its sources, so I can check them."
    assert box.answer.text == "It names its sources, so I can check them."
    assert "Saved at" in box.status.value and "Not saved" not in box.status.value and box._timer is None
    # Long after the click, typing waits for the pause again.
    box._clicked -= written.LATE_TEXT_SECONDS
    box.box.value = "It names its sources, so I can check them. Later."
    assert box.answer.text == "It names its sources, so I can check them."
    assert "Not saved yet" in box.status.value
    box.close()


def test_a_too_long_answer_stays_in_the_box_with_a_plain_message(tmp_path):
    box = written_answer(TASK, "Ada", folder=tmp_path)
    box.box.value = "x" * 5001
    assert box.save() is False
    assert "please keep it to 5,000 characters" in box.status.value and box.answer is None
    assert box.box.value == "x" * 5001


def test_without_a_name_nothing_is_saved_and_the_box_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr("medialit.ui.common.learner_name", lambda: None)
    box = written_answer(TASK, folder=tmp_path)
    box.box.value = "Hello"
    assert box.save() is False and "Type your name" in box.status.value
    assert list(tmp_path.iterdir()) == []


def test_another_notebooks_answer_arrives_unless_this_box_has_unsaved_text(tmp_path):
    one = written_answer(TASK, "Ada", folder=tmp_path)
    two = written_answer(TASK, "Ada", folder=tmp_path)            # the same store: the same learner and article
    one.box.value = "First."
    one.save()
    assert two.box.value == "First."
    two.box.value = "Second, not saved."
    one.box.value = "Third."
    one.save()
    assert two.box.value == "Second, not saved." and "Not saved yet" in two.status.value


def test_the_static_copy_escapes_the_answer(tmp_path):
    box = written_answer(TASK, "<i>Ada</i>", folder=tmp_path)
    box.box.value = "<script>alert(1)</script>\nline two"
    box.save()
    html = box.static_html()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;i&gt;Ada&lt;/i&gt;" in html and "saved at" in html
    assert box._repr_mimebundle_()[0]["text/html"] == html


RESTART = textwrap.dedent("""
    import sys
    from medialit.learner import set_learner_name
    from medialit.ui import written_answer
    if sys.argv[1] == "save":
        set_learner_name("Ada Lovelace")
        box = written_answer("05-w-reliable-003")
        box.box.value = "Saved before the restart."
        assert box.save(), box.status.value
    else:
        box = written_answer("05-w-reliable-003")        # the name comes back from .learner.json
        print(repr(box), box.box.value)
""")


def test_an_answer_survives_a_kernel_restart(tmp_path):
    """Save through the widget in one Python process; a fresh process (a restarted kernel) shows it."""
    env = {**os.environ, "MEDIALIT_ANNOTATIONS": str(tmp_path)}
    env.pop("JUPYTERHUB_USER", None)
    for step in ("save", "show"):
        done = subprocess.run([sys.executable, "-c", RESTART, step], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "WrittenAnswer('05-w-reliable-003', saved=True) Saved before the restart."


# -- quiz tries ------------------------------------------------------------------------------------

def test_the_quiz_saves_every_choice_in_order(tmp_path):
    q = quiz("03-week-or-so", "Ada", folder=tmp_path)
    choices = q.question.choices
    q.options.value = choices[0]
    q.options.value = choices[1]
    q.options.value = choices[0]
    rec = AnnotationStore.open(seed_article("003").id, seed_article("003").text, "Ada", folder=tmp_path).record
    assert [a.choice for a in rec.attempts_for("03-week-or-so")] == [choices[0], choices[1], choices[0]]
    assert all(a.at for a in rec.attempts)


def test_the_quiz_without_a_name_still_answers_and_says_nothing_was_saved(tmp_path, monkeypatch):
    monkeypatch.setattr("medialit.ui.common.learner_name", lambda: None)
    q = quiz("03-week-or-so", folder=tmp_path)
    q.options.value = q.question.choices[0]
    assert "not saved" in q.feedback.value and list(tmp_path.iterdir()) == []


# -- the teacher guide -------------------------------------------------------------------------------

def test_the_guides_rubric_section_is_up_to_date():
    import rubrics                                        # tools/rubrics.py (tests/conftest.py puts tools/ on the path)

    guide = rubrics.GUIDE.read_text(encoding="utf-8")
    assert rubrics.with_rubrics(guide, tasks.rubric_markdown()) == guide, "run python tools/rubrics.py"
    section = guide.split(rubrics.START)[1].split(rubrics.END)[0]
    for t in tasks.written_tasks().values():
        assert f"### `{t.id}`" in section
        for lv in t.levels:
            assert lv.sample.replace("|", "\\|") in section


def test_the_rubric_tool_rewrites_only_its_section(tmp_path):
    import rubrics

    guide = tmp_path / "guide.md"
    guide.write_text(f"# Guide\n\nBefore.\n\n{rubrics.START}\nold\n{rubrics.END}\n\nAfter.\n", encoding="utf-8")
    assert rubrics.main(["--check", "--guide", str(guide)]) == 1
    assert rubrics.main(["--guide", str(guide)]) == 0
    text = guide.read_text(encoding="utf-8")
    assert text.startswith("# Guide\n\nBefore.\n\n") and text.endswith(f"{rubrics.END}\n\nAfter.\n")
    assert "\nold\n" not in text and "05-w-reliable-003" in text
    assert rubrics.main(["--check", "--guide", str(guide)]) == 0
    with pytest.raises(ValueError, match="needs one"):
        rubrics.with_rubrics("no markers", "x")


def test_every_task_is_asked_in_its_lesson():
    for t in tasks.written_tasks().values():
        notebook = ROOT / "notebooks" / f"{t.lesson}.ipynb"
        assert notebook.is_file(), (t.id, t.lesson)
        code = "\n".join("".join(c["source"]) for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
                         if c["cell_type"] == "code")
        assert f'written_answer("{t.id}")' in code, (t.id, t.lesson)


def test_in_a_real_kernel_typing_saves_after_a_pause_and_a_restarted_kernel_shows_it(tmp_path):
    """A real ipykernel: the browser's 'value' update (a comm message, as JupyterLab sends it) is saved after
    the pause, on the kernel's event loop; after a restart the same cell shows the answer again."""
    manager = pytest.importorskip("jupyter_client.manager")
    env = {**os.environ, "MEDIALIT_ANNOTATIONS": str(tmp_path)}
    env.pop("JUPYTERHUB_USER", None)
    km, kc = manager.start_new_kernel(kernel_name="python3", cwd=str(tmp_path), env=env)

    def run(code: str) -> str:
        msg_id, out = kc.execute(code), []
        while True:
            msg = kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                raise AssertionError("\n".join(msg["content"]["traceback"]))
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return "".join(out)

    try:
        cell = ("from medialit.learner import set_learner_name\nfrom medialit.ui.written import WrittenAnswer\n"
                "from medialit.tasks import task\nset_learner_name('Ada')\n"
                "box = WrittenAnswer(task('05-w-reliable-003'), pause={})\nprint(box.box.model_id, end='')")
        model_id = run(cell.format(30))
        update = {"method": "update", "state": {"value": "Typed in JupyterLab."}, "buffer_paths": []}
        kc.shell_channel.send(kc.session.msg("comm_msg", {"comm_id": model_id, "data": update}))
        assert run("print(type(box._timer).__name__, box.answer, end='')") == "TimerHandle None"   # on the loop
        run("box._timer.cancel(); box.pause = 0.2")
        update["state"]["value"] = "Typed in JupyterLab, then a pause."
        kc.shell_channel.send(kc.session.msg("comm_msg", {"comm_id": model_id, "data": update}))
        deadline = time.time() + 30
        while run("print(box.answer is not None, end='')") != "True":
            assert time.time() < deadline, "the answer was not saved after the pause"
            time.sleep(0.2)
        km.restart_kernel(now=True)
        kc.wait_for_ready(timeout=120)
        shown = run("from medialit.ui import written_answer\nbox = written_answer('05-w-reliable-003')\n"
                    "print(repr(box), box.box.value, end='')")
        assert shown == "WrittenAnswer('05-w-reliable-003', saved=True) Typed in JupyterLab, then a pause."
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_the_first_try_plot_lists_the_lowest_questions_in_its_text_alternative(tmp_path):
    from medialit import plots
    from medialit.classroom import class_statistics, load_class, make_demo_class

    make_demo_class(tmp_path / "class", 12, seed=2)
    report = class_statistics(load_class(tmp_path / "class"))
    lowest = sorted(report.question_tries(), key=lambda q: (q.first_try_accuracy, q.question))[:5]
    fig = plots.first_try_bars(report, top=5)
    assert fig.alt.startswith("The 5 quiz questions with the lowest share of learners right at the first try")
    assert [part.split(" ")[0] for part in fig.alt.split(": ", 1)[1].split("; ")] == [q.question for q in lowest]
    paths, _ = plots.save_all(report, tmp_path / "out", parallel=False)
    assert tmp_path / "out" / "quiz-first-tries.png" in paths
