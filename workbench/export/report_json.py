"""A verdict report as one versioned JSON document: ``"schema": "workbench-report/1"``.

The document holds everything a report shows, so any other format can be rebuilt from it: the
article, the reviewing organisation, every claim in reading order with its confirmed statement
(or machine draft, marked as such), current verdict and verdict history, and the passage the
verdict pinned with the copy it was read from (live or archived, memento datetime), its WARC
record and payload hash. ``docs/report.schema.json`` describes it; a test validates every
report against it. Ids are integers, offsets code points, scores 0-100, times ISO 8601 UTC.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from workbench.export.model import ClaimEntry, EvidenceEntry, Report, SourceEntry, VerdictEntry
from workbench.export.wording import LabelNames, clean

SCHEMA = "workbench-report/1"
_C1 = re.compile(r"[\x7f-\x9f]")
_ORJSON_OPTIONS = (
    orjson.OPT_INDENT_2
    | orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)


def _verdict(v: VerdictEntry, names: LabelNames) -> dict[str, Any]:
    return {
        "id": v.id,
        "label": v.label,
        "label_name": names(v.label),
        "rationale": clean(v.rationale),
        "imported_from": v.imported_from,
        "imported_by": v.imported_by,
        "checker": clean(v.checker),
        "decided_at": v.decided_at.isoformat(),
        "evidence_id": v.evidence_id,
    }


def _evidence(ev: EvidenceEntry) -> dict[str, Any]:
    return {
        "id": ev.id,
        "quote": clean(ev.quote),
        "prefix": clean(ev.prefix),
        "suffix": clean(ev.suffix),
        "start": ev.start,
        "end": ev.end,
        "score": round(ev.score, 1),
        "pinned": ev.pinned,
        "source_url": ev.source_url,
        "source_title": clean(ev.source_title) if ev.source_title else None,
        "source_language": ev.source_language,
        "snapshot_id": ev.snapshot_id,
        "snapshot": ev.snapshot.as_json(),
        "copy_url": ev.copy_url,
        "archive_record": ev.archive_record,
        "warc_record_id": ev.warc_record_id,
        "check": {"status": ev.check.status, "checked_at": ev.check.checked_at.isoformat()}
        if ev.check
        else None,
    }


def _claim(c: ClaimEntry, names: LabelNames) -> dict[str, Any]:
    return {
        "id": c.id,
        "number": c.number,
        "start": c.start,
        "end": c.end,
        "text": c.text,  # exactly article_text[start:end]: not cleaned
        "kind": c.kind,
        "speaker": clean(c.speaker) if c.speaker else None,
        "statement": clean(c.statement) if c.statement else None,
        "machine_draft": clean(c.machine_draft) if c.machine_draft else None,
        "state": c.state,
        "verdict": _verdict(c.verdict, names) if c.verdict else None,
        "history": [_verdict(v, names) for v in c.history],
        "evidence": _evidence(c.evidence) if c.evidence else None,
        "suggestion": {
            "label": c.suggestion.label,
            "label_name": names(c.suggestion.label),
            "reason": clean(c.suggestion.reason),
        }
        if c.suggestion
        else None,
    }


def _source(s: SourceEntry) -> dict[str, Any]:
    return {
        "id": s.id,
        "url": s.url,
        "title": clean(s.title) if s.title else None,
        "author": clean(s.author) if s.author else None,
        "language": s.language,
        "last_outcome": s.last_outcome,
        "snapshot": s.snapshot.as_json() if s.snapshot else None,
        "copy_url": s.copy_url,
        "archive_record": s.archive_record,
    }


def report_document(report: Report) -> dict[str, Any]:
    dates = report.checked_dates
    names = LabelNames(report.lang)
    return {
        "schema": SCHEMA,
        "generated_at": report.generated_at.isoformat(),
        "lang": report.lang,
        "organisation": report.organisation,
        "include_suggestions": report.include_suggestions,
        "article": {
            "id": report.article_id,
            "slug": report.slug,
            "title": clean(report.title),
            "language": report.language,
            "date": report.date.isoformat() if report.date else None,
            "url": report.url,
            "outlet": report.outlet,
            "content_sha256": report.content_sha256,
        },
        "checkers": [clean(name) for name in report.checkers],
        "checked": {"first": dates[0].isoformat(), "last": dates[1].isoformat()} if dates else None,
        "tally": report.tally(),
        "sources": [_source(s) for s in report.sources],
        "claims": [_claim(c, names) for c in report.claims],
    }


def indented_json(data: object) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, written by orjson (the standard
    library's indenting encoder is pure Python: over a second for a 10,000-claim report). The
    same text for the values reports hold: strings, integers, booleans, None, lists, dicts with
    string keys, and floats such as scores (orjson writes a float below 1e-4 as ``1e-5`` where
    the standard library writes ``1e-05``; a report's floats are scores of 0-100 rounded to one
    decimal). What orjson refuses (a lone surrogate, an integer past 64 bits, a non-string key)
    goes to the standard library, and so does what it would write but the standard library
    refuses (dates, dataclasses: a TypeError as before)."""
    try:
        return orjson.dumps(data, option=_ORJSON_OPTIONS).decode()
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, indent=2)


def json_text(data: object) -> str:
    """JSON with non-ASCII text as it is, but DEL and the C1 controls written as ``\\u`` escapes
    (``json.dumps`` escapes only C0): a claim's text keeps the article's exact characters while no
    raw control character reaches a terminal or a file."""
    text = indented_json(data)
    return _C1.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def render_json(report: Report) -> str:
    return json_text(report_document(report)) + "\n"
