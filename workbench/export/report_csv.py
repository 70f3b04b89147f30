"""A verdict report as CSV: one row per claim, in reading order, with stable columns.

``excel=True`` writes what a spreadsheet in a comma-decimal locale (Indonesian, most of Europe)
opens without mojibake or a wizard: a UTF-8 byte order mark and ``;`` between cells. Either way a
cell a spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``, ``@``, tab or
line break) is prefixed with ``'``, and control characters are removed.
"""

from __future__ import annotations

import csv
import io

from workbench.export.model import ClaimEntry, Report
from workbench.export.wording import LabelNames, clean

COLUMNS = [
    "claim_id", "number", "kind", "start", "end", "text", "statement", "machine_draft", "speaker",
    "state", "verdict", "verdict_name", "rationale", "imported_from", "checker", "decided_at",
    "verdicts", "evidence_quote", "evidence_url", "evidence_title", "evidence_score", "evidence_copy",
    "evidence_archive", "evidence_memento_datetime", "evidence_fetched_at", "evidence_copy_url",
    "evidence_archive_record", "evidence_payload_sha256", "evidence_check", "suggestion",
]  # fmt: skip


def _row(c: ClaimEntry, names: LabelNames) -> list[object]:
    v, ev = c.verdict, c.evidence
    copy = ev.snapshot if ev else None
    return [
        c.id, c.number, c.kind, c.start, c.end, c.text, c.statement or "", c.machine_draft or "",
        c.speaker or "", c.state, v.label if v else "", names(v.label) if v else "",
        v.rationale if v else "", (v.imported_from or "") if v else "", v.checker if v else "",
        v.decided_at.isoformat() if v else "", len(c.history),
        ev.quote if ev else "", ev.source_url if ev else "", (ev.source_title or "") if ev else "",
        f"{ev.score:.0f}" if ev else "", copy.kind if copy else "", (copy.archive or "") if copy else "",
        copy.memento_datetime.isoformat() if copy and copy.memento_datetime else "",
        copy.fetched_at.isoformat() if copy else "", ev.copy_url if ev else "",
        (ev.archive_record or "") if ev else "", copy.sha256 if copy else "",
        ev.check.status if ev and ev.check else "",
        f"{names(c.suggestion.label)}: {c.suggestion.reason}" if c.suggestion else "",
    ]  # fmt: skip


def neutralise(cell: object) -> object:
    """A text cell without control characters, and with ``'`` before anything a spreadsheet
    would take for a formula."""
    if not isinstance(cell, str):
        return cell
    cell = clean(cell)  # first: a control character must not hide a formula behind it
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\n") else cell


def render_csv(report: Report, *, excel: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(COLUMNS)
    names = LabelNames(report.lang)
    for claim in report.claims:
        writer.writerow([neutralise(cell) for cell in _row(claim, names)])
    return ("\ufeff" if excel else "") + buffer.getvalue()
