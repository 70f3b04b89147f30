"""Retired and held-out articles: figures printed, offsets checked, targets not asserted
(see data/README.md).

The retired articles were held out once and have been tuned on since; they are tuning material.
"""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import DATA, load_gold, report, score

from workbench.claims import extract_claims

RETIRED = [("retired", "en", dt.date(2024, 6, 14)), ("retired", "id", dt.date(2024, 3, 8))]


def _check_and_report(stem: str, lang: str, article_date: dt.date) -> None:
    text = (DATA / f"{stem}.{lang}.txt").read_text(encoding="utf-8")
    gold = load_gold(DATA / f"{stem}.{lang}.claims.gold.jsonl")
    for line in gold:
        assert text[line["start"] : line["end"]] == line["anchor"], line["id"]
    claims = extract_claims(text, article_date=article_date)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    result = score(claims, gold)
    report(f"{stem}.{lang}.txt", result)
    assert result.matched > 0


@pytest.mark.parametrize(("stem", "lang", "article_date"), RETIRED)
def test_retired_article_figures(stem: str, lang: str, article_date: dt.date) -> None:
    _check_and_report(stem, lang, article_date)
