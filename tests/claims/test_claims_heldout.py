"""Held-out articles: figures printed, offsets checked, targets not asserted (see data/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import DATA, load_gold, report, score

from workbench.claims import extract_claims


@pytest.mark.parametrize(
    ("lang", "article_date"), [("en", dt.date(2024, 6, 14)), ("id", dt.date(2024, 3, 8))]
)
def test_heldout_article_figures(lang: str, article_date: dt.date) -> None:
    text = (DATA / f"heldout.{lang}.txt").read_text(encoding="utf-8")
    claims = extract_claims(text, article_date=article_date)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    result = score(claims, load_gold(DATA / f"heldout.{lang}.claims.gold.jsonl"))
    report(f"heldout.{lang}.txt", result)
    assert result.matched > 0
