"""The evidence archive: one gzipped WARC response record per distinct raw payload.

A record is named by the SHA-256 of the raw payload (as received, before any decoding), so the
same bytes are stored once and any change to a file is detectable. Writes go to a temporary file
in the same folder and are renamed into place, so a killed process never leaves half a record.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # warcio and the HTTP code load when a record is written or read, not on import
    from workbench.fetching.http import FetchResult


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class ArchivedResponse:
    url: str
    status: int
    headers: list[tuple[str, str]]
    payload: bytes
    warc_date: str

    def payload_digest(self) -> str:
        return sha256_hex(self.payload)


@dataclass(frozen=True, slots=True)
class ArchiveProblem:
    record: str
    problem: str  # "missing", "altered", "unreadable"


class SnapshotArchive:
    """WARC records under ``root``, named ``<sha256>.warc.gz`` in two-level fan-out folders."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, digest: str) -> Path:
        return self.root / digest[:2] / f"{digest}.warc.gz"

    def store(self, result: FetchResult, fetched_at: datetime | None = None) -> str:
        """Archive ``result``'s raw response; returns the record name (its payload's SHA-256)."""
        digest = sha256_hex(result.raw)
        target = self.path_for(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        when = (fetched_at or datetime.now(UTC)).astimezone(UTC)
        buffer = BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        status_line = f"{result.status or 200} {_reason(result.status or 200)}"
        http_headers = StatusAndHeaders(status_line, list(result.headers), protocol="HTTP/1.1")
        record = writer.create_warc_record(
            result.final_url or result.requested_url,
            "response",
            payload=BytesIO(result.raw),
            length=len(result.raw),
            http_headers=http_headers,
            warc_headers_dict={
                "WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "WARC-Payload-Digest": f"sha256:{digest}",
            },
        )
        writer.write_record(record)
        _atomic_write(target, buffer.getvalue())
        return digest

    def add_record(self, digest: str, blob: bytes) -> None:
        """Put a record from elsewhere (a bundle) into the archive, after checking that its
        payload hashes to ``digest``; ValueError if it does not."""
        try:
            found = _read_record(BytesIO(blob)).payload_digest()
        except Exception as exc:
            raise ValueError(f"archive record {digest} is unreadable: {exc.__class__.__name__}") from exc
        if found != digest:
            raise ValueError(f"archive record {digest} does not match its payload")
        target = self.path_for(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(target, blob)

    def load(self, digest: str) -> ArchivedResponse:
        """Read a record back: the raw payload exactly as it was received."""
        with self.path_for(digest).open("rb") as handle:
            return _read_record(handle)

    def record_id(self, digest: str) -> str | None:
        """The WARC-Record-ID of a stored record (reports cite it beside the payload hash); None
        when the record is missing or unreadable. Reads only the record's headers."""
        from warcio.archiveiterator import ArchiveIterator

        try:
            with self.path_for(digest).open("rb") as handle:
                for record in ArchiveIterator(handle):
                    if record.rec_type == "response":
                        return record.rec_headers.get_header("WARC-Record-ID")
        except Exception:
            return None
        return None

    def verify(self, digests: list[str]) -> list[ArchiveProblem]:
        """Recompute each record's payload hash; report the missing, altered and unreadable."""
        problems: list[ArchiveProblem] = []
        for digest in digests:
            if not self.path_for(digest).exists():
                problems.append(ArchiveProblem(digest, "missing"))
                continue
            try:
                payload = self.load(digest).payload
            except Exception:
                problems.append(ArchiveProblem(digest, "unreadable"))
                continue
            if sha256_hex(payload) != digest:
                problems.append(ArchiveProblem(digest, "altered"))
        return problems


def _atomic_write(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target``, then rename: never half a record."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".warc.gz")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_record(handle: BinaryIO) -> ArchivedResponse:
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(handle):
        if record.rec_type != "response":
            continue
        http = record.http_headers
        return ArchivedResponse(
            url=record.rec_headers.get_header("WARC-Target-URI") or "",
            status=int(http.get_statuscode() or 0),
            headers=list(http.headers),
            # raw_stream: the payload as received, still in its Content-Encoding
            payload=record.raw_stream.read(),
            warc_date=record.rec_headers.get_header("WARC-Date") or "",
        )
    raise ValueError("no response record")


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
