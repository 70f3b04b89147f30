"""Evidence that travels with its verdicts: one zip file per article.

``bundle.json`` holds the article, its claims and edits, sources, snapshots, fetch attempts,
evidence, verdict history and re-verification checks; ``archive/<sha256>.warc.gz`` holds every
WARC record the snapshots point to. Import checks each record's payload hash, re-maps every id,
reuses sources and identical snapshots already present, and refuses an article already present.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import SQLModel, col, select

from workbench import __version__
from workbench.services.articles import evidence_source_ids, own_source_ids, resolve_article
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
    Verdict,
)

FORMAT = "workbench-bundle/1"
MAX_ENTRY_BYTES = 200 * 1024 * 1024  # one member, uncompressed: refuse zip bombs before reading


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


class BundleError(ValueError):
    pass


def _dump(row: SQLModel) -> dict[str, Any]:
    return row.model_dump(mode="json")


def export_bundle(ws: Workspace, ref: str | int, path: Path) -> dict[str, int]:
    """Write the article's bundle to ``path`` (atomically); returns counts of what it holds."""
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        claims = list(session.exec(select(Claim).where(Claim.article_id == article.id)).all())
        claim_ids = [c.id for c in claims]
        own = own_source_ids(article.id)
        # and the sources of evidence pinned from other articles' (archive search), so every
        # evidence row's snapshot travels too
        cited = evidence_source_ids(article.id)
        sources = list(
            session.exec(
                select(Source)
                .where(col(Source.id).in_(own) | col(Source.id).in_(cited))
                .order_by(col(Source.id))
            ).all()
        )
        own_ids = set(session.exec(own).all())
        source_ids = [s.id for s in sources]
        snapshots = list(session.exec(select(Snapshot).where(col(Snapshot.source_id).in_(source_ids))).all())
        data: dict[str, Any] = {
            "format": FORMAT,
            "workbench": __version__,
            "article": _dump(article),
            "claims": [_dump(c) for c in claims],
            "edits": [
                _dump(e) for e in session.exec(select(ClaimEdit).where(ClaimEdit.article_id == article.id))
            ],
            "sources": [_dump(s) for s in sources],
            "article_sources": sorted(i for i in source_ids if i in own_ids),
            "snapshots": [_dump(s) for s in snapshots],
            "attempts": [
                _dump(a)
                for a in session.exec(select(FetchAttempt).where(col(FetchAttempt.source_id).in_(source_ids)))
            ],
            "evidence": [
                _dump(e) for e in session.exec(select(Evidence).where(col(Evidence.claim_id).in_(claim_ids)))
            ],
            "verdicts": [
                _dump(v)
                for v in session.exec(
                    select(Verdict).where(col(Verdict.claim_id).in_(claim_ids)).order_by(col(Verdict.id))
                )
            ],
            "checks": [
                _dump(c)
                for c in session.exec(select(EvidenceCheck).where(col(EvidenceCheck.claim_id).in_(claim_ids)))
            ],
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


def _parse(model: type[SQLModel], row: dict[str, Any], **overrides: Any) -> Any:
    values = {k: v for k, v in row.items() if k != "id"} | overrides
    for name, field in model.model_fields.items():
        value = values.get(name)
        if isinstance(value, str) and field.annotation in (datetime, datetime | None):
            values[name] = datetime.fromisoformat(value)
        elif isinstance(value, str) and field.annotation in (date, date | None):
            values[name] = date.fromisoformat(value)
    return model(**values)


def import_bundle(ws: Workspace, path: Path) -> int:
    """Load a bundle; returns the new article id. Everything is written in one transaction."""
    if not path.is_file():
        raise BundleError(f"no such bundle: {path}")
    try:
        with zipfile.ZipFile(path) as bundle:
            too_big = [i.filename for i in bundle.infolist() if i.file_size > MAX_ENTRY_BYTES]
            if too_big:
                raise BundleError(f"{path}: {too_big[0]} is larger than {MAX_ENTRY_BYTES} bytes")
            data = json.loads(bundle.read("bundle.json"))
            records = {
                name.removeprefix("archive/").removesuffix(".warc.gz"): bundle.read(name)
                for name in bundle.namelist()
                if name.startswith("archive/")
            }
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BundleError(f"{path} is not a workbench bundle: {exc}") from exc
    missing = [key for key in REQUIRED if key not in data] if isinstance(data, dict) else REQUIRED
    if missing:
        raise BundleError(f"{path} is not a workbench bundle: no {missing[0]!r}")
    if data.get("format") != FORMAT:
        raise BundleError(f"{path}: unknown bundle format {data.get('format')!r}")
    _restore_records(ws, records)
    with ws.db.session() as session:
        found = session.exec(
            select(Article).where(Article.content_hash == data["article"]["content_hash"])
        ).first()
        if found is not None:
            raise BundleError(f"the bundle's article is already here (article {found.id})")
        slug = data["article"].get("slug")
        if slug and session.exec(select(Article).where(Article.slug == slug)).first() is not None:
            slug = None  # the slug names another article here; keep the import without it
        article = _parse(Article, data["article"], slug=slug)
        session.add(article)
        session.flush()
        ids: dict[str, dict[int, int]] = {
            name: {} for name in ("claim", "source", "snapshot", "evidence", "run")
        }
        for row in data["claims"]:
            claim = _parse(Claim, row, article_id=article.id)
            session.add(claim)
            session.flush()
            ids["claim"][row["id"]] = claim.id or 0
        for row in data["sources"]:
            source = session.exec(select(Source).where(Source.url == row["url"])).first()
            if source is None:
                source = _parse(Source, row)
                session.add(source)
                session.flush()
            ids["source"][row["id"]] = source.id or 0
            # bundles from before "article_sources" hold the article's own sources only
            if row["id"] in data.get("article_sources", [row["id"]]):
                session.add(ArticleSource(article_id=article.id or 0, source_id=source.id or 0))
        for row in data["snapshots"]:
            new_source = ids["source"][row["source_id"]]
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
                same = _parse(Snapshot, row, source_id=new_source)
                session.add(same)
                session.flush()
            ids["snapshot"][row["id"]] = same.id or 0
        for row in data["attempts"]:
            snap = ids["snapshot"].get(row["snapshot_id"]) if row.get("snapshot_id") else None
            session.add(
                _parse(FetchAttempt, row, source_id=ids["source"][row["source_id"]], snapshot_id=snap)
            )
        for row in data["evidence"]:
            evidence = _parse(
                Evidence,
                row,
                claim_id=ids["claim"][row["claim_id"]],
                snapshot_id=ids["snapshot"][row["snapshot_id"]],
            )
            session.add(evidence)
            session.flush()
            ids["evidence"][row["id"]] = evidence.id or 0
        for row in data["verdicts"]:
            evidence_id = ids["evidence"].get(row["evidence_id"]) if row.get("evidence_id") else None
            session.add(_parse(Verdict, row, claim_id=ids["claim"][row["claim_id"]], evidence_id=evidence_id))
        for row in data["edits"]:
            claim_id = ids["claim"].get(row["claim_id"]) if row.get("claim_id") else None
            session.add(_parse(ClaimEdit, row, article_id=article.id, claim_id=claim_id))
        if data["checks"]:
            run = ReverifyRun(scope=f"imported from {path.name}")
            session.add(run)
            session.flush()
            for row in data["checks"]:
                snap = ids["snapshot"].get(row["snapshot_id"]) if row.get("snapshot_id") else None
                session.add(
                    _parse(
                        EvidenceCheck,
                        row,
                        run_id=run.id,
                        evidence_id=ids["evidence"][row["evidence_id"]],
                        claim_id=ids["claim"][row["claim_id"]],
                        snapshot_id=snap,
                    )
                )
        return article.id or 0


def _restore_records(ws: Workspace, records: dict[str, bytes]) -> None:
    """Copy archive records into this archive; each must hash to the name it carries."""
    for digest, blob in records.items():
        try:
            ws.archive.add_record(digest, blob)
        except ValueError as exc:
            raise BundleError(f"bundle record {digest}: {exc}") from exc
