"""A verdict report as Markdown. Article and source text is data: Markdown and HTML
metacharacters in it are escaped so a fetched page cannot inject links or markup."""

from __future__ import annotations

import re

from workbench.export.model import ClaimEntry, Report

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def md_escape(text: str) -> str:
    """Escape Markdown metacharacters and flatten line breaks (quotes stay one line)."""
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def _stamp(value: object) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if hasattr(value, "strftime") else "—"


def _claim_block(number: int, claim: ClaimEntry) -> list[str]:
    verdict = f"**{claim.label_name}** (`{claim.label}`)" if claim.label else "_not yet checked_"
    lines = [
        f"### {number}. {md_escape(claim.statement or claim.text)}",
        "",
        f"- Claim id: {claim.id} · kind: {claim.kind} · span {claim.start}–{claim.end}"
        + (f" · speaker: {md_escape(claim.speaker)}" if claim.speaker else ""),
        f"- In the article: “{md_escape(claim.text)}”",
        f"- Verdict: {verdict}"
        + (f" — {md_escape(claim.checker or '')}, {_stamp(claim.decided_at)}" if claim.label else ""),
    ]
    if claim.suggestion and not claim.label:
        lines.append(f"- Suggested by the workbench: {md_escape(claim.suggestion)}")
    if claim.state == "stale":
        lines.append("- State: **stale** — the evidence changed since the verdict; review again")
    if claim.rationale:
        lines.append(f"- Rationale: {md_escape(claim.rationale)}")
    if claim.evidence:
        ev = claim.evidence
        label = "Pinned evidence" if ev.pinned else "Best evidence"
        lines.append(
            f"- {label} (score {ev.score:.0f}, {md_escape(ev.source_url)}, {md_escape(ev.snapshot.describe())}):"
        )
        lines.append(f"  > {md_escape(ev.quote)}")
    lines.append("")
    return lines


def render_markdown(report: Report) -> str:
    lines = [
        f"# Verdict report: {md_escape(report.title)}",
        "",
        f"- Article id: {report.article_id} · language: {report.language}"
        + (f" · date: {report.date.isoformat()}" if report.date else ""),
        f"- Generated: {_stamp(report.generated_at)}",
        "",
        "## Summary",
        "",
        "| verdict | claims |",
        "|---|---|",
    ]
    for label, count in sorted(report.tally().items()):
        lines.append(f"| {label} | {count} |")
    lines += ["", "## Sources", ""]
    for source in report.sources:
        status = source.last_outcome or "never fetched"
        lines.append(
            f"- {md_escape(source.url)}"
            + (f" — {md_escape(source.title)}" if source.title else "")
            + f" ({status}"
            + (f"; {md_escape(source.snapshot.describe())})" if source.snapshot else ")")
        )
    lines += ["", "## Claims", ""]
    for number, claim in enumerate(report.claims, start=1):
        lines += _claim_block(number, claim)
    return "\n".join(lines).rstrip() + "\n"
