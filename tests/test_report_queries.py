"""A report reads a fixed number of statements whatever the article's size: reading per claim
made a 10,000-claim export take seconds (docs/performance.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from workbench.services.articles import add_article
from workbench.services.reports import build_report
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace


def _article(ws: Workspace, sentences: int) -> int:
    text = " ".join(
        f"Dinas kota membangun {10 + i} sekolah baru di distrik {i + 1} pada tahun 2023."
        for i in range(sentences)
    )
    article = add_article(ws, text, language="id", title=f"{sentences} claims")
    claims = list_claims(ws, article.id or 0)
    record_verdict(ws, claims[0].claim.id, "supported", rationale="checked")  # one judged, the rest not
    return article.id or 0


def _statements(ws: Workspace, article_id: int) -> tuple[int, int]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(ws.db.engine, "before_cursor_execute", count)
    try:
        report = build_report(ws, article_id, include_suggestions=True)
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", count)
    return len(seen), len(report.claims)


def test_a_report_reads_as_many_statements_for_40_claims_as_for_4(workspace: Workspace) -> None:
    small, large = _article(workspace, 4), _article(workspace, 40)
    small_count, small_claims = _statements(workspace, small)
    large_count, large_claims = _statements(workspace, large)
    assert (small_claims, large_claims) == (4, 40)
    assert large_count == small_count
