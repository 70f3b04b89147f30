"""What a bundle must be before any of it is written. A bundle is evidence from elsewhere: every
part of it is checked, and one failed check refuses the whole bundle with a one-line reason.

- The zip: at most ``MAX_MEMBERS`` members; ``bundle.json`` at most ``MAX_JSON_BYTES`` and each
  archive record at most ``MAX_RECORD_BYTES`` once inflated, all of them together at most
  ``MAX_TOTAL_BYTES``, and no large member inflating more than ``MAX_RATIO`` times (a zip bomb):
  all read from the zip's directory before a byte is inflated, and every read is bounded again.
  Records are read one at a time.
- The rows: each parses as its table's model (types, required columns, integers SQLite can hold,
  times with a time zone).
- The article's text hashes to its content hash; each claim's text is the article's text between
  its offsets; each evidence quote (with its prefix and suffix) and each re-verification quote is
  its snapshot's text between its offsets; each verdict's label is a known label; each URL passes
  the rules of ``sources add`` (``fetching.http.check_url``; private addresses are let through,
  since nothing is fetched on import and the fetcher refuses them itself).
- Each snapshot's text is what its archive record gives: the record's payload hashes to the
  snapshot's payload hash and the same extraction a fetch runs (``decode_body`` then
  ``page_from_body``) gives the snapshot's text again.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlmodel import SQLModel

from workbench.domain import ClaimKind
from workbench.labels import UnknownLabel, get_label

if TYPE_CHECKING:
    from workbench.fetching.archive import SnapshotArchive

MiB = 1024 * 1024
MAX_MEMBERS = 10_000
MAX_JSON_BYTES = 64 * MiB
MAX_RECORD_BYTES = 21 * MiB  # a fetch keeps at most 20 MiB of payload (MAX_BODY_BYTES), plus headers
MAX_TOTAL_BYTES = 1024 * MiB
MAX_RATIO = 100  # text and JSON deflate 3-10 times, gzipped WARC records not at all
RATIO_FLOOR = MiB  # smaller members are bounded by their size alone
RECORD_MEMBER = re.compile(r"archive/([0-9a-f]{64})\.warc\.gz")
SQLITE_INT = (-(2**63), 2**63 - 1)


class BundleError(ValueError):
    """A bundle refused; the message is one line saying which part and why."""


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- the zip ---------------------------------------------------------------------------------


class BundleZip:
    """An open bundle whose members' sizes were checked against the caps before any was read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise BundleError(f"no such bundle: {path}")
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise BundleError(f"{path} is not a workbench bundle: {exc}") from exc
        try:
            self.members = self._checked_members()
        except BundleError:
            self.zip.close()
            raise

    def __enter__(self) -> BundleZip:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.zip.close()

    def _checked_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise BundleError(f"{self.path}: {len(infos):,} members (a bundle holds at most {MAX_MEMBERS:,})")
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            if info.filename == "bundle.json":
                cap = MAX_JSON_BYTES
            elif RECORD_MEMBER.fullmatch(info.filename):
                cap = MAX_RECORD_BYTES
            else:
                continue  # never read
            if info.filename in members:
                raise BundleError(f"{self.path}: {info.filename} is in the bundle twice")
            if info.file_size > cap:
                raise BundleError(
                    f"{self.path}: {info.filename} inflates to {info.file_size:,} bytes (at most {cap:,})"
                )
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise BundleError(
                    f"{self.path}: {info.filename} inflates {info.file_size // max(info.compress_size, 1):,} "
                    f"times (at most {MAX_RATIO}): refused as a zip bomb"
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise BundleError(f"{self.path}: members inflate to more than {MAX_TOTAL_BYTES:,} bytes")
            members[info.filename] = info
        if "bundle.json" not in members:
            raise BundleError(f"{self.path} is not a workbench bundle: no bundle.json")
        return members

    def _read(self, name: str, cap: int) -> bytes:
        try:
            with self.zip.open(self.members[name]) as handle:
                blob = handle.read(cap + 1)  # the directory's sizes are checked; the bytes are too
        except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError, OSError) as exc:
            raise BundleError(f"{self.path}: {name} cannot be read: {exc}") from exc
        if len(blob) > cap:
            raise BundleError(f"{self.path}: {name} inflates past {cap:,} bytes")
        return blob

    def data(self) -> Any:
        """``bundle.json`` parsed; BundleError for bytes that are not UTF-8 JSON, JSON nested too
        deeply, or numbers JSON does not allow (NaN, Infinity) or SQLite cannot hold."""
        blob = self._read("bundle.json", MAX_JSON_BYTES)
        try:
            return json.loads(blob.decode("utf-8"), parse_constant=_no_constant, parse_float=_finite)
        except RecursionError:
            raise BundleError(f"{self.path}: bundle.json is nested too deeply") from None
        except (UnicodeDecodeError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise BundleError(f"{self.path} is not a workbench bundle: bundle.json: {reason}") from exc

    def record(self, digest: str) -> bytes | None:
        """The archive record named ``digest``, or None when the bundle does not carry it."""
        name = f"archive/{digest}.warc.gz"
        return self._read(name, MAX_RECORD_BYTES) if name in self.members else None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is out of range")
    return value


# -- the rows --------------------------------------------------------------------------------


def parse_row(key: str, model: type[SQLModel], row: dict[str, Any], **overrides: Any) -> Any:
    """``row`` (without its id, with ``overrides``) as a ``model`` instance, validated; BundleError
    naming the row and the column otherwise."""
    values = {k: v for k, v in row.items() if k != "id"} | overrides
    where = f"bundle {key} row {row.get('id')!r}"
    try:
        parsed = model.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        column = ".".join(str(part) for part in error["loc"]) or "?"
        raise BundleError(f"{where}: {column}: {error['msg']}") from None
    for name in model.model_fields:
        value = getattr(parsed, name)
        if isinstance(value, int) and not SQLITE_INT[0] <= value <= SQLITE_INT[1]:
            raise BundleError(f"{where}: {name}: {value} is too large for the database")
        if isinstance(value, datetime) and value.tzinfo is None:
            raise BundleError(f"{where}: {name}: a time without a time zone")
    return parsed


def check_rows(data: dict[str, Any], models: dict[str, type[SQLModel]]) -> None:
    """Every row of every bundled table parses as its model."""
    for key, model in models.items():
        for row in [data[key]] if key == "article" else data[key]:
            parse_row(key, model, row)


# -- the content -----------------------------------------------------------------------------


def _offsets(where: str, row: dict[str, Any], text: str) -> tuple[int, int]:
    start, end = row.get("start"), row.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise BundleError(f"{where}: start and end must be integers")
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start <= end <= len(text):
        raise BundleError(f"{where}: offsets {start}-{end} lie outside its text ({len(text)} characters)")
    return start, end


def _check_url(where: str, url: Any) -> None:
    from workbench.fetching.http import check_url

    if not isinstance(url, str):
        raise BundleError(f"{where}: the URL is not a string")
    try:
        check_url(url, allow_private=True)
    except ValueError as exc:
        raise BundleError(f"{where}: {exc}") from None


def check_content(data: dict[str, Any]) -> None:
    """The article, claims, evidence, checks, labels and URLs are what they claim to be (the
    snapshots' texts against their records: :func:`verify_snapshots`)."""
    article = data["article"]
    text = article["text"]
    if _sha256(text) != article.get("content_hash"):
        raise BundleError("bundle article: its text does not match its content hash (changed after export?)")
    if article.get("url") is not None:
        _check_url("bundle article", article["url"])
    kinds = {str(kind) for kind in ClaimKind}
    for claim in data["claims"]:
        where = f"bundle claims row {claim['id']}"
        start, end = _offsets(where, claim, text)
        if claim.get("text") != text[start:end]:
            raise BundleError(f"{where}: its text is not the article's text at {start}-{end}")
        if claim.get("kind") not in kinds:
            raise BundleError(f"{where}: unknown kind {claim.get('kind')!r}")
    for source in data["sources"]:
        _check_url(f"bundle sources row {source['id']}", source.get("url"))
    snapshots: dict[int, str] = {}
    for snapshot in data["snapshots"]:
        where = f"bundle snapshots row {snapshot['id']}"
        snapshots[snapshot["id"]] = snapshot["text"]
        if _sha256(snapshot["text"]) != snapshot.get("text_sha256"):
            raise BundleError(f"{where}: its text does not match its text hash")
        if snapshot.get("archive_record") != snapshot.get("payload_sha256"):
            raise BundleError(f"{where}: its archive record is not named by its payload hash")
        for column in ("requested_url", "final_url"):
            _check_url(f"{where} {column}", snapshot.get(column))
    for evidence in data["evidence"]:
        where = f"bundle evidence row {evidence['id']}"
        page = snapshots[evidence["snapshot_id"]]
        start, end = _offsets(where, evidence, page)
        prefix, suffix = evidence.get("prefix") or "", evidence.get("suffix") or ""
        if evidence.get("quote") != page[start:end]:
            raise BundleError(f"{where}: its quote is not its snapshot's text at {start}-{end}")
        if not (isinstance(prefix, str) and isinstance(suffix, str)) or not (
            page[:start].endswith(prefix) and page[end:].startswith(suffix)
        ):
            raise BundleError(f"{where}: its prefix or suffix is not the text around its quote")
    for verdict in data["verdicts"]:
        try:
            get_label(verdict.get("label"))
        except UnknownLabel as exc:
            raise BundleError(f"bundle verdicts row {verdict['id']}: {exc}") from None
    for check in data["checks"]:
        if check.get("snapshot_id") is None or check.get("start") is None:
            continue
        where = f"bundle checks row {check['id']}"
        page = snapshots[check["snapshot_id"]]
        start, end = _offsets(where, check, page)
        if check.get("quote") is not None and check["quote"] != page[start:end]:
            raise BundleError(f"{where}: its quote is not its snapshot's text at {start}-{end}")


# -- the records -----------------------------------------------------------------------------


class RecordStaging:
    """Checked records from a bundle, waiting in a folder inside the archive (so that moving them
    in is a rename) until the import's transaction is about to commit. Leaving the ``with``
    block removes whatever was not moved in."""

    def __init__(self, archive: SnapshotArchive) -> None:
        self.archive = archive
        self.folder: Path | None = None
        self.staged: dict[str, Path] = {}

    def __enter__(self) -> RecordStaging:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def add(self, digest: str, blob: bytes) -> None:
        if self.folder is None:
            self.archive.root.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(dir=self.archive.root, prefix=".import-"))
        path = self.folder / f"{digest}.part"
        with path.open("wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        self.staged[digest] = path

    def move_in(self) -> None:
        """Rename every staged record to its place in the archive (one already there is kept)."""
        for digest, path in self.staged.items():
            target = self.archive.path_for(digest)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                path.replace(target)
        self.staged.clear()


def _response(blob: bytes) -> tuple[list[tuple[str, str]], bytes]:
    """The first response record's HTTP headers and raw payload, reading no more of the payload
    than a fetch would have kept."""
    from warcio.archiveiterator import ArchiveIterator

    from workbench.fetching.http import MAX_BODY_BYTES

    for record in ArchiveIterator(BytesIO(blob)):
        if record.rec_type != "response":
            continue
        payload = record.raw_stream.read(MAX_BODY_BYTES + 1)
        if len(payload) > MAX_BODY_BYTES:
            raise ValueError(f"a payload larger than {MAX_BODY_BYTES:,} bytes")
        return list(record.http_headers.headers), payload
    raise ValueError("no response record")


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    return next((value for key, value in headers if key.lower() == name), None)


def verify_snapshots(
    data: dict[str, Any], bundle: BundleZip, archive: SnapshotArchive, staging: RecordStaging
) -> None:
    """Each snapshot's text is what its archive record gives: the record (from the bundle, else
    this archive) hashes to the snapshot's payload hash, and extracting its payload as a fetch
    does gives the snapshot's text. Records are read one at a time; the bundle's are staged."""
    from workbench.fetching.extract import page_from_body
    from workbench.fetching.http import MAX_BODY_BYTES, decode_body

    by_record: dict[str, list[dict[str, Any]]] = {}
    for snapshot in data["snapshots"]:
        by_record.setdefault(snapshot["archive_record"] or "", []).append(snapshot)
    for digest, snapshots in sorted(by_record.items()):
        where = f"bundle snapshots row {snapshots[0]['id']}"
        if not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise BundleError(f"{where}: no archive record to check its text against")
        blob = bundle.record(digest)
        if blob is None:
            blob = _archived(archive, digest)
            if blob is None:
                raise BundleError(
                    f"{where}: its archive record {digest} is in neither the bundle nor the archive"
                )
        else:
            staging.add(digest, blob)
        try:
            headers, payload = _response(blob)
        except Exception as exc:  # warcio and gzip raise many kinds on a damaged record
            raise BundleError(f"bundle record {digest} is unreadable: {type(exc).__name__}: {exc}") from None
        if hashlib.sha256(payload).hexdigest() != digest:
            raise BundleError(f"bundle record {digest} does not match its payload")
        extracted: dict[tuple[str, str | None], str] = {}
        for snapshot in snapshots:
            where = f"bundle snapshots row {snapshot['id']}"
            content_type = _header(headers, "content-type")
            key = (snapshot["final_url"], content_type)
            if key not in extracted:
                try:
                    body = decode_body(payload, _header(headers, "content-encoding"), MAX_BODY_BYTES)
                    extracted[key] = page_from_body(body, snapshot["final_url"], content_type).text
                except Exception as exc:  # trafilatura and lxml raise many kinds on hostile markup
                    raise BundleError(f"{where}: its record's text cannot be extracted: {exc}") from None
            if extracted[key] != snapshot["text"]:
                raise BundleError(
                    f"{where}: its text is not the text of its archive record {digest[:12]} "
                    f"({len(snapshot['text']):,} characters bundled, {len(extracted[key]):,} extracted here)"
                )


def _archived(archive: SnapshotArchive, digest: str) -> bytes | None:
    path = archive.path_for(digest)
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise BundleError(f"archive record {digest} is larger than {MAX_RECORD_BYTES:,} bytes")
        return path.read_bytes()
    except FileNotFoundError:
        return None
