"""A verdict report as Markdown (CommonMark with GitHub's tables), for an editor to read or publish.

Article, source and checker text is data. It is cleaned of control characters and escaped only
where Markdown would read it as markup in that place: emphasis, code, links and raw HTML
everywhere; a block marker (``#``, ``>``, ``-``, ``1.``) at the start of a block; ``#`` in a
heading; ``|`` in a table cell. Ordinary prose punctuation (parentheses, full stops) stays as it
is, so the file reads cleanly as plain text too. Links are made only to http(s) addresses.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from workbench.export.model import ClaimEntry, EvidenceEntry, Report, VerdictEntry
from workbench.export.wording import (
    LabelNames,
    clean,
    copy_phrase,
    day,
    label_order,
    one_line,
    stale_notice,
    stamp,
    words,
)

# characters that open inline markup wherever they stand; "_" only where it could (an underscore
# between two letters or digits, as in WORKBENCH_ORG, never opens emphasis)
_INLINE = re.compile(r"([\\`*\[\]<~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
# every character _INLINE can escape (a quick test before it runs)
_MAYBE_INLINE = re.compile(r"[\\`*\[\]<~_]")
# "&amp;", "&#60;": an entity reference would be decoded
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# a line that would open a block: heading, quote, list item, thematic break, setext underline, table
_BLOCK_START = re.compile(r"^(?:[#>+\-=|]|\d{1,9}[.)])")


def md_text(text: str, *, block_start: bool = False) -> str:
    """One line of prose for Markdown: control characters removed, whitespace runs made one
    space, inline markup escaped; with ``block_start`` also a leading block marker."""
    flat = one_line(text)
    if _MAYBE_INLINE.search(flat):  # most prose has none of these: skip the slower pattern
        flat = _INLINE.sub(r"\\\1", flat)
    if "&" in flat:
        flat = _ENTITY.sub("&amp;", flat)
    if block_start:
        found = _BLOCK_START.match(flat)
        if found:
            marker = found.group(0)
            flat = (marker[:-1] + "\\" + marker[-1]) + flat[len(marker) :]
    return flat


def md_heading(text: str) -> str:
    """Heading text: also every ``#`` (a closing run of them would be dropped)."""
    return md_text(text).replace("#", "\\#")


def md_cell(text: str) -> str:
    return md_text(text).replace("|", "\\|")


@lru_cache(maxsize=1024)  # hashes and record names repeat from passage to passage
def md_code(value: str) -> str:
    """A value shown verbatim (a hash, a record id) as a code span."""
    return f"`{one_line(value).replace('`', '')}`"


@lru_cache(maxsize=1024)  # the same few sources are linked from every passage
def md_link(label: str, url: str | None) -> str:
    """``[label](<url>)`` for an http(s) address; the escaped label alone for anything else."""
    text = md_text(label)
    target = one_line(url or "")
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        return text
    for char, code in (("<", "%3C"), (">", "%3E"), (" ", "%20")):
        target = target.replace(char, code)
    if "(" in target or ")" in target:
        return f"[{text}](<{target}>)"  # the pointed form: parentheses need no balancing
    return f"[{text}]({target})"


def _header(report: Report) -> list[str]:
    w = words(report.lang)
    lines = [f"# {w['report']}: {md_heading(report.title)}", ""]
    article = md_link(report.title, report.url) if report.url else f"{md_text(report.title)} ({w['no_url']})"
    lines.append(f"- {w['article']}: {article}")
    if report.outlet:
        lines.append(f"- {w['outlet']}: {md_text(report.outlet)}")
    lines.append(f"- {w['published']}: {day(report.date) if report.date else w['no_date']}")
    lines.append(f"- {w['organisation']}: {md_text(report.organisation or w['no_organisation'])}")
    if report.checkers:
        lines.append(f"- {w['checkers']}: {md_text(', '.join(report.checkers))}")
    dates = report.checked_dates
    if dates:
        span = day(dates[0]) if dates[0] == dates[1] else f"{day(dates[0])} – {day(dates[1])}"
        lines.append(f"- {w['checked']}: {span}")
    lines.append(f"- {w['generated']}: {stamp(report.generated_at)}")
    return [*lines, ""]


def _summary(report: Report, names: LabelNames) -> list[str]:
    w = words(report.lang)
    tally = report.tally()
    lines = [f"## {w['summary']}", "", f"| {w['verdict']} | {w['claims']} |", "|---|---:|"]
    for label in [*label_order(), *sorted(set(tally) - set(label_order()) - {"unchecked"})]:
        if tally.get(label):
            lines.append(f"| {md_cell(names(label))} | {tally[label]} |")
    if tally.get("unchecked"):
        lines.append(f"| {w['unchecked']} | {tally['unchecked']} |")
    lines.append(f"| **{w['total']}** | **{len(report.claims)}** |")
    return [*lines, ""]


def _evidence(ev: EvidenceEntry, lang: str) -> list[str]:
    w = words(lang)
    source = md_link(ev.source_title or ev.source_url, ev.source_url)
    lines = [f"**{w['evidence']}** — {source}, {md_text(copy_phrase(ev.snapshot, lang))}:", ""]
    lines += [f"> {md_text(part, block_start=True)}" for part in clean(ev.quote).split("\n") if part.strip()]
    lines.append("")
    if ev.snapshot.archived and ev.copy_url != ev.source_url:
        lines.append(f"- {w['copy']}: {md_link(w['copy_link'], ev.copy_url)}")
    if ev.archive_record:
        record = f"- {w['warc']}: {md_code(ev.archive_record)}"
        if ev.warc_record_id:
            record += f" ({w['warc_id']} {md_code(ev.warc_record_id)})"
        lines.append(record)
    lines.append(f"- {w['payload']}: {md_code(ev.snapshot.sha256)}")
    return [*lines, ""]


def _origin(verdict: VerdictEntry, lang: str) -> str | None:
    if not verdict.imported_from:
        return None
    w = words(lang)
    if verdict.imported_by:
        return w["imported_by"].format(origin=verdict.imported_from, org=verdict.imported_by)
    return w["imported"].format(origin=verdict.imported_from)


def _history_line(verdict: VerdictEntry, names: LabelNames) -> str:
    line = f"{stamp(verdict.decided_at)} — **{md_text(names(verdict.label))}** ({md_text(verdict.checker)})"
    if verdict.rationale:
        line += f": {md_text(verdict.rationale)}"
    return line


def _judged(claim: ClaimEntry, names: LabelNames) -> list[str]:
    lang = names.lang
    w = words(lang)
    verdict = claim.verdict
    assert verdict is not None
    lines = [f"### {claim.number}. {md_heading(claim.text)}", ""]
    lines += [f"**{w['verdict']}: {md_text(names(verdict.label))}**", ""]
    if claim.state == "stale":
        check = claim.evidence.check if claim.evidence else None
        notice = stale_notice(check.status if check else None, check.checked_at if check else None, lang)
        lines += [f"> ⚠ {md_text(notice)}", ""]
    if claim.statement:
        lines += [f"{w['statement']}: {md_text(claim.statement)}", ""]
    if claim.speaker:
        lines += [f"{w['speaker']}: {md_text(claim.speaker)}", ""]
    if verdict.rationale:
        lines += [f"{w['rationale']}: {md_text(verdict.rationale)}", ""]
    origin = _origin(verdict, lang)
    if origin:
        lines += [md_text(origin), ""]
    lines += [md_text(w["decided"].format(checker=verdict.checker, when=stamp(verdict.decided_at))), ""]
    lines += _evidence(claim.evidence, lang) if claim.evidence else [f"_{w['no_evidence']}_", ""]
    if len(claim.history) > 1:
        lines += [f"**{w['history']}**", ""]
        lines += [f"{n}. {_history_line(v, names)}" for n, v in enumerate(claim.history, start=1)]
        lines.append("")
    return lines


def _unchecked(claim: ClaimEntry, names: LabelNames) -> str:
    line = f"- **{claim.number}.** {md_text(claim.text)}"
    if claim.suggestion:
        w = words(names.lang)
        name = names(claim.suggestion.label)
        line += f" — _{w['suggestion']}: {md_text(name)} ({md_text(claim.suggestion.reason)})_"
    return line


def _sources(report: Report) -> list[str]:
    w = words(report.lang)
    lines = [f"## {w['sources']}", ""]
    for source in report.sources:
        line = f"- {md_link(source.title or source.url, source.url)}"
        if source.snapshot:
            line += f" — {md_text(copy_phrase(source.snapshot, report.lang))}"
        line += f"; {w['last_fetch']}: {md_text(source.last_outcome or w['never_fetched'])}"
        lines.append(line)
    return [*lines, ""]


def render_markdown(report: Report) -> str:
    w = words(report.lang)
    names = LabelNames(report.lang)
    lines = _header(report) + _summary(report, names)
    lines += [f"## {w['judged']}", ""]
    judged = report.judged
    for claim in judged:
        lines += _judged(claim, names)
    if not judged:
        lines += [w["no_judged"], ""]
    unchecked = report.unchecked
    if unchecked:
        lines += [f"## {w['unchecked']} ({len(unchecked)})", ""]
        lines += [_unchecked(claim, names) for claim in unchecked]
        lines.append("")
    lines += _sources(report)
    return "\n".join(lines).rstrip() + "\n"
