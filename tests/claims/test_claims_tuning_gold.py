"""The English tuning articles for the clause rules against their gold lists (tests/claims/data)."""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import DATA, assert_meets_goal, load_gold, report, score

from workbench.claims import extract_claims

ARTICLES = [
    ("tuning.en", dt.date(2025, 3, 7)),
    ("tuning2.en", dt.date(2025, 10, 2)),
]


@pytest.mark.parametrize(("name", "article_date"), ARTICLES)
def test_tuning_article_meets_the_gold_targets(name: str, article_date: dt.date) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    claims = extract_claims(text, article_date=article_date)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    result = score(claims, load_gold(DATA / f"{name}.claims.gold.jsonl"))
    report(f"{name}.txt", result)
    assert_meets_goal(result)
