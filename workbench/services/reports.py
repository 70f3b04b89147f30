"""Build an article's verdict report and render it in the asked format and language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from workbench import settings
from workbench.domain import ReviewState
from workbench.export import claimreview as claimreview_format
from workbench.export.html import render_html
from workbench.export.markdown import render_markdown
from workbench.export.model import (
    CheckEntry,
    ClaimEntry,
    EvidenceEntry,
    Report,
    SourceEntry,
    SuggestionEntry,
    VerdictEntry,
)
from workbench.export.report_csv import render_csv
from workbench.export.report_json import render_json
from workbench.export.wording import check_language
from workbench.provenance import SnapshotProvenance
from workbench.services.claim_details import UNJUDGED_OF_ARTICLE, claim_views_where, session_read
from workbench.services.lookups import CheckRow, resolve_article, review_state
from workbench.services.report_data import (
    PinnedColumns,
    pinned_checks,
    pinned_passages,
    report_claims,
    verdict_histories,
)
from workbench.services.sources import source_views
from workbench.services.suggestions import suggest_for_article
from workbench.services.verdicts import VerdictView
from workbench.services.workspace import Workspace
from workbench.storage.models import Snapshot, Source
from workbench.storage.queries import latest_snapshot_ids, snapshot_copies

FORMATS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
    "claimreview": claimreview_format.render_claimreview,
}

# formats that carry ClaimReview (the HTML page embeds it), whose gaps are worth a warning
_CARRY_CLAIMREVIEW = {"html", "claimreview"}


class UnknownFormat(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class ReportOptions:
    fmt: str = "md"
    lang: str = "en"  # headings and label names: en or id
    include_suggestions: bool = False  # the workbench's suggestions for unchecked claims
    excel: bool = False  # CSV only: a UTF-8 BOM and ';' separators


@dataclass(frozen=True, slots=True)
class RenderedReport:
    document: str
    warnings: list[str] = field(default_factory=list)  # for stderr: what a consumer would miss


def _verdict_entry(v: VerdictView) -> VerdictEntry:
    body, origin, organisation = claimreview_format.split_import_note(v.rationale)
    return VerdictEntry(
        id=v.id,
        label=v.label,
        rationale=body,
        checker=v.checker,
        decided_at=v.created_at,
        evidence_id=v.evidence_id,
        imported_from=origin,
        imported_by=organisation,
    )


@dataclass(frozen=True, slots=True)
class _Copy:
    url: str
    archive_record: str | None


def _copies(session: Session, snapshot_ids: set[int]) -> dict[int, _Copy]:
    """Where each snapshot was fetched and its WARC record name (the page's text is not loaded)."""
    if not snapshot_ids:
        return {}
    rows = session.exec(
        select(Snapshot.id, Snapshot.final_url, Snapshot.archive_record).where(
            col(Snapshot.id).in_(sorted(snapshot_ids))
        )
    ).all()
    return {sid: _Copy(url, record) for sid, url, record in rows if sid is not None}


class _RecordIds:
    """WARC-Record-IDs read from the archive, each file once per report."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.seen: dict[str, str | None] = {}

    def __call__(self, record: str | None) -> str | None:
        if not record:
            return None
        if record not in self.seen:
            self.seen[record] = self.ws.archive.record_id(record)
        return self.seen[record]


def _evidence_entry(
    ev: PinnedColumns,
    source: Source | None,
    copy: SnapshotProvenance,
    record_ids: _RecordIds,
    check: CheckRow | None,
) -> EvidenceEntry:
    return EvidenceEntry(
        id=ev.id,
        quote=ev.quote,
        prefix=ev.prefix,
        suffix=ev.suffix,
        start=ev.start,
        end=ev.end,
        score=ev.score,
        pinned=ev.pinned,
        source_url=ev.source_url,
        source_title=source.title if source else None,
        source_language=source.language if source else None,
        snapshot_id=ev.snapshot_id,
        snapshot=copy,
        copy_url=ev.copy_url,
        archive_record=ev.archive_record,
        warc_record_id=record_ids(ev.archive_record),
        check=CheckEntry(check.status, check.checked_at) if check else None,
    )


def build_report(
    ws: Workspace, ref: str | int, *, lang: str = "en", include_suggestions: bool = False
) -> Report:
    """Everything a report shows, read in one session. Judged claims carry their verdict history
    and the passage their current verdict pinned (with its copy, WARC record and latest
    re-verification); suggestions are computed only when asked for, and only for claims without
    a verdict (where a verdict stands, the checker's word is the report's)."""
    check_language(lang)
    views_of_sources = source_views(ws, ref)
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        article_id = article.id or 0
        rows = report_claims(session, article_id)
        histories = verdict_histories(session, article_id)
        pinned = pinned_passages(session, article_id)
        checks = pinned_checks(session, article_id)
        sources = {
            s.url: s
            for s in session.exec(
                select(Source).where(col(Source.id).in_([s.id for s in views_of_sources]))
            ).all()
        }
        source_snapshot_ids = latest_snapshot_ids(session, [s.id for s in views_of_sources])
        provenance = snapshot_copies(
            session, {e.snapshot_id for e in pinned.values()} | set(source_snapshot_ids.values())
        )
        copies = _copies(session, set(source_snapshot_ids.values()))
        unjudged = (
            claim_views_where(session_read(session), UNJUDGED_OF_ARTICLE, {"article_id": article_id})
            if include_suggestions
            else []
        )
    record_ids = _RecordIds(ws)
    suggestions = suggest_for_article(ws, ref, unjudged) if unjudged else {}
    claims = []
    for number, row in enumerate(rows, start=1):
        verdicts = histories.get(row.id)
        current = verdicts[-1] if verdicts else None
        evidence = pinned.get(row.id) if current and current.evidence_id is not None else None
        check = checks.get(current.evidence_id) if current and current.evidence_id else None
        state = review_state(current.id, current.created_at, check) if current else ReviewState.UNCHECKED
        history = [_verdict_entry(v) for v in verdicts] if verdicts else []
        suggestion = suggestions.get(row.id) if current is None else None
        confirmed = not row.statement_is_draft and bool(row.statement)
        claims.append(
            ClaimEntry(
                id=row.id,
                number=number,
                kind=row.kind,
                text=row.text,
                start=row.start,
                end=row.end,
                statement=row.statement if confirmed else None,
                machine_draft=row.statement if not confirmed and row.statement else None,
                speaker=row.speaker,
                state=str(state),
                verdict=history[-1] if history else None,
                history=history,
                evidence=_evidence_entry(
                    evidence,
                    sources.get(evidence.source_url),
                    provenance[evidence.snapshot_id],
                    record_ids,
                    checks.get(evidence.id),
                )
                if evidence
                else None,
                # where a verdict stands, the checker's word is the report's: no suggestion beside it
                suggestion=SuggestionEntry(suggestion.label, suggestion.reason) if suggestion else None,
            )
        )
    source_entries = []
    for sv in views_of_sources:
        stored = sources.get(sv.url)
        copy = copies.get(source_snapshot_ids.get(sv.id, -1))
        source_entries.append(
            SourceEntry(
                id=sv.id,
                url=sv.url,
                title=sv.title,
                author=stored.author if stored else None,
                language=stored.language if stored else None,
                last_outcome=sv.last_outcome,
                snapshot=sv.snapshot,
                copy_url=copy.url if copy else None,
                archive_record=copy.archive_record if copy else None,
            )
        )
    return Report(
        article_id=article_id,
        slug=article.slug,
        title=article.title,
        language=article.language,
        date=article.date,
        url=article.url,
        content_sha256=article.content_hash,
        generated_at=datetime.now(UTC),
        lang=lang,
        organisation=settings.organisation(),
        review_url_template=settings.review_url_template(),
        include_suggestions=include_suggestions,
        sources=source_entries,
        claims=claims,
    )


def render_report(ws: Workspace, ref: str | int, options: ReportOptions | None = None) -> RenderedReport:
    """The report of an article in ``options.fmt``, with the warnings a consumer should see."""
    options = options or ReportOptions()
    renderer = FORMATS.get(options.fmt)
    if renderer is None:
        raise UnknownFormat(f"unknown export format {options.fmt!r} (known: {', '.join(FORMATS)})")
    report = build_report(ws, ref, lang=options.lang, include_suggestions=options.include_suggestions)
    excel = options.fmt == "csv" and options.excel
    document = render_csv(report, excel=True) if excel else renderer(report)
    found = claimreview_format.warnings(report) if options.fmt in _CARRY_CLAIMREVIEW else []
    return RenderedReport(document, found)


def export_article(
    ws: Workspace,
    ref: str | int,
    fmt: str = "md",
    *,
    lang: str = "en",
    include_suggestions: bool = False,
    excel: bool = False,
) -> str:
    """The report document only (see :func:`render_report` for its warnings)."""
    options = ReportOptions(fmt=fmt, lang=lang, include_suggestions=include_suggestions, excel=excel)
    return render_report(ws, ref, options).document
