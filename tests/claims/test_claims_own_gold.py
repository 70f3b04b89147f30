"""Our own English and Indonesian test articles against their gold lists (tests/claims/data)."""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import DATA, assert_meets_goal, load_gold, report, score

from workbench.claims import extract_claims
from workbench.language.identify import detect_language

ARTICLES = [
    ("en", dt.date(2023, 5, 12)),
    ("id", dt.date(2023, 3, 10)),
]


@pytest.mark.parametrize(("lang", "article_date"), ARTICLES)
def test_own_article_meets_the_gold_targets(lang: str, article_date: dt.date) -> None:
    text = (DATA / f"article.{lang}.txt").read_text(encoding="utf-8")
    claims = extract_claims(text, lang=lang, article_date=article_date)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    result = score(claims, load_gold(DATA / f"{lang}.claims.gold.jsonl"))
    report(f"article.{lang}.txt", result)
    assert_meets_goal(result)


@pytest.mark.parametrize(("lang", "article_date"), ARTICLES)
def test_own_article_boilerplate_is_not_a_claim(lang: str, article_date: dt.date) -> None:
    text = (DATA / f"article.{lang}.txt").read_text(encoding="utf-8")
    claims = extract_claims(text, article_date=article_date)
    furniture = (
        "Read more",
        "Share this",
        "Editing by",
        "By Jordan",
        "Baca juga",
        "Editor:",
        "Pewarta",
        "Ikuti",
    )
    assert not [c.text for c in claims if any(f in c.text for f in furniture)]


@pytest.mark.parametrize(("lang", "article_date"), ARTICLES)
def test_own_article_language_is_detected(lang: str, article_date: dt.date) -> None:
    assert detect_language((DATA / f"article.{lang}.txt").read_text(encoding="utf-8")) == lang
