"""Which copy of a source a passage came from: a live fetch, or a web archive's copy.

One rule for every view (TUI, CLI JSON, reports): a snapshot is **archived** when a web archive
served it (an "as of" fetch through a Memento TimeGate records the archive's name, and the memento
datetime when the archive gave one); otherwise it is **live**, fetched from the source itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

# Public web archives by the host their TimeGate answers on. A TimeGate set by hand
# (WORKBENCH_TIMEGATE) that is not listed is named by WORKBENCH_TIMEGATE_NAME, else by its host.
_ARCHIVES = {
    "web.archive.org": "Internet Archive",
    "wayback.archive.org": "Internet Archive",
    "archive.org": "Internet Archive",
    "archive.today": "archive.today",
    "archive.ph": "archive.today",
    "archive.is": "archive.today",
    "arquivo.pt": "Arquivo.pt",
    "www.webarchive.org.uk": "UK Web Archive",
    "webarchive.org.uk": "UK Web Archive",
    "timetravel.mementoweb.org": "Memento Time Travel",
    "webarchive.loc.gov": "Library of Congress Web Archives",
    "wayback.archive-it.org": "Archive-It",
}


def archive_name(timegate: str, configured: str | None = None) -> str:
    """The name a reader knows a web archive by, from its TimeGate address (or its host, as
    older snapshots stored it). ``configured`` (WORKBENCH_TIMEGATE_NAME) wins for a TimeGate
    that is not a known public archive."""
    host = (urlsplit(timegate).hostname if "://" in timegate else timegate).lower()  # type: ignore[union-attr]
    if host in _ARCHIVES:
        return _ARCHIVES[host]
    if configured:
        return configured
    return timegate if "://" not in timegate else host


class _SnapshotRow(Protocol):
    @property
    def fetched_at(self) -> datetime: ...
    @property
    def archive_name(self) -> str | None: ...
    @property
    def memento_datetime(self) -> datetime | None: ...
    @property
    def payload_sha256(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SnapshotProvenance:
    """The copy a passage was read from. ``sha256`` is the raw payload's, as archived."""

    kind: Literal["live", "archived"]
    fetched_at: datetime
    memento_datetime: datetime | None
    archive: str | None
    sha256: str

    @classmethod
    def of(cls, snapshot: _SnapshotRow) -> SnapshotProvenance:
        archived = snapshot.archive_name is not None or snapshot.memento_datetime is not None
        return cls(
            kind="archived" if archived else "live",
            fetched_at=snapshot.fetched_at,
            memento_datetime=snapshot.memento_datetime if archived else None,
            archive=archive_name(snapshot.archive_name or "web archive") if archived else None,
            sha256=snapshot.payload_sha256,
        )

    @property
    def archived(self) -> bool:
        return self.kind == "archived"

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "fetched_at": self.fetched_at.isoformat(),
            "memento_datetime": self.memento_datetime.isoformat() if self.memento_datetime else None,
            "archive": self.archive,
            "sha256": self.sha256,
        }

    def describe(self) -> str:
        """One line for a reader: "live copy, fetched 2026-12-01 09:30 UTC" or "archived copy
        (Internet Archive, memento 2022-03-04 10:00 UTC), fetched ..."."""
        fetched = f"fetched {_stamp(self.fetched_at)}"
        if not self.archived:
            return f"live copy, {fetched}"
        memento = (
            f", memento {_stamp(self.memento_datetime)}"
            if self.memento_datetime
            else ", memento date unknown"
        )
        return f"archived copy ({self.archive}{memento}), {fetched}"


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")
