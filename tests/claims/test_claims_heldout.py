"""Retired and held-out articles: figures printed, offsets checked, targets not asserted
(see data/README.md).

The retired articles were held out once and have been tuned on since; they are tuning material,
and their misses and extras are printed. The held-out articles must never be tuned on: only their
summary line is printed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import DATA, load_gold, report, score

from workbench.claims import extract_claims

RETIRED = [
    ("retired", "en", dt.date(2024, 6, 14)),
    ("retired", "id", dt.date(2024, 3, 8)),
    ("retired2", "en", dt.date(2025, 9, 18)),
    ("retired3", "en", dt.date(2026, 3, 12)),
    ("retired4", "en", dt.date(2026, 3, 19)),
    ("retired5", "en", dt.date(2026, 11, 13)),
    ("retired6", "en", dt.date(2026, 3, 12)),
]
HELDOUT = [
    ("heldout", "en", dt.date(2026, 2, 19)),
    ("heldout.b", "en", dt.date(2026, 3, 11)),
    ("heldout", "id", dt.date(2025, 5, 22)),
]


def _check_and_report(stem: str, lang: str, article_date: dt.date, *, details: bool = True) -> None:
    text = (DATA / f"{stem}.{lang}.txt").read_text(encoding="utf-8")
    gold = load_gold(DATA / f"{stem}.{lang}.claims.gold.jsonl")
    # Failures name ids and counts only, so a held-out text never shows up in a test report.
    bad_gold = [line["id"] for line in gold if text[line["start"] : line["end"]] != line["anchor"]]
    assert bad_gold == []
    claims = extract_claims(text, article_date=article_date)
    bad_claims = sum(text[claim.start : claim.end] != claim.text for claim in claims)
    assert bad_claims == 0
    result = score(claims, gold)
    if details:
        report(f"{stem}.{lang}.txt", result)
    else:
        print(f"\n[{stem}.{lang}.txt] {result.summary()}")
    matched = result.matched
    assert matched > 0


@pytest.mark.parametrize(("stem", "lang", "article_date"), RETIRED)
def test_retired_article_figures(stem: str, lang: str, article_date: dt.date) -> None:
    _check_and_report(stem, lang, article_date)


@pytest.mark.parametrize(("stem", "lang", "article_date"), HELDOUT)
def test_heldout_article_figures(stem: str, lang: str, article_date: dt.date) -> None:
    _check_and_report(stem, lang, article_date, details=False)
