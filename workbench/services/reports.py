"""Build an article's verdict report and render it in the asked format."""

from __future__ import annotations

from datetime import UTC, datetime

from workbench.export.html import render_html
from workbench.export.markdown import render_markdown
from workbench.export.model import ClaimEntry, EvidenceEntry, Report, SourceEntry
from workbench.export.structured import render_claimreview, render_csv, render_json
from workbench.labels import label_name
from workbench.services.articles import get_article
from workbench.services.fetching import source_views
from workbench.services.suggestions import suggest_for_article
from workbench.services.verdicts import list_claims
from workbench.services.workspace import Workspace

FORMATS = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
    "claimreview": render_claimreview,
}


class UnknownFormat(ValueError):
    pass


def build_report(ws: Workspace, ref: str | int) -> Report:
    article = get_article(ws, ref)
    source_entries = [
        SourceEntry(
            url=source.url,
            title=source.title,
            last_outcome=source.last_outcome,
            fetched_at=source.snapshot.fetched_at if source.snapshot else None,
            snapshot=source.snapshot,
        )
        for source in source_views(ws, ref)
    ]
    views = list_claims(ws, ref)
    suggestions = suggest_for_article(ws, ref, views)
    claims = []
    for view in views:
        suggestion = suggestions.get(view.claim.id or 0)
        verdict = view.verdict
        pinned = next((e for e in view.evidence if verdict and e.id == verdict.evidence_id), None)
        shown = pinned or view.best
        claims.append(
            ClaimEntry(
                id=view.claim.id or 0,
                kind=view.claim.kind,
                text=view.claim.text,
                statement=view.claim.statement,
                start=view.claim.start,
                end=view.claim.end,
                label=verdict.label if verdict else None,
                label_name=label_name(verdict.label) if verdict else None,
                rationale=verdict.rationale if verdict else "",
                checker=verdict.checker if verdict else None,
                decided_at=verdict.created_at if verdict else None,
                state=str(view.state),
                evidence=EvidenceEntry(
                    shown.quote, shown.source_url, shown.score, shown.fetched_at, shown.pinned, shown.snapshot
                )
                if shown
                else None,
                speaker=view.claim.speaker,
                # where a verdict stands, the checker's word is the report's: no suggestion beside it
                suggestion=f"{label_name(suggestion.label)} — {suggestion.reason}"
                if suggestion and not verdict
                else None,
            )
        )
    return Report(
        article_id=article.id or 0,
        title=article.title,
        language=article.language,
        date=article.date,
        generated_at=datetime.now(UTC),
        url=article.url,
        sources=source_entries,
        claims=claims,
    )


def export_article(ws: Workspace, ref: str | int, fmt: str = "md") -> str:
    renderer = FORMATS.get(fmt)
    if renderer is None:
        raise UnknownFormat(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    return renderer(build_report(ws, ref))
