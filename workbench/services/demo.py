"""Load the built-in cases: article, claims, sources, fetch, match. Safe to run again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workbench.services.articles import add_article
from workbench.services.cases import Case, builtin_cases
from workbench.services.fetching import SourceFetchReport, fetch_article
from workbench.services.matching import MatchReport, match_article
from workbench.services.sources import add_source
from workbench.services.verdicts import list_claims
from workbench.services.workspace import Workspace


@dataclass
class CaseLoadReport:
    slug: str
    article_id: int
    claims: int
    fetches: list[SourceFetchReport] = field(default_factory=list)
    skipped_live_fetch: bool = False
    match: MatchReport | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "article_id": self.article_id,
            "claims": self.claims,
            "skipped_live_fetch": self.skipped_live_fetch,
            "fetches": [
                {
                    "url": f.url,
                    "outcome": str(f.outcome),
                    "status": f.status,
                    "new_snapshot": f.new_snapshot,
                    "error": f.error,
                }
                for f in self.fetches
            ],
            "claims_with_evidence": self.match.with_evidence if self.match else None,
        }


def load_case(ws: Workspace, case: Case, *, offline: bool = False, semantic: bool = True) -> CaseLoadReport:
    article = add_article(
        ws,
        case.read_text(),
        title=case.title,
        language=case.language,
        article_date=case.date,
        slug=case.slug,
    )
    assert article.id is not None
    for source in case.sources:
        add_source(
            ws,
            article.id,
            source.url,
            title=source.title,
            author=source.author,
            published=source.published,
            language=source.language,
        )
    report = CaseLoadReport(slug=case.slug, article_id=article.id, claims=0)
    if offline and not case.offline:
        report.skipped_live_fetch = True
    else:
        report.fetches = fetch_article(ws, article.id, only_missing=True)
    views = list_claims(ws, article.id)
    report.claims = len(views)
    if any(f.new_snapshot for f in report.fetches) or not any(view.evidence for view in views):
        report.match = match_article(ws, article.id, semantic=semantic)
    return report


def load_builtin_cases(
    ws: Workspace,
    *,
    offline: bool = False,
    progress: Callable[[str], None] | None = None,
    semantic: bool = True,
) -> list[CaseLoadReport]:
    reports = []
    for case in builtin_cases():
        if progress:
            progress(f"loading {case.slug}")
        reports.append(load_case(ws, case, offline=offline, semantic=semantic))
    return reports
