"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

The tests are marked ``browser`` (``pytest -m browser`` runs only them, ``-m "not browser"``
skips them). They are skipped, with the reason, only when /usr/bin/chromium or the
playwright package is missing; CI installs both.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from .harness import JupyterServer, launch_browser, missing_requirements

_MISSING = missing_requirements()
_counter = itertools.count(1)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if _MISSING:
                item.add_marker(pytest.mark.skip(reason=f"browser test skipped: {_MISSING}"))


@pytest.fixture(scope="session")
def jupyter_server(tmp_path_factory):
    server = JupyterServer(tmp_path_factory.mktemp("jupyterlab")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_browser(p)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def server(jupyter_server):
    """The session's server, with no kernel left running before or after the test."""
    jupyter_server.delete_sessions()
    yield jupyter_server
    jupyter_server.delete_sessions()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1300, "height": 950})
    context.set_default_timeout(30_000)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(f"{exc.message}\n{exc.stack or ''}"))
    pg.errors = errors
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def notebook_name(request):
    """A fresh notebook file name per test, so no two tests share a kernel session."""
    return f"t{next(_counter):02d}_{request.node.name.replace('[', '_').replace(']', '')[:40]}.ipynb"
