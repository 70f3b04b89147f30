"""Headless Chromium (Debian's ``chromium``) driven over the DevTools protocol through a pipe, for
the tests that render a report: what the page requested, what it logged, a screenshot, a PDF.

The page's own requests are told apart from the browser's housekeeping because the DevTools
Network domain of the page's target reports only what that page loads.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-default-apps",
    "--remote-debugging-pipe",
]


def chromium_binary() -> str:
    """The Chromium to use; skips the test when there is none, unless WORKBENCH_REQUIRE_CHROMIUM
    is set (CI sets it: there a missing browser is a failure)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("WORKBENCH_REQUIRE_CHROMIUM"):
        pytest.fail("chromium is not installed (WORKBENCH_REQUIRE_CHROMIUM is set): apt-get install chromium")
    pytest.skip("chromium is not installed")


@dataclass
class PageRun:
    requests: list[str] = field(default_factory=list)  # every URL the page asked for, its own first
    console: list[str] = field(default_factory=list)  # console errors and warnings, exceptions, log errors
    screenshot: bytes = b""
    pdf: bytes = b""
    title: str = ""


class _Pipe:
    def __init__(self, process: subprocess.Popen[bytes], send_fd: int, receive_fd: int) -> None:
        self.process = process
        self.send_fd = send_fd
        self.receive_fd = receive_fd
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self.receive_fd], [], [], left)
            if ready:
                chunk = os.read(self.receive_fd, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)  # type: ignore[no-any-return]

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.send_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, seconds: float = 60) -> None:
        """Until the event ``method`` arrives (events already received count)."""
        deadline = time.monotonic() + seconds
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read(deadline))

    def drain(self, quiet: float = 0.5) -> None:
        """Collect events until none arrived for ``quiet`` seconds (late loads, console output)."""
        while True:
            ready, _, _ = select.select([self.receive_fd], [], [], quiet)
            if not ready and b"\0" not in self.buffer:
                return
            self.events.append(self._read(time.monotonic() + 5))


def render(page: Path, profile: Path, *, width: int = 1200, height: int = 1600) -> PageRun:
    """Open ``page`` (a local file) in headless Chromium with a fresh profile; return what it
    requested and logged, a screenshot of the first screen and the page printed to PDF."""
    binary = chromium_binary()
    to_browser_r, to_browser_w = os.pipe()
    from_browser_r, from_browser_w = os.pipe()

    def wire() -> None:  # the browser reads commands on fd 3 and writes answers on fd 4
        os.dup2(to_browser_r, 3)
        os.dup2(from_browser_w, 4)

    process = subprocess.Popen(
        [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(3, 4),
        preexec_fn=wire,  # the pipe must sit on fds 3 and 4 in the child
    )
    os.close(to_browser_r)
    os.close(from_browser_w)
    pipe = _Pipe(process, to_browser_w, from_browser_r)
    run = PageRun()
    try:
        target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            pipe.call(f"{domain}.enable", session=session)
        pipe.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        pipe.events.clear()
        pipe.call("Page.navigate", {"url": page.resolve().as_uri()}, session=session)
        pipe.wait_for("Page.loadEventFired")
        pipe.drain()
        run.title = pipe.call("Runtime.evaluate", {"expression": "document.title"}, session=session)[
            "result"
        ]["value"]
        shot = pipe.call("Page.captureScreenshot", {"format": "png"}, session=session)
        run.screenshot = base64.b64decode(shot["data"])
        printed = pipe.call("Page.printToPDF", {"printBackground": False}, session=session)
        run.pdf = base64.b64decode(printed["data"])
        pipe.drain(0.2)
        for event in pipe.events:
            if event.get("sessionId") != session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                run.requests.append(params["request"]["url"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in (
                "error",
                "warning",
                "assert",
            ):
                run.console.append(
                    " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
                )
            elif method == "Runtime.exceptionThrown":
                run.console.append(str(params.get("exceptionDetails", {}).get("text")))
            elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
                run.console.append(str(params["entry"].get("text")))
        with contextlib.suppress(RuntimeError, TimeoutError):
            pipe.call("Browser.close")
    finally:
        os.close(to_browser_w)
        os.close(from_browser_r)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return run
