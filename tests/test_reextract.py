"""Re-extraction loses nothing: claims with a checker's work stay, every removal is listed and kept
in the claim's history with its before-state, and the counts mean what they say."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from tests.conftest import LocalServer, Reply, page
from tests.test_editing import add_evidence
from workbench.cli import app
from workbench.domain import ExtractedClaim
from workbench.services import articles
from workbench.services.articles import add_article, reextract_claims
from workbench.services.editing import claim_history
from workbench.services.fetching import fetch_article
from workbench.services.matching import match_article
from workbench.services.sources import add_source
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.storage.models import Article, Claim, ClaimEdit

# Curly quotes, an apostrophe, dotted capital I, emoji and CRLF line endings: offsets are code points.
TEXT = (
    "JAKARTA - Pemerintah menyalurkan bantuan Rp 5 miliar pada Jum’at, 28 Februari lalu.\r\n"
    "Menteri İbrahim 🙂 mengatakan, “Kami sudah membangun 40 sekolah di Papua dan 12 klinik.”\r\n"
    "Ia menambahkan bahwa 3 jembatan di Sorong selesai dibangun tahun ini.\r\n"
    "Sebanyak 120 guru baru akan dikirim ke Merauke pada bulan April.\r\n"
    "Program ini didukung oleh lebih dari 20 organisasi masyarakat.\r\n"
)
LAST = "Program ini didukung oleh lebih dari 20 organisasi masyarakat."
REPLACEMENT = "Bantuan berikutnya dijadwalkan pada 5 Mei 2022."


@pytest.fixture
def article(workspace: Workspace) -> Article:
    return add_article(workspace, TEXT, title="Bantuan", language="id", article_date=dt.date(2022, 3, 2))


def claims_of(ws: Workspace, article: Article) -> list[Claim]:
    return [v.claim for v in list_claims(ws, article.id or 0)]


Rewrite = Callable[[list[ExtractedClaim]], list[ExtractedClaim]]


def extractor_gives(monkeypatch: pytest.MonkeyPatch, rewrite: Rewrite) -> None:
    """The extractor as if its rules had changed: its real result, rewritten."""
    real = articles.extract_claims

    def changed(
        text: str, lang: str | None = None, article_date: dt.date | None = None
    ) -> list[ExtractedClaim]:
        return rewrite(real(text, lang, article_date))

    monkeypatch.setattr(articles, "extract_claims", changed)


def history_rows(ws: Workspace) -> list[ClaimEdit]:
    with ws.db.session() as session:
        return list(session.exec(select(ClaimEdit)).all())


def test_unchanged_text_keeps_every_claim_and_writes_nothing(workspace: Workspace, article: Article) -> None:
    before = claims_of(workspace, article)
    assert len(before) == 5
    report = reextract_claims(workspace, article.id or 0)
    assert report.as_json() == {"kept": 5, "updated": 0, "added": 0, "removed": []}
    assert report.summary() == "5 kept, 0 updated, 0 added, 0 removed"
    assert [c.id for c in claims_of(workspace, article)] == [c.id for c in before]
    assert history_rows(workspace) == []


def test_a_claim_no_longer_found_is_listed_and_its_before_state_kept(
    workspace: Workspace, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = claims_of(workspace, article)
    judged, gone = claims[0], [claims[3], claims[4]]
    record_verdict(workspace, judged.id or 0, "supported", checker="ana")
    dropped = {judged.text, *(c.text for c in gone)}
    extractor_gives(monkeypatch, lambda found: [c for c in found if c.text not in dropped])

    report = reextract_claims(workspace, article.id or 0, editor="budi")

    assert [(r.id, r.text) for r in report.removed] == [(c.id, c.text) for c in gone]
    assert (report.kept, report.updated, report.added) == (3, 0, 0)
    assert [c.id for c in claims_of(workspace, article)] == [c.id for c in claims[:3]]
    for claim in gone:
        (row,) = claim_history(workspace, claim.id or 0)
        assert row.action == "reextract-remove" and row.editor == "budi" and row.claim_id is None
        before = row.detail["before"]
        assert TEXT[before["start"] : before["end"]] == before["text"] == claim.text
        for name in ("id", "statement", "kind", "speaker", "numbers", "dates", "origin", "position", "score"):
            assert before[name] == getattr(claim, name), name
        assert before["reasons"] == claim.reasons
    # Run again: nothing more goes, nothing comes back.
    again = reextract_claims(workspace, article.id or 0)
    assert (again.kept, again.updated, again.added, again.removed) == (3, 0, 0, [])


def test_pinned_evidence_keeps_a_claim_without_a_verdict(
    workspace: Workspace, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = claims_of(workspace, article)
    pinned, loose = claims[2], claims[3]
    add_evidence(workspace, pinned.id or 0, pinned=True)
    add_evidence(workspace, loose.id or 0, pinned=False)  # machine-ranked: not a checker's work
    extractor_gives(monkeypatch, lambda found: [])

    report = reextract_claims(workspace, article.id or 0)

    assert [c.id for c in claims_of(workspace, article)] == [pinned.id]
    assert report.kept == 1 and sorted(r.id for r in report.removed) == sorted(
        c.id or 0 for c in claims if c.id != pinned.id
    )


def test_changed_content_on_the_same_span_is_an_update_that_protects_nothing(
    workspace: Workspace, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = claims_of(workspace, article)
    target = claims[1]

    def redraft(found: list[ExtractedClaim]) -> list[ExtractedClaim]:
        return [
            dataclasses.replace(c, statement="A new draft") if c.text == target.text else c for c in found
        ]

    extractor_gives(monkeypatch, redraft)
    report = reextract_claims(workspace, article.id or 0)
    assert report.as_json() == {"kept": 4, "updated": 1, "added": 0, "removed": []}
    now = {c.id: c for c in claims_of(workspace, article)}
    assert now[target.id].statement == "A new draft"
    (row,) = claim_history(workspace, target.id or 0)
    assert row.action == "reextract-update"
    assert row.detail["before"]["statement"] == target.statement
    assert row.detail["after"]["statement"] == "A new draft"

    # The machine's own update is no checker's work: the old rules update it back.
    monkeypatch.undo()
    back = reextract_claims(workspace, article.id or 0)
    assert (back.kept, back.updated) == (4, 1)
    assert {c.id: c for c in claims_of(workspace, article)}[target.id].statement == target.statement


def test_a_removed_id_is_not_given_to_a_claim_added_in_the_same_run(
    workspace: Workspace, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = claims_of(workspace, article)
    last = max(claims, key=lambda c: c.id or 0)
    shorter = "Program ini didukung"
    start = TEXT.index(shorter)

    def narrow(found: list[ExtractedClaim]) -> list[ExtractedClaim]:
        return [
            dataclasses.replace(c, start=start, end=start + len(shorter), text=shorter)
            if c.text == last.text
            else c
            for c in found
        ]

    extractor_gives(monkeypatch, narrow)
    report = reextract_claims(workspace, article.id or 0)
    assert report.added == 1 and [r.id for r in report.removed] == [last.id]
    new = next(c for c in claims_of(workspace, article) if c.text == shorter)
    assert new.id != last.id
    assert [r.action for r in claim_history(workspace, last.id or 0)] == ["reextract-remove"]


# --- CLI -----------------------------------------------------------------------------------------

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_reextract_after_a_verdict_and_a_changed_text_lists_and_keeps_what_it_removes(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    code, out, err = run("articles", "add", str(path), "--lang", "id", "--date", "2022-03-02", "--json")
    assert code == 0, err
    article_id = int(json.loads(out)["id"])
    code, out, _ = run("claims", "list", str(article_id), "--json")
    claims = json.loads(out)
    judged, last = claims[0], claims[-1]
    assert last["text"] + "." == LAST
    code, _, err = run("verdict", str(judged["id"]), "supported", "--rationale", "seen")
    assert code == 0, err

    # The article's last sentence is rewritten (the text before it, and so every offset, stays).
    ws = Workspace.open(cli_env["WORKBENCH_DB"])
    try:
        with ws.db.session() as session:
            stored = session.get(Article, article_id)
            assert stored is not None
            stored.text = stored.text.replace(LAST, REPLACEMENT)
            session.add(stored)
    finally:
        ws.close()

    code, out, err = run("claims", "reextract", str(article_id))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "4 kept, 0 updated, 1 added, 1 removed"
    assert lines[1:] == [f"removed claim {last['id']} {last['start']}-{last['end']}: {last['text']}"]

    code, out, err = run("claims", "history", str(last["id"]), "--json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["action"] == "reextract-remove" and row["claim_id"] is None and row["editor"] == "tester"
    assert row["detail"]["claim_id"] == last["id"]
    before = row["detail"]["before"]
    assert {k: before[k] for k in ("id", "start", "end", "text", "statement", "kind")} == {
        k: last[k] for k in ("id", "start", "end", "text", "statement", "kind")
    }

    code, out, err = run("claims", "reextract", str(article_id), "--json")
    assert code == 0, err
    assert json.loads(out) == {"kept": 5, "updated": 0, "added": 0, "removed": []}
    code, out, _ = run("claims", "list", str(article_id), "--json")
    after = {c["id"]: c for c in json.loads(out)}
    assert after[judged["id"]]["verdict"] == "supported" and last["id"] not in after


def test_claims_added_by_reextraction_get_evidence_at_once(
    workspace: Workspace, article: Article, server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/report"] = Reply(
        200, page("Report", "More than 20 community organisations support the programme, officials said.")
    )
    add_source(workspace, article.id or 0, server.url("/report"))
    fetch_article(workspace, article.id or 0)
    match_article(workspace, article.id or 0, semantic=False)
    last = next(c for c in claims_of(workspace, article) if "20 organisasi" in c.text)
    assert next(v for v in list_claims(workspace, article.id or 0) if v.claim.id == last.id).best
    with monkeypatch.context() as patch:
        extractor_gives(patch, lambda found: [c for c in found if c.text != last.text])
        reextract_claims(workspace, article.id or 0)  # the claim goes ...
    report = reextract_claims(workspace, article.id or 0)  # ... and comes back as a new claim
    assert report.added == 1
    back = next(v for v in list_claims(workspace, article.id or 0) if v.claim.text == last.text)
    assert back.claim.id != last.id
    assert back.best is not None and "20 community organisations" in back.best.quote  # no match run needed
