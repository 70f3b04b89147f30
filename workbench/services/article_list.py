"""The article list (``articles list``, the TUI's first screen): one plain SQL statement, read
without the ORM (``Database.read``: the standard library's ``sqlite3`` on a SQLite file), so
listing loads neither SQLAlchemy nor the models on a current SQLite database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from workbench.services.workspace import NotFound
from workbench.storage.database import as_date

if TYPE_CHECKING:
    from workbench.services.workspace import Workspace

# The tables and columns of storage/models.py (Article, Claim, ArticleSource); tests compare
# this statement's rows with the ORM's (tests/test_read_path.py).
ARTICLES_SQL = """
SELECT a.id, a.slug, a.title, a.language, a.date,
       (SELECT count(*) FROM claim AS c WHERE c.article_id = a.id),
       (SELECT count(*) FROM article_source AS s WHERE s.article_id = a.id)
FROM article AS a
{where}
ORDER BY a.id
"""
ARTICLE_TEXT_SQL = (
    "SELECT a.id, a.slug, a.title, a.language, a.text FROM article AS a WHERE a.id = :article_id"
)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    slug: str | None
    title: str
    language: str
    date: date | None
    claims: int
    sources: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "slug": self.slug,
            "title": self.title,
            "language": self.language,
            "date": self.date.isoformat() if self.date else None,
            "claims": self.claims,
            "sources": self.sources,
        }


def list_articles(ws: Workspace, article_id: int | None = None) -> list[ArticleSummary]:
    """Every article with its claim and source counts (or only ``article_id``)."""
    if article_id is None:
        rows = ws.db.read(ARTICLES_SQL.format(where=""))
    else:
        rows = ws.db.read(ARTICLES_SQL.format(where="WHERE a.id = :article_id"), {"article_id": article_id})
    return [
        ArticleSummary(
            id=row_id,
            slug=slug,
            title=title,
            language=language,
            date=as_date(day),
            claims=claims,
            sources=sources,
        )
        for row_id, slug, title, language, day, claims, sources in rows
    ]


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What the claims screen shows of its article: the title line, and the text its claims'
    offsets point into (the slug names its reports)."""

    id: int
    slug: str | None
    title: str
    language: str
    text: str


def read_article_text(ws: Workspace, article_id: int) -> ArticleText:
    """The article ``article_id``'s title, language and text, read without the ORM."""
    rows = ws.db.read(ARTICLE_TEXT_SQL, {"article_id": article_id})
    if not rows:
        raise NotFound(f"no article with id or slug {article_id!r}")
    row_id, slug, title, language, text = rows[0]
    return ArticleText(row_id, slug, title, language, text)
