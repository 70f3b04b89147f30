"""schema.org ClaimReview (JSON-LD), one item per judged claim: an interchange format for other
fact-checking systems and search engines, not a report a reader reads.

- ``url``: ``WORKBENCH_REVIEW_URL`` with ``{article}`` (the article's slug, else its id) and
  ``{claim}`` (the claim id) filled in; without it, :func:`review_urn` and a warning.
- ``author``: the reviewing organisation (``WORKBENCH_ORG``) with the checker as its ``member``;
  without it, the checker as a Person, and a warning.
- ``reviewRating``: ``alternateName`` is the label's name in the report's language; ``ratingValue``
  between ``worstRating`` and ``bestRating`` only through ``workbench/labels.toml``'s mapping (a
  label with no place on the scale gets the name only).
- ``itemReviewed``: a ``Claim`` in the article's words and language, its ``author`` the quoted
  speaker or else the outlet (the article's host), ``datePublished`` the article's date, and
  ``appearance`` the article (with its URL when known).

An imported verdict carries its origin at the end of its rationale (:func:`with_import_note`);
exports split it off again (:func:`split_import_note`) and give it as ``isBasedOn``, so a review
travels out and back with the same words.
"""

from __future__ import annotations

import json
import re
from typing import Any

from workbench.export.model import ClaimEntry, Report
from workbench.export.report_json import indented_json, json_text
from workbench.export.wording import LabelNames, clean
from workbench.labels import UnknownLabel, claimreview_scale, get_label

URN_PREFIX = "urn:workbench:claimreview:"


def review_urn(report: Report, claim: ClaimEntry) -> str:
    """The review's name when no published address is configured:
    ``urn:workbench:claimreview:<first 16 hex digits of the article text's SHA-256>:<start>-<end>``.
    It depends only on the article's text and the claim's span, so the same review has the same
    name in every database that holds the same article."""
    return f"{URN_PREFIX}{report.content_sha256[:16]}:{claim.start}-{claim.end}"


def review_url(report: Report, claim: ClaimEntry) -> str:
    template = report.review_url_template
    if not template:
        return review_urn(report, claim)
    article = report.slug or str(report.article_id)
    return template.replace("{article}", article).replace("{claim}", str(claim.id))


def warnings(report: Report) -> list[str]:
    """What a consumer of this report's ClaimReview would miss, for stderr."""
    found: list[str] = []
    if not report.judged:
        return found
    if not report.review_url_template:
        found.append(
            "WORKBENCH_REVIEW_URL is not set: each ClaimReview url is a urn:workbench:claimreview: "
            "name, not the address of a published fact-check"
        )
    if not report.organisation:
        found.append("WORKBENCH_ORG is not set: each ClaimReview author is the checker, not an organisation")
    if not report.url:
        found.append("the article has no web address: ClaimReview appearance has no url and no outlet")
    return found


def _author(report: Report, checker: str) -> dict[str, Any]:
    person = {"@type": "Person", "name": clean(checker)}
    if not report.organisation:
        return person
    return {"@type": "Organization", "name": clean(report.organisation), "member": person}


def _claim_author(report: Report, claim: ClaimEntry) -> dict[str, Any] | None:
    if claim.kind == "quote" and claim.speaker:
        return {"@type": "Person", "name": clean(claim.speaker)}
    if report.outlet:
        return {"@type": "Organization", "name": report.outlet, "url": report.url}
    return None


def _appearance(report: Report) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": clean(report.title)}
    if report.url:
        appearance["url"] = report.url
    if report.date:
        appearance["datePublished"] = report.date.isoformat()
    appearance["inLanguage"] = report.language
    return appearance


class _Ratings:
    """Each label's ``reviewRating`` for one report, looked up once per label."""

    def __init__(self, lang: str) -> None:
        self.names = LabelNames(lang)
        self._ratings: dict[str, dict[str, Any]] = {}

    def __call__(self, label: str) -> dict[str, Any]:
        found = self._ratings.get(label)
        if found is None:
            found = self._ratings[label] = _rating(label, self.names(label))
        return dict(found)  # each item its own dict


def _rating(label: str, name: str) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name}
    try:
        value = get_label(label).claimreview_rating
    except UnknownLabel:
        value = None  # a label of another labels file: its name, no place on this scale
    if value is not None:
        worst, best = claimreview_scale()
        rating |= {"ratingValue": value, "bestRating": best, "worstRating": worst}
    return rating


def claimreview_item(
    report: Report, claim: ClaimEntry, ratings: _Ratings | None = None
) -> dict[str, Any] | None:
    """One ClaimReview for a judged claim; None for an unjudged one (``ratings``: shared by the
    items of one report)."""
    verdict = claim.verdict
    if verdict is None:
        return None
    rating = (ratings or _Ratings(report.lang))(verdict.label)
    claim_item: dict[str, Any] = {"@type": "Claim"}
    author = _claim_author(report, claim)
    if author:
        claim_item["author"] = author
    if report.date:
        claim_item["datePublished"] = report.date.isoformat()
    claim_item["inLanguage"] = report.language
    claim_item["appearance"] = _appearance(report)
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(report, claim),
        "datePublished": verdict.decided_at.date().isoformat(),
        "inLanguage": report.lang,
        "author": _author(report, verdict.checker),
        "claimReviewed": clean(claim.text),
        "reviewRating": rating,
        "itemReviewed": claim_item,
    }
    if verdict.rationale:
        item["reviewBody"] = clean(verdict.rationale)
    if verdict.imported_from:
        item["isBasedOn"] = verdict.imported_from
    return item


def claimreview_items(report: Report) -> list[dict[str, Any]]:
    ratings = _Ratings(report.lang)
    return [item for c in report.claims if (item := claimreview_item(report, c, ratings)) is not None]


def render_claimreview(report: Report) -> str:
    """The judged claims' ClaimReview items as one JSON array."""
    return json_text(claimreview_items(report)) + "\n"


def script_json(data: Any) -> str:
    """JSON to put inside an HTML ``<script>`` element: ``<``, ``>`` and ``&`` written as
    ``\\u003c`` ``\\u003e`` ``\\u0026`` (the same value to a JSON reader), so no text can close
    the element or open a comment; U+2028/U+2029 escaped too."""
    text = indented_json(data)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# --- the origin of an imported verdict, kept in its rationale -------------------------------------

_NOTE = "Imported from ClaimReview "
_NOTE_PATTERN = re.compile(r"(?:\A|\n\n)Imported from ClaimReview (\S+)(?: published by (.+))?\Z")


def with_import_note(body: str, origin: str, organisation: str | None = None) -> str:
    """A rationale that names where a verdict came from: ``body``, a blank line, then
    ``Imported from ClaimReview <origin>[ published by <organisation>]``."""
    note = _NOTE + origin + (f" published by {' '.join(organisation.split())}" if organisation else "")
    return f"{body}\n\n{note}" if body else note


def split_import_note(rationale: str) -> tuple[str, str | None, str | None]:
    """``(body, origin, organisation)`` of a rationale written by :func:`with_import_note`;
    ``(rationale, None, None)`` for any other."""
    found = _NOTE_PATTERN.search(rationale)
    if found is None:
        return rationale, None, None
    return rationale[: found.start()], found.group(1), found.group(2)


# --- reading ClaimReview back -------------------------------------------------------------------


class NotClaimReview(ValueError):
    """A document with no ClaimReview in it, or one that is not JSON(-LD) at all."""


def _walk(node: Any) -> list[dict[str, Any]]:
    """Every object whose @type is (or includes) ClaimReview, through arrays and @graph."""
    if isinstance(node, list):
        return [item for child in node for item in _walk(child)]
    if not isinstance(node, dict):
        return []
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "ClaimReview" in kinds:
        return [node]
    return _walk(node.get("@graph", []))


def read_claimreviews(document: str) -> list[dict[str, Any]]:
    """The ClaimReview items of a JSON-LD document (one item, an array, or an ``@graph``), or of an
    HTML page's ``<script type="application/ld+json">`` elements (such as this workbench's HTML
    report). Raises :class:`NotClaimReview` when there is none."""
    stripped = document.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        try:
            items = _walk(json.loads(stripped))
        except json.JSONDecodeError as exc:
            raise NotClaimReview(f"not JSON: {exc.msg} at line {exc.lineno}") from exc
    else:
        from lxml import html as lxml_html  # only for HTML input

        try:
            tree = lxml_html.fromstring(stripped or "<html></html>")
        except Exception as exc:
            raise NotClaimReview(f"neither JSON nor HTML: {exc.__class__.__name__}") from exc
        items = []
        for block in tree.xpath('//script[@type="application/ld+json"]/text()'):
            try:
                items += _walk(json.loads(str(block)))
            except json.JSONDecodeError as exc:
                raise NotClaimReview(f"a JSON-LD block is not JSON: {exc.msg}") from exc
    if not items:
        raise NotClaimReview("no ClaimReview item in the document")
    return items


def label_of_rating(rating: Any) -> str | None:
    """The label a ``reviewRating`` names by its ``alternateName`` (a label's English or
    Indonesian name, or its id, ignoring case); None when it names none. ``ratingValue`` alone
    decides nothing: several labels share a value."""
    from workbench.labels import labels

    if not isinstance(rating, dict) or not isinstance(rating.get("alternateName"), str):
        return None
    name = " ".join(rating["alternateName"].split()).casefold()
    for label in labels():
        if name in (label.id.casefold(), label.en.casefold(), label.id_name.casefold()):
            return label.id
    return None


def comparable(text: str) -> str:
    """Claim text for the loose comparison: control characters dropped, whitespace runs one
    space, case folded."""
    return " ".join(clean(text).split()).casefold()
