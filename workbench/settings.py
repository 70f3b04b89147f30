"""Where things live. Functions, not module constants, so tests and users can point them elsewhere.

Environment: ``WORKBENCH_DB`` (SQLite path or SQLAlchemy URL), ``WORKBENCH_ARCHIVE`` (archive root),
``WORKBENCH_CHECKER`` (name recorded with verdicts and edits), ``WORKBENCH_LANG`` (the language label
names are shown in: ``en`` or ``id``), ``WORKBENCH_ORG`` (the reviewing organisation reports and
ClaimReview name), ``WORKBENCH_REVIEW_URL`` (where a published fact-check lives: a template with
``{article}`` and ``{claim}``), ``WORKBENCH_MAX_ARTICLE_CHARS`` (the longest text claim extraction takes).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DEFAULT_DB = "claims.db"


def project_root() -> Path:
    """The checkout that holds ``workbench/`` and ``sources/``."""
    return Path(__file__).resolve().parent.parent


def cases_dir() -> Path:
    """Folder of the built-in cases (one sub-folder per case, each with a ``case.toml``)."""
    return project_root() / "sources"


def database_url(db: str | None = None) -> str:
    """Turn ``--db`` / ``WORKBENCH_DB`` (a path or a URL) into a SQLAlchemy URL."""
    value = db or os.environ.get("WORKBENCH_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL, or None for other databases and in-memory SQLite."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix or url.endswith(":memory:"):
        return None
    return Path(url[len(prefix) :])


def archive_root(url: str) -> Path:
    """The WARC archive: ``WORKBENCH_ARCHIVE``, else ``sources/archive/`` beside the SQLite file."""
    env = os.environ.get("WORKBENCH_ARCHIVE")
    if env:
        return Path(env).expanduser().resolve()
    path = sqlite_path(url)
    base = path.parent if path is not None else Path.cwd()
    return base / "sources" / "archive"


def reports_dir(url: str) -> Path:
    """Where the TUI writes reports unless told otherwise: beside the SQLite file, else the
    current folder (a server database has no folder of its own)."""
    path = sqlite_path(url)
    return path.parent if path is not None else Path.cwd()


def unshared_archive_warning(url: str) -> str | None:
    """What to tell a team whose shared database keeps its evidence archive on one machine."""
    if sqlite_path(url) is not None or os.environ.get("WORKBENCH_ARCHIVE"):
        return None
    return (
        f"the database is shared but WORKBENCH_ARCHIVE is not set: archive records go to "
        f"{archive_root(url)} on this machine only; set WORKBENCH_ARCHIVE to a folder every checker shares"
    )


def label_language() -> str | None:
    """``WORKBENCH_LANG`` as set (``workbench.labels.display_language`` checks it), or None."""
    return os.environ.get("WORKBENCH_LANG", "").strip().lower() or None


def organisation() -> str | None:
    """``WORKBENCH_ORG``: the reviewing organisation named in reports and as ClaimReview author."""
    return os.environ.get("WORKBENCH_ORG", "").strip() or None


def review_url_template() -> str | None:
    """``WORKBENCH_REVIEW_URL``: the address of a published fact-check, with ``{article}`` (the
    article's slug, else its id) and ``{claim}`` (the claim id) placeholders."""
    return os.environ.get("WORKBENCH_REVIEW_URL", "").strip() or None


def checker_name(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    env = os.environ.get("WORKBENCH_CHECKER")
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "checker"


DEFAULT_FETCH_DEADLINE = 30.0  # seconds
DEFAULT_TEXT_CAP = 500_000  # characters
# ~150,000 words, far past any news article; extraction takes ~10 s of CPU per million characters.
DEFAULT_MAX_ARTICLE_CHARS = 1_000_000


def fetch_deadline() -> float:
    """``WORKBENCH_FETCH_DEADLINE``: seconds one source's fetch (connection, headers, body and
    retries) may take in all; default 30."""
    return _positive("WORKBENCH_FETCH_DEADLINE", DEFAULT_FETCH_DEADLINE, float)


def text_cap() -> int:
    """``WORKBENCH_TEXT_CAP``: how many characters of a fetched page's text are kept (and
    matched); default 500,000. A page cut there says so in its fetch attempt."""
    return int(_positive("WORKBENCH_TEXT_CAP", DEFAULT_TEXT_CAP, int))


def max_article_chars() -> int:
    """``WORKBENCH_MAX_ARTICLE_CHARS``: the longest article text (in characters) claim extraction
    accepts; default 1,000,000. A longer one is refused with a message, not worked on for minutes."""
    return int(_positive("WORKBENCH_MAX_ARTICLE_CHARS", DEFAULT_MAX_ARTICLE_CHARS, int))


def _positive(name: str, default: float, kind: type[int] | type[float]) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise ValueError(f"{name} must be a positive {kind.__name__}, not {raw!r}")
    return value
