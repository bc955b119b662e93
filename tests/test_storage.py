"""Storage that many notebooks, kernels and processes share safely, and never loses a learner's work.

Read-only folders: the tests run as root, for whom chmod does not stop a write, so a
read-only folder or a full disk is simulated by monkeypatching the write (PermissionError /
OSError(ENOSPC)), which is what the kernel sees on a real read-only or full disk.
"""

import errno
import json
import multiprocessing
import os
import threading
import time

import pytest

from medialit.annotate import AnnotationStore, RecordError, sanitize_name
from medialit.annotate import safefiles, storage
from medialit.annotate.model import AnnotationRecord, text_sha256
from medialit.annotate.storage import StorageError, legacy_record_path, read_record, record_path

TEXT = "😀 Senator Roe said “perhaps” it may rain.\r\nObviously.\u00a0Critics disagree 👍🏽."
LONG = "word " * 900          # room for 400 one-character marks at distinct places
RACE = 60                     # marks each of two writers adds at the same time (every one a whole save)


pytestmark = pytest.mark.usefixtures("fresh_stores")            # tests/conftest.py


def on_disk(path):
    return json.loads(path.read_text(encoding="utf-8"))


def written(folder):
    """The names of the files in ``folder`` a learner would see (no lock files)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


def add_marks(folder, first, n, annotator="Ada", go=None):
    """What one notebook does: open the learner's store and add ``n`` marks, one change at a time.

    With ``go`` (a file path), say "ready" beside it and wait until it exists: both writers start together.
    """
    store = AnnotationStore.open("art", LONG, annotator, folder=folder)
    if go is not None:
        (go.parent / f"ready-{first}").touch()
        while not go.exists():
            time.sleep(0.001)
    for i in range(first, first + n):
        store.add_span(2 * i, 2 * i + 1, "hedge")
    return len(store.record.spans)


@pytest.fixture(scope="module")
def other_kernels():
    """Two fresh Python processes (spawned, as other kernels are), started once for the tests here."""
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        yield pool


def _undo_in_other_process(folder):
    store = AnnotationStore.open("art", LONG, "Ada", folder=folder)
    store.add_span(1, 2, "booster")
    store.add_span(3, 4, "booster")
    return store.undo(), [s.label for s in store.record.spans]


@pytest.mark.parametrize("name,expected", [
    ("Ada", "Ada"), ("Zoë Müller", "Zoë_Müller"), ("../../etc/passwd", "etc_passwd"),
    ("/abs/path", "abs_path"), (".bashrc", "bashrc"), ("..", None), ("  ", None),
    ("con", "learner-con"), ("a\\b:c*d", "a_b_c_d"), ("x" * 100, "x" * 64),
])
def test_sanitize_name(name, expected):
    if expected is None:
        with pytest.raises(ValueError):
            sanitize_name(name)
    else:
        assert sanitize_name(name) == expected


def test_learner_file_stays_inside_the_folder(tmp_path):
    store = AnnotationStore.open("art", TEXT, "../../../tmp/evil", folder=tmp_path)
    store.add_span(2, 9, "source")
    files = [f.name for f in tmp_path.iterdir() if not f.name.startswith(".")]
    assert len(files) == 1 and files[0].startswith("tmp_evil~") and files[0].endswith("__art.json")


def test_every_change_is_saved_and_reloaded_after_restart(tmp_path):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    span = store.add_span(2, 9, "source")
    store.update_span(span.id, note="the senator")
    on_disk = read_record(store.path)
    assert on_disk.spans[0].note == "the senator"
    AnnotationStore.forget_all()  # as a kernel restart would
    again = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert again is not store
    assert [(s.start, s.end, s.label, s.note) for s in again.record.spans] == [(2, 9, "source", "the senator")]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_two_widgets_share_one_store(tmp_path):
    a = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    b = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    seen = []
    b.subscribe(lambda store, what: seen.append(what))
    a.add_span(2, 9, "source")
    assert a is b and seen == ["add"]


def test_undo_and_sentence_toggle(tmp_path):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert store.toggle_sentence_label(0, 10, "hedge") is True
    assert store.toggle_sentence_label(0, 10, "hedge") is False
    assert store.record.spans == []
    assert store.undo() is True
    assert [s.label for s in store.record.spans] == ["hedge"]
    assert read_record(store.path).spans[0].label == "hedge"


def test_corrupt_file_is_moved_aside_not_overwritten(tmp_path):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    path = store.path
    AnnotationStore.forget_all()
    path.write_text("{ not json", encoding="utf-8")
    with pytest.warns(UserWarning, match="could not be read"):
        store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    aside = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{ not json"
    assert store.record.spans == [] and "kept as" in store.messages[0]


def test_foreign_json_is_moved_aside(tmp_path):
    path = tmp_path / "Ada__art.json"
    path.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    with pytest.warns(UserWarning):
        AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert any(".unreadable-" in p.name for p in tmp_path.iterdir())


def test_changed_article_text_is_reported(tmp_path):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    store.add_span(2, 9, "source")
    AnnotationStore.forget_all()
    with pytest.warns(UserWarning, match="different version"):
        fresh = AnnotationStore.open("art", TEXT + " (updated)", "Ada", folder=tmp_path)
    assert fresh.record.spans == []
    kept = [p for p in tmp_path.iterdir() if ".other-text-" in p.name]
    assert len(kept) == 1 and read_record(kept[0]).spans[0].label == "source"


def test_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):  # a rename that fails
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    store.add_span(2, 9, "source")
    before = store.path.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(StorageError, match="could not be saved"):
        store.add_span(10, 13, "hedge")
    assert store.path.read_bytes() == before
    assert [s.label for s in store.record.spans] == ["source"]           # the failed change is not kept
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- many notebooks at once: every change is merged into what is on disk ---------------------

def test_two_threads_adding_marks_at_once_keep_them_all(tmp_path):
    # two stores on one file in one process (as after a forget_all) and the shared one, from two threads
    other = AnnotationStore(record_path(tmp_path, "art", "Ada"), "art", LONG, "Ada")
    errors = []

    def run(job):
        try:
            job()
        except Exception as exc:  # pragma: no cover - shown by the assertion below
            errors.append(exc)
    threads = [threading.Thread(target=run, args=(lambda: add_marks(tmp_path, 0, RACE),)),
               threading.Thread(target=run, args=(lambda: [other.add_span(2 * i, 2 * i + 1, "hedge")
                                                           for i in range(RACE, 2 * RACE)],))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    path = record_path(tmp_path, "art", "Ada")
    assert len(on_disk(path)["spans"]) == 2 * RACE
    store = AnnotationStore.open("art", LONG, "Ada", folder=tmp_path)
    store.refresh()
    other.refresh()
    assert len(store.record.spans) == len(other.record.spans) == 2 * RACE


def test_two_processes_adding_marks_at_once_keep_them_all(tmp_path, other_kernels):
    start = tmp_path / "start"
    start.mkdir()
    results = [other_kernels.apply_async(add_marks, (tmp_path, first, RACE, "Ada", start / "go"))
               for first in (0, RACE)]
    deadline = time.time() + 120
    while len(list(start.glob("ready-*"))) < 2:                  # both stores open, then both write at once
        assert time.time() < deadline, "the other processes did not start"
        time.sleep(0.005)
    (start / "go").touch()
    seen = [r.get(timeout=120) for r in results]
    assert max(seen) == 2 * RACE                                  # the last writer saw everyone's marks
    spans = on_disk(record_path(tmp_path, "art", "Ada"))["spans"]
    assert sorted(s["start"] for s in spans) == [2 * i for i in range(2 * RACE)]
    assert len({s["id"] for s in spans}) == 2 * RACE              # ids are unique across processes
    store = AnnotationStore.open("art", LONG, "Ada", folder=tmp_path)
    assert len(store.record.spans) == 2 * RACE


def test_lesson_02_then_lesson_04_then_lesson_02_keeps_all_six_marks(tmp_path, other_kernels):
    lesson_02 = AnnotationStore.open("art", LONG, "Ada", folder=tmp_path)       # opened first, kept alive
    told = []
    lesson_02.subscribe(lambda store, what: told.append((what, len(store.record.spans))))
    assert other_kernels.apply(add_marks, (tmp_path, 0, 5)) == 5                  # lesson 04, another kernel
    lesson_02.add_span(100, 101, "booster")
    assert len(on_disk(lesson_02.path)["spans"]) == 6
    assert len(lesson_02.record.spans) == 6 and told == [("add", 6)]
    assert lesson_02.news == "5 marks from another notebook were added."


def test_undo_in_one_process_keeps_the_other_process_marks(tmp_path, other_kernels):
    mine = AnnotationStore.open("art", LONG, "Ada", folder=tmp_path)
    mine.add_span(0, 1, "hedge")
    undone, theirs = other_kernels.apply(_undo_in_other_process, (tmp_path,))
    assert undone is True and theirs == ["hedge", "booster"]
    assert mine.undo() is True                                    # undoes MY last mark only
    assert [s["label"] for s in on_disk(mine.path)["spans"]] == ["booster"]
    assert mine.undo() is False


def test_undo_is_an_operation_not_a_snapshot(tmp_path):
    a = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    b = AnnotationStore(a.path, "art", TEXT, "Ada")                # another notebook on the same file
    src = a.add_span(2, 9, "source")
    claim = a.add_span(14, 29, "hedge", "a note")
    a.link(src.id, claim.id)
    b.refresh()
    b.add_span(31, 34, "speculation")
    a.update_span(claim.id, label="speculation", note="changed")
    a.remove_span(src.id)                                         # also drops the link
    assert a.undo() and {s.id for s in a.record.spans} >= {src.id} and len(a.record.relations) == 1
    assert a.undo() and a.record.span(claim.id).label == "hedge" and a.record.span(claim.id).note == "a note"
    assert a.undo() and a.record.relations == []
    assert sorted(s.label for s in read_record(a.path).spans) == ["hedge", "source", "speculation"]


def test_refresh_picks_up_marks_made_elsewhere_and_tells_listeners(tmp_path):
    a = AnnotationStore.open("art", LONG, "Ada", folder=tmp_path)
    told = []
    a.subscribe(lambda store, what: told.append(what))
    assert a.refresh() == (0, 0) and told == []
    other = AnnotationStore(a.path, "art", LONG, "Ada")
    for i in range(3):
        other.add_span(2 * i, 2 * i + 1, "hedge")
    assert a.refresh() == (3, 0) and told == ["refresh"]
    assert a.news == "3 marks from another notebook were added." and len(a.record.spans) == 3
    other.remove_span(other.record.spans[0].id)
    assert a.refresh() == (0, 1) and a.news == "1 mark was removed in another notebook."
    assert a.refresh() == (0, 0) and told == ["refresh", "refresh"]


# --- links and special files: refused, nothing touched ------------------------------------

def test_a_link_to_a_file_outside_is_refused_and_its_target_untouched(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"root:x:0:0:root:/root:/bin/bash\n")
    folder = tmp_path / "annotations"
    folder.mkdir()
    os.symlink(outside, record_path(folder, "art", "Ada"))
    with pytest.raises(StorageError, match="link"):
        AnnotationStore.open("art", TEXT, "Ada", folder=folder)
    assert outside.read_bytes() == b"root:x:0:0:root:/root:/bin/bash\n"
    assert written(tmp_path) == ["annotations", "outside.txt"] and written(folder) == ["Ada__art.json"]
    assert os.path.islink(folder / "Ada__art.json")


def test_a_link_that_appears_later_is_refused_at_the_next_change(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "annotations"
    store = AnnotationStore.open("art", TEXT, "Ada", folder=folder)
    store.add_span(2, 9, "source")
    store.path.unlink()
    os.symlink(outside, store.path)
    with pytest.raises(StorageError, match="link"):
        store.add_span(14, 29, "hedge")
    with pytest.raises(StorageError, match="link"):
        store.refresh()
    assert outside.read_text(encoding="utf-8") == "keep me" and os.path.islink(store.path)


def test_a_dangling_link_is_refused_and_its_target_not_created(tmp_path):
    target = tmp_path / "deep" / "new" / "file.json"
    folder = tmp_path / "annotations"
    folder.mkdir()
    os.symlink(target, record_path(folder, "art", "Ada"))
    with pytest.raises(StorageError, match="link"):
        AnnotationStore.open("art", TEXT, "Ada", folder=folder)
    assert not (tmp_path / "deep").exists()


def test_a_linked_lock_file_is_refused(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "annotations"
    folder.mkdir()
    path = record_path(folder, "art", "Ada")
    os.symlink(outside, path.with_name(f".{path.name}.lock"))
    store = AnnotationStore.open("art", TEXT, "Ada", folder=folder)
    with pytest.raises(StorageError, match="link"):
        store.add_span(2, 9, "source")
    assert outside.read_text(encoding="utf-8") == "keep me" and not path.exists() and store.record.spans == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    path = record_path(tmp_path, "art", "Ada")
    os.mkfifo(path)
    with pytest.raises(StorageError, match="not a normal file"):
        AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    with pytest.raises(StorageError):
        read_record(path)
    assert written(tmp_path) == ["Ada__art.json"]


def test_a_linked_annotations_folder_is_allowed(tmp_path):
    shared = tmp_path / "shared-storage"
    shared.mkdir()
    os.symlink(shared, tmp_path / "annotations", target_is_directory=True)
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path / "annotations")
    store.add_span(2, 9, "source")
    assert [s.label for s in read_record(shared / "Ada__art.json").spans] == ["source"]


# --- broken or hostile record files: moved aside with a message ---------------------------------

def _valid(**changes):
    data = AnnotationRecord.new("art", TEXT, "Ada").to_dict()
    data["spans"] = [{"id": "s1", "start": 2, "end": 9, "label": "source", "note": "", "created": "",
                      "scope": "span"}]
    data.update(changes)
    return data


@pytest.mark.parametrize("why,content", [
    ("deep nesting", "[" * 100_000 + "]" * 100_000),
    ("numeric updated", json.dumps(_valid(updated=5))),
    ("bool offsets", json.dumps(_valid(spans=[{"id": "s1", "start": True, "end": 9, "label": "source"}]))),
    ("float offsets", json.dumps(_valid(spans=[{"id": "s1", "start": 2.0, "end": 9, "label": "source"}]))),
    ("numeric annotator", json.dumps(_valid(annotator=7))),
    ("spans not a list", json.dumps(_valid(spans={"a": 1}))),
    ("a number as a note", json.dumps(_valid(spans=[{"id": "s1", "start": 2, "end": 9, "label": "source",
                                                     "note": 3}]))),
    ("duplicate ids", json.dumps(_valid(spans=[{"id": "s1", "start": 2, "end": 9, "label": "source"},
                                               {"id": "s1", "start": 3, "end": 9, "label": "hedge"}]))),
    ("not UTF-8", b"\xff\xfe{}"),
])
def test_broken_files_are_moved_aside_with_a_message(tmp_path, why, content):
    path = record_path(tmp_path, "art", "Ada")
    (path.write_bytes if isinstance(content, bytes) else lambda c: path.write_text(c, encoding="utf-8"))(content)
    with pytest.warns(UserWarning, match="could not be read"):
        store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    aside = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and store.record.spans == [] and "kept as" in store.messages[0], why
    expected = content if isinstance(content, bytes) else content.encode("utf-8")
    assert aside[0].read_bytes() == expected
    store.add_span(2, 9, "source")                                # and the learner can go on
    assert len(read_record(path).spans) == 1


def test_a_huge_file_is_moved_aside_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "MAX_RECORD_BYTES", 1000)
    path = record_path(tmp_path, "art", "Ada")
    path.write_text(json.dumps(_valid()) + " " * 2000, encoding="utf-8")
    with pytest.warns(UserWarning, match="too large"):
        AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert not path.exists()


def test_a_folder_at_the_record_path_is_moved_aside(tmp_path):
    path = record_path(tmp_path, "art", "Ada")
    (path / "inside").mkdir(parents=True)
    with pytest.warns(UserWarning, match="folder"):
        store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    store.add_span(2, 9, "source")
    assert path.is_file() and [p for p in tmp_path.iterdir() if ".unreadable-" in p.name and p.is_dir()]


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = record_path(tmp_path, "art", "Ada")
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_valid()).encode("utf-8"))
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert [s.label for s in store.record.spans] == ["source"] and store.messages == []
    store.add_span(14, 29, "hedge")
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf") and len(read_record(path).spans) == 2


def test_temp_files_left_by_a_crash_are_cleaned_on_open(tmp_path):
    path = record_path(tmp_path, "art", "Ada")
    old, fresh = tmp_path / f".{path.name}.abc123.tmp", tmp_path / f".{path.name}.def456.tmp"
    other = tmp_path / ".someone-else.json.xyz.tmp"
    for p in (old, fresh, other):
        p.write_text("{half", encoding="utf-8")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert not old.exists() and fresh.exists() and other.exists()   # a fresh one may be another writer's


# --- a save that fails: a clear error, nothing kept in memory ------------------------------------

@pytest.mark.parametrize("exc,words", [(PermissionError(errno.EACCES, "Permission denied"), "read-only"),
                                       (OSError(errno.EROFS, "Read-only file system"), "read-only"),
                                       (OSError(errno.ENOSPC, "No space left on device"), "disk is full")])
def test_a_failed_save_is_a_clear_error_and_is_not_kept(tmp_path, monkeypatch, exc, words):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    store.add_span(2, 9, "source")
    before = store.path.read_bytes()

    def fail(*a, **k):
        raise exc
    monkeypatch.setattr(safefiles.tempfile, "mkstemp", fail)
    with pytest.raises(StorageError, match=words) as info:
        store.add_span(14, 29, "hedge")
    assert "\n" not in str(info.value) and "not kept" in str(info.value)
    assert store.path.read_bytes() == before and [s.label for s in store.record.spans] == ["source"]
    monkeypatch.undo()
    store.add_span(31, 34, "booster")                              # the failed change never comes back
    assert [s.label for s in read_record(store.path).spans] == ["source", "booster"]


# --- names: distinct names never share a file; old files are adopted ------------------------------

def test_distinct_names_never_share_a_file(tmp_path):
    names = ["a/b", "a_b", "a b", "A b", "a  b", "Zoë", "Zoe\u0308"]
    paths = {n: AnnotationStore.open("art", TEXT, n, folder=tmp_path).path for n in names}
    assert paths["Zoë"] == paths["Zoe\u0308"]                     # the same name, NFC or not
    assert len({paths[n] for n in names[:-1]}) == len(names) - 1
    assert paths["a_b"].name == "a_b__art.json"                    # a safe name keeps its plain file name
    for n in names[:-1]:
        AnnotationStore.open("art", TEXT, n, folder=tmp_path).add_span(2, 9, "source")
    assert len([p for p in written(tmp_path) if p.endswith(".json")]) == len(names) - 1


def test_a_record_saved_by_the_old_version_is_adopted(tmp_path):
    legacy = legacy_record_path(tmp_path, "art", "your name")
    assert legacy.name == "your_name__art.json"
    rec = AnnotationRecord.new("art", TEXT, "your name")
    rec.add_span(2, 9, "source")
    legacy.write_text(json.dumps(rec.to_dict()), encoding="utf-8")
    store = AnnotationStore.open("art", TEXT, "your name", folder=tmp_path)
    assert store.path == record_path(tmp_path, "art", "your name") != legacy
    assert [s.label for s in store.record.spans] == ["source"] and not legacy.exists()
    # a legacy file of ANOTHER name that shared the old file name is not taken
    other = AnnotationStore.open("art", TEXT, "your/name", folder=tmp_path)
    assert other.path != store.path and other.record.spans == []


def test_a_legacy_file_of_another_name_is_left_alone(tmp_path):
    legacy = legacy_record_path(tmp_path, "art", "a b")
    rec = AnnotationRecord.new("art", TEXT, "a/b")
    legacy.write_text(json.dumps(rec.to_dict()), encoding="utf-8")
    store = AnnotationStore.open("art", TEXT, "a b", folder=tmp_path)
    assert store.path != legacy and legacy.exists()


# --- text the learner typed is always saved ------------------------------------------------------

def test_lone_surrogates_in_notes_and_names_never_stop_a_save(tmp_path):
    name = "Ada\ud800"
    store = AnnotationStore.open("art", TEXT, name, folder=tmp_path)
    span = store.add_span(2, 9, "source", "bad \udcff note")
    store.update_span(span.id, note="again \ud83d")
    saved = read_record(store.path)
    assert saved.spans[0].note == "again \ufffd" and saved.annotator == "Ada\ufffd"


def test_article_text_with_a_lone_surrogate_can_be_marked(tmp_path):
    text = "Broken \ud800 text here."
    assert len(text_sha256(text)) == 64
    store = AnnotationStore.open("art", text, "Ada", folder=tmp_path)
    store.add_span(0, 6, "loaded")
    AnnotationStore.forget_all()
    assert [s.label for s in AnnotationStore.open("art", text, "Ada", folder=tmp_path).record.spans] == ["loaded"]


def test_record_error_is_still_raised_for_bad_spans(tmp_path):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    with pytest.raises(RecordError):
        store.add_span(5, 5, "hedge")
    assert not store.path.exists() and sanitize_name("Ada") == "Ada"


# --- what the widgets show ----------------------------------------------------------------------

def _widgets(tmp_path):
    from medialit import parse_article
    from medialit.ui import SentenceTagger, SpanAnnotator

    art = parse_article("A headline here\n\nThe agency said it could slip. Critics doubt it.\n", id="art")
    span, tagger = SpanAnnotator(art, "Ada", folder=tmp_path), SentenceTagger(art, "Ada", folder=tmp_path)
    answers = []
    span.send = lambda content, buffers=None: answers.append(content)

    def send(**msg):
        span._on_msg(span, {**msg, "req": len(answers)}, [])
        return answers[-1]
    return art, span, tagger, send


def test_the_refresh_action_says_what_came_from_another_notebook(tmp_path):
    pytest.importorskip("anywidget")
    art, span, tagger, send = _widgets(tmp_path)
    assert send(action="add", start=0, end=10, label="loaded")["ok"]
    other = AnnotationStore(span.store.path, "art", art.text, "Ada")     # another kernel's store
    for s in art.sentences[1:3]:
        other.add_span(s.start, s.end, "hedge", scope="sentence")
    ans = send(action="refresh")
    assert ans["ok"] and ans["added"] == 2 and ans["removed"] == 0
    assert span.status.startswith("2 marks from another notebook were added.") and "3 marks" in span.status
    assert len(span.spans) == 3
    tagger.go(1)
    assert tagger.toggles["hedge"].value is True                          # the same store: the tagger sees them
    ans = send(action="refresh")
    assert ans["added"] == 0 and span.status.startswith("No new marks from other notebooks.")


def test_a_failed_save_shows_in_both_widgets_and_nothing_is_kept(tmp_path, monkeypatch):
    pytest.importorskip("anywidget")
    art, span, tagger, send = _widgets(tmp_path)
    assert send(action="add", start=0, end=10, label="loaded")["ok"]
    before = span.store.path.read_bytes()

    def read_only(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(safefiles.tempfile, "mkstemp", read_only)
    ans = send(action="add", start=15, end=25, label="hedge")
    assert ans["ok"] is False and "read-only" in ans["error"] and "not kept" in ans["error"]
    tagger.go(1)
    tagger.toggles["opinion"].value = True
    assert tagger.toggles["opinion"].value is False                       # the toggle goes back
    assert "read-only" in tagger.messages_view.value and 'role="alert"' in tagger.messages_view.value
    assert span.store.path.read_bytes() == before and len(span.record.spans) == 1
    monkeypatch.undo()
    tagger.toggles["opinion"].value = True                                # works again, message gone
    assert tagger.toggles["opinion"].value is True and "read-only" not in tagger.messages_view.value
    assert sorted(s.label for s in read_record(span.store.path).spans) == ["loaded", "opinion"]


def test_a_safe_name_never_takes_another_learners_plain_file(tmp_path):
    legacy = legacy_record_path(tmp_path, "art", "a b")           # a_b__art.json, saved for "a b"
    rec = AnnotationRecord.new("art", TEXT, "a b")
    rec.add_span(2, 9, "source")
    legacy.write_text(json.dumps(rec.to_dict()), encoding="utf-8")
    a_b = AnnotationStore.open("art", TEXT, "a_b", folder=tmp_path)
    assert a_b.path != legacy and a_b.record.spans == []
    a_b.add_span(14, 29, "hedge")
    a_space_b = AnnotationStore.open("art", TEXT, "a b", folder=tmp_path)
    assert [s.label for s in a_space_b.record.spans] == ["source"] and not legacy.exists()
    AnnotationStore.forget_all()
    again = AnnotationStore.open("art", TEXT, "a_b", folder=tmp_path)   # the plain name is free now...
    assert again.path == a_b.path and [s.label for s in again.record.spans] == ["hedge"]  # ...but its file stays


def test_names_that_differ_in_case_never_share_a_file_even_on_a_case_insensitive_disk(tmp_path):
    # on macOS or Windows "ada__art.json" IS "Ada__art.json": the record inside says whose it is
    rec = AnnotationRecord.new("art", TEXT, "ada")
    rec.add_span(2, 9, "source")
    record_path(tmp_path, "art", "Ada").write_text(json.dumps(rec.to_dict()), encoding="utf-8")
    ada = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert ada.path.name.startswith("Ada~") and ada.record.spans == []


def test_a_lock_that_cannot_be_made_in_a_read_only_folder_is_a_clear_error(tmp_path, monkeypatch):
    import filelock

    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    store.add_span(2, 9, "source")
    before = store.path.read_bytes()

    def read_only(self, *a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(self.lock_file))
    monkeypatch.setattr(filelock.FileLock, "acquire", read_only)
    with pytest.raises(StorageError, match="read-only") as info:
        store.add_span(14, 29, "hedge")
    assert "Ada__art.json" in str(info.value) and ".lock" not in str(info.value)
    assert store.path.read_bytes() == before and len(store.record.spans) == 1
    assert store.refresh() == (0, 0)                   # reading needs no lock


# -- written answers and quiz tries (issue 10) ---------------------------------------------------

def _answer_and_try(folder, task, question, n, go=None):
    """What one notebook does: save a written answer, then make ``n`` quiz choices, one save each."""
    store = AnnotationStore.open("art", LONG, "Ada", folder=folder)
    if go is not None:
        (go.parent / f"ready-{task}").touch()
        while not go.exists():
            time.sleep(0.001)
    store.save_answer(task, f"My answer to {task}.")
    for i in range(n):
        store.record_attempt(question, f"choice {i}")
    return len(store.record.attempts)


def test_answers_and_tries_round_trip_and_a_restart_reads_them(tmp_path):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    store.add_span(2, 9, "source")
    saved = store.save_answer("05-w-x", "  Not fully: “perhaps” is a hedge 😀.\n")
    store.record_attempt("03-q", "Yes")
    store.record_attempt("03-q", "No")
    assert saved.text == "Not fully: “perhaps” is a hedge 😀." and saved.saved
    data = on_disk(store.path)
    assert data["answers"] == [{"task": "05-w-x", "text": saved.text, "saved": saved.saved}]
    assert [(a["question"], a["choice"]) for a in data["attempts"]] == [("03-q", "Yes"), ("03-q", "No")]
    AnnotationStore.forget_all()                                 # as a kernel restart
    again = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert again.record.answer("05-w-x") == saved
    assert [a.choice for a in again.record.attempts_for("03-q")] == ["Yes", "No"]
    assert [s.label for s in again.record.spans] == ["source"]
    assert again.undo() is False                                 # answers and tries are not undone


def test_saving_the_same_answer_again_writes_nothing_and_a_new_one_replaces_it(tmp_path):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    first = store.save_answer("05-w-x", "One.")
    before = store.path.read_bytes()
    assert store.save_answer("05-w-x", " One. ") is first and store.path.read_bytes() == before
    store.save_answer("05-w-x", "Two.")
    assert [a["text"] for a in on_disk(store.path)["answers"]] == ["Two."]


def test_a_too_long_answer_is_refused_in_plain_words_and_nothing_is_lost(tmp_path):
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    store.save_answer("05-w-x", "Short.")
    with pytest.raises(RecordError, match=r"^Your answer is 5,001 characters long: please keep it to 5,000"):
        store.save_answer("05-w-x", "x" * 5001)
    assert store.record.answer("05-w-x").text == "Short." == on_disk(store.path)["answers"][0]["text"]


def test_an_older_record_without_answers_or_tries_loads_and_keeps_its_form(tmp_path):
    old = AnnotationRecord.new("art", TEXT, "Ada")
    old.add_span(2, 9, "source")
    data = old.to_dict()
    assert "answers" not in data and "attempts" not in data      # what older versions wrote
    path = record_path(tmp_path, "art", "Ada")
    path.write_text(json.dumps(data), encoding="utf-8")
    store = AnnotationStore.open("art", TEXT, "Ada", folder=tmp_path)
    assert store.record.answers == [] and store.record.attempts == [] and len(store.record.spans) == 1
    store.record_attempt("03-q", "Yes")
    assert len(on_disk(path)["spans"]) == 1 and len(on_disk(path)["attempts"]) == 1


def test_two_answers_to_one_task_in_a_file_are_refused_with_a_reason():
    data = AnnotationRecord.new("art", TEXT, "Ada").to_dict()
    data["answers"] = [{"task": "t", "text": "a"}, {"task": "t", "text": "b"}]
    with pytest.raises(RecordError, match="two written answers are for the same task"):
        AnnotationRecord.from_dict(data)
    data["answers"] = [{"task": "t", "text": 5}]
    with pytest.raises(RecordError, match=r"^written answer 1: 'text' is a number, not text$"):
        AnnotationRecord.from_dict(data)


def test_two_processes_saving_answers_and_tries_at_once_keep_both(tmp_path, other_kernels):
    start = tmp_path / "start"
    start.mkdir()
    mine = AnnotationStore.open("art", LONG, "Ada", folder=tmp_path)       # this notebook, open all along
    mine.add_span(0, 1, "hedge")
    results = [other_kernels.apply_async(_answer_and_try, (tmp_path, task, question, 20, start / "go"))
               for task, question in (("02-w-a", "02-q"), ("05-w-b", "05-q"))]
    deadline = time.time() + 120
    while len(list(start.glob("ready-*"))) < 2:
        assert time.time() < deadline, "the other processes did not start"
        time.sleep(0.005)
    (start / "go").touch()
    assert max(r.get(timeout=120) for r in results) == 40                 # the last writer saw all tries
    mine.save_answer("03-w-c", "Mine.")                                   # merged with theirs, not over them
    data = on_disk(mine.path)
    assert sorted(a["task"] for a in data["answers"]) == ["02-w-a", "03-w-c", "05-w-b"]
    for question in ("02-q", "05-q"):
        assert [a["choice"] for a in data["attempts"] if a["question"] == question] == [
            f"choice {i}" for i in range(20)]                            # each process's tries in order
    assert len(data["spans"]) == 1
