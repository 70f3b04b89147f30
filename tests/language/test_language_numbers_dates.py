"""One numbers module and one dates module: the claim list and the match notes read alike."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.claims import extract_claims
from workbench.language.dates import calendar_dates, find_dates, find_vague_times, is_year, weekday_at
from workbench.language.lexicon import draft_english
from workbench.language.numbers import describe, find_numbers
from workbench.matching.quantities import compare_dates, compare_quantities, extract_dates, extract_quantities


def test_1500_is_fifteen_hundred_in_indonesian_and_one_and_a_half_in_english() -> None:
    assert [n.mention.value for n in find_numbers("1.500 rumah", "id")] == [1500]
    assert [n.mention.value for n in find_numbers("1.500 km", "en")] == [1.5]
    assert [q.mention.value for q in extract_quantities("1.500 rumah", "id")] == [1500]


@pytest.mark.parametrize("text", ["hampir 20 rumah", "nearly 20 homes", "almost 20 homes"])
def test_hampir_means_the_same_in_the_claim_list_and_the_match_notes(text: str) -> None:
    lang = "id" if "rumah" in text else "en"
    (claim,) = extract_claims(f"Banjir merendam {text} di desa itu.", lang)
    (stored,) = claim.numbers
    (compared,) = extract_quantities(text, lang)
    assert stored == compared.mention
    assert (stored.value, stored.qualifier) == (20, "less-than")
    assert compared.near and describe(compared) == "nearly 20"
    # close to 20 and below it: "19" and "about 20" report it faithfully, "more than 20" does not
    assert compare_quantities([compared], extract_quantities("19 homes"))[0] == ["nearly 20"]
    assert compare_quantities([compared], extract_quantities("about 20 homes"))[0] == ["nearly 20"]
    assert compare_quantities([compared], extract_quantities("more than 20 homes"))[1]
    assert compare_quantities([compared], extract_quantities("12 homes"))[2] == [
        "claim: nearly 20 — source: 12"
    ]


@pytest.mark.parametrize(
    "text", ["dua minggu", "Rapat digelar minggu lalu.", "Minggu lalu, rapat digelar.", "2 Minggu"]
)
def test_minggu_as_a_week_is_never_sunday(text: str) -> None:
    assert not [d for d in calendar_dates(text, "id") if d.weekday is not None]
    assert not [d for d in find_dates(text, "id", dt.date(2022, 3, 4)) if d.weekday is not None]
    start = text.lower().index("minggu")
    assert weekday_at(text, start, start + 6) is None
    assert "Sunday" not in draft_english(text)


def test_capitalised_minggu_naming_a_day_is_sunday_everywhere() -> None:
    text = "Rapat digelar pada Minggu, 6 Maret."
    (found,) = find_dates(text, "id", dt.date(2022, 3, 10))
    assert found.weekday == 6 and found.mention is not None and found.mention.date == "2022-03-06"
    assert found.note is None  # 6 March 2022 was a Sunday
    assert [d.weekday for d in calendar_dates(text, "id") if d.weekday is not None] == [6]
    assert "Sunday" in draft_english(text)
    agree, conflict = compare_dates(extract_dates(text, "id"), extract_dates("on Sunday, March 6"))
    assert len(agree) == 2 and not conflict


def test_a_duration_in_weeks_compares_in_hours() -> None:
    (weeks,) = extract_quantities("mogok selama dua minggu", "id")
    assert (weeks.unit, weeks.mention.value) == ("duration", 2)
    assert compare_quantities([weeks], extract_quantities("a 14-day strike"))[0] == ["dua minggu"]


def test_fractions_are_shares_in_the_claim_list_and_percentages_when_compared() -> None:
    (claim,) = extract_claims("Separuh warga desa itu kehilangan rumah mereka.", "id")
    assert [(n.value, n.qualifier) for n in claim.numbers] == [(0.5, "exact")]
    separuh = extract_quantities("Separuh warga", "id")
    assert compare_quantities(separuh, extract_quantities("50 percent of residents"))[0] == ["Separuh"]
    assert find_numbers("in the second half", "en") == []  # a bare "half" is no quantity
    assert [n.mention.value for n in find_numbers("half of the homes", "en")] == [0.5]


def test_vague_amounts_agree_with_their_order_of_magnitude() -> None:
    puluhan = extract_quantities("puluhan warga", "id")
    assert compare_quantities(puluhan, extract_quantities("dozens of residents"))[0] == ["puluhan"]
    assert compare_quantities(puluhan, extract_quantities("45 residents"))[0] == ["puluhan"]
    assert compare_quantities(puluhan, extract_quantities("450 residents"))[2]


def test_dates_module_is_the_one_both_sides_use() -> None:
    # a year-less date as written: the claim list resolves it, matching compares day and month
    (found,) = find_dates("diunggah 28 Februari lalu", "id", dt.date(2022, 3, 4))
    assert found.mention is not None and found.mention.date == "2022-02-28"
    (written,) = calendar_dates("diunggah 28 Februari lalu", "id")
    assert (written.day, written.month, written.year) == (28, 2, None)
    assert [(d.month, d.day) for d in calendar_dates("3/4/2022", "en")] == [(3, 4)]
    assert [(d.month, d.day) for d in calendar_dates("3/4/2022", "id")] == [(4, 3)]


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("The plant opened in 1968 and closed later.", "in 1968"),
        ("The line was first proposed in 2011 but stalled.", "in 2011"),
        ("Construction began in March 2022.", "in March 2022"),
        ("None of it has been paid since 2021.", "since 2021"),
        ("The team will play there from September.", "from September"),
        ("Ashby Reach opened its first coal pit in 1871.", "in 1871"),
        ("The club was founded in early 1887, records show.", "in early 1887"),
        ("Its residents were moved out in the 1950s.", "in the 1950s"),
        ("Prices have risen since the early 1990s, it said.", "since the early 1990s"),
    ],
)
def test_a_month_or_year_after_a_preposition_of_time_is_a_time(text: str, time: str) -> None:
    assert [text[s:e] for s, e in find_vague_times(text)] == [time]


@pytest.mark.parametrize(
    "text",
    [
        "Prices in may rise.",
        "It was built in 2,000 days.",
        "Membership rose from 1500 to 1700.",
        "the 1990s were hard",
    ],
)
def test_no_time_without_a_capitalised_month_or_a_year(text: str) -> None:
    assert find_vague_times(text) == []


def test_an_older_year_after_a_word_of_time_is_no_quantity_in_either_list() -> None:
    assert find_numbers("Ashby Reach opened its first coal pit in 1871.", "en") == []
    assert find_numbers("Sekolah itu berdiri sejak 1887.", "id") == []
    assert is_year("in 1871", 3, 7) and is_year("2010", 0, 4)
    # the same digits as an amount stay one
    assert [n.mention.value for n in find_numbers("The town sold 1871 tickets.", "en")] == [1871]
    assert [n.mention.value for n in find_numbers("Membership rose from 1500 to 1700.", "en")] == [1500, 1700]
    (claim,) = extract_claims("Ashby Reach opened its first coal pit in 1871.", "en")
    assert str(claim.kind) == "date" and claim.numbers == []


def test_over_before_a_duration_is_the_period_and_more_than_after_for() -> None:
    (money, period) = find_numbers("It will spend £310 million over five years replacing mains.", "en")
    assert (period.mention.value, period.mention.qualifier, period.unit) == (5, "exact", "duration")
    assert money.mention.qualifier == "exact"
    (waited,) = find_numbers("Residents have waited for over three years.", "en")
    assert (waited.mention.value, waited.mention.qualifier) == (3, "more-than")
    (people,) = find_numbers("Over 300 people came.", "en")
    assert people.mention.qualifier == "more-than"


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("If the club went under, half the shops on this street would close.", [0.5]),
        ("Half its staff work nights.", [0.5]),
        ("Half of them left.", [0.5]),
        ("In the second half the team scored twice.", []),
        ("It was the first half of the season.", []),
    ],
)
def test_half_before_a_determiner_is_a_share(text: str, shares: list[float]) -> None:
    assert [n.mention.value for n in find_numbers(text, "en") if n.unit == "fraction"] == shares


@pytest.mark.parametrize(
    "text",
    ["He conceded shortly after 3 a.m. on Friday.", "The polls closed at 10pm.", "Doors open at 7 am sharp."],
)
def test_an_hour_before_am_or_pm_is_a_time_of_day_not_a_quantity(text: str) -> None:
    assert find_numbers(text, "en") == []


def test_a_figure_before_am_is_still_one_when_it_cannot_be_an_hour() -> None:
    assert [n.mention.value for n in find_numbers("It sold 40 am radios.", "en")] == [40]


@pytest.mark.parametrize(
    "text",
    [
        "Takings were four times those of a normal Saturday.",
        "The market opens every Friday.",
        "Any Monday will do.",
    ],
)
def test_a_weekday_standing_for_any_such_day_is_no_date(text: str) -> None:
    assert find_dates(text, "en", dt.date(2026, 2, 19)) == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # the article date, 2025-09-18, is a Thursday
        ("Fellbrook Water will ban hosepipes across the valley from Monday.", "2025-09-22"),
        ("The councils said they would stop watering parks from Friday.", "2025-09-19"),
        ("Talks are due to resume on Tuesday.", "2025-09-23"),
        ("Staff will strike on Thursday.", "2025-09-25"),
        # no future verb in the weekday's clause: the past one, as before
        ("The ban began on Monday.", "2025-09-15"),
        ("The union, which will vote again, said on Monday that it would.", "2025-09-15"),
        ("It will review the plan. Talks ended on Tuesday.", "2025-09-16"),
    ],
)
def test_a_future_verb_before_a_bare_weekday_takes_the_next_one(text: str, iso: str) -> None:
    (found,) = find_dates(text, "en", dt.date(2025, 9, 18))
    assert found.mention is not None and found.mention.date == iso


def test_a_future_verb_changes_no_indonesian_weekday() -> None:
    (found,) = find_dates("Mereka akan mogok pada Jumat.", "id", dt.date(2025, 9, 18))
    assert found.mention is not None and found.mention.date == "2025-09-12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The services now bring in a fifth of its revenue.", [(0.2, "exact")]),
        ("One tenth of the budget went on repairs.", [(0.1, "exact")]),
        ("Sales fell for a third quarter in a row.", []),
        ("It won for a fifth consecutive year.", []),
        ("About 1,300 of them have waited longer than 18 months.", [(1300, "about"), (18, "more-than")]),
    ],
)
def test_fifths_and_tenths_are_shares_an_ordinal_is_none_and_longer_than_is_more(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(n.mention.value, n.mention.qualifier) for n in find_numbers(text, "en")] == expected


def test_last_week_and_last_weekend_are_times() -> None:
    text = "Two people were pulled from soft ground last weekend, and the fences went up last week."
    assert [text[s:e] for s, e in find_vague_times(text)] == ["last weekend", "last week"]


def test_estimated_at_is_about() -> None:
    (damage,) = find_numbers("The fire caused damage estimated at £85,000.", "en")
    assert (damage.mention.value, damage.mention.qualifier) == (85000, "about")


def test_a_day_and_month_after_will_that_has_passed_this_year_is_next_year() -> None:
    text = "The chain will report Christmas trading on January 14. It opened a store on January 9."
    dates = [f.mention.date for f in find_dates(text, "en", dt.date(2026, 11, 4)) if f.mention is not None]
    assert dates == ["2027-01-14", "2026-01-09"]
    reported = "It said in March that it would close the depot on January 14."
    dates = [
        f.mention.date for f in find_dates(reported, "en", dt.date(2026, 11, 4)) if f.mention is not None
    ]
    assert dates == ["2026-01-14"]


def test_a_day_and_month_after_is_due_that_has_passed_this_year_is_next_year() -> None:
    text = "The next figures are due on February 16. Sales were due on February 2, they said."
    dates = [f.mention.date for f in find_dates(text, "en", dt.date(2026, 11, 17)) if f.mention is not None]
    assert dates == ["2027-02-16", "2026-02-02"]


def test_up_to_after_a_verb_of_change_is_where_the_figure_gets_to() -> None:
    (reached,) = find_numbers("Economists expected the rate to edge up to 6.3 percent.", "en")
    assert (reached.mention.text, reached.mention.qualifier) == ("6.3 percent", "exact")
    (ceiling,) = find_numbers("The repairs could cost up to £5 million.", "en")
    assert (ceiling.mention.text, ceiling.mention.qualifier) == ("up to £5 million", "less-than")


def test_something_like_is_an_estimate() -> None:
    (found,) = find_numbers("The freeze will cost them something like £30 million.", "en")
    assert (found.mention.value, found.mention.qualifier) == (30_000_000, "about")
