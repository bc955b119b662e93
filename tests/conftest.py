"""Fixtures and paths shared by the test files.

The two seed articles, their answer keys and the detector's analyses are made once per
test session (they are read-only); ``tools/`` (the authoring tools, not part of the
installed kit) is put on the import path so the tests can import ``exercises``.
The kit is imported inside the fixtures, so a module being moved breaks only the tests
that use it, not the collection of every test.
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_IDS = ["000_b7d55dfd4cdbabc3", "003_9a3e418065795979"]
sys.path.insert(0, str(ROOT / "tools"))


@pytest.fixture(params=SEED_IDS)
def seed_id(request):
    return request.param


@pytest.fixture(scope="session")
def art():
    """The two seed articles by short id: ``art["000"]``, ``art["003"]``."""
    from medialit.articles import seed_article

    return {"000": seed_article("000"), "003": seed_article("003")}


@pytest.fixture(scope="session")
def key(art):
    """The answer key of each seed article, by short id."""
    from medialit.answer_key import load_answer_key

    return {k: load_answer_key(a.id) for k, a in art.items()}


@pytest.fixture(scope="session")
def det(art):
    """The detector's analysis of each seed article, by short id."""
    from medialit.detect import analyze

    return {k: analyze(a) for k, a in art.items()}


@pytest.fixture(scope="session")
def a000(art):
    return art["000"]


@pytest.fixture(scope="session")
def a003(art):
    return art["003"]


@pytest.fixture(scope="session")
def k000(key):
    return key["000"]


@pytest.fixture(scope="session")
def k003(key):
    return key["003"]


@pytest.fixture
def fresh_stores():
    """No annotation store left over from another test, before or after this one."""
    from medialit.annotate import AnnotationStore

    AnnotationStore.forget_all()
    yield
    AnnotationStore.forget_all()
