"""A verdict report as one self-contained HTML page. Every piece of article and source text is
escaped (html.escape, quotes included): a fetched page can never inject markup or script."""

from __future__ import annotations

from html import escape

from workbench.export.model import ClaimEntry, Report

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
.claim { border-top: 1px solid #ccc; padding: .5rem 0; }
.label { font-weight: bold; }
.stale { color: #a00; font-weight: bold; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .7rem; border-left: 3px solid #999; }
.meta { color: #555; font-size: .9em; }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _claim(number: int, c: ClaimEntry) -> str:
    verdict = f'<span class="label">{_e(c.label_name)}</span>' if c.label else "<em>not yet checked</em>"
    parts = [
        f'<div class="claim" id="claim-{c.id}">',
        f"<h3>{number}. {_e(c.statement or c.text)}</h3>",
        f'<p class="meta">claim {c.id} · {_e(c.kind)} · span {c.start}–{c.end}'
        + (f" · speaker {_e(c.speaker)}" if c.speaker else "")
        + "</p>",
        f"<p>In the article: “{_e(c.text)}”</p>",
        f"<p>Verdict: {verdict}"
        + (
            f" — {_e(c.checker or '')}, {_e(c.decided_at.strftime('%Y-%m-%d %H:%M UTC'))}"
            if c.decided_at
            else ""
        )
        + "</p>",
    ]
    if c.state == "stale":
        parts.append('<p class="stale">Stale: the evidence changed since the verdict.</p>')
    if c.rationale:
        parts.append(f"<p>Rationale: {_e(c.rationale)}</p>")
    if c.suggestion and not c.label:
        parts.append(f'<p class="meta">Suggested by the workbench: {_e(c.suggestion)}</p>')
    if c.evidence:
        ev = c.evidence
        parts.append(
            f'<p class="meta">{"Pinned" if ev.pinned else "Best"} evidence (score {ev.score:.0f}, '
            f"{_e(ev.source_url)}, {_e(ev.snapshot.describe())}):</p>"
            f"<blockquote>{_e(ev.quote)}</blockquote>"
        )
    parts.append("</div>")
    return "\n".join(parts)


def render_html(report: Report) -> str:
    tally = "".join(f"<li>{_e(label)}: {count}</li>" for label, count in sorted(report.tally().items()))
    sources = "".join(
        f"<li>{_e(s.url)}"
        + (f" — {_e(s.title)}" if s.title else "")
        + f" ({_e(s.last_outcome or 'never fetched')}"
        + (f"; {_e(s.snapshot.describe())}" if s.snapshot else "")
        + ")</li>"
        for s in report.sources
    )
    claims = "\n".join(_claim(i, c) for i, c in enumerate(report.claims, start=1))
    return (
        "<!doctype html>\n"
        f'<html lang="{_e(report.language)}"><head><meta charset="utf-8">'
        f"<title>Verdict report: {_e(report.title)}</title><style>{STYLE}</style></head><body>\n"
        f"<h1>Verdict report: {_e(report.title)}</h1>\n"
        f'<p class="meta">Article {report.article_id}'
        + (f" · {_e(report.date.isoformat())}" if report.date else "")
        + f" · generated {_e(report.generated_at.strftime('%Y-%m-%d %H:%M UTC'))}</p>\n"
        f"<h2>Summary</h2><ul>{tally}</ul>\n<h2>Sources</h2><ul>{sources}</ul>\n<h2>Claims</h2>\n{claims}\n"
        "</body></html>\n"
    )
