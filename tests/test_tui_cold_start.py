"""Opening the TUI: the database file's check runs beside the imports and still refuses what it
refused before; the first claims table shows before matching (rapidfuzz) is loaded."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from workbench.storage.sqlite_file import DatabaseRefused, check_ahead, check_sqlite_file


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def test_the_file_check_loads_no_sqlalchemy() -> None:
    code = "import sys, workbench.storage.sqlite_file; print('sqlalchemy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.strip() == "False"


def test_a_damaged_file_checked_ahead_is_refused_as_before(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(DatabaseRefused) as direct:
        check_sqlite_file(damaged)
    check_ahead(_url(damaged))
    with pytest.raises(DatabaseRefused) as ahead:
        check_sqlite_file(damaged)
    assert str(ahead.value) == str(direct.value)


def test_another_applications_file_is_refused_by_the_tui_open(tmp_path: Path) -> None:
    from workbench.tui.run import open_workspace

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseRefused, match="not a workbench database"):
        open_workspace(str(other))


def test_a_sound_file_checked_ahead_opens(tmp_path: Path) -> None:
    from workbench.tui.run import open_workspace

    db = tmp_path / "claims.db"
    open_workspace(str(db)).close()  # a new database: created and migrated
    ws = open_workspace(str(db))  # now an existing file, checked on another thread
    try:
        assert ws.db.url.endswith("claims.db")
    finally:
        ws.close()


OPEN_FIRST_ARTICLE = """
import sys
from textual import events
from workbench.tui.run import run_tui
from workbench.tui.screens import claim_list

seen = []
original = claim_list.ClaimList._show

def show(self, *args, **kwargs):
    if not self.rows:  # the first table of the screen
        seen.append(sorted(m for m in ("rapidfuzz", "httpx", "trafilatura", "jinja2") if m in sys.modules))
    original(self, *args, **kwargs)

claim_list.ClaimList._show = show

async def drive(pilot):
    app = pilot.app
    while not app.screen.query("#articles-table") or not app.screen.query_one("#articles-table").row_count:
        await pilot.pause(0.01)
    app.post_message(events.Key("enter", None))
    while not seen:
        await pilot.pause(0.01)
    print(seen[0], flush=True)  # before leaving: a worker still loading ends the process at once
    app.exit()

run_tui(sys.argv[1], headless=True, auto_pilot=drive)
"""


def test_the_first_claims_table_shows_before_matching_loads(tmp_path: Path) -> None:
    from workbench.services.articles import add_article
    from workbench.services.workspace import Workspace

    db = tmp_path / "claims.db"
    ws = Workspace.open(str(db))
    add_article(ws, "Pemerintah membuka 23 sekolah baru di Bandung pada tahun ini.\n", language="id")
    ws.close()
    done = subprocess.run(
        [sys.executable, "-c", OPEN_FIRST_ARTICLE, str(db)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
