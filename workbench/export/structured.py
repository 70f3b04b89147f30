"""Verdict reports as JSON, CSV and schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from workbench.export.model import Report
from workbench.labels import UnknownLabel, claimreview_scale, get_label
from workbench.provenance import SnapshotProvenance


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def render_json(report: Report) -> str:
    """The whole report as one JSON document (ids integers, offsets code points, scores 0-100)."""
    data = _plain(asdict(report))
    data["tally"] = report.tally()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = [
    "claim_id", "kind", "start", "end", "text", "statement", "speaker", "verdict", "verdict_name",
    "rationale", "checker", "decided_at", "state", "suggestion", "evidence_score", "evidence_quote",
    "evidence_url", "evidence_copy", "evidence_archive", "evidence_memento_datetime", "evidence_fetched_at",
    "evidence_payload_sha256",
]  # fmt: skip


def render_csv(report: Report) -> str:
    """One row per claim. Cells that a spreadsheet would run as a formula are prefixed with '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in report.claims:
        ev = c.evidence
        row = [
            c.id, c.kind, c.start, c.end, c.text, c.statement, c.speaker or "", c.label or "",
            c.label_name or "", c.rationale, c.checker or "",
            c.decided_at.isoformat() if c.decided_at else "", c.state, c.suggestion or "",
            f"{ev.score:.0f}" if ev else "", ev.quote if ev else "", ev.source_url if ev else "",
            *_copy_cells(ev.snapshot if ev else None),
        ]  # fmt: skip
        writer.writerow([_no_formula(cell) for cell in row])
    return buffer.getvalue()


def _copy_cells(copy: SnapshotProvenance | None) -> list[str]:
    """kind, archive, memento datetime, fetch time and payload hash of the evidence's copy."""
    if copy is None:
        return [""] * 5
    memento = copy.memento_datetime.isoformat() if copy.memento_datetime else ""
    return [copy.kind, copy.archive or "", memento, copy.fetched_at.isoformat(), copy.sha256]


def _no_formula(cell: object) -> object:
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def render_claimreview(report: Report) -> str:
    """schema.org ClaimReview items for the judged claims. The label's display name goes in
    ``reviewRating.alternateName``; ``ratingValue`` only through the labels file's mapping."""
    worst, best = claimreview_scale()
    items = []
    for c in report.claims:
        if not c.label:
            continue
        try:
            label = get_label(c.label)
        except UnknownLabel:
            continue  # not on this labels file's ClaimReview mapping: nothing honest to publish
        item: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": c.statement or c.text,
            "reviewRating": {"@type": "Rating", "alternateName": label.en},
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "headline": report.title, "text": c.text},
            },
        }
        if label.claimreview_rating is not None:
            item["reviewRating"] |= {
                "ratingValue": label.claimreview_rating,
                "worstRating": worst,
                "bestRating": best,
            }
        if c.decided_at:
            item["datePublished"] = c.decided_at.date().isoformat()
        if c.checker:
            item["author"] = {"@type": "Person", "name": c.checker}
        if c.rationale:
            item["reviewBody"] = c.rationale
        if report.url:
            item["itemReviewed"]["appearance"]["url"] = report.url  # where the claim was made
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
