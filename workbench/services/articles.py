"""Articles and their claims: ingest, look up, list, and (re-)extract claims."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from workbench import settings
from workbench.domain import ExtractedClaim
from workbench.services.article_list import ArticleSummary as ArticleSummary
from workbench.services.article_list import list_articles as list_articles
from workbench.services.claim_audit import claim_state, claims_with_history, record_edit
from workbench.services.lookups import resolve_article
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import (
    Article,
    ArticleLink,
    ArticleSource,
    Claim,
    ClaimEdit,
    Evidence,
    EvidenceCheck,
    Snapshot,
    Source,
    Verdict,
)
from workbench.storage.queries import latest_rows

if TYPE_CHECKING:
    from workbench.fetching.links import PageLink


def extract_claims(
    text: str, lang: str | None = None, article_date: date | None = None
) -> list[ExtractedClaim]:
    """The claim extractor (``workbench.claims``), imported on first use: commands that only list
    or look up articles never load it."""
    from workbench.claims import extract_claims as extract

    return extract(text, lang, article_date)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def get_article(ws: Workspace, ref: str | int) -> Article:
    with ws.db.session() as session:
        return resolve_article(session, ref)


def add_article(
    ws: Workspace,
    text: str,
    *,
    title: str = "",
    language: str | None = None,
    article_date: date | None = None,
    url: str | None = None,
    slug: str | None = None,
    links: list[PageLink] | None = None,
) -> Article:
    """Store an article and extract its claims. The same text (or slug) again returns the
    existing article unchanged, so loading is idempotent. ``links``: the links of its page's main
    text (``ingest.read_article_page``), kept for ``suggest_sources``."""
    # imported here, not at the top: listing articles need not load the claim extractor
    from workbench.language.identify import detect_language

    digest = text_hash(text)
    with ws.db.session() as session:
        existing = None
        if slug:
            existing = session.exec(select(Article).where(Article.slug == slug)).first()
        if existing is None:
            existing = session.exec(select(Article).where(Article.content_hash == digest)).first()
        if existing is not None:
            return existing
        lang = language or detect_language(text)
        article = Article(
            slug=slug,
            title=title or _first_line(text),
            language=lang,
            url=url,
            date=article_date,
            text=text,
            content_hash=digest,
        )
        session.add(article)
        session.flush()
        _store_claims(session, article, extract_claims(text, lang, article_date))
        _store_links(session, article, links or [])
        return article


def _store_links(session: Session, article: Article, links: list[PageLink]) -> None:
    from workbench.fetching.urls import url_key

    assert article.id is not None
    for position, link in enumerate(links):
        session.add(
            ArticleLink(
                article_id=article.id,
                position=position,
                url=link.url,
                url_key=url_key(link.url),
                text=link.text,
                context=link.context,
            )
        )


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "Untitled"
    return line[:80]


def _claim_row(article_id: int, found: ExtractedClaim, position: int) -> Claim:
    return Claim(
        article_id=article_id,
        start=found.start,
        end=found.end,
        text=found.text,
        statement=found.statement,
        statement_is_draft=found.statement_is_draft,
        kind=str(found.kind),
        speaker=found.speaker,
        numbers=[n.as_json() for n in found.numbers],
        dates=[d.as_json() for d in found.dates],
        score=found.score,
        reasons=list(found.reasons),
        position=position,
    )


def _store_claims(session: Session, article: Article, found: list[ExtractedClaim]) -> None:
    assert article.id is not None
    for position, item in enumerate(found):
        session.add(_claim_row(article.id, item, position))


# What extraction decides about a claim; the rest (origin, edited, position) is the workbench's.
EXTRACTED_FIELDS = (
    "text",
    "statement",
    "statement_is_draft",
    "kind",
    "speaker",
    "numbers",
    "dates",
    "score",
    "reasons",
)


@dataclass(frozen=True, slots=True)
class RemovedClaim:
    id: int
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class ReextractReport:
    """What re-extraction did. ``kept``: claims left exactly as they were (those with a checker's
    work, and those found again on the same span with the same content); ``updated``: found again
    on the same span, same id, with changed content; ``added``: new claims; ``removed``: claims no
    longer found, each recorded in its history with its before-state."""

    kept: int
    updated: int
    added: int
    removed: list[RemovedClaim]

    def as_json(self) -> dict[str, Any]:
        return {
            "kept": self.kept,
            "updated": self.updated,
            "added": self.added,
            "removed": [r.as_json() for r in self.removed],
        }

    def summary(self) -> str:
        return f"{self.kept} kept, {self.updated} updated, {self.added} added, {len(self.removed)} removed"


def reextract_claims(ws: Workspace, ref: str | int, editor: str | None = None) -> ReextractReport:
    """Run extraction again without losing anything.

    A claim with a checker's work (a verdict, a hand edit, pinned evidence, a re-verification; see
    ``claim_audit.claims_with_history``) is kept as it is, and no new claim may overlap it. Another
    claim found again on the same span keeps its id (its changed fields, if any, are recorded as
    ``reextract-update``). New claims are added where they overlap no kept claim and no span a
    checker vacated. Every other old claim is removed, after a ``reextract-remove`` row with its
    whole before-state is written to its history (``editor`` names who ran it)."""
    who = settings.checker_name(editor)
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        assert article.id is not None
        found = extract_claims(article.text, article.language, article.date)
        old = list(session.exec(select(Claim).where(Claim.article_id == article.id)).all())
        worked = claims_with_history(session, [c.id or 0 for c in old])
        protected = [c for c in old if c.id in worked or c.edited or c.origin == "manual"]
        by_span = {(c.start, c.end): c for c in old if c not in protected}
        vacated = vacated_spans(session, article.id)
        kept, updated, added = len(protected), 0, 0
        survivors: set[int] = set()
        changed: list[Claim] = []  # new or updated: their evidence is ranked again below
        for item in found:
            if any(item.start < k.end and k.start < item.end for k in protected):
                continue
            fresh = _claim_row(article.id, item, 0)
            same = by_span.get((item.start, item.end))
            if same is not None:
                survivors.add(same.id or 0)
                if all(getattr(same, name) == getattr(fresh, name) for name in EXTRACTED_FIELDS):
                    kept += 1
                    continue
                before = claim_state(same)
                for name in EXTRACTED_FIELDS:
                    setattr(same, name, getattr(fresh, name))
                session.add(same)
                detail = {"before": before, "after": claim_state(same)}
                record_edit(session, article.id, same.id, "reextract-update", detail, who)
                changed.append(same)
                updated += 1
            elif not any(item.start < v_end and v_start < item.end for v_start, v_end in vacated):
                session.add(fresh)
                changed.append(fresh)
                added += 1
        # New rows first: SQLite hands out the highest id again once its row is gone, and a new
        # claim must not take the id whose history tells of a removed one.
        session.flush()
        removed: list[RemovedClaim] = []
        for claim in sorted(by_span.values(), key=lambda c: (c.start, c.end)):
            if claim.id in survivors:
                continue
            record_edit(
                session, article.id, claim.id, "reextract-remove", {"before": claim_state(claim)}, who
            )
            removed.append(RemovedClaim(claim.id or 0, claim.start, claim.end, claim.text))
        session.flush()
        for claim in by_span.values():
            if claim.id not in survivors:
                session.delete(claim)
        session.flush()
        renumber_claims(session, article.id)
        if changed:
            # as after a hand edit: new and changed claims get evidence from the stored snapshots
            # at once, in this transaction, so their evidence column is never silently blank
            from workbench.services.matching import rematch_claims

            rematch_claims(ws, session, [c.id or 0 for c in changed])
        return ReextractReport(kept=kept, updated=updated, added=added, removed=removed)


def renumber_claims(session: Session, article_id: int) -> None:
    """Keep ``position`` in document order."""
    claims = session.exec(
        select(Claim).where(Claim.article_id == article_id).order_by(col(Claim.start), col(Claim.end))
    ).all()
    for position, claim in enumerate(claims):
        if claim.position != position:
            claim.position = position
            session.add(claim)


def add_source(
    ws: Workspace,
    ref: str | int,
    url: str,
    *,
    title: str | None = None,
    author: str | None = None,
    published: date | None = None,
    language: str | None = None,
) -> Source:
    """Link a source URL to an article (the source row is shared between articles). The URL must
    pass the fetcher's own rules (``check_url``: http(s), no credentials, no odd address forms);
    otherwise ``FetchRefused`` (a ValueError) says why and nothing is stored. Another spelling of
    a stored source's URL (a trailing slash, tracking parameters, see ``fetching/urls.py``) links
    that source, whose URL stays as first given."""
    from workbench.fetching.http import check_url

    check_url(url, allow_private=ws.policy.allow_private)
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        source = find_source(session, url)
        if source is None:
            source = new_source(url, title=title, author=author, published=published, language=language)
            session.add(source)
            session.flush()
        link = session.get(ArticleSource, (article.id, source.id))
        if link is None:
            session.add(ArticleSource(article_id=article.id or 0, source_id=source.id or 0))
        return source


def find_source(session: Session, url: str) -> Source | None:
    """The stored source ``url`` names: by its URL key, else (a row from before keys) by the URL."""
    from workbench.fetching.urls import url_key

    return (
        session.exec(select(Source).where(Source.url_key == url_key(url)).order_by(col(Source.id))).first()
        or session.exec(select(Source).where(Source.url == url)).first()
    )


def new_source(url: str, **fields: Any) -> Source:
    """A Source row for ``url`` with its URL key set (not yet added to a session)."""
    from workbench.fetching.urls import url_key

    return Source(url=url, url_key=url_key(url), **fields)


@dataclass(frozen=True, slots=True)
class SourceSuggestion:
    """A link of the article's page that is not one of its sources yet: where it points, its
    anchor text, the paragraph it stands in, and whether it is on the article's own site."""

    url: str
    text: str
    context: str
    same_site: bool
    known_source: int | None  # the id of a stored source (of another article) with this URL

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "text": self.text,
            "context": self.context,
            "same_site": self.same_site,
            "known_source": self.known_source,
        }


def suggest_sources(ws: Workspace, ref: str | int) -> list[SourceSuggestion]:
    """Candidate sources of an article: the links of its page's main text (kept when it was added
    from a URL) that are not yet its sources, other sites first, each in page order. Teasers
    ("Baca juga: ...") are left out: they point at more news, not at what the report rests on."""
    from workbench.claims.boilerplate import is_boilerplate
    from workbench.fetching.urls import same_site

    with ws.db.session() as session:
        article = resolve_article(session, ref)
        links = session.exec(
            select(ArticleLink)
            .where(ArticleLink.article_id == article.id)
            .order_by(col(ArticleLink.position))
        ).all()
        linked = session.exec(
            select(Source.url_key, Source.url)
            .join(ArticleSource, col(ArticleSource.source_id) == col(Source.id))
            .where(ArticleSource.article_id == article.id)
        ).all()
        own = {key for key, _ in linked if key} | {url for _, url in linked}
        suggestions: list[SourceSuggestion] = []
        seen: set[str] = set()
        for link in links:
            if link.url_key in own or link.url in own or link.url_key in seen:
                continue
            if link.context and is_boilerplate(link.context):
                continue
            seen.add(link.url_key)
            known = find_source(session, link.url)
            suggestions.append(
                SourceSuggestion(
                    url=link.url,
                    text=link.text,
                    context=link.context,
                    same_site=bool(article.url) and same_site(link.url, article.url or ""),
                    known_source=known.id if known is not None else None,
                )
            )
    return sorted(suggestions, key=lambda s: s.same_site)  # stable: page order within each group


@dataclass(frozen=True, slots=True)
class RemovedSource:
    """What unlinking a source from an article left behind. The source row, its snapshots, fetch
    attempts and evidence history stay; ``verdict_claims`` are the claims whose current verdict
    pins a passage of it (those verdicts stand, and re-verification still re-checks that passage);
    ``unpinned_dropped`` counts the article's unpinned evidence from it, which the next match would
    have replaced anyway."""

    source_id: int
    url: str
    article_id: int
    snapshots: int
    verdict_claims: list[int]
    unpinned_dropped: int

    def as_json(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "url": self.url,
            "article_id": self.article_id,
            "snapshots": self.snapshots,
            "verdict_claims": self.verdict_claims,
            "unpinned_dropped": self.unpinned_dropped,
        }


def remove_source(ws: Workspace, ref: str | int, which: str | int) -> RemovedSource:
    """Unlink a source from an article; ``which`` is the source's exact URL or its id among the
    article's sources. Nothing of its history is deleted (see :class:`RemovedSource`)."""
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        linked = session.exec(
            select(Source)
            .join(ArticleSource, col(ArticleSource.source_id) == col(Source.id))
            .where(ArticleSource.article_id == article.id)
        ).all()
        wanted = str(which)
        from workbench.fetching.urls import url_key

        found = [s for s in linked if s.url == wanted or s.url_key == url_key(wanted)] or [
            s for s in linked if wanted.isdigit() and s.id == int(wanted)
        ]
        if not found:
            raise NotFound(f"article {article.id} has no source {wanted!r} (see `sources list {article.id}`)")
        source = found[0]
        snapshot_ids = set(session.exec(select(Snapshot.id).where(Snapshot.source_id == source.id)).all())
        claim_ids = [
            c for c in session.exec(select(Claim.id).where(Claim.article_id == article.id)).all() if c
        ]
        current = latest_rows(session, Verdict, Verdict.claim_id, claim_ids)
        evidence = {
            e.id or 0: e
            for e in session.exec(
                select(Evidence).where(
                    col(Evidence.claim_id).in_(claim_ids), col(Evidence.snapshot_id).in_(snapshot_ids)
                )
            ).all()
        }
        resting = sorted(c for c, v in current.items() if v.evidence_id in evidence)
        referenced = set(
            session.exec(select(Verdict.evidence_id).where(col(Verdict.evidence_id).in_(evidence))).all()
        ) | set(
            session.exec(
                select(EvidenceCheck.evidence_id).where(col(EvidenceCheck.evidence_id).in_(evidence))
            ).all()
        )
        dropped = [e for i, e in evidence.items() if not e.pinned and i not in referenced]
        for row in dropped:
            session.delete(row)
        link = session.get(ArticleSource, (article.id, source.id))
        session.delete(link)
        return RemovedSource(
            source_id=source.id or 0,
            url=source.url,
            article_id=article.id or 0,
            snapshots=len(snapshot_ids),
            verdict_claims=resting,
            unpinned_dropped=len(dropped),
        )


def article_sources(ws: Workspace, ref: str | int) -> list[Source]:
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        return list(
            session.exec(
                select(Source)
                .join(ArticleSource, col(ArticleSource.source_id) == col(Source.id))
                .where(ArticleSource.article_id == article.id)
                .order_by(col(Source.id))
            ).all()
        )


def vacated_spans(session: Session, article_id: int) -> list[tuple[int, int]]:
    """Spans a checker emptied by hand (deleted claims): re-extraction adds nothing over them."""
    rows = session.exec(select(ClaimEdit.detail).where(ClaimEdit.article_id == article_id)).all()
    return [(int(d["vacated"][0]), int(d["vacated"][1])) for d in rows if d.get("vacated")]
