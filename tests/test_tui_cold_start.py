"""Opening the TUI: the database file's check runs beside the imports and still refuses what it
refused before; the first claims table and the views of the claims around its cursor show before
matching (rapidfuzz) and the ORM (SQLAlchemy, SQLModel, pydantic) are loaded."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, settle
from workbench.services.workspace import Workspace
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
from workbench.tui.screens import articles, claim_list

articles.IMPORT_SUGGESTIONS_AFTER = 600  # the list's own import ahead must not come first here
LIBRARIES = ("rapidfuzz", "httpx", "trafilatura", "jinja2", "sqlalchemy", "sqlmodel", "pydantic")
seen = []
original = claim_list.ClaimList._show

def show(self, article, rows, views, *args, **kwargs):
    if not self.rows:  # the first table of the screen, with the views around its cursor
        loaded = sorted(m for m in LIBRARIES if m in sys.modules)
        seen.append([loaded, bool(rows) and [view.claim.id for view in views] == [row.id for row in rows]])
    original(self, article, rows, views, *args, **kwargs)

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


def test_the_first_claims_table_and_its_detail_show_before_matching_and_the_orm_load(
    tmp_path: Path,
) -> None:
    from workbench.services.articles import add_article
    from workbench.services.workspace import Workspace

    db = tmp_path / "claims.db"
    ws = Workspace.open(str(db))
    text = "Pemerintah membuka 23 sekolah baru di Bandung pada tahun ini. Harga beras naik 12 persen.\n"
    add_article(ws, text, language="id")
    ws.close()
    done = subprocess.run(
        [sys.executable, "-c", OPEN_FIRST_ARTICLE, str(db)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        timeout=120,
    )
    # nothing of matching, HTTP, reports or the ORM: the claims' views come with the table from
    # plain SQL (services/claim_details.py)
    assert done.stdout.strip().splitlines()[-1] == "[[], True]"


async def test_the_semantic_notice_follows_the_first_detail_and_its_suggestions(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the semantic extra the checker is told once, on the claims screen, after the
    table, its first claim's detail and the suggestions (one import at a time after the paint)."""
    from workbench.matching import semantic
    from workbench.services.articles import add_article
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.claims import ClaimsScreen

    add_article(workspace, "Pemerintah membuka 23 sekolah baru di Bandung pada tahun ini.\n", language="id")
    asked: list[tuple[bool, bool]] = []

    def absent() -> bool:
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        asked.append((screen.current is not None, bool(screen.suggestions)))
        return False

    monkeypatch.setattr(semantic, "semantic_available", absent)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
    assert asked == [(True, True)]
    assert messages.count(semantic.ABSENT_MESSAGE) == 1
