"""A throw-away JupyterLab server and Playwright helpers, for the browser tests and benchmarks.

Follows what is known to work on these machines (see the project's browser-testing
notes): Debian's /usr/bin/chromium with background networking off, JupyterLab on
127.0.0.1 with a random token, HOME / JUPYTER_* / MPLCONFIGDIR / the annotation
folder in a temporary folder, user settings that silence the news toast and autosave,
kernels cleaned up through the REST API.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NOTEBOOKS = Path(__file__).parent / "notebooks"
#: Where screenshots go (git-ignored).
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

#: User settings that keep tests quiet and notebooks untouched.
USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # every cell in the page, so "all cells ran" can be checked on long notebooks too
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def missing_requirements() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (Python) is not installed (pip install -r requirements-dev.txt)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """A JupyterLab server in a temporary folder; ``root`` is where notebooks go."""

    def __init__(self, base: Path):
        self.base = Path(base)
        self.root = self.base / "root"
        self.annotations = self.base / "annotations"
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log_path = self.base / "jupyter.log"

    # -- lifecycle -------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        for key in list(env):
            if key.startswith("JUPYTER") or key in ("MEDIALIT_ANNOTATIONS",):
                del env[key]
        env.update({
            "HOME": str(self.base / "home"),
            "JUPYTER_CONFIG_DIR": str(self.base / "config"),
            "JUPYTER_DATA_DIR": str(self.base / "data"),
            "JUPYTER_RUNTIME_DIR": str(self.base / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(self.base / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(self.base / "workspaces"),
            "IPYTHONDIR": str(self.base / "ipython"),
            "MPLCONFIGDIR": str(self.base / "mpl"),
            "MEDIALIT_ANNOTATIONS": str(self.annotations),
            "PATH": str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", ""),
        })
        return env

    def start(self, timeout: float = 60) -> "JupyterServer":
        env = self.env()
        for key in ("HOME", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                    "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
            Path(env[key]).mkdir(parents=True, exist_ok=True)
        self.root.mkdir(parents=True, exist_ok=True)
        self.annotations.mkdir(parents=True, exist_ok=True)
        for rel, value in USER_SETTINGS.items():
            path = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value), encoding="utf-8")
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip", "127.0.0.1",
               "--port", str(self.port), f"--ServerApp.token={self.token}", "--allow-root",
               f"--ServerApp.root_dir={self.root}", "--LabApp.extension_manager=readonly",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--ServerApp.port_retries=0"]
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, env=env, cwd=self.root, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited early:\n{self.log_path.read_text(errors='replace')[-3000:]}")
            try:
                self.api("GET", "/api/status")
                return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"jupyter lab did not answer within {timeout} s")

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            self.delete_sessions()
        except Exception:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self._log.close()
        self.proc = None

    # -- REST ----------------------------------------------------------------------------
    def api(self, method: str, path: str, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def delete_sessions(self) -> None:
        for session in self.api("GET", "/api/sessions") or []:
            try:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            except urllib.error.HTTPError:
                pass

    def put_notebook(self, name: str, as_name: str | None = None) -> str:
        """Copy a fixture notebook into the server's root; returns its path there."""
        target = self.root / (as_name or name)
        shutil.copyfile(NOTEBOOKS / name, target)
        return target.name

    def page_url(self, path: str, ui: str = "lab") -> str:
        if ui == "lab":
            return f"{self.url}/lab/tree/{path}?reset&token={self.token}"
        return f"{self.url}/notebooks/{path}?token={self.token}"


# ---------------------------------------------------------------------------
# Browser
# ---------------------------------------------------------------------------

def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


def click_menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(menu)}$")).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}")).first.click()


def wait_kernel_idle(page, ui: str = "lab", server: JupyterServer | None = None, path: str | None = None,
                     timeout: float = 60_000) -> None:
    """Wait until the kernel has really started and is idle.

    The execution indicator says "idle" while the kernel is still starting, so JupyterLab's
    status bar text ("... | Idle", not "No Kernel") is used; Notebook 7 has no status bar,
    so there the server's own view of the kernel (REST) must say idle as well.
    """
    if ui == "lab":
        page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(
                   e => /\\|\\s*Idle\\s*$/.test(e.textContent) && !/^\\s*No Kernel/.test(e.textContent))""",
            timeout=timeout)
        return
    page.wait_for_function(
        """() => { const e = document.querySelector('.jp-Notebook-ExecutionIndicator');
                   return e && e.getAttribute('data-status') === 'idle'; }""",
        timeout=timeout)
    if server is not None and path is not None:
        deadline = time.monotonic() + timeout / 1000
        while time.monotonic() < deadline:
            states = [s["kernel"]["execution_state"] for s in server.api("GET", "/api/sessions") or []
                      if s.get("path", "").endswith(path) and s.get("kernel")]
            if states and all(st == "idle" for st in states):
                return
            time.sleep(0.1)
        raise TimeoutError(f"the kernel of {path} did not become idle")


def run_all(page, ui: str = "lab", timeout: float = 60_000) -> None:
    """Clear outputs, run every cell, wait until every code cell has an execution number."""
    click_menu(page, "Edit", "Clear Outputs of All Cells")
    click_menu(page, "Run", "Run All Cells")
    wait_all_executed(page, timeout)


def wait_all_executed(page, timeout: float = 60_000) -> None:
    page.wait_for_function(
        """() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                   return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }""",
        timeout=timeout)


def open_notebook(page, server: JupyterServer, path: str, ui: str = "lab") -> None:
    page.goto(server.page_url(path, ui))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    wait_kernel_idle(page, ui, server, path)


def run_cell(page, index: int, timeout: float = 30_000) -> str:
    """Run one code cell (command mode, Ctrl+Enter) and return the text of its output."""
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    before = cell.locator(".jp-InputPrompt").inner_text()
    cell.locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    page.wait_for_function(
        """([i, before]) => { const c = document.querySelectorAll('.jp-Notebook .jp-Cell')[i];
              const t = c.querySelector('.jp-InputPrompt').textContent;
              return /\\[\\d+\\]/.test(t) && t !== before; }""",
        arg=[index, before], timeout=timeout)
    return "\n".join(cell.locator(".jp-OutputArea-output").all_inner_texts())


def drag_select(page, container_selector: str, needle: str, *, backwards: bool = False,
                from_edge: bool = False) -> None:
    """Select ``needle`` inside the container by a real mouse drag between character rectangles.

    ``backwards`` drags from its last character to its first (right to left); ``from_edge``
    presses the button at the very edge of the first character dragged over (where a mark's
    edge is), not a little inside it.
    """
    box = page.evaluate(
        """([sel, needle]) => {
            const root = document.querySelector(sel);
            // the text is cut into pieces at mark edges: join the text nodes and find the needle
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            const nodes = []; let all = ''; let n;
            while ((n = walker.nextNode())) {
              if (n.parentElement.closest('.lm-caption')) continue;
              nodes.push([n, all.length]); all += n.data;
            }
            const at = all.indexOf(needle);
            if (at < 0) return null;
            function point(offset) {
              for (const [node, base] of nodes) if (offset >= base && offset < base + node.data.length) return [node, offset - base];
              return null;
            }
            function rect(offset) {
              const [node, o] = point(offset);
              const r = document.createRange(); r.setStart(node, o); r.setEnd(node, o + 1);
              const b = r.getBoundingClientRect(); return [b.left, b.top, b.width, b.height];
            }
            point(at)[0].parentElement.scrollIntoView({block: 'center'});
            return [rect(at), rect(at + needle.length - 1)];
        }""",
        [container_selector, needle])
    assert box is not None, f"{needle!r} not found in {container_selector}"
    (x0, y0, w0, h0), (x1, y1, w1, h1) = box
    inset = 0.05 if from_edge else 0.2
    first = (x0 + w0 * inset, y0 + h0 / 2)
    last = (x1 + w1 * (1 - inset), y1 + h1 / 2)
    if backwards:
        first, last = last, first
    page.mouse.move(*first)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2 + h0 / 4, steps=4)
    page.mouse.move(*last, steps=4)
    page.mouse.up()


def wait_saved(page, root_selector: str = ".lm-root", timeout: float = 10_000) -> None:
    """Wait until the widget has no change waiting for the kernel's answer."""
    page.wait_for_function(
        "sel => { const r = document.querySelector(sel); return r && r.dataset.lmPending === '0'; }",
        arg=root_selector, timeout=timeout)


def screenshot(page, name: str) -> Path:
    """Save a screenshot of the page under test-artifacts/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
