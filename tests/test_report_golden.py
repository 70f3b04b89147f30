"""Every report format on the judged Contoso case, against golden files in tests/golden/reports/.

The case (tests/report_case.py) has stale verdicts, a verdict history, a confirmed statement and
a passage from an archived copy. Times, days, hashes, WARC record ids and ports of the run are
replaced by placeholders before comparing. After a deliberate change to a report, to the case or
to the claim extractor, write the files again with ``WORKBENCH_UPDATE_GOLDEN=1`` and read the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import REPO
from tests.report_case import (
    ARCHIVED_SENTENCE,
    ARTICLE_URL,
    CONFIRMED_STATEMENT,
    ORG,
    JudgedCase,
    judged_case_fixture,  # noqa: F401 - the judged_case fixture
    normalise,
)
from workbench.export.model import Report
from workbench.services.reports import FORMATS, build_report

GOLDEN = Path(__file__).resolve().parent / "golden" / "reports"
UPDATE = os.environ.get("WORKBENCH_UPDATE_GOLDEN") == "1"
SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text(encoding="utf-8"))

CASES = [
    ("md", "en", "report.en.md"),
    ("md", "id", "report.id.md"),
    ("html", "en", "report.en.html"),
    ("html", "id", "report.id.html"),
    ("json", "en", "report.en.json"),
    ("csv", "en", "report.en.csv"),
    ("claimreview", "en", "claimreview.en.jsonld"),
]


def _report(case: JudgedCase, lang: str = "en") -> Report:
    return build_report(case.ws, case.article_id, lang=lang)


@pytest.mark.parametrize(("fmt", "lang", "name"), CASES, ids=[c[2] for c in CASES])
def test_report_matches_its_golden_file(judged_case: JudgedCase, fmt: str, lang: str, name: str) -> None:
    report = _report(judged_case, lang)
    document = normalise(FORMATS[fmt](report), judged_case.ws, generated_at=report.generated_at)
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(document, encoding="utf-8", newline="")
    assert golden.is_file(), f"no golden file {golden}: run with WORKBENCH_UPDATE_GOLDEN=1"
    assert document == golden.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def test_golden_files_hold_nothing_volatile() -> None:
    for golden in GOLDEN.iterdir():
        text = golden.read_text(encoding="utf-8")
        assert not re.search(r"[0-9a-f]{64}", text), golden.name
        assert not re.search(r"127\.0\.0\.1:\d", text), golden.name
        assert not re.search(r"20(2[5-9]|[3-9]\d)-\d\d-\d\d", text), golden.name  # only the case's own dates


def test_json_report_follows_its_schema(judged_case: JudgedCase) -> None:
    document = json.loads(FORMATS["json"](_report(judged_case)))
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    # the schema is strict enough to catch a draft given as a statement
    broken = json.loads(json.dumps(document))
    broken["claims"][0]["statement"] = broken["claims"][0]["machine_draft"] = "x"
    assert not validator.is_valid(broken)


def test_json_report_rebuilds_what_the_reader_sees(judged_case: JudgedCase) -> None:
    document = json.loads(FORMATS["json"](_report(judged_case)))
    claims = {c["id"]: c for c in document["claims"]}
    assert document["organisation"] == ORG and document["checkers"] == ["Nadia Checker"]
    assert document["article"]["url"] == ARTICLE_URL and document["article"]["outlet"] == "berita.example"
    assert [c["number"] for c in document["claims"]] == list(range(1, len(claims) + 1))
    assert len(claims[judged_case.rejudged]["history"]) == 3
    assert [v["label"] for v in claims[judged_case.rejudged]["history"]][1] == "unverifiable"
    assert judged_case.stale and all(claims[c]["state"] == "stale" for c in judged_case.stale)
    assert {claims[c]["evidence"]["check"]["status"] for c in judged_case.stale} == {"gone", "orphaned"}
    archived = claims[judged_case.archived]["evidence"]
    assert archived["quote"] == ARCHIVED_SENTENCE
    assert archived["snapshot"]["kind"] == "archived" and archived["snapshot"]["archive"] == "Test Archive"
    assert archived["snapshot"]["memento_datetime"] == "2024-05-15T08:00:00+00:00"
    assert "/web/20240515080000id_/https://research.contoso.example/" in archived["copy_url"]
    for claim in claims.values():
        if claim["evidence"]:
            assert claim["evidence"]["archive_record"] == claim["evidence"]["snapshot"]["sha256"]
            assert claim["evidence"]["warc_record_id"].startswith("<urn:uuid:")
    assert claims[judged_case.confirmed]["statement"] == CONFIRMED_STATEMENT
    assert claims[judged_case.confirmed]["machine_draft"] is None


def test_markdown_names_claims_by_the_articles_words(judged_case: JudgedCase) -> None:
    report = _report(judged_case)
    markdown = FORMATS["md"](report)
    judged = report.judged
    positions = [markdown.index(f"\n### {c.number}. {c.text}\n") for c in judged]
    assert positions == sorted(positions)  # article order
    assert markdown.index("\n## Not yet checked") > positions[-1]  # unchecked claims come last
    words = " ".join(c.text for c in report.claims)
    drafts = [c.machine_draft for c in report.claims if c.machine_draft and c.machine_draft not in words]
    assert drafts and not [d for d in drafts if d in markdown]  # a machine draft is never shown
    assert f"English statement (confirmed by a checker): {CONFIRMED_STATEMENT}" in markdown
    assert markdown.count("Stale: when the sources were checked again") == len(judged_case.stale)
    assert "archived copy (Test Archive, memento 2024-05-15 08:00 UTC)" in markdown
    assert "**Verdict history**" in markdown
    assert (
        "(https://www.contoso.example/news/contoso-opens-first-indonesia-data-center)" in markdown
    )  # linked
    indonesian = FORMATS["md"](_report(judged_case, "id"))
    assert "## Klaim yang dinilai" in indonesian and "Bertentangan dengan sumber" in indonesian


class _Langs(HTMLParser):
    """Each text's nearest lang attribute, and the page's external references."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []
        self.external: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        inherited = next((lang for _, lang in reversed(self.stack) if lang is not None), None)
        if tag not in ("meta", "br", "link", "img"):
            self.stack.append((tag, found.get("lang", inherited)))
        for key in ("src", "srcset", "data"):
            if found.get(key):
                self.external.append(found[key] or "")
        if tag == "link":
            self.external.append(found.get("href") or "")
        self._in_script = tag == "script"
        if tag == "script":
            assert found.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        elif data.strip() and self.stack:
            self.texts.append((data.strip(), self.stack[-1][1] or ""))


def test_html_marks_languages_and_embeds_its_claimreview(judged_case: JudgedCase) -> None:
    report = _report(judged_case)
    page = FORMATS["html"](report)
    parser = _Langs()
    parser.feed(page)
    langs = dict(parser.texts)
    assert page.startswith('<!doctype html>\n<html lang="en">')
    for claim in report.judged:
        assert langs[claim.text] == "id"  # the article's words, in the article's language
        if claim.evidence:
            assert langs[claim.evidence.quote.strip()] == "en"  # the English source's words
    assert langs[CONFIRMED_STATEMENT] == "en"
    assert parser.external == []  # nothing loaded from elsewhere
    [script] = parser.scripts
    embedded = json.loads(script)
    assert embedded == json.loads(FORMATS["claimreview"](report))
    assert len(embedded) == len(report.judged)
    assert "@media print" in page and "<link" not in page
    assert page.count("<a ") >= len(report.judged) and 'href="javascript' not in page


def test_csv_has_stable_columns_and_the_copy(judged_case: JudgedCase) -> None:
    rows = list(csv.DictReader(io.StringIO(FORMATS["csv"](_report(judged_case)))))
    by_id = {int(r["claim_id"]): r for r in rows}
    archived = by_id[judged_case.archived]
    assert archived["evidence_copy"] == "archived" and archived["evidence_archive"] == "Test Archive"
    assert archived["evidence_memento_datetime"] == "2024-05-15T08:00:00+00:00"
    assert len(archived["evidence_payload_sha256"]) == 64
    assert by_id[judged_case.rejudged]["verdicts"] == "3"
    assert all(by_id[c]["state"] == "stale" for c in judged_case.stale)
    assert all(r["statement"] == "" for r in rows if r["machine_draft"])


def _items(judged_case: JudgedCase) -> list[dict[str, Any]]:
    return json.loads(FORMATS["claimreview"](_report(judged_case)))  # type: ignore[no-any-return]


def test_claimreview_carries_every_field(judged_case: JudgedCase) -> None:
    report = _report(judged_case)
    by_text = {c.text: c for c in report.judged}
    for item in _items(judged_case):
        claim = by_text[item["claimReviewed"]]  # the article's own words
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        assert item["url"] == f"https://cekfakta.example/contoso-demo/klaim-{claim.id}"
        assert item["author"]["@type"] == "Organization" and item["author"]["name"] == ORG
        assert item["author"]["member"] == {"@type": "Person", "name": "Nadia Checker"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["datePublished"])
        assert item["inLanguage"] == "en"
        rating = item["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        if claim.verdict and claim.verdict.label == "unverifiable":
            assert "ratingValue" not in rating
        else:
            assert rating["worstRating"] == 1 and rating["bestRating"] == 5
            assert 1 <= rating["ratingValue"] <= 5
        reviewed = item["itemReviewed"]
        assert reviewed["@type"] == "Claim" and reviewed["datePublished"] == "2024-05-16"
        assert reviewed["inLanguage"] == "id"
        if claim.kind == "quote" and claim.speaker:
            assert reviewed["author"] == {"@type": "Person", "name": claim.speaker}
        else:
            assert reviewed["author"]["@type"] == "Organization"
            assert reviewed["author"]["name"] == "berita.example"
        assert reviewed["appearance"]["url"] == ARTICLE_URL
        assert reviewed["appearance"]["headline"] == report.title
    ratings = {
        i["reviewRating"]["alternateName"]: i["reviewRating"].get("ratingValue") for i in _items(judged_case)
    }
    assert ratings["Supported"] == 5 and ratings["Contradicted"] == 1
