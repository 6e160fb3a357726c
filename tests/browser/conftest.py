"""Headless Chromium (Debian's /usr/bin/chromium) driven by the Python playwright package.

No browser is downloaded: playwright launches the system chromium. The tests are skipped with a
reason when either is missing. Screenshots go to ``test-artifacts/`` at the project root.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Self

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

_path = ROOT / "tests" / "report" / "report_fixture.py"
_spec = importlib.util.spec_from_file_location("storyline_report_fixture", _path)
report_fixture = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("storyline_report_fixture", report_fixture)
_spec.loader.exec_module(report_fixture)


def pytest_collection_modifyitems(config, items):
    reason = None
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found (apt-get install chromium)"
    elif importlib.util.find_spec("playwright") is None:
        reason = "the playwright Python package is not installed (pip install playwright)"
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with everything that went wrong on it recorded."""

    def __init__(self, page, allowed_origin: str | None):
        self.page = page
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("dialog", self._dialog)

        def request(req):
            url = req.url
            if not (url.startswith(("file://", "data:"))
                    or (allowed_origin and url.startswith(allowed_origin))):
                self.foreign_requests.append(url)

        page.on("request", request)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self):
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.dialogs == []
        assert self.foreign_requests == []


@pytest.fixture
def watched(browser):
    made = []

    def make(allowed_origin: str | None = None) -> Watched:
        ctx = browser.new_context(viewport={"width": 1366, "height": 900})
        made.append(ctx)
        return Watched(ctx.new_page(), allowed_origin)

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn serving an app on a free localhost port in a thread."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Self:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
