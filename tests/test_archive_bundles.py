"""Memento "as of" fetching against a TimeGate written for the tests; bundles; archive verify."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from tests.conftest import LocalServer, Reply, page
from workbench.cli import app
from workbench.services.articles import add_article
from workbench.services.bundles import BundleError, export_bundle, import_bundle
from workbench.services.fetching import fetch_article, fetch_article_as_of
from workbench.services.sources import add_source
from workbench.services.verdicts import list_claims, record_verdict, verdict_history
from workbench.services.workspace import Workspace
from workbench.storage.models import Snapshot

ORIGINAL = "https://news.example.org/2022/03/04/story"
STAMP = "20220304101500"


def timegate(server: LocalServer) -> None:
    """A small Memento TimeGate: /tg/<url> redirects to the memento; /web/<stamp>id_/<url> is the
    raw capture; the rewritten (non-id_) form carries an archive banner we must not keep."""

    def gate(handler: object) -> Reply:
        asked = getattr(handler, "headers", {}).get("Accept-Datetime", "")
        assert "Mar 2022" in asked
        return Reply(302, b"", {"Location": f"/web/{STAMP}/{ORIGINAL}", "Vary": "accept-datetime"})

    server.routes[f"/tg/{ORIGINAL}"] = gate
    server.routes[f"/web/{STAMP}id_/{ORIGINAL}"] = Reply(
        200,
        page("Story", "The first version said the ministry approved 40 new schools in March."),
        {"Content-Type": "text/html; charset=utf-8", "Memento-Datetime": "Fri, 04 Mar 2022 10:15:00 GMT"},
    )
    server.routes[f"/web/{STAMP}/{ORIGINAL}"] = Reply(
        200, page("Story", "ARCHIVE BANNER rewritten page with toolbar links and the same story text.")
    )


def test_as_of_fetch_records_the_memento(workspace: Workspace, server: LocalServer) -> None:
    timegate(server)
    article = add_article(
        workspace,
        "JAKARTA - Kementerian menyetujui 40 sekolah baru.\n",
        language="id",
        article_date=date(2022, 3, 4),
    )
    add_source(workspace, article.id or 0, ORIGINAL)
    [report] = fetch_article_as_of(workspace, article.id or 0, endpoint=server.url("/tg/"))
    assert report.outcome == "ok" and report.new_snapshot
    with workspace.db.session() as session:
        [snapshot] = session.exec(select(Snapshot)).all()
    assert "40 new schools" in snapshot.text and "BANNER" not in snapshot.text
    assert snapshot.memento_datetime == datetime(2022, 3, 4, 10, 15, tzinfo=UTC)
    assert snapshot.archive_name == "127.0.0.1"
    assert snapshot.final_url.endswith(f"/web/{STAMP}id_/{ORIGINAL}")


def test_as_of_without_a_copy_is_reported(workspace: Workspace, server: LocalServer) -> None:
    article = add_article(
        workspace, "JAKARTA - Tidak ada salinan arsip.\n", language="id", article_date=date(2022, 3, 4)
    )
    add_source(workspace, article.id or 0, "https://news.example.org/never-archived")
    [report] = fetch_article_as_of(workspace, article.id or 0, endpoint=server.url("/tg/"))
    assert report.outcome == "gone" and "no archived copy" in (report.error or "")


def _judged_article(ws: Workspace, server: LocalServer) -> int:
    server.routes["/s"] = Reply(
        200, page("S", "The harbour authority counted 1,250 ships in the first quarter.")
    )
    article = add_article(
        ws,
        "JAKARTA - Otoritas pelabuhan mencatat 1.250 kapal pada kuartal pertama.\n",
        language="id",
        title="Pelabuhan",
        article_date=date(2024, 4, 2),
    )
    add_source(ws, article.id or 0, server.url("/s"))
    fetch_article(ws, article.id or 0)
    from workbench.services.matching import match_article

    match_article(ws, article.id or 0)
    claim = list_claims(ws, article.id or 0)[0]
    record_verdict(ws, claim.claim.id or 0, "supported", rationale="first look", evidence="best")
    record_verdict(ws, claim.claim.id or 0, "partly-supported", rationale="second look")
    return article.id or 0


def test_bundle_round_trip_keeps_history_and_evidence(
    workspace: Workspace, server: LocalServer, tmp_path: Path
) -> None:
    article_id = _judged_article(workspace, server)
    bundle = tmp_path / "case.zip"
    counts = export_bundle(workspace, article_id, bundle)
    assert counts["verdicts"] == 2 and counts["records"] == 1
    other = Workspace.open(str(tmp_path / "other.db"), archive=tmp_path / "other-archive")
    try:
        new_id = import_bundle(other, bundle)
        [view] = list_claims(other, new_id)
        history = verdict_history(other, view.claim.id or 0)
        assert [(v.label, v.rationale) for v in history] == [
            ("supported", "first look"),
            ("partly-supported", "second look"),
        ]
        pinned = [e for e in view.evidence if e.pinned]
        assert pinned and "1,250 ships" in pinned[0].quote
        with other.db.session() as session:
            [snapshot] = session.exec(select(Snapshot)).all()
        assert other.archive.verify([snapshot.archive_record or ""]) == []
        with pytest.raises(BundleError, match="already here"):
            import_bundle(other, bundle)
    finally:
        other.close()


def test_bundle_with_an_altered_record_is_refused(
    workspace: Workspace, server: LocalServer, tmp_path: Path
) -> None:
    article_id = _judged_article(workspace, server)
    bundle = tmp_path / "case.zip"
    export_bundle(workspace, article_id, bundle)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("archive/"):
                data = data[:-8] + bytes(8)  # corrupt the gzip member's trailer
            target.writestr(name, data)
    fresh = Workspace.open(str(tmp_path / "fresh.db"), archive=tmp_path / "fresh-archive")
    try:
        with pytest.raises(BundleError):
            import_bundle(fresh, tampered)
        records = list(fresh.archive.root.rglob("*.warc.gz")) if fresh.archive.root.exists() else []
        assert records == []  # nothing half-imported
        assert list_claims_or_empty(fresh) == []
    finally:
        fresh.close()


def test_archive_verify_and_bundle_commands(
    workspace: Workspace, server: LocalServer, cli_env: dict[str, str], tmp_path: Path
) -> None:
    article_id = _judged_article(workspace, server)
    runner = CliRunner()
    result = runner.invoke(app, ["archive", "verify", "--json"], catch_exceptions=False)
    assert result.exit_code == 0 and json.loads(result.stdout) == {"checked": 1, "problems": []}
    bundle = tmp_path / "b.zip"
    result = runner.invoke(
        app, ["articles", "export-bundle", str(article_id), str(bundle)], catch_exceptions=False
    )
    assert result.exit_code == 0 and bundle.exists()
    for record in workspace.archive.root.rglob("*.warc.gz"):
        record.write_bytes(record.read_bytes()[:-4] + b"\0\0\0\0")
    result = runner.invoke(app, ["archive", "verify"], catch_exceptions=False)
    assert result.exit_code == 1 and ("altered" in result.stdout or "unreadable" in result.stdout)
    result = runner.invoke(
        app,
        ["--db", str(tmp_path / "x.db"), "articles", "import-bundle", str(bundle), "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    assert isinstance(json.loads(result.stdout)["article_id"], int)


def test_anchor_batch_command(tmp_path: Path) -> None:
    text = "Alpha beta gamma. The council approved the budget on Monday. Delta epsilon."
    lines = [
        {"id": 1, "selector": {"exact": "The council approved the budget on Monday."}, "text": text},
        {"id": 2, "selector": {"exact": "nothing like this appears here at all in the text"}, "text": text},
        {"id": 3, "text": text},
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["anchor", "--batch", str(batch)], catch_exceptions=False)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1  # the malformed third line
    assert out[0]["status"] in ("intact", "moved") and text[out[0]["start"] : out[0]["end"]].startswith(
        "The council"
    )
    assert out[1] == {"id": 2, "status": "orphaned", "start": None, "end": None, "score": 0}
    assert out[2]["id"] == 3 and "error" in out[2]


def list_claims_or_empty(ws: Workspace) -> list[object]:
    from workbench.services.articles import list_articles

    return list(list_articles(ws))
