"""An article's sources: linking and unlinking them, the links of its page offered as candidates,
and each source as a checker sees it (its last fetch and the copy matching reads: live, or a web
archive's, with its memento date). Fetching is ``services/fetching.py``; nothing here loads the
HTTP client.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from workbench.provenance import SnapshotProvenance
from workbench.services.lookups import resolve_article
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import (
    ArticleLink,
    ArticleSource,
    Claim,
    Evidence,
    EvidenceCheck,
    FetchAttempt,
    Snapshot,
    Source,
    Verdict,
)
from workbench.storage.queries import latest_rows, latest_snapshot_ids, snapshot_copies


def current_copies(ws: Workspace, source_ids: list[int]) -> dict[int, SnapshotProvenance]:
    """Source id -> which copy its newest snapshot is (the one matching reads); sources never
    fetched are absent."""
    with ws.db.session() as session:
        latest = latest_snapshot_ids(session, source_ids)
        copies = snapshot_copies(session, latest.values())
    return {source_id: copies[snapshot_id] for source_id, snapshot_id in latest.items()}


@dataclass(frozen=True, slots=True)
class SourceView:
    """A source as a checker sees it: its last fetch and the copy matching reads."""

    id: int
    url: str
    title: str | None
    last_outcome: str | None
    last_error: str | None
    snapshot: SnapshotProvenance | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "last_outcome": self.last_outcome,
            "last_error": self.last_error,
            "snapshot": self.snapshot.as_json() if self.snapshot else None,
        }


def source_views(ws: Workspace, ref: str | int) -> list[SourceView]:
    """An article's sources with their last fetch outcome and current copy (live or archived)."""
    sources = article_sources(ws, ref)
    ids = [s.id or 0 for s in sources]
    attempts = last_attempts(ws, ids)
    copies = current_copies(ws, ids)
    return [
        SourceView(
            id=s.id or 0,
            url=s.url,
            title=s.title,
            last_outcome=attempts[s.id or 0].outcome if (s.id or 0) in attempts else None,
            last_error=attempts[s.id or 0].error if (s.id or 0) in attempts else None,
            snapshot=copies.get(s.id or 0),
        )
        for s in sources
    ]


def last_attempts(ws: Workspace, source_ids: list[int]) -> dict[int, FetchAttempt]:
    """The most recent fetch attempt of each source."""
    with ws.db.session() as session:
        return latest_rows(session, FetchAttempt, FetchAttempt.source_id, source_ids)


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
