"""ClaimReview travels out and back: export from one database, ``workbench import`` into a fresh
one holding the same article, export again: the same labels and rationales per claim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.report_case import (
    ORG,
    JudgedCase,
    judged_case_fixture,  # noqa: F401 - the judged_case fixture
    open_workspace,
)
from workbench.cli import app
from workbench.services.demo import load_builtin_cases
from workbench.services.reports import export_article
from workbench.services.verdicts import list_claims, verdict_history

runner = CliRunner()


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Another database with the same article, nothing judged; imports are by another checker."""
    monkeypatch.setenv("WORKBENCH_CHECKER", "Importing Checker")
    monkeypatch.setenv("WORKBENCH_ARCHIVE", str(tmp_path / "archive"))
    ws = open_workspace(tmp_path)
    try:
        load_builtin_cases(ws, offline=True)
        assert not any(v.verdict for v in list_claims(ws, "contoso-demo"))
    finally:
        ws.close()
    return tmp_path / "claims.db"


def _judgements(document: str) -> dict[str, tuple[str, str] | None]:
    """Claim words -> (label, rationale) of the JSON report."""
    return {
        c["text"]: (c["verdict"]["label"], c["verdict"]["rationale"]) if c["verdict"] else None
        for c in json.loads(document)["claims"]
    }


def test_claimreview_round_trip(judged_case: JudgedCase, fresh: Path, tmp_path: Path) -> None:
    exported = tmp_path / "reviews.jsonld"
    exported.write_text(
        export_article(judged_case.ws, judged_case.article_id, "claimreview"), encoding="utf-8"
    )
    code, out, err = cli(fresh, "import", "contoso-demo", str(exported), "--format", "claimreview", "--json")
    assert code == 0, err
    result = json.loads(out)
    judged = [c for c in list_claims(judged_case.ws, judged_case.article_id) if c.verdict]
    assert len(result["recorded"]) == len(judged) and result["unmatched"] == []

    code, again, _ = cli(fresh, "export", "contoso-demo", "--format", "json")
    assert code == 0
    before = _judgements(export_article(judged_case.ws, judged_case.article_id, "json"))
    assert _judgements(again) == before  # same labels and rationales, claim by claim
    assert sum(1 for v in before.values() if v) == len(judged)

    # the imported verdict names its origin and the importing checker
    first = result["recorded"][0]
    [verdict] = verdict_history_in(fresh, first["claim_id"])
    assert verdict.checker == "Importing Checker"
    assert verdict.rationale.endswith(f"Imported from ClaimReview {first['origin']} published by {ORG}")
    assert first["origin"].startswith("https://cekfakta.example/contoso-demo/klaim-")
    report = json.loads(again)
    imported = next(c for c in report["claims"] if c["id"] == first["claim_id"])
    assert (
        imported["verdict"]["imported_from"] == first["origin"] and imported["verdict"]["imported_by"] == ORG
    )

    # and once more out: the same reviews, now based on the first ones
    code, out, _ = cli(fresh, "export", "contoso-demo", "--format", "claimreview")
    items: list[dict[str, Any]] = json.loads(out)
    originals = {i["claimReviewed"]: i for i in json.loads(exported.read_text(encoding="utf-8"))}
    for item in items:
        source = originals[item["claimReviewed"]]
        assert item["reviewRating"] == source["reviewRating"]
        assert item.get("reviewBody") == source.get("reviewBody")
        assert item["isBasedOn"] == source["url"]

    # importing the same file again records nothing new
    code, out, _ = cli(fresh, "import", "contoso-demo", str(exported), "--json")
    assert code == 0
    assert json.loads(out)["recorded"] == [] and len(json.loads(out)["unchanged"]) == len(judged)


def verdict_history_in(db: Path, claim_id: int) -> list[Any]:
    ws = open_workspace(db.parent)
    try:
        return verdict_history(ws, claim_id)
    finally:
        ws.close()


def test_import_reads_the_html_report(judged_case: JudgedCase, fresh: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(export_article(judged_case.ws, judged_case.article_id, "html"), encoding="utf-8")
    code, out, err = cli(fresh, "import", "contoso-demo", str(page), "--json")
    assert code == 0, err
    assert len(json.loads(out)["recorded"]) == len([c for c in judged_case_claims(judged_case) if c.verdict])


def judged_case_claims(case: JudgedCase) -> list[Any]:
    return list_claims(case.ws, case.article_id)


def test_unmatched_reviews_are_listed_and_nothing_is_guessed(fresh: Path, tmp_path: Path) -> None:
    ws = open_workspace(fresh.parent)
    try:
        claims = list_claims(ws, "contoso-demo")
    finally:
        ws.close()
    words = claims[2].claim.text
    reviews = [
        {  # the same words, other spacing and case: matched
            "@type": "ClaimReview",
            "url": "https://other.example/r/1",
            "claimReviewed": "  " + words.upper().replace(" ", "\n "),
            "reviewRating": {"@type": "Rating", "alternateName": "Sebagian didukung", "ratingValue": 3},
            "reviewBody": "Close, but the scope differs.",
            "author": {"@type": "Organization", "name": "Other Desk"},
        },
        {  # words the article does not have
            "@type": "ClaimReview",
            "claimReviewed": "Contoso opened a data center on the Moon",
            "reviewRating": {"alternateName": "Supported"},
        },
        {  # a rating that names no label, though its value would fit two
            "@type": "ClaimReview",
            "claimReviewed": claims[3].claim.text,
            "reviewRating": {"alternateName": "Pants on fire", "ratingValue": 1},
        },
        {"@type": "ClaimReview", "reviewRating": {"alternateName": "Supported"}},  # no claim at all
    ]
    path = tmp_path / "others.json"
    path.write_text(json.dumps({"@context": "https://schema.org", "@graph": reviews}), encoding="utf-8")
    code, out, err = cli(fresh, "import", "contoso-demo", str(path), "--json")
    assert code == 1  # some were unmatched; the matched one is recorded
    result = json.loads(out)
    assert [r["claim_id"] for r in result["recorded"]] == [claims[2].claim.id]
    assert result["recorded"][0]["label"] == "partly-supported"
    assert [u["index"] for u in result["unmatched"]] == [1, 2, 3]
    assert (
        "no claim" in result["unmatched"][0]["reason"] and "Pants on fire" in result["unmatched"][1]["reason"]
    )
    ws = open_workspace(fresh.parent)
    try:
        after = {v.claim.id: v.verdict for v in list_claims(ws, "contoso-demo")}
    finally:
        ws.close()
    assert after[claims[3].claim.id] is None  # nothing guessed from the rating value
    recorded = after[claims[2].claim.id]
    assert recorded is not None
    assert recorded.rationale == (
        "Close, but the scope differs.\n\nImported from ClaimReview https://other.example/r/1 published by Other Desk"
    )
    # human output lists the unmatched on stderr
    code, _, err = cli(fresh, "import", "contoso-demo", str(path))
    assert code == 1 and "unmatched review 2: no claim of the article has these words" in err


def test_import_refuses_what_is_not_claimreview(fresh: Path, tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"hello": "world"}', encoding="utf-8")
    code, _, err = cli(fresh, "import", "contoso-demo", str(path))
    assert code == 2 and "no ClaimReview" in err
    code, _, err = cli(fresh, "import", "contoso-demo", str(path), "--format", "csv")
    assert code == 2 and "unknown import format" in err
