"""Evidence that travels with its verdicts: one zip file per article.

``bundle.json`` holds the article, its claims and edits, sources, snapshots, fetch attempts,
evidence, verdict history, and the re-verification runs with their source and evidence checks;
``archive/<sha256>.warc.gz`` holds every WARC record the snapshots point to.

Every row keeps the id it had in the exporting database, and every column that names another row
(``REFERENCES``) names it by that id. Import checks that each such id is one the bundle carries
(a bundle that points at nothing is refused before anything is written), checks everything else
a bundle claims (``services/bundle_checks.py``: sizes, rows, hashes, offsets, labels, URLs, and
each snapshot's text against its archive record), then writes new rows in their old order,
re-mapping every id through one map per table. Sources and identical snapshots already present
are reused; an article already present is refused. Order matters: the latest row by id is the current verdict and the current check, and a
claim is stale when its latest check names its current verdict (``services/verdicts.py``).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from workbench import __version__
from workbench.fetching.urls import url_key
from workbench.services.bundle_checks import (
    BundleError,
    BundleZip,
    RecordStaging,
    check_content,
    check_rows,
    parse_row,
    verify_snapshots,
)
from workbench.services.lookups import evidence_source_ids, own_source_ids, resolve_article
from workbench.services.sources import find_source
from workbench.services.workspace import Workspace
from workbench.storage.models import (
    Article,
    ArticleSource,
    Claim,
    ClaimEdit,
    Evidence,
    EvidenceCheck,
    FetchAttempt,
    ReverifyRun,
    Snapshot,
    Source,
    SourceCheck,
    Verdict,
)

FORMAT = "workbench-bundle/1"

# The bundle's tables, in the order import writes them (a row after every row it names).
MODELS: dict[str, type[SQLModel]] = {
    "article": Article,
    "claims": Claim,
    "sources": Source,
    "snapshots": Snapshot,
    "attempts": FetchAttempt,
    "evidence": Evidence,
    "verdicts": Verdict,
    "edits": ClaimEdit,
    "runs": ReverifyRun,
    "source_checks": SourceCheck,
    "checks": EvidenceCheck,
}

# Every foreign key of the bundled tables: column -> the bundle table it names. Import re-maps
# each through that table's map; tests/test_bundle_remap.py checks this covers the models.
REFERENCES: dict[str, dict[str, str]] = {
    "claims": {"article_id": "article"},
    "snapshots": {"source_id": "sources"},
    "attempts": {"source_id": "sources", "snapshot_id": "snapshots"},
    "evidence": {"claim_id": "claims", "snapshot_id": "snapshots"},
    "verdicts": {"claim_id": "claims", "evidence_id": "evidence"},
    "edits": {"article_id": "article", "claim_id": "claims"},
    "source_checks": {"run_id": "runs", "source_id": "sources", "snapshot_id": "snapshots"},
    "checks": {
        "run_id": "runs",
        "evidence_id": "evidence",
        "claim_id": "claims",
        "verdict_id": "verdicts",
        "snapshot_id": "snapshots",
    },
}

# Claim ids inside an edit's ``detail`` (the keys services/editing.py writes), and the claim
# states under "before"/"after" whose "id" is a claim id.
EDIT_CLAIM_KEYS = ("claim_id", "merged", "into", "from")
EDIT_STATE_KEYS = ("before", "after")

REQUIRED = [
    "format",
    "article",
    "claims",
    "edits",
    "sources",
    "snapshots",
    "attempts",
    "evidence",
    "verdicts",
    "checks",
]


def _dump(row: SQLModel) -> dict[str, Any]:
    return row.model_dump(mode="json")


def _rows(session: Session, model: Any, where: Any) -> list[dict[str, Any]]:
    return [_dump(r) for r in session.exec(select(model).where(where).order_by(col(model.id)))]


def export_bundle(ws: Workspace, ref: str | int, path: Path) -> dict[str, int]:
    """Write the article's bundle to ``path`` (atomically); returns counts of what it holds."""
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        claims = _rows(session, Claim, Claim.article_id == article.id)
        claim_ids = [c["id"] for c in claims]
        own = own_source_ids(article.id)
        # and the sources of evidence pinned from other articles' (archive search), so every
        # evidence row's snapshot travels too
        cited = evidence_source_ids(article.id)
        sources = _rows(session, Source, col(Source.id).in_(own) | col(Source.id).in_(cited))
        own_ids = set(session.exec(own).all())
        source_ids = [s["id"] for s in sources]
        checks = _rows(session, EvidenceCheck, col(EvidenceCheck.claim_id).in_(claim_ids))
        source_checks = _rows(session, SourceCheck, col(SourceCheck.source_id).in_(source_ids))
        run_ids = {c["run_id"] for c in checks} | {c["run_id"] for c in source_checks}
        data: dict[str, Any] = {
            "format": FORMAT,
            "workbench": __version__,
            "article": _dump(article),
            "claims": claims,
            "edits": _rows(session, ClaimEdit, ClaimEdit.article_id == article.id),
            "sources": sources,
            "article_sources": sorted(i for i in source_ids if i in own_ids),
            "snapshots": _rows(session, Snapshot, col(Snapshot.source_id).in_(source_ids)),
            "attempts": _rows(session, FetchAttempt, col(FetchAttempt.source_id).in_(source_ids)),
            "evidence": _rows(session, Evidence, col(Evidence.claim_id).in_(claim_ids)),
            "verdicts": _rows(session, Verdict, col(Verdict.claim_id).in_(claim_ids)),
            "runs": _rows(session, ReverifyRun, col(ReverifyRun.id).in_(run_ids)),
            "source_checks": source_checks,
            "checks": checks,
        }
    records = sorted({s["archive_record"] for s in data["snapshots"] if s.get("archive_record")})
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("bundle.json", json.dumps(data, ensure_ascii=False, indent=1))
        for digest in records:
            record = ws.archive.path_for(digest)
            if record.exists():
                bundle.write(record, f"archive/{digest}.warc.gz")
    tmp.replace(path)
    return {key: len(value) for key, value in data.items() if isinstance(value, list)} | {
        "records": len(records)
    }


def _parse(key: str, row: dict[str, Any], **overrides: Any) -> Any:
    return parse_row(key, MODELS[key], row, **overrides)


def _read(bundle: BundleZip) -> dict[str, Any]:
    """``bundle.json`` with its format checked; a bundle from before runs travelled gets one."""
    path = bundle.path
    data = bundle.data()
    missing = [key for key in REQUIRED if key not in data] if isinstance(data, dict) else REQUIRED
    if missing:
        raise BundleError(f"{path} is not a workbench bundle: no {missing[0]!r}")
    if data.get("format") != FORMAT:
        raise BundleError(f"{path}: unknown bundle format {str(data.get('format'))[:40]!r}")
    if "runs" not in data:
        # bundles from before runs travelled: their checks go into one run named after the file
        data["runs"] = [{"id": 0, "scope": f"imported from {path.name}"}]
        data["source_checks"] = []
        data["checks"] = [c | {"run_id": 0} for c in data["checks"] if isinstance(c, dict)]
    return data


def check_references(data: dict[str, Any]) -> None:
    """Refuse a bundle (BundleError, one line) with a row that is not an object, an id that is
    not a unique integer, or a reference to a row the bundle does not carry. Writes nothing."""
    carried: dict[str, set[int]] = {}
    for key in MODELS:
        rows = [data[key]] if key == "article" else data.get(key, [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise BundleError(f"bundle {key!r} is not a list of rows")
        ids = [r.get("id") for r in rows]
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise BundleError(f"bundle {key!r} has a row without an integer id")
        carried[key] = set(ids)
        if len(carried[key]) != len(ids):
            raise BundleError(f"bundle {key!r} holds the same id twice")
    for key, columns in REFERENCES.items():
        table = MODELS[key].__table__  # type: ignore[attr-defined]
        for row in data[key]:
            for column, target in columns.items():
                value = row.get(column)
                if value is None and table.c[column].nullable:
                    continue
                if not isinstance(value, int) or isinstance(value, bool) or value not in carried[target]:
                    raise BundleError(
                        f"bundle {key} row {row['id']}: {column} {value!r} names no row of "
                        f"{target!r} in the bundle"
                    )
    links = data.get("article_sources", [])
    if not isinstance(links, list):
        raise BundleError("bundle 'article_sources' is not a list of ids")
    for source_id in links:
        if (
            not isinstance(source_id, int)
            or isinstance(source_id, bool)
            or source_id not in carried["sources"]
        ):
            raise BundleError(f"bundle article_sources: {source_id!r} names no row of 'sources'")


def _remapped(maps: dict[str, dict[int, int]], key: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row``'s references as ids of this database (check_references vouched for each)."""
    return {
        column: None if row.get(column) is None else maps[target][row[column]]
        for column, target in REFERENCES.get(key, {}).items()
    }


def _edit_detail(detail: dict[str, Any], claims: dict[int, int]) -> dict[str, Any]:
    """An edit's detail with its claim ids re-mapped. A claim deleted or merged away before the
    export has no row here; its id becomes None rather than the id of some other claim."""
    if not isinstance(detail, dict):
        return detail

    def claim_id(value: Any) -> Any:
        return claims.get(value) if isinstance(value, int) and not isinstance(value, bool) else value

    out = {k: claim_id(v) if k in EDIT_CLAIM_KEYS else v for k, v in detail.items()}
    for key in EDIT_STATE_KEYS:
        value = out.get(key)
        states = value if isinstance(value, list) else [value]
        fixed = [s | {"id": claim_id(s["id"])} if isinstance(s, dict) and "id" in s else s for s in states]
        if key in out:
            out[key] = fixed if isinstance(value, list) else fixed[0]
    return out


def _insert_all(
    session: Session, maps: dict[str, dict[int, int]], key: str, rows: list[tuple[int, SQLModel]]
) -> None:
    """Write ``rows`` (old id, new row) in the given order and record their new ids."""
    session.add_all(row for _, row in rows)
    session.flush()
    for old, row in rows:
        maps[key][old] = row.id  # type: ignore[attr-defined]


def import_bundle(ws: Workspace, path: Path) -> int:
    """Load a bundle; returns the new article id. Everything is checked first (the zip's sizes,
    every reference, every row, every text against its hash, offsets and archive record:
    ``services/bundle_checks.py``), then written in one transaction; the bundle's archive records
    move into the archive just before it commits. A refused bundle changes nothing."""
    with BundleZip(path) as bundle:
        data = _read(bundle)
        check_references(data)
        check_rows(data, MODELS)
        check_content(data)
        with RecordStaging(ws.archive) as staging:
            verify_snapshots(data, bundle, ws.archive, staging)
            return _write(ws, data, staging)


def _write(ws: Workspace, data: dict[str, Any], staging: RecordStaging) -> int:

    def ordered(key: str) -> list[dict[str, Any]]:
        return sorted(data[key], key=lambda r: r["id"])  # the old order decides "latest"

    with ws.db.session() as session:
        found = session.exec(
            select(Article).where(Article.content_hash == data["article"]["content_hash"])
        ).first()
        if found is not None:
            raise BundleError(f"the bundle's article is already here (article {found.id})")
        maps: dict[str, dict[int, int]] = {key: {} for key in MODELS}
        old_article = data["article"]["id"]
        slug = data["article"].get("slug")
        if slug and session.exec(select(Article).where(Article.slug == slug)).first() is not None:
            slug = None  # the slug names another article here; keep the import without it
        _insert_all(session, maps, "article", [(old_article, _parse("article", data["article"], slug=slug))])
        article_id = maps["article"][old_article]

        def plain(key: str) -> None:
            rows = [(r["id"], _parse(key, r, **_remapped(maps, key, r))) for r in ordered(key)]
            _insert_all(session, maps, key, rows)

        plain("claims")
        for row in ordered("sources"):
            # another spelling of a stored source's URL is that source (services/articles.py)
            source = find_source(session, row["url"])
            if source is None:
                source = _parse("sources", row)
                source.url_key = url_key(source.url)
                session.add(source)
                session.flush()
            maps["sources"][row["id"]] = source.id or 0
            # bundles from before "article_sources" hold the article's own sources only
            if row["id"] in data.get("article_sources", [row["id"]]):
                session.add(ArticleSource(article_id=article_id, source_id=source.id or 0))
        for row in ordered("snapshots"):
            new_source = maps["sources"][row["source_id"]]
            # reuse a snapshot only when its extracted text is the same too: evidence offsets
            # point into the text, and the same bytes may have been extracted differently here
            same = session.exec(
                select(Snapshot).where(
                    Snapshot.source_id == new_source,
                    Snapshot.payload_sha256 == row["payload_sha256"],
                    Snapshot.text_sha256 == row["text_sha256"],
                )
            ).first()
            if same is None:
                same = _parse("snapshots", row, source_id=new_source)
                session.add(same)
                session.flush()
            maps["snapshots"][row["id"]] = same.id or 0
        for key in ("attempts", "evidence", "verdicts"):
            plain(key)
        edits = [
            (
                r["id"],
                _parse(
                    "edits",
                    r,
                    **_remapped(maps, "edits", r),
                    detail=_edit_detail(r.get("detail") or {}, maps["claims"]),
                ),
            )
            for r in ordered("edits")
        ]
        _insert_all(session, maps, "edits", edits)
        runs = [
            (r["id"], _parse("runs", r, scope=_scope(r, old_article, article_id))) for r in ordered("runs")
        ]
        _insert_all(session, maps, "runs", runs)
        plain("source_checks")
        plain("checks")
        session.flush()  # a row the database refuses fails here, before any record moves in
        staging.move_in()
        return article_id


def _scope(run: dict[str, Any], old_article: int, new_article: int) -> str:
    """A run's scope here: this article's new id, or "all"; another article of the exporting
    database names nothing here (empty)."""
    scope = str(run.get("scope") or "")
    if scope.isdigit():
        return str(new_article) if int(scope) == old_article else ""
    return scope
