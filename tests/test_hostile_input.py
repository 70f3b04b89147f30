"""Hostile input and faults meet one-line errors, never tracebacks, and the rest of a batch goes on.

Everything runs through the real CLI (``CliRunner`` with ``catch_exceptions=False``, so a
traceback fails the test) on real SQLite files.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from tests.conftest import LocalServer, Reply
from workbench import jsonl
from workbench.cli import app

ARTICLE = (
    "JAKARTA - Kementerian menyetujui 40 sekolah baru pada Jumat (4/3/2022).\n"
    'Menurut Menteri Budi Santoso, pembangunan akan dimulai tahun depan. "Kami siap," kata Budi.\n'
)
ENV: dict[str, str | None] = {"WORKBENCH_DB": None, "WORKBENCH_ARCHIVE": None, "WORKBENCH_CHECKER": "ana"}


def cli(*args: str, env: dict[str, str | None] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=ENV | (env or {}), input=stdin, catch_exceptions=False)


def one_line_error(result: Result, *words: str) -> str:
    """The command failed with exit 2 and one line on stderr holding ``words``."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A workbench database holding one article with its claims."""
    path = tmp_path / "claims.db"
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = cli("--db", str(path), "articles", "add", str(article), "--lang", "id", "--json")
    assert result.exit_code == 0, result.stderr
    return path


def claim_ids(db: Path) -> list[int]:
    result = cli("--db", str(db), "claims", "list", "1", "--json")
    assert result.exit_code == 0, result.stderr
    return [c["id"] for c in json.loads(result.stdout)]


# -- databases --------------------------------------------------------------------------------


def test_a_database_from_a_newer_workbench_is_refused(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0042_from_the_future'")
        connection.execute("PRAGMA user_version = 2003004")  # the newer workbench stamps its version
    line = one_line_error(
        cli("--db", str(db), "articles", "list"), "'0042_from_the_future'", "newer than this workbench"
    )
    assert "made by workbench 2.3.4" in line and "upgrade the workbench" in line
    one_line_error(cli("--db", str(db), "db", "upgrade"), "newer than this workbench")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0042_from_the_future",)
        ]


def _damage(db: Path, table: str) -> bytes:
    """Break the first page of ``table`` (as a disk fault would); returns the file's bytes."""
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        [root] = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff\xff\x00\x00\x00")
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(db) as connection:
        connection.execute("PRAGMA quick_check").fetchall()
    return db.read_bytes()


@pytest.mark.parametrize(
    "command",
    [
        ("verdict", "{claim}", "supported"),
        ("claims", "edit", "{claim}", "--statement", "changed"),
        ("sources", "add", "1", "https://news.example/a"),
        ("claims", "list", "1"),
        ("export", "1", "--format", "json"),
    ],
)
def test_a_damaged_database_is_refused_by_every_command(db: Path, command: tuple[str, ...]) -> None:
    claim = claim_ids(db)[0]
    damaged = _damage(db, "verdict")
    args = [part.format(claim=claim) for part in command]
    one_line_error(cli("--db", str(db), *args), "is damaged", "restore it from a backup")
    assert db.read_bytes() == damaged  # nothing written


def test_another_applications_database_is_refused_not_given_our_tables(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO note (body) VALUES ('mine')")
    one_line_error(cli("--db", str(path), "articles", "list"), "not a workbench database", "note")
    with sqlite3.connect(path) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["note"]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_new_database_is_stamped_with_the_workbench_version(db: Path) -> None:
    from workbench import __version__
    from workbench.storage.database import APPLICATION_ID

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        number = connection.execute("PRAGMA user_version").fetchone()[0]
    major, minor, patch = (int(p) for p in __version__.split("."))
    assert number == major * 1_000_000 + minor * 1_000 + patch


# -- numbers, files and batch lines -----------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("verdict", "99999999999999999999999", "supported"),
        ("claims", "list", "99999999999999999999999"),
        ("claims", "history", "99999999999999999999999"),
    ],
)
def test_an_id_past_the_database_integers_is_one_line(db: Path, command: tuple[str, ...]) -> None:
    one_line_error(cli("--db", str(db), *command), "too large")


def test_claims_extract_on_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Kementerian menyetujui 40 sekolah baru di Bogor dan Depok — kata Budi.".encode("cp1252")
    )
    one_line_error(cli("claims", "extract", str(path)), "not UTF-8")


def _anchor_line(ident: int, text: str = "Ada kerja sama baru dengan 81 universitas.") -> str:
    return json.dumps({"id": ident, "selector": {"exact": "kerja sama baru"}, "text": text})


def _batch(tmp_path: Path, lines: list[str]) -> list[dict[str, Any]]:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("anchor", "--batch", str(path))
    assert result.exit_code == 1, result.stderr  # some line was malformed
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_deeply_nested_line_is_that_lines_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    out = _batch(tmp_path, [_anchor_line(1), "[" * 100_000 + "]" * 100_000, _anchor_line(3)])
    assert [o.get("id") for o in out] == [1, None, 3]
    assert "nested too deeply" in out[1]["error"]
    assert out[0]["status"] == out[2]["status"] == "intact"


def test_anchor_refuses_a_text_past_the_text_cap_line_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_TEXT_CAP", "1000")
    long_text = "Ada kerja sama baru dengan 81 universitas. " * 50
    out = _batch(tmp_path, [_anchor_line(1, long_text), _anchor_line(2)])
    assert out[0]["id"] == 1 and "WORKBENCH_TEXT_CAP" in out[0]["error"]
    assert out[1] == {"id": 2, "status": "intact", "start": 4, "end": 19, "score": 100}


def test_a_line_past_the_line_cap_is_skipped_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 4096)
    out = _batch(tmp_path, [_anchor_line(1), _anchor_line(2, "x " * 10_000), _anchor_line(3)])
    assert [o.get("id") for o in out] == [1, None, 3]
    assert out[1]["error"] == "line longer than 4,096 bytes"


# -- untrusted text in plain output -------------------------------------------------------------

HOSTILE = (
    "JAKARTA - Kementerian \x1b[2J\x1b]0;owned\x07menyetujui 40 sekolah baru pada Jumat (4/3/2022).\n"
    "Menurut Menteri Budi Santoso, pembangunan \u202eakan dimulai\u202c tahun depan senilai Rp 2 miliar.\n"
)
RAW = ("\x1b", "\x07", "\u202e")


def test_plain_listings_show_control_characters_never_send_them(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    title = "Sekolah baru\n   99  forged-row        id  99 claims   9 sources  fake"
    result = cli("--db", str(db), "articles", "add", str(article), "--lang", "id", "--title", title)
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    listing = cli("--db", str(db), "articles", "list")
    assert len(listing.stdout.splitlines()) == 1  # the title's line break forged no second row
    claims = cli("--db", str(db), "claims", "list", "1")
    extracted = cli("claims", "extract", str(article), "--lang", "id")
    for output in (result.stdout, listing.stdout, claims.stdout, extracted.stdout):
        assert not any(raw in output for raw in RAW), output
    assert "\ufffd" in claims.stdout and "\ufffd" in extracted.stdout
    # JSON keeps the text as it is, escaped by JSON itself
    as_json = cli("--db", str(db), "claims", "list", "1", "--json")
    assert "\x1b" not in as_json.stdout and "\\u001b" in as_json.stdout
    assert any("\x1b[2J" in claim["text"] for claim in json.loads(as_json.stdout))


def test_error_messages_are_one_line_whatever_they_quote(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    result = cli("--db", str(db), "articles", "add", str(tmp_path / "no-such\x1b]0;owned\x07\nfile.txt"))
    line = one_line_error(result, "no such file", "no-such")
    assert not any(raw in line for raw in RAW)


def test_fetched_text_is_shown_not_obeyed_in_archive_search(tmp_path: Path, server: LocalServer) -> None:
    body = (
        "Kementerian menyetujui \x1b[2J\x1b]0;owned\x07empat puluh sekolah baru pada 4 Maret 2022.\n"
        "Pembangunan \u202edimulai\u202c tahun depan.\n"
    )
    server.routes["/plain"] = Reply(200, body.encode(), {"Content-Type": "text/plain; charset=utf-8"})
    db = tmp_path / "claims.db"
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env: dict[str, str | None] = {"WORKBENCH_ALLOW_PRIVATE": "1"}
    for args in (
        ("articles", "add", str(article), "--lang", "id"),
        ("sources", "add", "1", server.url("/plain")),
        ("fetch", "1"),
        ("match", "1", "--no-semantic"),
    ):
        result = cli("--db", str(db), *args, env=env)
        assert result.exit_code == 0, (args, result.stderr)
    claim = claim_ids(db)[0]
    found = cli("--db", str(db), "archive", "search", str(claim), "--top", "3", env=env)
    assert found.exit_code == 0, found.stderr
    assert "sekolah baru" in found.stdout and "\ufffd" in found.stdout
    assert not any(raw in found.stdout for raw in RAW)


def test_the_tui_refuses_a_database_in_one_line_too(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    for args in (("--db", str(path)), ("--db", str(path), "tui")):
        one_line_error(cli(*args), "not a workbench database")
