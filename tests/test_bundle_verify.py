"""A bundle is evidence from elsewhere: import checks all of it, and refuses all of it.

One judged article (a page fetched from a real server on 127.0.0.1, matched, a verdict with
pinned evidence) is exported once; each test changes one thing in a copy of its bundle and
imports the copy into a fresh database through the CLI. A refused import exits 2 with one line on
stderr and leaves the database and the archive as they were.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, select
from typer.testing import CliRunner, Result

from tests.conftest import LocalServer, Reply, page
from workbench.cli import app
from workbench.fetching.http import FetchPolicy
from workbench.services import bundle_checks
from workbench.services.articles import add_article
from workbench.services.bundles import export_bundle
from workbench.services.fetching import fetch_article
from workbench.services.matching import match_article
from workbench.services.sources import add_source
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace

PAGE = "The harbour authority counted 1,250 ships in the first quarter, more than a year earlier."
ENV = {"WORKBENCH_ALLOW_PRIVATE": None, "WORKBENCH_DB": None, "WORKBENCH_ARCHIVE": None}


@dataclass
class Exported:
    bundle: Path
    data: dict[str, Any]
    records: dict[str, bytes]  # zip member name -> bytes


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    folder = tmp_path_factory.mktemp("exporter")
    server = LocalServer()
    server.start()
    ws = Workspace.open(str(folder / "a.db"), archive=folder / "archive")
    ws.policy = FetchPolicy(allow_private=True, retries=1, backoff=0.05, connect_timeout=2, read_timeout=5)
    try:
        server.routes["/s"] = Reply(200, page("Port", PAGE))
        article = add_article(
            ws,
            "JAKARTA - Otoritas pelabuhan mencatat 1.250 kapal pada kuartal pertama.\n",
            language="id",
            article_date=date(2024, 4, 2),
        )
        add_source(ws, article.id or 0, server.url("/s"))
        fetch_article(ws, article.id or 0)
        match_article(ws, article.id or 0)
        claim = list_claims(ws, article.id or 0)[0].claim
        record_verdict(ws, claim.id or 0, "supported", rationale="the port says so", evidence="best")
        bundle = folder / "case.zip"
        export_bundle(ws, article.id or 0, bundle)
    finally:
        ws.close()
        server.stop()
    with zipfile.ZipFile(bundle) as opened:
        data = json.loads(opened.read("bundle.json"))
        records = {n: opened.read(n) for n in opened.namelist() if n.startswith("archive/")}
    assert data["evidence"] and data["verdicts"] and len(records) == 1
    yield Exported(bundle, data, records)


def write_bundle(path: Path, data: Any, records: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("bundle.json", data if isinstance(data, bytes) else json.dumps(data))
        for name, blob in records.items():
            out.writestr(name, blob)
    return path


def changed(exported: Exported, tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = json.loads(json.dumps(exported.data))
    change(data)
    return write_bundle(tmp_path / "changed.zip", data, exported.records)


def import_cli(db: Path, bundle: Path) -> Result:
    return CliRunner().invoke(
        app, ["--db", str(db), "articles", "import-bundle", str(bundle)], env=ENV, catch_exceptions=False
    )


def row_counts(db: Path) -> dict[str, int]:
    ws = Workspace.open(str(db), archive=db.parent / "sources" / "archive")
    try:
        with ws.db.session() as session:
            return {
                table.name: session.exec(select(func.count()).select_from(table)).one()
                for table in SQLModel.metadata.sorted_tables
            }
    finally:
        ws.close()


def assert_refused(tmp_path: Path, bundle: Path, *reason: str) -> str:
    """Import ``bundle`` into a new database: exit 2, one line naming ``reason``, nothing kept."""
    db = tmp_path / "target" / "t.db"
    db.parent.mkdir(exist_ok=True)
    before = row_counts(db)
    result = import_cli(db, bundle)
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for words in reason:
        assert words in lines[0]
    assert row_counts(db) == before
    archive = db.parent / "sources" / "archive"
    assert not archive.exists() or [p for p in archive.rglob("*") if p.is_file()] == []
    return lines[0]


def test_the_bundle_as_exported_imports(exported: Exported, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    result = import_cli(db, exported.bundle)
    assert result.exit_code == 0, result.stderr
    archive = tmp_path / "sources" / "archive"
    assert [p.name for p in archive.rglob("*") if p.is_file()] == [
        name.removeprefix("archive/") for name in exported.records
    ]


def test_a_forged_snapshot_text_with_its_record_intact_is_refused(exported: Exported, tmp_path: Path) -> None:
    def forge(data: dict[str, Any]) -> None:
        [snapshot] = data["snapshots"]
        forged = snapshot["text"].replace("1,250 ships", "9,999 ships")
        snapshot["text"] = forged
        snapshot["text_sha256"] = hashlib.sha256(forged.encode()).hexdigest()
        for evidence in data["evidence"]:  # the evidence follows the forgery, so only the record tells
            evidence["quote"] = forged[evidence["start"] : evidence["end"]]

    assert_refused(tmp_path, changed(exported, tmp_path, forge), "is not the text of its archive record")


def test_a_snapshot_text_without_a_record_to_check_it_is_refused(exported: Exported, tmp_path: Path) -> None:
    bundle = write_bundle(tmp_path / "norecord.zip", exported.data, {})
    assert_refused(tmp_path, bundle, "in neither the bundle nor the archive")


def test_a_shifted_article_text_is_refused(exported: Exported, tmp_path: Path) -> None:
    def shift(data: dict[str, Any]) -> None:
        text = "Update: " + data["article"]["text"]
        data["article"]["text"] = text
        data["article"]["content_hash"] = hashlib.sha256(text.encode()).hexdigest()

    assert_refused(tmp_path, changed(exported, tmp_path, shift), "is not the article's text")


def test_an_article_text_that_misses_its_hash_is_refused(exported: Exported, tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["article"]["text"] = data["article"]["text"].replace("1.250", "9.999")

    assert_refused(tmp_path, changed(exported, tmp_path, edit), "content hash")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["verdicts"][0].update(label="totally-true"), "unknown verdict label 'totally-true'"),
        (lambda d: d["evidence"][0].update(start=10**6, end=10**6 + 5), "outside its text"),
        (lambda d: d["evidence"][0].update(start=5, end=2), "outside its text"),
        (lambda d: d["evidence"][0].update(quote="ships counted"), "its quote is not"),
        (lambda d: d["claims"][0].update(start=-3), "outside its text"),
        (lambda d: d["sources"][0].update(url="javascript:alert(1)"), "only http and https"),
        (lambda d: d["sources"][0].update(url="https://user:secret@news.example/x"), "user name or password"),
        (lambda d: d["snapshots"][0].update(final_url="file:///etc/passwd"), "only http and https"),
        (lambda d: d["claims"][0].update(kind="rumour"), "unknown kind 'rumour'"),
    ],
)
def test_content_the_workbench_would_not_make_is_refused(
    exported: Exported, tmp_path: Path, change: Callable[[dict[str, Any]], None], reason: str
) -> None:
    assert_refused(tmp_path, changed(exported, tmp_path, change), reason)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["claims"][0].update(start="ten"), "start"),
        (lambda d: d["article"].update(text=["not", "text"]), "text"),
        (lambda d: d["verdicts"][0].pop("label"), "label"),
        (lambda d: d["verdicts"][0].update(created_at="yesterday"), "created_at"),
        (lambda d: d["verdicts"][0].update(created_at="2024-04-02T10:00:00"), "time zone"),
        (lambda d: d["evidence"][0].update(rank=10**30), "too large"),
        (lambda d: d.update(article_sources=7), "article_sources"),
        (lambda d: d["verdicts"][0].update(evidence_id=[1]), "evidence_id"),
    ],
)
def test_malformed_rows_give_one_line(
    exported: Exported, tmp_path: Path, change: Callable[[dict[str, Any]], None], reason: str
) -> None:
    assert_refused(tmp_path, changed(exported, tmp_path, change), reason)


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"format": NaN}', "NaN"),
        (b'{"format": 1e999}', "out of range"),
        (b"\xff\xfe not utf-8", "bundle.json"),
        (b"{", "bundle.json"),
    ],
)
def test_a_bundle_json_that_is_not_json_gives_one_line(
    exported: Exported, tmp_path: Path, document: bytes, reason: str
) -> None:
    bundle = write_bundle(tmp_path / "bad.zip", document, exported.records)
    assert_refused(tmp_path, bundle, reason)


def test_a_zip_bomb_is_refused_before_it_is_inflated(exported: Exported, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("bundle.json", json.dumps(exported.data))
        out.writestr("archive/" + "0" * 64 + ".warc.gz", bytes(8 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    assert_refused(tmp_path, bomb, "zip bomb")


def test_members_past_their_caps_are_refused(
    exported: Exported, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle_checks, "MAX_RECORD_BYTES", 100)
    assert_refused(tmp_path, exported.bundle, "inflates to", "at most 100)")
    monkeypatch.undo()
    monkeypatch.setattr(bundle_checks, "MAX_TOTAL_BYTES", 1000)
    assert_refused(tmp_path, exported.bundle, "more than 1,000 bytes")
    monkeypatch.undo()
    monkeypatch.setattr(bundle_checks, "MAX_MEMBERS", 1)
    assert_refused(tmp_path, exported.bundle, "at most 1)")


def test_a_refused_bundle_copies_no_record(exported: Exported, tmp_path: Path) -> None:
    """The records are sound; the last verdict is not: nothing of the bundle reaches the archive."""

    def last_label(data: dict[str, Any]) -> None:
        data["verdicts"][-1]["label"] = "true-ish"

    assert_refused(tmp_path, changed(exported, tmp_path, last_label), "true-ish")
