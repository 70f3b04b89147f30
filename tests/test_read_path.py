"""The read path without the ORM: the article list, an article's claim rows and its text come
from plain SQL statements (``Database.read``: the standard library's sqlite3 on a SQLite file,
the engine elsewhere). Each gives what the ORM gives, on a real SQLite file and, where a server
is installed, on PostgreSQL; a fresh process listing a current SQLite database loads no SQLAlchemy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, col, select

from workbench.provenance import SnapshotProvenance
from workbench.services.article_list import list_articles, read_article_text
from workbench.services.claim_details import (
    ClaimFacts,
    ClaimView,
    EvidenceView,
    VerdictView,
    read_claim_views,
)
from workbench.services.claim_rows import ClaimRow, claim_rows, list_claim_rows
from workbench.services.lookups import review_state
from workbench.services.verdicts import claim_views
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import (
    Article,
    ArticleSource,
    Claim,
    Evidence,
    EvidenceCheck,
    ReverifyRun,
    Snapshot,
    Source,
    Verdict,
)

T0 = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)


def _fill(ws: Workspace) -> dict[str, int]:
    """Two articles, and in the first every case the rows must tell apart: claims without a
    verdict, with one, with several (the newest counts), evidence with several scores, checks made
    against the verdict (stale or not), against an older verdict, and checks from before checks
    named their verdict (only the clocks decide: after the verdict, or before it)."""
    ids: dict[str, int] = {}
    with ws.db.session() as s:
        first = Article(
            slug="first", title="First", language="en", text="A. B. C. D. E. F. G.", content_hash="1"
        )
        first.date = T0.date()
        second = Article(title="Second", language="id", text="X.", content_hash="2")
        empty = Article(title="No claims", language="id", text="", content_hash="3")
        s.add_all([first, second, empty])
        s.flush()
        claims = [
            Claim(
                article_id=first.id or 0,
                start=3 * i,
                end=3 * i + 2,
                text=f"Claim {i}\nwith a break",
                position=10 - i,
            )
            for i in range(7)
        ]
        claims.append(
            Claim(article_id=second.id or 0, start=0, end=2, text="X.", statement="Stated", kind="quote")
        )
        claims[0].numbers = [{"text": "23", "value": 23.0, "qualifier": "about"}]
        claims[0].dates = [{"text": "Monday", "date": "2026-03-02"}]
        claims[0].reasons, claims[0].speaker, claims[0].score = ["number"], "Dr X", 4
        claims[0].statement_is_draft, claims[0].edited, claims[0].origin = False, True, "manual"
        s.add_all(claims)
        source = Source(url="https://example.org/a")
        s.add(source)
        s.flush()
        s.add_all([ArticleSource(article_id=first.id or 0, source_id=source.id or 0)])
        snapshot = Snapshot(
            source_id=source.id or 0,
            requested_url=source.url,
            final_url=source.url,
            status=200,
            payload_sha256="p",
            text_sha256="t",
            text="source text",
        )
        archived = Snapshot(
            source_id=source.id or 0,
            requested_url=source.url,
            final_url=source.url,
            fetched_at=T0,
            status=200,
            payload_sha256="q",
            text_sha256="u",
            text="archived text",
            archive_name="web.archive.org",
            memento_datetime=T0 - timedelta(days=400),
        )
        s.add_all([snapshot, archived])
        s.flush()
        s.add(
            Evidence(
                claim_id=claims[1].id or 0,
                snapshot_id=archived.id or 0,
                start=0,
                end=8,
                quote="archived",
                score=75.5 - 1,  # as high as another: the lower id first
                parts={"matched_words": ["archived"], "notes": ["a note"]},
                pinned=True,
            )
        )
        s.flush()
        evidence = {}
        for i, claim in enumerate(claims[:6]):
            for score in (40.0 + i, 75.5 - i):
                row = Evidence(
                    claim_id=claim.id or 0,
                    snapshot_id=snapshot.id or 0,
                    start=0,
                    end=5,
                    quote="sourc",
                    score=score,
                )
                s.add(row)
                s.flush()
                evidence.setdefault(i, row.id or 0)
        run = ReverifyRun(scope="all")
        s.add(run)
        s.flush()

        def verdict(i: int, label: str, at: datetime, pinned: bool = True) -> Verdict:
            row = Verdict(
                claim_id=claims[i].id or 0,
                label=label,
                created_at=at,
                evidence_id=evidence[i] if pinned else None,
            )
            s.add(row)
            s.flush()
            return row

        def check(i: int, status: str, at: datetime, against: Verdict | None) -> None:
            s.add(
                EvidenceCheck(
                    run_id=run.id or 0,
                    evidence_id=evidence[i],
                    claim_id=claims[i].id or 0,
                    verdict_id=against.id if against else None,
                    status=status,
                    checked_at=at,
                )
            )
            s.flush()

        verdict(0, "supported", T0)  # judged, never checked
        old = verdict(1, "supported", T0)
        check(1, "edited", T0 + timedelta(hours=1), old)
        verdict(1, "contradicted", T0 + timedelta(hours=2))  # newest verdict: the check was of the old one
        v2 = verdict(2, "misleading", T0)
        check(2, "intact", T0 + timedelta(hours=1), v2)
        check(2, "orphaned", T0 + timedelta(hours=2), v2)  # the latest check: stale
        verdict(3, "supported", T0)
        check(3, "gone", T0 + timedelta(minutes=5), None)  # before checks named a verdict: after it
        verdict(4, "supported", T0 + timedelta(days=1))
        check(4, "edited", T0, None)  # ...and before it: still checked
        verdict(5, "unverifiable", T0, pinned=False)
        ids.update(first=first.id or 0, second=second.id or 0, empty=empty.id or 0)
        ids.update({f"claim{i}": claim.id or 0 for i, claim in enumerate(claims)})
    return ids


def _orm_rows(session: Session, article_id: int) -> list[ClaimRow]:
    """The claim rows as the ORM reads them, object by object (what the statement must match)."""
    rows = []
    claims = session.exec(
        select(Claim).where(Claim.article_id == article_id).order_by(col(Claim.position), col(Claim.id))
    ).all()
    for claim in claims:
        verdict = session.exec(
            select(Verdict).where(Verdict.claim_id == claim.id).order_by(col(Verdict.id).desc())
        ).first()
        scores = session.exec(select(Evidence.score).where(Evidence.claim_id == claim.id)).all()
        check = None
        if verdict is not None and verdict.evidence_id is not None:
            check = session.exec(
                select(EvidenceCheck)
                .where(EvidenceCheck.evidence_id == verdict.evidence_id)
                .order_by(col(EvidenceCheck.id).desc())
            ).first()
        state = review_state(verdict.id if verdict else None, verdict.created_at if verdict else None, check)
        rows.append(
            ClaimRow(
                claim.id or 0,
                claim.kind,
                claim.text,
                claim.statement,
                verdict.label if verdict else None,
                state,
                max(scores) if scores else None,
                verdict.id if verdict else None,
            )
        )
    return rows


def _orm_views(session: Session, claims: list[Claim]) -> list[ClaimView]:
    """The claims' full views as the ORM reads them, object by object."""
    views = []
    for claim, row in zip(claims, [_orm_rows(session, claim.article_id) for claim in claims], strict=True):
        [state] = [r.state for r in row if r.id == claim.id]
        verdict = session.exec(
            select(Verdict).where(Verdict.claim_id == claim.id).order_by(col(Verdict.id).desc())
        ).first()
        evidence = []
        for ev in session.exec(
            select(Evidence)
            .where(Evidence.claim_id == claim.id)
            .order_by(col(Evidence.score).desc(), col(Evidence.id))
        ).all():
            snapshot = session.get(Snapshot, ev.snapshot_id)
            assert snapshot is not None
            source = session.get(Source, snapshot.source_id)
            assert source is not None
            copy = SnapshotProvenance.of(snapshot)
            evidence.append(
                EvidenceView(
                    ev.id or 0,
                    ev.score,
                    ev.quote,
                    ev.prefix,
                    ev.suffix,
                    source.url,
                    ev.snapshot_id,
                    snapshot.fetched_at,
                    ev.start,
                    ev.end,
                    ev.pinned,
                    ev.parts,
                    copy,
                )
            )
        judged = None
        if verdict is not None:
            judged = VerdictView(
                verdict.id or 0,
                verdict.label,
                verdict.rationale,
                verdict.checker,
                verdict.created_at,
                verdict.evidence_id,
            )
        views.append(ClaimView(ClaimFacts.of(claim), judged, state, evidence))
    return views


def _check_claim_views(ws: Workspace, ids: dict[str, int]) -> None:
    """A claim's full view read by plain SQL (``read_claim_views``) and in a session
    (``verdicts.claim_views``, from the session's model objects) is what the ORM gives."""
    wanted = [ids[f"claim{i}"] for i in range(7)] + [ids["claim7"]]
    with ws.db.session() as session:
        claims = [session.get(Claim, claim_id) for claim_id in wanted]
        assert all(claims)
        held = [c for c in claims if c is not None]
        expected = {view.claim.id: view for view in _orm_views(session, held)}
        in_session = claim_views(session, held)
    assert in_session == [expected[claim_id] for claim_id in wanted]  # in the order given
    read = read_claim_views(ws, wanted[::-1])
    # by position, then id: the second article's claim (position 0) before the first's (4 to 10)
    reading_order = [ids["claim7"]] + [row.id for row in list_claim_rows(ws, ids["first"])]
    assert [view.claim.id for view in read] == reading_order
    assert read == [expected[claim_id] for claim_id in reading_order]
    first = expected[ids["claim0"]]
    assert first.claim.numbers[0]["value"] == 23.0 and first.claim.speaker == "Dr X"
    assert (first.claim.statement_is_draft, first.claim.edited) == (False, True)
    two = expected[ids["claim1"]].evidence
    # best first; the archived passage scores as the best live one and has the lower id
    assert [(e.score, e.snapshot.kind) for e in two] == [(74.5, "archived"), (74.5, "live"), (41.0, "live")]
    assert two[0].parts["notes"] == ["a note"] and two[0].snapshot.archive == "Internet Archive"
    assert [str(expected[ids[f"claim{i}"]].state) for i in (0, 2, 6)] == ["checked", "stale", "unchecked"]
    assert read_claim_views(ws, []) == [] and read_claim_views(ws, [999]) == []


def _check_read_path(ws: Workspace) -> None:
    ids = _fill(ws)
    with ws.db.session() as session:
        articles = session.exec(select(Article).order_by(col(Article.id))).all()
        expected_summaries = [
            (
                a.id,
                a.slug,
                a.title,
                a.language,
                a.date,
                len(session.exec(select(Claim.id).where(Claim.article_id == a.id)).all()),
                len(
                    session.exec(
                        select(ArticleSource.source_id).where(ArticleSource.article_id == a.id)
                    ).all()
                ),
            )
            for a in articles
        ]
        expected_rows = {a.id or 0: _orm_rows(session, a.id or 0) for a in articles}
        texts = {a.id: (a.slug, a.title, a.language, a.text) for a in articles}
        session_rows = claim_rows(session, ids["first"])

    summaries = list_articles(ws)
    assert [
        (s.id, s.slug, s.title, s.language, s.date, s.claims, s.sources) for s in summaries
    ] == expected_summaries
    assert summaries[0].date == T0.date() and summaries[0].as_json()["date"] == "2026-03-01"
    [only] = list_articles(ws, ids["second"])
    assert (only.id, only.claims, only.sources) == (ids["second"], 1, 0)

    rows = list_claim_rows(ws, ids["first"])
    assert rows == expected_rows[ids["first"]]
    assert session_rows == rows  # the same statement through SQLAlchemy
    states = {row.id: row.state.value for row in rows}
    assert [states[ids[f"claim{i}"]] for i in range(7)] == [
        "checked",
        "checked",
        "stale",
        "stale",
        "checked",
        "checked",
        "unchecked",
    ]
    assert [row.id for row in rows] == [ids[f"claim{i}"] for i in reversed(range(7))]  # reading order
    assert list_claim_rows(ws, ids["second"]) == expected_rows[ids["second"]]
    assert list_claim_rows(ws, ids["empty"]) == []
    picked = [ids["claim2"], ids["claim5"]]
    assert list_claim_rows(ws, ids["first"], picked) == [r for r in rows if r.id in picked]
    assert list_claim_rows(ws, ids["first"], []) == []
    assert list_claim_rows(ws, ids["second"], picked) == []  # another article's claims

    article = read_article_text(ws, ids["first"])
    assert (article.slug, article.title, article.language, article.text) == texts[ids["first"]]
    with pytest.raises(NotFound):
        read_article_text(ws, 999)
    _check_claim_views(ws, ids)


def test_read_path_matches_the_orm_on_a_sqlite_file(workspace: Workspace) -> None:
    assert workspace.db.path is not None  # the sqlite3 path is the one under test
    _check_read_path(workspace)


def test_listing_a_current_sqlite_file_loads_no_sqlalchemy(workspace: Workspace, tmp_path: Path) -> None:
    ids = _fill(workspace)
    code = """
        import json, sys
        from workbench.services.article_list import list_articles, read_article_text
        from workbench.services.claim_details import read_claim_views
        from workbench.services.claim_rows import list_claim_rows
        from workbench.services.workspace import Workspace
        ws = Workspace.open(sys.argv[1])
        rows = list_claim_rows(ws, int(sys.argv[2]))
        views = read_claim_views(ws, [row.id for row in rows])
        print(json.dumps({
            "views": [view.as_json() for view in views],
            "articles": [a.as_json() for a in list_articles(ws)],
            "rows": len(rows),
            "title": read_article_text(ws, int(sys.argv[2])).title,
            "loaded": sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "sqlmodel", "pydantic", "alembic"}),
        }))
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), str(workspace.db.path), str(ids["first"])],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=dict(os.environ, WORKBENCH_ARCHIVE=str(tmp_path / "archive")),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["loaded"] == []
    assert report["rows"] == 7 and report["title"] == "First"
    with workspace.db.session() as session:
        claims = session.exec(select(Claim).where(Claim.article_id == ids["first"])).all()
        expected = {view.claim.id: view.as_json() for view in claim_views(session, list(claims))}
    assert report["views"] == [expected[view["id"]] for view in report["views"]]
    assert len(report["views"]) == 7 and sum(v["best_evidence"] is not None for v in report["views"]) == 6
    assert report["articles"] == [a.as_json() for a in list_articles(workspace)]


def test_a_database_behind_head_is_still_upgraded_before_reading(tmp_path: Path) -> None:
    from workbench.storage.database import head_revision, make_engine, stored_revision, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0006")
    engine.dispose()
    ws = Workspace.open(url, archive=tmp_path / "archive")
    try:
        assert stored_revision(ws.db.engine) == head_revision()
        assert list_articles(ws) == []
    finally:
        ws.close()


@pytest.fixture
def postgres_workspace(tmp_path: Path) -> Iterator[Workspace]:
    from tests.postgres import postgres_server, server_binaries

    if server_binaries() is None:
        if os.environ.get("WORKBENCH_REQUIRE_POSTGRES") == "1":
            raise RuntimeError("the read path's PostgreSQL test needs a server (CI installs one)")
        pytest.skip("no PostgreSQL server binaries here")
    pytest.importorskip("psycopg")
    with postgres_server() as url:
        ws = Workspace.open(url, archive=tmp_path / "archive")
        try:
            yield ws
        finally:
            with ws.db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            ws.close()


def test_read_path_matches_the_orm_on_postgresql(postgres_workspace: Workspace) -> None:
    assert postgres_workspace.db.path is None  # the statements go through the engine
    _check_read_path(postgres_workspace)
