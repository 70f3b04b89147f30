"""The offline Contoso case judged as a newsroom would, for the report tests.

Verdicts on the claims the case's author planted (``sources/contoso-demo/expected.jsonl``), each
pinning its evidence sentence, with the author's note as rationale; one claim judged twice (a
verdict history); one English statement confirmed; a re-verification against the site's second
version (so some verdicts are stale); and the unreachable research report read from an archived
copy served by a Memento TimeGate on 127.0.0.1 (so one passage comes from an archived snapshot).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from tests.conftest import REPO, LocalServer, Reply, page
from workbench.fetching.http import FetchPolicy
from workbench.services.demo import load_builtin_cases
from workbench.services.editing import edit_claim
from workbench.services.fetching import fetch_article_as_of, latest_snapshot
from workbench.services.reverify import reverify
from workbench.services.sources import article_sources
from workbench.services.verdicts import add_evidence, list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.storage.models import Article, EvidenceCheck, Snapshot, Verdict

RESEARCH = "https://research.contoso.example/reports/indonesia-cloud-market-2024"
ARTICLE_URL = "https://berita.example/2024/05/16/contoso-resmikan-pusat-data"
MEMENTO_STAMP = "20240515080000"
CONFIRMED_STATEMENT = "The 30-megawatt facility in Cikarang, West Java, cost 1.5 billion US dollars."
ARCHIVED_SENTENCE = (
    "Indonesia's cloud market grew 24.5 percent in 2023, the fastest growth in Southeast Asia."
)


def research_timegate(server: LocalServer) -> None:
    """A Memento TimeGate for the research report: /tg/<url> redirects to the memento, whose
    ``id_`` form is the capture (a page written for these tests)."""
    server.routes[f"/tg/{RESEARCH}"] = Reply(
        302, b"", {"Location": f"/web/{MEMENTO_STAMP}/{RESEARCH}", "Vary": "accept-datetime"}
    )
    server.routes[f"/web/{MEMENTO_STAMP}id_/{RESEARCH}"] = Reply(
        200,
        page(
            "Indonesia cloud market report 2024",
            "Contoso Research surveyed 400 companies across Indonesia in early 2024.",
            ARCHIVED_SENTENCE,
            "Jakarta and West Java account for most of the demand.",
        ),
        {"Content-Type": "text/html; charset=utf-8", "Memento-Datetime": "Wed, 15 May 2024 08:00:00 GMT"},
    )


@dataclass
class JudgedCase:
    ws: Workspace
    article_id: int
    stale: list[int]  # claim ids
    rejudged: int  # claim id with two verdicts
    confirmed: int  # claim id whose English statement a checker confirmed
    archived: int  # claim id whose pinned passage comes from an archived copy


def build_judged_case(ws: Workspace, server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> JudgedCase:
    monkeypatch.setenv("WORKBENCH_CHECKER", "Nadia Checker")
    monkeypatch.setenv("WORKBENCH_TIMEGATE_NAME", "Test Archive")
    load_builtin_cases(ws, offline=True)
    with ws.db.session() as session:
        article = session.exec(select(Article).where(Article.slug == "contoso-demo")).one()
        article.url = ARTICLE_URL  # as if it had been read from the outlet's page
        session.add(article)
        article_id = article.id or 0
    expected = [
        json.loads(line) for line in (REPO / "sources/contoso-demo/expected.jsonl").open(encoding="utf-8")
    ]
    sources = {s.url: s for s in article_sources(ws, article_id)}
    views = list_claims(ws, article_id)
    planned: dict[int, str] = {}
    for item in expected:
        source = sources.get(item["source_url"])
        snapshot = latest_snapshot(ws, source.id or 0) if source else None
        # an "edited" passage sits on the line between edited and orphaned by design: the
        # re-anchoring tests judge that line; these reports need only clear-cut stale verdicts
        if not item.get("evidence") or snapshot is None or item["v2_status"] == "edited":
            continue
        claim = next(v.claim for v in views if v.claim.start < item["end"] and item["start"] < v.claim.end)
        if claim.id in planned:
            continue
        start = snapshot.text.index(item["evidence"])
        evidence_id = add_evidence(ws, claim.id or 0, snapshot.id or 0, start, start + len(item["evidence"]))
        rationale = item.get("hint") or f"The source says so ({item['id']})."
        record_verdict(ws, claim.id or 0, item["expected_verdict"], rationale=rationale, evidence=evidence_id)
        planned[claim.id or 0] = item["v2_status"]
    # a first look without evidence, then the considered verdict: a history of two
    rejudged = next(c for c, status in planned.items() if status == "intact")
    first = next(v for v in list_claims(ws, article_id) if v.claim.id == rejudged)
    assert first.verdict is not None and first.verdict.evidence_id is not None
    record_verdict(ws, rejudged, "unverifiable", rationale="First look: the release was still loading.")
    record_verdict(
        ws,
        rejudged,
        first.verdict.label,
        rationale=first.verdict.rationale,
        evidence=first.verdict.evidence_id,
    )
    confirmed = next(v.claim.id or 0 for v in views if "30 megawatt" in v.claim.text)
    edit_claim(ws, confirmed, statement=CONFIRMED_STATEMENT)

    ws.site_version = "v2"
    report = reverify(ws, article_id)
    stale = sorted({e.claim_id for e in report.evidence if e.status in ("edited", "orphaned", "gone")})
    ws.site_version = "v1"

    research_timegate(server)
    [fetched] = fetch_article_as_of(
        ws, article_id, date(2024, 5, 16), endpoint=server.url("/tg/"), source_urls=[RESEARCH]
    )
    assert fetched.snapshot is not None and fetched.snapshot.archived
    snapshot = latest_snapshot(ws, sources[RESEARCH].id or 0)
    assert snapshot is not None
    start = snapshot.text.index(ARCHIVED_SENTENCE)
    growth = next(v.claim for v in list_claims(ws, article_id) if "24,5 persen" in v.claim.text)
    evidence_id = add_evidence(ws, growth.id or 0, snapshot.id or 0, start, start + len(ARCHIVED_SENTENCE))
    record_verdict(
        ws,
        growth.id or 0,
        "supported",
        rationale="The archived copy of the report gives 24.5 percent for 2023.",
        evidence=evidence_id,
    )
    return JudgedCase(ws, article_id, stale, rejudged, confirmed, growth.id or 0)


def open_workspace(folder: Path) -> Workspace:
    ws = Workspace.open(str(folder / "claims.db"), archive=folder / "archive")
    ws.policy = FetchPolicy(allow_private=True, retries=1, backoff=0.05, connect_timeout=2, read_timeout=5)
    return ws


def volatile_values(ws: Workspace) -> tuple[set[str], set[str]]:
    """The moments this run made (verdicts, fetches, checks) in every form a report writes them,
    and their days: what a golden file must not hold."""
    with ws.db.session() as session:
        moments = [
            *session.exec(select(Verdict.created_at)).all(),
            *session.exec(select(Snapshot.fetched_at)).all(),
            *session.exec(select(EvidenceCheck.checked_at)).all(),
        ]
    forms = set()
    for moment in moments:
        forms |= {moment.isoformat(), moment.strftime("%Y-%m-%d %H:%M UTC")}
    return forms, {moment.date().isoformat() for moment in moments}


def normalise(document: str, ws: Workspace, *, generated_at: datetime | None = None) -> str:
    """``document`` with this run's times (and the report's ``generated_at``), days, hashes,
    WARC record ids, ports and evidence ids replaced by placeholders."""
    forms, days = volatile_values(ws)
    if generated_at is not None:
        forms |= {generated_at.isoformat(), generated_at.strftime("%Y-%m-%d %H:%M UTC")}
        days.add(generated_at.date().isoformat())
    for form in sorted(forms, key=len, reverse=True):
        document = document.replace(form, "<time>")
    document = re.sub(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])", "<sha256>", document)
    document = re.sub(r"urn:uuid:[0-9a-f-]{36}", "urn:uuid:<warc-record-id>", document)
    document = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:<port>", document)
    # evidence ids count the passages matching kept: a change to the ranking is not a report change
    document = re.sub(r'("evidence_id": )\d+', r'\1"<evidence-id>"', document)
    document = re.sub(r'("evidence": \{\s+"id": )\d+', r'\1"<evidence-id>"', document)
    for day in sorted(days):
        document = document.replace(day, "<day>")
    return document


ORG = "Cek Fakta Contoh"
REVIEW_URL = "https://cekfakta.example/{article}/klaim-{claim}"


@pytest.fixture(scope="module", name="judged_case")
def judged_case_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JudgedCase]:
    """The judged Contoso case in its own database, with WORKBENCH_ORG and WORKBENCH_REVIEW_URL
    set for the module's tests."""
    folder = tmp_path_factory.mktemp("judged")
    server = LocalServer()
    server.start()
    patch = pytest.MonkeyPatch()
    patch.setenv("WORKBENCH_ORG", ORG)
    patch.setenv("WORKBENCH_REVIEW_URL", REVIEW_URL)
    ws = open_workspace(folder)
    try:
        yield build_judged_case(ws, server, patch)
    finally:
        ws.close()
        server.stop()
        patch.undo()
