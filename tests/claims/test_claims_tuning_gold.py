"""The English tuning articles for the clause rules against their gold lists (tests/claims/data)."""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import DATA, GoldScore, assert_meets_goal, load_gold, report, score

from workbench.claims import extract_claims

ARTICLES = [
    ("tuning.en", dt.date(2025, 3, 7)),
    ("tuning2.en", dt.date(2025, 10, 2)),
    ("tuning3.en", dt.date(2026, 2, 19)),
    ("tuning4.en", dt.date(2026, 3, 12)),
    ("tuning5.en", dt.date(2026, 4, 16)),
    ("tuning6.en", dt.date(2026, 5, 7)),
    ("tuning7.en", dt.date(2026, 7, 29)),
    ("tuning8.en", dt.date(2026, 5, 16)),
    ("tuning9.en", dt.date(2026, 6, 11)),
    ("tuning12.en", dt.date(2026, 10, 22)),
    ("tuning13.en", dt.date(2026, 11, 17)),
    ("tuning14.en", dt.date(2026, 8, 15)),
    ("tuning15.en", dt.date(2026, 4, 22)),
    ("tuning16.en", dt.date(2026, 1, 26)),
    ("tuning17.en", dt.date(2026, 9, 11)),
]
# Written by annotators who had not read the rules (tuning10, 11, 18 to 28 and the retired
# held-out articles retired3 to retired6): longer gold lists, held
# to the goal of issue 10 (seven in eight gold claims matched one-to-one, at most 3 extras per 16
# gold claims) and to their extras as named here, so that any new extra fails the test. Their
# golds keep a quotation's sentence whole where the other tuning golds split it at ", and" or
# "because", and count no dated source after a report ("the trust said on Wednesday") where four
# other golds do: those extras stay.
INDEPENDENT = [
    ("tuning10.en", dt.date(2026, 2, 11)),
    ("tuning11.en", dt.date(2026, 11, 4)),
    ("tuning18.en", dt.date(2026, 2, 11)),
    ("tuning19.en", dt.date(2025, 10, 9)),
    ("tuning20.en", dt.date(2026, 3, 11)),
    ("tuning21.en", dt.date(2026, 11, 17)),
    ("retired3.en", dt.date(2026, 3, 12)),
    ("retired4.en", dt.date(2026, 3, 19)),
    ("tuning22.en", dt.date(2026, 3, 4)),
    ("tuning23.en", dt.date(2026, 3, 11)),
    ("tuning24.en", dt.date(2026, 2, 12)),
    ("tuning25.en", dt.date(2026, 6, 16)),
    ("tuning26.en", dt.date(2026, 3, 11)),
    ("tuning27.en", dt.date(2026, 10, 14)),
    ("tuning28.en", dt.date(2026, 4, 23)),
    ("retired5.en", dt.date(2026, 11, 13)),
    ("retired6.en", dt.date(2026, 3, 12)),
]
KNOWN_EXTRAS = {
    "tuning10.en": [
        "the trust said on Wednesday",
        "Finance directors have warned for some time that the bill cannot keep growing at this pace",
        "because we cannot staff a theatre safely",
        "Relations between the two sides have been strained for much of the winter",
    ],
    "tuning11.en": [
        "Grocers have been fighting to win back shoppers who drifted to discount chains when prices first surged",
        "Food prices have become a political issue",
        "as households struggle with higher energy bills and rents",
        "I'm not sure the market has priced that in",
    ],
    "tuning18.en": [
        "Those who work and study there say the coming months will test the whole community",
    ],
    "tuning19.en": [
        "the provincial fire service said on Wednesday",
        "It was, by any measure, a brutal summer",
    ],
    "tuning20.en": [
        "For three generations of families in the valley, it has been the place where school leavers went to work",
        "The Amalgamated Vehicle Builders' Union, which represents about 1,900 of the plant's workers, called the closure",
        "The closure is the latest blow to car manufacturing in the valley",
        "as carmakers shift investment toward battery production elsewhere",
        "Local economists warn that the damage could spread well beyond the factory gates",
        "Investors took a different view",
    ],
    "tuning21.en": [
        "from 5.7 percent a year earlier",
        "Employment itself was broadly flat",
        "Youth unemployment was a particular worry",
    ],
    "retired3.en": [
        "The findings make uncomfortable reading for the company",
        "islands minister Rhona Adebayo told the regional assembly on Wednesday afternoon",
    ],
    "retired4.en": [
        "The figures landed in the middle of a long and bitter argument about who is to blame for the city's housing shortage",
        "Mayor Helena Strand",
        "Housing has not kept pace",
    ],
    "tuning22.en": [
        "Investors had been braced for a weak quarter",
        "Talks between the two sides have a long and often bitter history",
    ],
    "tuning23.en": [
        "The plan closes a projected $6.3 million shortfall in part",
        "as the evening wore on",
        "Parents who spoke described the two buildings as anchors of their neighborhoods, the kind of places where families know the crossing guard by name and grandparents once sat in the same classrooms",
        "The closures are the most divisive question the board has faced in years",
    ],
    "tuning24.en": [
        "The figures came out",
        "as staff and patients were still digesting a critical inspection report",
        "chief inspector Dr Leonie Brathwaite",
    ],
    "tuning25.en": [
        "where the route leaves the shaded riverside path and climbs through the old docks",
        "because there was nowhere else to go",
        "Big-city races around the world have wrestled with the same question",
        "as summers grow hotter",
    ],
    "tuning26.en": [],
    "tuning27.en": [
        "Talks are continuing",
        "Timetable changes of this kind are usually made once a year",
        "Commuters are less sure",
        "they are exactly the ones being axed",
    ],
    "tuning28.en": [
        "The public gallery was full long before the meeting began",
        "Council leader Teresa Ambler said the decision had not been easy for anyone in the room",
        "But this district has committed to reaching net zero by 2040",
        "we cannot meet that target by saying no to every project",
    ],
    "retired5.en": [
        "The judge delivered her verdict",
        "Environmental groups welcomed the ruling",
        "said the fine was still too small",
        "Residents of Orrick Falls remain split over what the ruling means for the town",
    ],
    "retired6.en": [
        "I've fished these waters for 31 years",
        "I have never seen a cut like this",
        "Prices already reflect the shortage",
        "Processors, too, are bracing for losses",
    ],
}
# Gold lines of the older tuning golds (written by helpers who had read the rules) that split a
# speaker's sentence at ", and" or ", but" into two halves neither of which carries a figure, a
# date, a time or a name; the independent golds keep such a sentence whole, and so do the rules
# since the seventh round (docs/language.md, "Seventh round"). They stay in the gold files, named
# here, and are left out of the goal's count.
CONVENTION_CONFLICTS = {
    "tuning6.en": ["a10"],
    "tuning14.en": ["r16"],
    "tuning15.en": ["q12"],
    "tuning17.en": ["m16"],
}
# Details the language layer does not read yet, named so that any other miss fails the test: a
# bare weekday after "could" ("holders could buy them from Saturday") is resolved to the past one
# ("could" is as often a past as a future).
KNOWN_MISSING = {
    "tuning9.en": ["h18: date 2026-06-13"],
}
# The independent articles' details the language layer does not read yet (full lines: any change
# fails the test).
KNOWN_MISSING_INDEPENDENT = {
    "tuning20.en": [
        "m14: number {'value': 130000000, 'qualifier': 'exact'}, got [NumberMention(text='$180 million', value=180000000.0, qualifier='exact')]",
        "m21: speaker \"Amalgamated Vehicle Builders' Union\", got 'Delphine Marrow'",
    ],
    "tuning21.en": [
        "w04: number {'value': 5.7, 'qualifier': 'exact'}, got [NumberMention(text='6.1 percent', value=6.1, qualifier='exact')]",
    ],
    "tuning23.en": [
        "c02: number {'value': 2, 'qualifier': 'exact'}, got [NumberMention(text='5', value=5.0, qualifier='exact'), NumberMention(text='more than 400', value=400.0, qualifier='more-than')]",
        "c03: number {'value': 6300000, 'qualifier': 'exact'}, got [NumberMention(text='two', value=2.0, qualifier='exact')]",
        "c31: number {'value': 3, 'qualifier': 'exact'}, got [NumberMention(text='4', value=4.0, qualifier='exact')]",
    ],
    "tuning26.en": [
        "d12: number {'value': 20, 'qualifier': 'exact'}, got [NumberMention(text='45', value=45.0, qualifier='exact')]",
    ],
    "retired5.en": [
        "h36: number {'value': 2, 'qualifier': 'exact'}, got [NumberMention(text='7', value=7.0, qualifier='exact')]",
    ],
    "retired6.en": [
        "b11: speaker 'Odile Brannagh', got 'Brannagh'",
        "b12: speaker 'Odile Brannagh', got 'Brannagh'",
        "b33: speaker 'Anneke Solberg', got 'Marrow Point'",
    ],
}


def _scored(name: str, article_date: dt.date) -> GoldScore:
    """The article's claims (each span checked against the text) scored against its gold, the
    figures printed."""
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    claims = extract_claims(text, article_date=article_date)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    result = score(claims, load_gold(DATA / f"{name}.claims.gold.jsonl"))
    report(f"{name}.txt", result)
    return result


@pytest.mark.parametrize(("name", "article_date"), ARTICLES)
def test_tuning_article_meets_the_gold_targets(name: str, article_date: dt.date) -> None:
    result = _scored(name, article_date)
    known = KNOWN_MISSING.get(name, [])
    assert [m.split(", got")[0] for m in result.missing_details] == known
    result.missing_details = []
    conflicts = CONVENTION_CONFLICTS.get(name, [])
    unmatched_ids = [line.split(":")[0] for line in result.unmatched_gold]
    assert all(gold_id in unmatched_ids for gold_id in conflicts), result.unmatched_gold
    result.gold -= len(conflicts)
    assert_meets_goal(result)


@pytest.mark.parametrize(("name", "article_date"), INDEPENDENT)
def test_independently_annotated_article_meets_the_issue_goal(name: str, article_date: dt.date) -> None:
    result = _scored(name, article_date)
    assert 8 * result.matched >= 7 * result.gold, result.unmatched_gold
    assert 16 * result.extras <= 3 * result.gold, result.extra_texts
    assert result.extra_texts == KNOWN_EXTRAS[name]
    assert result.kind_ratio >= 0.8, result.kind_mismatches
    assert result.missing_details == KNOWN_MISSING_INDEPENDENT.get(name, []), result.missing_details
