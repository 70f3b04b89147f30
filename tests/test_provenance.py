"""Every view says which copy a passage came from: a live fetch or a web archive's copy.

A copy fetched "as of" a date through a Memento TimeGate (the one the tests serve on 127.0.0.1)
must read as archived in ``fetch --json``, ``sources list --json``, ``claims list --json`` and the
reports; a live fetch of the same kind of page reads as live."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from tests.conftest import LocalServer, Reply, page
from tests.test_archive_bundles import ORIGINAL, STAMP, timegate
from workbench.cli import app
from workbench.provenance import SnapshotProvenance, archive_name
from workbench.services.articles import add_article
from workbench.services.sources import add_source
from workbench.services.workspace import Workspace

runner = CliRunner()


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def two_copies(
    workspace: Workspace, server: LocalServer, cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> int:
    """An article with one source fetched from the test archive and one fetched live."""
    timegate(server)
    server.routes["/live"] = Reply(
        200, page("Live", "The ministry opened 12 libraries in the north in April.")
    )
    monkeypatch.setenv("WORKBENCH_TIMEGATE", server.url("/tg/"))
    monkeypatch.setenv("WORKBENCH_TIMEGATE_NAME", "Test Archive")
    article = add_article(
        workspace,
        "JAKARTA - Kementerian menyetujui 40 sekolah baru. Kementerian membuka 12 perpustakaan.\n",
        language="id",
        article_date=date(2022, 3, 4),
    )
    add_source(workspace, article.id or 0, ORIGINAL)
    add_source(workspace, article.id or 0, server.url("/live"))
    return article.id or 0


def test_an_archived_copy_is_marked_everywhere(two_copies: int, server: LocalServer) -> None:
    article = str(two_copies)
    fetched = json.loads(cli("fetch", article, "--as-of", "article", "--json"))
    archived = next(r for r in fetched if r["url"] == ORIGINAL)
    assert archived["snapshot"]["kind"] == "archived"
    assert archived["snapshot"]["archive"] == "Test Archive"
    assert archived["snapshot"]["memento_datetime"].startswith("2022-03-04T10:15:00")
    [live] = json.loads(cli("fetch", article, "--json"))[1:]  # the live page; the original answers 404 here
    assert live["snapshot"] == {
        "kind": "live",
        "fetched_at": live["snapshot"]["fetched_at"],
        "memento_datetime": None,
        "archive": None,
        "sha256": live["snapshot"]["sha256"],
    }
    assert len(live["snapshot"]["sha256"]) == 64

    sources = {s["url"]: s["snapshot"] for s in json.loads(cli("sources", "list", article, "--json"))}
    assert sources[ORIGINAL]["kind"] == "archived" and sources[ORIGINAL]["archive"] == "Test Archive"
    assert sources[server.url("/live")]["kind"] == "live"
    assert "archived copy (Test Archive, memento 2022-03-04 10:15 UTC)" in cli("sources", "list", article)

    cli("match", article)
    claims = json.loads(cli("claims", "list", article, "--json"))
    copies = {
        c["best_evidence"]["source_url"]: c["best_evidence"]["snapshot"] for c in claims if c["best_evidence"]
    }
    assert copies[ORIGINAL]["kind"] == "archived"
    assert copies[ORIGINAL]["memento_datetime"].startswith("2022-03-04T10:15:00")
    assert copies[server.url("/live")]["kind"] == "live"

    # a report shows the passage a verdict pinned: judge every claim that has evidence
    for claim in claims:
        if claim["best_evidence"]:
            cli("verdict", str(claim["id"]), "supported", "--evidence", "best")
    markdown = cli("export", article, "--format", "md")
    assert "archived copy (Test Archive, memento 2022-03-04 10:15 UTC)" in markdown  # prose, not escaped
    assert "live copy, fetched" in markdown
    html = cli("export", article, "--format", "html")
    assert "archived copy (Test Archive, memento 2022-03-04 10:15 UTC)" in html
    report = json.loads(cli("export", article, "--format", "json"))
    kinds = {
        c["evidence"]["source_url"]: c["evidence"]["snapshot"]["kind"]
        for c in report["claims"]
        if c["evidence"]
    }
    assert kinds == {ORIGINAL: "archived", server.url("/live"): "live"}
    archived = next(
        c["evidence"] for c in report["claims"] if c["evidence"] and c["evidence"]["source_url"] == ORIGINAL
    )
    assert archived["copy_url"].endswith(f"/web/{STAMP}id_/{ORIGINAL}")  # the archive's address for the copy
    rows = list(csv.DictReader(io.StringIO(cli("export", article, "--format", "csv"))))
    assert {r["evidence_url"]: r["evidence_copy"] for r in rows if r["evidence_url"]} == kinds
    assert all(len(r["evidence_payload_sha256"]) == 64 for r in rows if r["evidence_url"])


def test_archive_names_are_names_not_hosts() -> None:
    assert archive_name("https://web.archive.org/web/") == "Internet Archive"
    assert archive_name("web.archive.org") == "Internet Archive"  # as older snapshots stored it
    assert archive_name("https://archive.example/tg/", "Our Archive") == "Our Archive"
    assert archive_name("https://archive.example/tg/") == "archive.example"


def test_suggestions_never_stand_beside_a_verdict(workspace: Workspace, cli_env: dict[str, str]) -> None:
    cli("demo", "--offline", "--no-tui")
    claims = json.loads(cli("claims", "list", "contoso-demo", "--json"))
    judged = claims[0]["id"]
    cli("verdict", str(judged), "contradicted", "--rationale", "checked by hand")
    with_suggestions = ("--include-suggestions",)
    report = json.loads(cli("export", "contoso-demo", "--format", "json", *with_suggestions))
    entries = {c["id"]: c for c in report["claims"]}
    assert entries[judged]["verdict"]["label"] == "contradicted" and entries[judged]["suggestion"] is None
    assert any(c["suggestion"] for c in report["claims"] if c["verdict"] is None)
    markdown = cli("export", "contoso-demo", "--format", "md", *with_suggestions)
    number = entries[judged]["number"]
    block = markdown.split(f"\n### {number}. ")[1].split("\n### ")[0].split("\n## ")[0]
    assert "Contradicted" in block and "suggestion" not in block.lower()
    assert "Workbench suggestion (not a verdict)" in markdown  # beside the unchecked claims
    rows = list(
        csv.DictReader(io.StringIO(cli("export", "contoso-demo", "--format", "csv", *with_suggestions)))
    )
    assert next(r for r in rows if r["claim_id"] == str(judged))["suggestion"] == ""
    assert any(r["suggestion"] for r in rows if not r["verdict"])
    # without the flag no format carries a suggestion
    plain = json.loads(cli("export", "contoso-demo", "--format", "json"))
    assert not any(c["suggestion"] for c in plain["claims"])
    assert "suggestion" not in cli("export", "contoso-demo", "--format", "md").lower()
    assert "kind" in SnapshotProvenance.__dataclass_fields__
