"""The built-in cases under ``sources/``: each a folder with ``case.toml`` and its article text."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from workbench import settings


@dataclass(frozen=True, slots=True)
class CaseSource:
    url: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Case:
    slug: str
    title: str
    language: str
    text_path: Path
    date: date | None
    sources: list[CaseSource] = field(default_factory=list)
    offline: bool = False  # every source is served by the project itself

    def read_text(self) -> str:
        # newline="" keeps line endings exactly as in the file (offsets depend on it)
        with self.text_path.open(encoding="utf-8", newline="") as handle:
            return handle.read()


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value)
    return None


def load_case(folder: Path) -> Case:
    data = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    article = data["article"]
    sources = [
        CaseSource(
            url=item["url"],
            title=item.get("title"),
            author=item.get("author"),
            published=_date(item.get("published")),
            language=item.get("language"),
        )
        for item in data.get("sources", [])
    ]
    return Case(
        slug=article.get("slug", folder.name),
        title=article.get("title", folder.name),
        language=article.get("language", "id"),
        text_path=folder / article.get("text_file", "article.txt"),
        date=_date(article.get("reported_date") or article.get("date")),
        sources=sources,
        offline=(folder / "site").is_dir(),
    )


def builtin_cases() -> list[Case]:
    root = settings.cases_dir()
    return [load_case(p) for p in sorted(root.iterdir()) if (p / "case.toml").is_file()]
