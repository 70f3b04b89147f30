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
from workbench.services.workspace import Workspace
from workbench.storage.models import (
    Article,
    ArticleLink,
    Claim,
    ClaimEdit,
)

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


def vacated_spans(session: Session, article_id: int) -> list[tuple[int, int]]:
    """Spans a checker emptied by hand (deleted claims): re-extraction adds nothing over them."""
    rows = session.exec(select(ClaimEdit.detail).where(ClaimEdit.article_id == article_id)).all()
    return [(int(d["vacated"][0]), int(d["vacated"][1])) for d in rows if d.get("vacated")]
