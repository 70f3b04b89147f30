"""A workspace: one database, its evidence archive, and the fetch settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import settings
from workbench.fetching.archive import SnapshotArchive
from workbench.storage import Database

if TYPE_CHECKING:
    import httpx

    from workbench.fetching.http import FetchPolicy


class NotFound(LookupError):
    """An id or slug that names nothing; the message says which."""


@dataclass
class Workspace:
    db: Database
    archive: SnapshotArchive
    site_version: str = field(default_factory=lambda: os.environ.get("WORKBENCH_DEMO_SITE", "v1"))
    _policy: FetchPolicy | None = field(default=None, repr=False)

    @property
    def policy(self) -> FetchPolicy:
        """The fetch limits, made on first use: a command that never fetches does not load the
        HTTP stack (httpx)."""
        if self._policy is None:
            from workbench.fetching.http import FetchPolicy

            self._policy = FetchPolicy()
        return self._policy

    @policy.setter
    def policy(self, policy: FetchPolicy) -> None:
        self._policy = policy

    @classmethod
    def open(cls, db: str | None = None, *, archive: Path | None = None) -> Workspace:
        url = settings.database_url(db)
        return cls(db=Database(url), archive=SnapshotArchive(archive or settings.archive_root(url)))

    def close(self) -> None:
        self.db.close()

    def transports(self) -> dict[str, httpx.AsyncBaseTransport]:
        """Route the reserved ``.example`` names to the built-in cases' own pages (``sources/*/site/``):
        they never reach the network, and unknown ``.example`` hosts fail as unreachable."""
        from workbench.fetching.offline_site import SiteLayer, SiteTransport

        layers = []
        for case in sorted(settings.cases_dir().iterdir()):
            site = case / "site"
            if not (site / self.site_version).is_dir():
                continue
            # this version, then the earlier ones it changes (v2 over v1)
            versions = sorted((v for v in site.iterdir() if v.is_dir()), key=_version_number)
            chosen = _version_number(site / self.site_version)
            layers += [SiteLayer.of(v) for v in reversed(versions) if _version_number(v) <= chosen]
        return {"all://*.example": SiteTransport(layers)}


def _version_number(folder: Path) -> int:
    digits = "".join(ch for ch in folder.name if ch.isdigit())
    return int(digits) if digits else 0
