"""A verdict report as one self-contained HTML page: inline CSS, no external resource, a print
stylesheet, and the judged claims' ClaimReview as the page's only script
(``<script type="application/ld+json">``, data, never run).

Escaping is the template engine's default (Jinja2 with autoescape): every value is HTML-escaped
and cleaned of control characters before it is written; links are made only to http(s)
addresses; the JSON-LD is escaped for a script element. A Content-Security-Policy meta element
forbids anything the page did not bring itself.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from workbench.export.claimreview import claimreview_items, script_json
from workbench.export.model import Report
from workbench.export.wording import (
    LabelNames,
    clean,
    copy_phrase,
    day,
    label_order,
    stale_notice,
    stamp,
    words,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _finalize(value: Any) -> Any:
    """Every value a template writes: control characters removed (before escaping)."""
    return clean(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@cache
def _template() -> Template:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    return env.get_template("report.html.j2")


@lru_cache(maxsize=1024)  # the same few sources are linked from every passage
def href(url: str | None) -> str | None:
    """``url`` when it is an http(s) address a reader may follow; None otherwise."""
    if not url:
        return None
    value = clean(url).strip()
    return value if urlsplit(value).scheme.lower() in ("http", "https") else None


def _tally(report: Report) -> list[tuple[str, int]]:
    counts = report.tally()
    order = [*label_order(), *sorted(set(counts) - set(label_order()) - {"unchecked"}), "unchecked"]
    return [(label, counts[label]) for label in order if counts.get(label)]


def render_html(report: Report) -> str:
    lang = report.lang
    return _template().render(
        report=report,
        words=words(lang),
        tally=_tally(report),
        claimreview_json=Markup(script_json(claimreview_items(report))),  # noqa: S704 - escaped for <script> by script_json
        href=href,
        day=day,
        stamp=stamp,
        verdict_name=LabelNames(lang),
        copy_phrase=lambda copy: copy_phrase(copy, lang),
        stale_notice=lambda status, when: stale_notice(status, when, lang),
    )
