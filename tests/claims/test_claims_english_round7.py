"""English claim rules, seventh round (from the retired held-out articles retired5.en and
retired6.en, and the independently annotated golds): broad rules that carry over to unseen text."""

from __future__ import annotations

import datetime as dt

import pytest
from claims_gold import english_claims

from workbench.claims.attributions import find_attributions
from workbench.claims.boilerplate import is_boilerplate
from workbench.claims.worthiness import states_no_fact
from workbench.domain import ExtractedClaim

THURSDAY = dt.date(2026, 3, 19)


def _claims(article: str) -> list[ExtractedClaim]:
    return english_claims(article, THURSDAY)


def _texts(article: str) -> list[str]:
    return [claim.text for claim in _claims(article)]


def test_a_quoted_sentence_whose_halves_carry_no_fact_stays_whole() -> None:
    article = '"We owe the island an apology, but we cannot undo what happened," said Ilse Marchetti.\n'
    texts = _texts(article)
    assert "We owe the island an apology, but we cannot undo what happened" in texts
    assert "we cannot undo what happened" not in texts


def test_a_quoted_sentence_joined_by_and_with_no_fact_stays_whole() -> None:
    article = '"The crews were tired, and the lights kept failing," said Ilse Marchetti.\n'
    assert "The crews were tired, and the lights kept failing" in _texts(article)


def test_a_quoted_clause_with_a_fact_before_one_without_is_still_cut() -> None:
    article = '"The ferry was cancelled 14 times in March, and nobody told us why," said Ilse Marchetti.\n'
    texts = _texts(article)
    assert "The ferry was cancelled 14 times in March" in texts
    assert "nobody told us why" in texts


def test_narration_halves_with_no_fact_are_not_joined_by_the_quotation_rule() -> None:
    article = "The crews were tired, and the lights kept failing at the Holm Bay depot.\n"
    texts = _texts(article)
    assert "The crews were tired, and the lights kept failing at the Holm Bay depot" not in texts


def test_a_prompt_to_follow_a_paper_named_without_the_is_furniture() -> None:
    line = "Follow Harbour Wire for more coverage from the islands"
    assert is_boilerplate(line)
    assert _texts("The ferry to Holm Bay was cancelled 14 times in March.\n" + line + "\n") == [
        "The ferry to Holm Bay was cancelled 14 times in March"
    ]


def test_a_sentence_opening_with_follow_and_a_name_is_no_prompt() -> None:
    assert not is_boilerplate("Follow-up inspections by Harbour Safety found 12 faults in the new cranes.")


def test_the_second_as_of_a_comparison_opens_no_clause() -> None:
    article = "The rivalry between the two ferry companies on the Holm Bay route is as old as the piers themselves.\n"
    texts = _texts(article)
    assert "as the piers themselves" not in texts
    assert all(not text.endswith("is as old") for text in texts)


def test_an_as_clause_with_its_own_subject_is_still_cut() -> None:
    article = "Fares on the Holm Bay ferry rose 9 percent in March as the operator's fuel bill grew.\n"
    assert "as the operator's fuel bill grew" in _texts(article)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "The ferry operator has 30 days to appeal against the ruling.",
            "The ferry operator has 30 days to appeal against the ruling",
        ),
        (
            "Residents have until May 20 to object to the new timetable.",
            "Residents have until May 20 to object to the new timetable",
        ),
        (
            "The crews were given six weeks to move their boats out of the harbour.",
            "The crews were given six weeks to move their boats out of the harbour",
        ),
    ],
)
def test_the_time_someone_has_for_an_act_stays_with_the_act(sentence: str, claim: str) -> None:
    assert _texts(sentence + "\n") == [claim]


def test_an_infinitive_after_an_amount_spent_is_still_a_purpose() -> None:
    article = "The council borrowed $25 million to rebuild the harbour wall.\n"
    assert "to rebuild the harbour wall" in _texts(article)


def test_until_after_from_closes_one_stretch_of_time() -> None:
    article = "The pumps ran at half capacity from early 2024 until the new motor was fitted in March 2025.\n"
    assert _texts(article) == [
        "The pumps ran at half capacity from early 2024 until the new motor was fitted in March 2025"
    ]


def test_until_with_its_own_dated_event_is_still_cut() -> None:
    article = "The harbour stayed closed to ferries for nine days until the storm wall was repaired in March 2025.\n"
    assert "until the storm wall was repaired in March 2025" in _texts(article)


def test_a_mood_on_a_named_day_states_no_fact() -> None:
    assert (
        states_no_fact("At the quay, the mood on Friday evening was sombre", dated=True) == "mood or manner"
    )
    article = "At the quay in Holm Bay, where 40 ferries are based, the mood on Friday evening was sombre.\n"
    texts = _texts(article)
    assert all("mood" not in text for text in texts)
    assert "where 40 ferries are based" in texts


def test_a_date_still_makes_other_narration_checkable() -> None:
    assert states_no_fact("Many in the town expect the ferry to return", dated=True) is None
    article = "At the quay in Holm Bay, the last ferry of the season left on Friday evening.\n"
    assert _texts(article) == ["At the quay in Holm Bay, the last ferry of the season left on Friday evening"]


def test_a_background_state_of_generations_states_no_fact() -> None:
    assert (
        states_no_fact("Families in the bay have farmed oysters for generations")
        == "background lasting a stretch"
    )
    assert (
        states_no_fact("The two islands have quarrelled over the ferry for a long time")
        == "background lasting a stretch"
    )


def test_a_perfect_inside_a_relative_leaves_its_clause_alone() -> None:
    assert states_no_fact("ending a strike that had kept the ferries in port for much of the winter") is None
    article = (
        "The ferry crews signed a three-year pay deal on Wednesday, ending a strike that had kept the "
        "ferries in port for much of the winter.\n"
    )
    assert "ending a strike that had kept the ferries in port for much of the winter" in _texts(article)


def test_the_body_after_a_role_and_name_belongs_to_the_attribution() -> None:
    text = "Judge Amira Castell of the Northern Harbour Court fined the ferry company $2 million on Monday."
    found = find_attributions(text, 0, len(text))
    assert [(text[a.start : a.end], a.name) for a in found] == [
        ("Judge Amira Castell of the Northern Harbour Court", "Amira Castell")
    ]


def test_a_word_in_ologist_is_a_role() -> None:
    text = "Marine ecologist Tomas Berne of the University of Holm Bay said the cut was needed."
    found = find_attributions(text, 0, len(text))
    assert [(text[a.start : a.end], a.name) for a in found] == [
        ("Marine ecologist Tomas Berne of the University of Holm Bay", "Tomas Berne")
    ]


def test_a_closing_appositive_with_a_figure_of_its_own_is_cut() -> None:
    article = "The new ferry will call at Holm Bay, a village of about 1,200 people.\n"
    texts = _texts(article)
    assert "a village of about 1,200 people" in texts
    assert "The new ferry will call at Holm Bay" in texts


def test_a_closing_appositive_with_no_figure_stays() -> None:
    article = "The new ferry will call at Holm Bay, a village on the northern shore.\n"
    assert _texts(article) == ["The new ferry will call at Holm Bay, a village on the northern shore"]
