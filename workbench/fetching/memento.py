""" "As of" fetching through a Memento TimeGate (RFC 7089).

The TimeGate is asked for ``<endpoint><url>`` with ``Accept-Datetime``; it redirects to the
memento nearest that time. For the Wayback Machine the memento address is rewritten to its
``id_`` form, which serves the capture's original bytes instead of the archive's rewritten page.
"""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from workbench.domain import FetchOutcome
from workbench.fetching.http import FetchPolicy, FetchResult, fetch_url
from workbench.provenance import archive_name

DEFAULT_TIMEGATE = "https://web.archive.org/web/"
_WAYBACK_STAMP = re.compile(r"/web/(\d{14})(?:[a-z]{2}_)?/")


def timegate_endpoint() -> str:
    """``WORKBENCH_TIMEGATE`` or the Wayback Machine; the source URL is appended to it."""
    return os.environ.get("WORKBENCH_TIMEGATE", DEFAULT_TIMEGATE)


@dataclass(slots=True)
class MementoResult:
    fetch: FetchResult
    memento_url: str | None
    memento_datetime: datetime | None
    archive: str


def raw_capture_url(memento_url: str) -> str:
    """Wayback-style ``/web/<14 digits>/`` mementos get the ``id_`` flag (original bytes)."""
    return _WAYBACK_STAMP.sub(lambda m: f"/web/{m.group(1)}id_/", memento_url, count=1)


def _stamp_datetime(memento_url: str) -> datetime | None:
    match = _WAYBACK_STAMP.search(memento_url)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:  # fourteen digits that are not a date
        return None


def _header_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


async def fetch_as_of(
    client: httpx.AsyncClient, url: str, when: date, policy: FetchPolicy, endpoint: str | None = None
) -> MementoResult:
    """The archived copy of ``url`` nearest ``when`` (noon UTC of that day)."""
    gate = (endpoint or timegate_endpoint()) + url
    archive = archive_name(gate, os.environ.get("WORKBENCH_TIMEGATE_NAME"))
    moment = datetime.combine(when, time(12, 0), tzinfo=UTC)
    try:
        # the status and headers are the answer: the body is never read, and the whole exchange
        # has the per-source deadline (the memento's own fetch below has another)
        async with (
            asyncio.timeout(policy.total_timeout),
            client.stream(
                "GET",
                gate,
                headers={"Accept-Datetime": format_datetime(moment, usegmt=True)},
                follow_redirects=False,
            ) as answer,
        ):
            pass
    except Exception as exc:
        failed = FetchResult(requested_url=url, outcome=FetchOutcome.UNREACHABLE, error=f"TimeGate: {exc}")
        return MementoResult(failed, None, None, archive)
    if answer.status_code in (301, 302, 303, 307, 308) and answer.headers.get("location"):
        memento = urljoin(gate, answer.headers["location"])
    elif answer.status_code == 200 and answer.headers.get("memento-datetime"):
        memento = urljoin(gate, answer.headers.get("content-location") or gate)
    else:
        outcome = FetchOutcome.GONE if answer.status_code in (404, 410) else FetchOutcome.ERROR
        failed = FetchResult(
            requested_url=url,
            outcome=outcome,
            status=answer.status_code,
            error=f"no archived copy (TimeGate answered {answer.status_code})",
        )
        return MementoResult(failed, None, None, archive)
    raw_url = raw_capture_url(memento)
    fetched = await fetch_url(client, raw_url, policy)
    moment_found = _header_datetime(fetched.header("memento-datetime")) or _stamp_datetime(memento)
    return MementoResult(fetched, memento, moment_found, archive)
