"""English claim rules, sixth round (from the retired held-out article retired4.en and the
independently annotated tuning articles): fewer claims that give a fact-checker nothing to check."""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import english_claims

from workbench.claims.boilerplate import is_boilerplate
from workbench.claims.worthiness import states_no_fact
from workbench.domain import ExtractedClaim
from workbench.language.dates import find_dates

THURSDAY = dt.date(2026, 3, 19)


def _claims(article: str) -> list[ExtractedClaim]:
    return english_claims(article, THURSDAY)


def _texts(article: str) -> list[str]:
    return [claim.text for claim in _claims(article)]


@pytest.mark.parametrize(
    "line",
    [
        "Follow the Lanworth Ledger for more transport coverage, and share this story with your neighbours.",
        "Follow us for the latest updates from the harbour and the islands.",
        "Follow our weather coverage through the winter on the Ledger's website and app.",
    ],
)
def test_a_prompt_to_follow_the_paper_is_furniture(line: str) -> None:
    assert is_boilerplate(line)
    assert _texts("The ferry to Holm Bay was cancelled 14 times in March.\n" + line + "\n") == [
        "The ferry to Holm Bay was cancelled 14 times in March"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Follow the money, investigators told the court on Tuesday.",
        "Following the ruling, the harbour board cut its news budget by 12 percent.",
    ],
)
def test_a_sentence_opening_with_follow_is_content(line: str) -> None:
    assert not is_boilerplate(line)
    assert _texts(line + "\n") != []


def test_who_after_a_preposition_opens_a_question_not_a_relative() -> None:
    article = "The ferry timetable has become part of a long quarrel about who should pay for the harbour's repairs.\n"
    texts = _texts(article)
    assert "who should pay for the harbour's repairs" not in texts
    assert not any(text.endswith("quarrel about") for text in texts)


def test_who_after_a_person_still_opens_a_relative() -> None:
    article = "The contract went to a local engineer who built the old harbour wall in 1998.\n"
    texts = _texts(article)
    assert "who built the old harbour wall in 1998" in texts


def test_a_report_after_by_is_no_means_clause() -> None:
    article = (
        "The harbour master responded on Friday by announcing that the quay would close to lorries "
        "for 6 weeks.\n"
    )
    texts = _texts(article)
    assert texts[-1] == article.strip().rstrip(".")
    assert "The harbour master responded on Friday" not in texts


def test_a_means_clause_is_still_cut() -> None:
    article = "The harbour board saved £2 million last year by closing the old fish market on the quay.\n"
    texts = _texts(article)
    assert "closing the old fish market on the quay" in texts


def test_a_bare_second_verb_in_a_quotation_that_checks_nothing_stays_with_the_first() -> None:
    article = (
        '"What the board can do is keep the quay open at night, and make sure every crew knows the '
        'new rules," said Petra Lindqvist.\n'
    )
    texts = _texts(article)
    assert (
        "What the board can do is keep the quay open at night, and make sure every crew knows the new rules"
        in texts
    )
    assert "make sure every crew knows the new rules" not in texts


def test_a_quoted_clause_opened_by_its_own_subject_is_still_cut() -> None:
    article = (
        '"The ferries carry 4,000 people every morning, and demand has barely moved in a year," '
        "said Petra Lindqvist.\n"
    )
    texts = _texts(article)
    assert "demand has barely moved in a year" in texts


def test_a_quoted_clause_with_no_fact_before_one_with_a_figure_leads_in_to_it() -> None:
    article = (
        '"The new timetable is a start, but it does nothing for the 3,000 people on the early boats," '
        "said Petra Lindqvist.\n"
    )
    texts = _texts(article)
    assert (
        "The new timetable is a start, but it does nothing for the 3,000 people on the early boats" in texts
    )
    assert "The new timetable is a start" not in texts


def test_a_quoted_clause_with_a_figure_before_one_with_none_is_still_cut() -> None:
    article = '"We moved 3,000 people off the island that night, and nobody thanked the crews," said Petra Lindqvist.\n'
    texts = _texts(article)
    assert "We moved 3,000 people off the island that night" in texts
    assert "nobody thanked the crews" in texts


def test_a_titled_name_inside_its_longer_attribution_is_no_claim_of_its_own() -> None:
    article = (
        "Councillor Petra Lindqvist, who chairs the harbour committee, said the quay would close for "
        "6 weeks.\n"
    )
    claims = _claims(article)
    attributions = [c.text for c in claims if str(c.kind) == "attribution"]
    assert attributions == ["Councillor Petra Lindqvist, who chairs the harbour committee"]


def test_a_titled_name_stays_beside_a_longer_attribution_with_a_date() -> None:
    article = (
        "Councillor Petra Lindqvist, who took up the post in 2019, said the quay would close for 6 weeks.\n"
    )
    texts = _texts(article)
    assert "Councillor Petra Lindqvist" in texts
    assert "Councillor Petra Lindqvist, who took up the post in 2019" in texts


def test_an_inspector_is_a_role_that_names_the_speaker() -> None:
    article = '"The quay is not safe at night," chief inspector Dr Petra Lindqvist said on Tuesday.\n'
    claims = _claims(article)
    quote = next(c for c in claims if c.text == "The quay is not safe at night")
    assert quote.speaker == "Petra Lindqvist"
    assert "chief inspector Dr Petra Lindqvist said on Tuesday" not in [c.text for c in claims]


@pytest.mark.parametrize(
    "attribution",
    [
        "said Petra Lindqvist, the association's chair, on Tuesday",
        "Petra Lindqvist, the association's chair, said on Tuesday",
    ],
)
def test_a_described_speaker_after_a_quotation_with_a_day_says_only_who_and_when(attribution: str) -> None:
    article = f'"The quay will stay open through the winter," {attribution}.\n'
    claims = _claims(article)
    texts = [c.text for c in claims]
    assert attribution not in texts
    assert "Petra Lindqvist, the association's chair" in texts
    assert claims[0].speaker == "Petra Lindqvist"


def test_a_described_speaker_with_a_figure_after_a_quotation_stays_a_claim() -> None:
    article = (
        '"The quay will stay open," said Petra Lindqvist, who has run the board for 12 years, on Tuesday.\n'
    )
    texts = _texts(article)
    assert any("12 years" in text for text in texts)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("What happens next depends on the harbour board.", "rhetorical framing"),
        ("Much will depend on how the ferry company reads the report.", "rhetorical framing"),
        ("The crews appear ready to accept the new rota.", "guess at how things seem or will go"),
        ("Neither side expects the talks to end quickly.", "unnamed, uncounted people"),
        ("People on both sides expect the ruling to be appealed.", "unnamed, uncounted people"),
        ("on how many passengers come back after the winter", "piece of an indirect question"),
        ("The harbour board has not said how long the repairs will take.", "a question left open"),
        ("She did not say whether the quay would reopen.", "a question left open"),
        ("He is now weighing whether to sell the boat.", "a question left open"),
        ("The crews are still considering whether to strike.", "a question left open"),
        ("Other operators will be watching closely to see whether fares fall.", "a question left open"),
    ],
)
def test_narration_that_leaves_a_question_open_states_no_fact(sentence: str, reason: str) -> None:
    assert states_no_fact(sentence) == reason
    assert _texts(sentence + "\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour board said the repairs would take until the end of the year.",
        "Both ferries were withdrawn after the storm.",
        "The ferry company has not said anything since the report was published.",
        "Crews voted to accept the new rota.",
        "The board will decide whether to fine the operator.",
    ],
)
def test_narration_that_states_something_is_kept(sentence: str) -> None:
    assert states_no_fact(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Few of the crews expect the next winter to be any easier.",
        "Few people on the quay expected the vote to end this week.",
        "Several harbour pilots said the new rota would make the next winter harder.",
    ],
)
def test_what_unnamed_people_expect_is_no_fact_even_with_a_time(sentence: str) -> None:
    assert _texts(sentence + "\n") == []


def test_the_question_of_what_opens_framing() -> None:
    assert (
        states_no_fact("The question of who pays for the quay hung over the meeting.") == "rhetorical framing"
    )


def test_a_defined_group_with_a_time_is_kept() -> None:
    sentence = "Those who took the early ferry saw the biggest delays last winter."
    assert _texts(sentence + "\n") != []


def test_as_after_describing_something_opens_no_clause() -> None:
    article = "Nurses at the quay described most of the injuries as cuts made worse by the cold water.\n"
    texts = _texts(article)
    assert texts == [article.strip().rstrip(".")]


def test_as_with_its_own_subject_and_verb_is_still_a_reason() -> None:
    article = "The harbour board closed the old quay in 2024 as ferries moved to the deeper berth.\n"
    texts = _texts(article)
    assert "as ferries moved to the deeper berth" in texts


@pytest.mark.parametrize(
    "sentence",
    [
        "Ferry fares tend to rise faster than bus fares.",
        "Island councils have long argued that the crossings are underfunded.",
        "The harbour has long been a sore point for the fishing crews.",
        "Complaints about the winter timetable are nothing new.",
    ],
)
def test_a_habit_of_long_standing_states_no_fact(sentence: str) -> None:
    assert states_no_fact(sentence) == "a habit of long standing"
    assert _texts(sentence + "\n") == []


def test_a_relative_with_tend_to_is_left_alone() -> None:
    assert states_no_fact("which passengers tend to overestimate") is None


def test_an_attribution_with_a_word_of_manner_leads_to_a_quotation_and_is_no_second_claim() -> None:
    article = (
        "Petra Lindqvist, an analyst at Holm Securities, was more cautious. "
        '"The ferry company has 40 boats and no money to replace them," she said.\n'
    )
    texts = _texts(article)
    assert "Petra Lindqvist, an analyst at Holm Securities" in texts
    assert "Petra Lindqvist, an analyst at Holm Securities, was more cautious" not in texts


def test_an_attribution_with_an_act_stays_a_claim() -> None:
    article = "The harbour board's chair, Petra Lindqvist, apologised.\n"
    texts = _texts(article)
    assert "The harbour board's chair, Petra Lindqvist, apologised" in texts


def test_an_according_to_between_two_clauses_stays_with_the_first() -> None:
    article = (
        "Ferry traffic fell 8 percent in the 12 weeks to March 1, according to the harbour office, while "
        "bus journeys rose 3 percent.\n"
    )
    texts = _texts(article)
    assert "Ferry traffic fell 8 percent in the 12 weeks to March 1, according to the harbour office" in texts
    assert "according to the harbour office" not in texts


def test_a_figure_after_a_leading_phrase_with_no_verb_is_the_sentence_s_own() -> None:
    article = (
        "On the crossing between Holm Bay and Port Skerry, 12 percent of sailings were cancelled in March.\n"
    )
    assert _texts(article) == [article.strip().rstrip(".")]


def test_a_share_set_beside_a_clause_is_still_cut() -> None:
    article = "The ferry company cut 140 jobs in March, about 8 percent of its workforce.\n"
    texts = _texts(article)
    assert "about 8 percent of its workforce" in texts


def test_since_after_a_perfect_without_a_figure_stays_with_it() -> None:
    article = (
        "The crews say their pay has fallen behind prices since their last agreement ran out in October.\n"
    )
    assert _texts(article) == [article.strip().rstrip(".")]


def test_since_after_a_perfect_with_a_figure_is_still_cut() -> None:
    article = "Ferry fares have risen by 12 percent since the harbour board was set up in 2019.\n"
    texts = _texts(article)
    assert "since the harbour board was set up in 2019" in texts


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The size of the cuts took many by surprise.", "reaction of unnamed people"),
        ("The new timetable surprised many on the islands.", "reaction of unnamed people"),
        ("Bookings held up better than many had feared.", "reaction of unnamed people"),
        (
            "The closure will be felt most keenly in the outer villages.",
            "guess at how things seem or will go",
        ),
        (
            "Relations between the crews and the board have a long and bitter history.",
            "a habit of long standing",
        ),
    ],
)
def test_reactions_forecasts_and_histories_state_no_fact(sentence: str, reason: str) -> None:
    assert states_no_fact(sentence) == reason


def test_what_surprised_named_people_is_kept() -> None:
    assert states_no_fact("The vote surprised the harbour board.") is None


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The mood on the quay was grim all morning.", "mood or manner"),
        ("The atmosphere in the hall grew tense as the vote approached.", "mood or manner"),
        ("She struck a cautious note throughout the hearing.", "mood or manner"),
        ("Until then, both sides say they will keep talking.", "unnamed, uncounted people"),
        ("one that few on the islands will forget", "unnamed, uncounted people"),
    ],
)
def test_mood_manner_and_unnamed_sides_after_a_phrase_state_no_fact(sentence: str, reason: str) -> None:
    assert states_no_fact(sentence) == reason


def test_a_mood_with_a_figure_is_kept() -> None:
    article = "The mood on the quay changed when 300 passengers were told to wait for the 9pm ferry.\n"
    assert _texts(article) != []


def test_an_appositive_before_a_relative_is_an_attribution_and_names_the_next_speaker() -> None:
    article = (
        "Among the passengers was Petra Lindqvist, a school cook who has crossed to Holm Bay every day "
        'since 2019.\n"I have missed 14 shifts this winter," she said.\n'
    )
    claims = _claims(article)
    assert "Petra Lindqvist, a school cook" in [c.text for c in claims]
    quote = next(c for c in claims if c.text == "I have missed 14 shifts this winter")
    assert quote.speaker == "Petra Lindqvist"


def test_an_appositive_with_its_relative_before_a_reporting_verb_stays_whole() -> None:
    article = "Petra Lindqvist, a school cook who crosses every day, said the ferry was late 40 times.\n"
    texts = _texts(article)
    assert "Petra Lindqvist, a school cook who crosses every day" in texts


def test_a_name_after_a_role_ends_at_the_full_stop() -> None:
    article = (
        '"Fares fell 6 percent in March," said spokeswoman Petra Lindqvist. Holm Ferries has offered '
        "to meet the council on Friday, she added.\n"
    )
    claims = _claims(article)
    assert claims[0].speaker == "Petra Lindqvist"
    assert "spokeswoman Petra Lindqvist" in [c.text for c in claims]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # the article date, 2026-03-19, is a Thursday
        ("The ferry company has offered to meet the crews on Friday.", "2026-03-20"),
        ("The board asked the crews to meet it before Monday.", "2026-03-23"),
        ("The harbour master has promised to reopen the quay on Tuesday.", "2026-03-24"),
        # an offer made on a past day is no plan for it
        ("The crews offered on Monday to return.", "2026-03-16"),
        # in the past tense, news of a past day, unless the day is the deadline set
        ("The operator agreed to pay the fine on Tuesday.", "2026-03-17"),
        ("The harbour master was asked to resign on Monday.", "2026-03-16"),
        ("The quay reopened on Tuesday.", "2026-03-17"),
    ],
)
def test_an_offer_or_request_to_act_looks_ahead_to_the_next_weekday(text: str, iso: str) -> None:
    (found,) = find_dates(text, "en", THURSDAY)
    assert found.mention is not None and found.mention.date == iso


@pytest.mark.parametrize(
    "sentence",
    [
        "Talk of a new ferry had circulated for months.",
        "The row over fares has hung over the islands for much of the year.",
    ],
)
def test_a_background_state_lasting_a_stretch_states_no_fact(sentence: str) -> None:
    assert states_no_fact(sentence) == "background lasting a stretch"
    assert _texts(sentence + "\n") == []


def test_a_report_of_something_lasting_a_stretch_is_kept() -> None:
    sentence = "The branch secretary said managers had ignored warnings about the ferries for years."
    assert states_no_fact(sentence) is None
    assert _texts(sentence + "\n") != []
