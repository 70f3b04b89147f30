"""English clause rules, fourth round (from tuning articles written by annotators who had not read
the rules): who said a quotation, and the attributions around quotations that state no fact."""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import english_claims

from workbench.claims.attributions import find_attributions
from workbench.claims.worthiness import states_no_fact
from workbench.domain import ExtractedClaim

WEDNESDAY = dt.date(2026, 3, 18)


def _claims(article: str) -> list[ExtractedClaim]:
    return english_claims(article, WEDNESDAY)


def _speakers(article: str) -> dict[str, str | None]:
    return {claim.text: claim.speaker for claim in _claims(article)}


def test_an_attribution_after_a_quotation_with_only_its_day_is_no_claim() -> None:
    article = (
        "The port handled 4.2 million containers last year, up from 3.9 million.\n"
        '"We have never been busier, and the new cranes paid for themselves," Halvorsen said on Monday.\n'
    )
    texts = [claim.text for claim in _claims(article)]
    assert not any("said on Monday" in text for text in texts)
    assert any(text.startswith("We have never been busier") for text in texts)


def test_an_attribution_after_a_quotation_keeps_a_relative_with_its_own_date() -> None:
    article = (
        '"The lads gave everything they had tonight," said coach Petra Lindqvist, '
        "who took over the side in March when it was bottom of the league.\n"
    )
    texts = [claim.text for claim in _claims(article)]
    assert any("who took over the side in March" in text for text in texts)


def test_a_role_of_two_lower_case_words_before_the_name_makes_the_speaker() -> None:
    article = (
        '"We chose to hold our prices through the winter," chief executive Ingrid Solberg said '
        "on a call with reporters.\n"
    )
    speakers = _speakers(article)
    assert speakers["We chose to hold our prices through the winter"] == "Ingrid Solberg"
    assert not any("on a call with reporters" in text for text in speakers)


def test_a_name_described_between_commas_before_the_verb_is_the_speaker() -> None:
    article = (
        '"This is a network that has decided speed matters more than price," Osric Bellamy, '
        "head of transport research at Wexley Partners, said in a note to clients.\n"
    )
    speakers = _speakers(article)
    assert speakers["This is a network that has decided speed matters more than price"] == "Osric Bellamy"
    assert "Osric Bellamy, head of transport research at Wexley Partners" in speakers


def test_a_role_owned_by_a_common_noun_after_said_names_the_speaker() -> None:
    article = '"Visitors will finally see the whole collection again," said the gallery\'s director, Ines Vauclair.\n'
    speakers = _speakers(article)
    assert speakers["Visitors will finally see the whole collection again"] == "Ines Vauclair"
    assert "said the gallery's director, Ines Vauclair" not in speakers


def test_a_quotation_completing_a_reported_clause_belongs_to_the_described_person_opening_it() -> None:
    article = (
        "Rosa Quint, the council's housing director, said the waiting list had been cut.\n"
        "Anton Weiss, regional secretary of the Tenants and Residents Union, which represents about "
        '2,100 households, said landlords were being "let off far too lightly".\n'
    )
    claims = _claims(article)
    speakers = {claim.text: claim.speaker for claim in claims}
    assert speakers["let off far too lightly"] == "Anton Weiss"
    assert "which represents about 2,100 households" in speakers
    assert "Anton Weiss, regional secretary of the Tenants and Residents Union" in speakers
    assert not any(text.endswith("were being") for text in speakers)


def test_a_role_of_a_body_with_a_long_name_is_an_attribution() -> None:
    text = "Anton Weiss, regional secretary of the Tenants and Residents Union, said rents had risen."
    (attribution,) = find_attributions(text, 0, len(text))
    assert attribution.name == "Anton Weiss"
    assert text[attribution.start : attribution.end].endswith("Tenants and Residents Union")


def test_figures_listed_after_including_stay_one_claim() -> None:
    article = "The depot had 340 vacant posts, including 112 drivers and 19 engineers.\n"
    texts = [claim.text for claim in _claims(article)]
    assert "including 112 drivers and 19 engineers" in texts
    assert "19 engineers" not in texts


def test_examples_of_a_larger_count_are_no_list_and_the_date_after_them_is_the_clause_s() -> None:
    article = (
        "The shop said it would hold the prices of 120 household goods, including soap, rice and "
        "flour, until the end of March.\n"
    )
    texts = [claim.text for claim in _claims(article)]
    assert not any(text in ("rice and flour", "soap") for text in texts)
    assert any(text.endswith("until the end of March") and "hold the prices" in text for text in texts)


def test_a_surname_who_took_over_is_an_attribution_of_its_own() -> None:
    article = (
        "Lindqvist, who took over in May 2023 after nine years running the firm's bakeries, "
        "said the chain would open 14 stores next year.\n"
    )
    texts = [claim.text for claim in _claims(article)]
    assert "Lindqvist, who took over in May 2023 after nine years running the firm's bakeries" in texts


def test_a_headline_above_the_byline_is_no_claim() -> None:
    article = (
        "Coastal towns count the cost of the wettest winter on record\n"
        "By Mirela Dunstan\n"
        "HALLOW BAY — Rain fell on 71 of the 90 days of winter, the weather service said.\n"
    )
    texts = [claim.text for claim in _claims(article)]
    assert not any("count the cost" in text for text in texts)
    assert any("71 of the 90 days" in text for text in texts)


@pytest.mark.parametrize(
    "sentence",
    [
        "The question now is whether the new ferry arrives before the summer crowds do.",
        "Shoppers appeared to side with the market traders.",
        "The row over parking is unlikely to end soon.",
        "Many want to know why the bridge took so long to reopen.",
        "Some residents say they will move away.",
        "Not everyone on the council was convinced.",
        "For families in the valley, the argument over funding offers little comfort.",
    ],
)
def test_narration_that_states_no_checkable_fact_is_no_claim(sentence: str) -> None:
    assert states_no_fact(sentence.rstrip(".")) is not None
    assert _claims(sentence + "\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Local traders depend on the crowds.",
        "No one on the train has been seriously injured.",
        "Those who walked briskly saw the biggest benefit.",
        "Farmers are exempt from the ban.",
        "The judge rejected that account.",
        "Many of the 230 farms had already stopped irrigating.",
        "Some 4,000 homes appeared to lose power on Friday.",
    ],
)
def test_narration_with_a_fact_stays_a_claim(sentence: str) -> None:
    assert [claim.text for claim in _claims(sentence + "\n")] == [sentence.rstrip(".")]


def test_a_quotation_is_not_judged_by_the_narration_rules() -> None:
    article = '"Many people simply want a date for their operation," said Dr Ilse Marchetti.\n'
    texts = [claim.text for claim in _claims(article)]
    assert "Many people simply want a date for their operation" in texts


def test_she_said_after_a_line_of_reported_speech_points_to_its_speaker() -> None:
    article = (
        "Dr Ilse Marchetti, the clinic's director, said 40 beds would open in May.\n"
        '"He has waited two years for this," said Tomas Berry, whose father is on the list.\n'
        "Marchetti said she expected the list to shrink by the summer.\n"
        '"I will not promise anyone a miracle," she said.\n'
    )
    speakers = _speakers(article)
    assert speakers["I will not promise anyone a miracle"] == "Ilse Marchetti"


def test_she_said_points_to_the_person_whose_full_name_opens_the_narration_before() -> None:
    article = (
        '"The budget was cut by a fifth," said Declan Moore, who speaks on transport for the opposition.\n'
        "Rhoda Finch, 71, has lived beside the line since 1980.\n"
        '"The trains have never been this late in all that time," she said.\n'
        "Ada Lowe of Westgate Capital was more cautious, noting that fares rose 4 percent. "
        '"The timetable will take a year to settle, and nobody knows the cost," she said.\n'
    )
    speakers = _speakers(article)
    assert speakers["The trains have never been this late in all that time"] == "Rhoda Finch"
    assert speakers["The timetable will take a year to settle, and nobody knows the cost"] == "Ada Lowe"


def test_since_after_a_superlative_measures_it_and_after_a_verb_is_cut() -> None:
    texts = [
        c.text
        for c in _claims("Floods covered 9,400 hectares, the largest area since records began in 1961.\n")
    ]
    assert "the largest area since records began in 1961" in texts
    texts = [
        c.text
        for c in _claims(
            "The fine was £2 million, which is the largest sum the regulator has imposed since it was set up in 1998.\n"
        )
    ]
    assert "since it was set up in 1998" in texts


def test_a_person_named_with_an_age_and_a_state_since_a_time_stay_as_marked() -> None:
    article = "Ewan Gillies, 58, has been sleeping at his brother's flat since the river flooded his house in March.\n"
    texts = [c.text for c in _claims(article)]
    assert "Ewan Gillies, 58" in texts
    assert not any(text.startswith("since the river") for text in texts)
    figures = [c.text for c in _claims("The toll had risen by 12 percent since it was first set in 2019.\n")]
    assert "since it was first set in 2019" in figures


def test_to_before_a_noun_after_an_amount_opens_no_purpose_clause() -> None:
    article = (
        "The worst flood moved some 2,400 people to emergency shelters in two towns in a single night.\n"
    )
    assert [c.text for c in _claims(article)] == [article.strip().rstrip(".")]


def test_the_rest_of_an_indirect_question_is_no_claim() -> None:
    article = "Many want to know why the ferry stopped, and what will change after the review.\n"
    assert _claims(article) == []
    assert states_no_fact("who will bear the cost") is not None
    assert states_no_fact("who was dismissed after raising concerns") is None


def test_a_range_of_millions_stays_whole_and_the_next_predicate_is_cut() -> None:
    article = "It kept its forecast of between £40 million and £45 million and will report on March 3.\n"
    texts = [c.text for c in _claims(article)]
    assert texts[0] == "It kept its forecast of between £40 million and £45 million"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ferries now serve 14 islands, up from four a year ago.",
            ["Ferries now serve 14 islands", "up from four a year ago"],
        ),
        (
            "In all, 8,200 people are on the housing list, about 6 percent more than a year before.",
            ["In all, 8,200 people are on the housing list", "about 6 percent more than a year before"],
        ),
        (
            "The service has 930 paramedics, 45 fewer than in 2021.",
            ["The service has 930 paramedics", "45 fewer than in 2021"],
        ),
        (
            "Only 71.5 percent of calls were answered within a minute, against a national target of 90 percent.",
            [
                "Only 71.5 percent of calls were answered within a minute",
                "against a national target of 90 percent",
            ],
        ),
    ],
)
def test_a_comparison_set_beside_a_figure_is_a_claim_of_its_own(sentence: str, expected: list[str]) -> None:
    assert [c.text for c in _claims(sentence + "\n")] == expected


def test_a_relative_set_off_inside_the_sentence_is_not_cut_at_but() -> None:
    article = "Seats for the first night, which are cheap but must be reserved, sold out within an hour on Monday.\n"
    assert [c.text for c in _claims(article)] == [article.strip().rstrip(".")]


def test_infinitives_after_an_amount_and_after_plans_to_are_claims_of_their_own() -> None:
    texts = [
        c.text
        for c in _claims(
            "The city would spend 40 million crowns over two years to hire 120 more teachers and buy six buses.\n"
        )
    ]
    assert texts == [
        "The city would spend 40 million crowns over two years",
        "to hire 120 more teachers",
        "buy six buses",
    ]
    texts = [
        c.text
        for c in _claims(
            "The council plans to build 300 homes by the end of June and to open a new library.\n"
        )
    ]
    assert texts == ["The council plans to build 300 homes by the end of June", "to open a new library"]


def test_a_with_phrase_holding_a_date_is_a_claim_of_its_own() -> None:
    article = (
        "He said members would be balloted on strike action, with the vote opening on Monday, March 9.\n"
    )
    texts = [c.text for c in _claims(article)]
    assert texts == [
        "He said members would be balloted on strike action",
        "with the vote opening on Monday, March 9",
    ]


def test_a_dated_head_before_a_comma_is_split_as_any_clause() -> None:
    article = (
        "The college said on Tuesday that it would close nine courses and cut about 140 jobs by the "
        "summer of 2027, as it tries to close a funding gap.\n"
    )
    texts = [c.text for c in _claims(article)]
    assert "cut about 140 jobs by the summer of 2027" in texts


def test_a_speaker_described_after_said_closing_the_attribution_is_an_attribution() -> None:
    article = '"We only chose this course last spring, and now it is gone," said Ola Brandt, a first-year drama student.\n'
    claims = _claims(article)
    assert "Ola Brandt, a first-year drama student" in [c.text for c in claims]
    assert {c.speaker for c in claims if c.kind.value == "quote"} == {"Ola Brandt"}


def test_who_speaks_for_and_who_took_up_the_post_are_attributions() -> None:
    text = (
        "Vice-chancellor Professor Ines Kaur, who took up the post in 2021, told staff that the college "
        "had spent more than it earned. Rafe Dunn, who speaks on health for the opposition Green Party, "
        "said the budget had been cut by 9 percent."
    )
    found = {(text[a.start : a.end], a.name) for a in find_attributions(text, 0, len(text))}
    assert ("Vice-chancellor Professor Ines Kaur, who took up the post in 2021", "Ines Kaur") in found
    assert ("Rafe Dunn, who speaks on health for the opposition Green Party", "Rafe Dunn") in found
