"""Shared fixtures: a real SQLite file, a real HTTP server on 127.0.0.1, the built-in cases."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar

import pytest
from textual.app import App
from textual.pilot import Pilot

from workbench.fetching.http import FetchPolicy
from workbench.services.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

T = TypeVar("T")


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    trickle: float | None = None  # a hostile server: seconds between the body's bytes, sent one by one


Route = Reply | Callable[[BaseHTTPRequestHandler], Reply]


class LocalServer:
    """A real HTTP server on 127.0.0.1 whose pages a test can change between requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()  # ends every trickle, so that stopping never waits on one
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                reply = (
                    Reply(404, b"not found", {"Content-Type": "text/plain"})
                    if route is None
                    else (route(self) if callable(route) else route)
                )
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.trickle is None:
                    self.wfile.write(reply.body)
                    return
                try:
                    for byte in reply.body:
                        if server.stopping.wait(reply.trickle):
                            return
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up on it

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Stop serving; afterwards connections are refused. Safe to call twice."""
        self.stopping.set()
        if self.thread.is_alive():
            self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def workspace(db_path: Path, tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(str(db_path), archive=tmp_path / "archive")
    ws.policy = FetchPolicy(allow_private=True, retries=1, backoff=0.05, connect_timeout=2, read_timeout=5)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def cli_env(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for running the CLI against the test database (loopback allowed)."""
    env = {
        "WORKBENCH_DB": str(db_path),
        "WORKBENCH_ARCHIVE": str(tmp_path / "archive"),
        "WORKBENCH_ALLOW_PRIVATE": "1",
        "WORKBENCH_CHECKER": "tester",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def page(title: str, *paragraphs: str, extra_head: str = "") -> bytes:
    """A small article page of our own for fetch tests."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{extra_head}"
        f"</head><body><header><nav><a href='/'>Home</a></nav></header><article><h1>{title}</h1>{body}"
        f"</article><footer>Test page written for the workbench tests.</footer></body></html>"
    ).encode()


WAIT_SECONDS = 60.0
"""How long a test waits for the app, a worker or another process before it fails instead of hanging."""


async def within(awaitable: Awaitable[T], what: str, *, timeout: float = WAIT_SECONDS) -> T:
    """Await ``awaitable``; fail the test, naming ``what``, if it takes longer than ``timeout`` seconds."""
    try:
        return await asyncio.wait_for(awaitable, timeout)
    except TimeoutError:
        pytest.fail(f"gave up after {timeout:.0f} s waiting for {what}")


async def pause_until(
    pilot: Pilot[None], condition: Callable[[], bool], what: str, *, timeout: float = WAIT_SECONDS
) -> None:
    """Let the app handle its messages until ``condition()`` holds; fail the test, naming ``what``,
    once ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    try:
        while not condition():
            await asyncio.wait_for(pilot.pause(), deadline - time.monotonic())
    except TimeoutError:
        pytest.fail(f"gave up after {timeout:.0f} s waiting for {what}")


async def settle(
    app: App[None], pilot: Pilot[None], *, except_group: str | None = None, timeout: float = WAIT_SECONDS
) -> None:
    """Wait until the app has nothing left to do: let every queued message be handled (which is
    what starts the workers a key press, a ``push_screen`` or a dialog's result ask for), then wait
    for every worker, and again for the workers those start (a save reloads the table), until none
    is left. A worker that failed or was superseded counts as done (``wait_for_complete`` would
    raise instead): the test checks what the screen shows. Workers of ``except_group`` are not
    waited for (a test holding one of them blocked on purpose). Fails the test, naming the workers
    still running, when all this takes longer than ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    running = "none"  # the workers being waited for, as they were before the wait
    try:
        while True:
            await asyncio.wait_for(pilot.pause(), deadline - time.monotonic())
            workers = [
                w
                for w in app.workers
                if not w.is_finished and (except_group is None or w.group != except_group)
            ]
            if not workers:
                return
            running = ", ".join(sorted(f"{w.name or w.group} ({w.state.name})" for w in workers))
            waits = asyncio.gather(*(worker.wait() for worker in workers), return_exceptions=True)
            await asyncio.wait_for(waits, deadline - time.monotonic())
    except TimeoutError:
        pytest.fail(f"the app did not settle within {timeout:.0f} s; workers still running: {running}")
