"""English clause rules, third round (from retired2.en, the former held-out article, and the ninth
tuning article): each fact its own claim, spans exact, kinds by the facts a span keeps."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.claims import extract_claims
from workbench.claims.attributions import find_attributions
from workbench.claims.people import PeopleIndex
from workbench.domain import ClaimKind

THURSDAY = dt.date(2025, 9, 18)


def _claims(article: str) -> list[tuple[str, ClaimKind]]:
    claims = extract_claims(article, lang="en", article_date=THURSDAY)
    for claim in claims:
        assert article[claim.start : claim.end] == claim.text
    return [(claim.text, claim.kind) for claim in claims]


def _texts(article: str) -> list[str]:
    return [text for text, _ in _claims(article)]


def test_the_owner_of_a_role_belongs_to_its_attribution_and_the_role_alone_resolves() -> None:
    text = "Fellbrook's operations director, Martin Osei, said rainfall had been 38 percent of the average."
    (attribution,) = find_attributions(text, 0, len(text))
    assert text[attribution.start : attribution.end] == "Fellbrook's operations director, Martin Osei"
    people = PeopleIndex()
    people.add(attribution.name, attribution.role)
    assert people.resolve("the director") == "Martin Osei"
    assert ("Fellbrook's operations director, Martin Osei", ClaimKind.ATTRIBUTION) in _claims(text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a time clause in the past with its own subject is a dated event of its own
        (
            "The village was home to about 200 people before its residents were moved out in the 1950s.",
            ["The village was home to about 200 people", "before its residents were moved out in the 1950s"],
        ),
        (
            "The club nearly went out of business in 2019 after its owner left debts of £6 million.",
            ["The club nearly went out of business in 2019", "after its owner left debts of £6 million"],
        ),
        # no subject and past verb of its own: the sentence stays whole
        (
            "A previous strike, in August 2024, ended after three days when the company raised its offer.",
            None,
        ),
        ("Rovers won after extra time in front of 18,400 fans.", None),
        ("The council will decide before the budget is set in March.", None),
    ],
)
def test_a_past_time_clause_with_its_own_subject_is_a_claim(
    sentence: str, expected: list[str] | None
) -> None:
    texts = _texts(sentence)
    if expected is None:
        assert sentence.rstrip(".") in texts
    else:
        assert texts == expected


def test_a_list_after_a_count_splits_its_head_and_keeps_an_or_inside_its_last_item() -> None:
    sentence = (
        "The restriction affects about 410,000 customers and forbids three things: watering gardens, "
        "washing private cars and filling paddling or swimming pools."
    )
    assert _claims(sentence) == [
        ("The restriction affects about 410,000 customers", ClaimKind.NUMBER),
        ("forbids three things", ClaimKind.NUMBER),
        ("watering gardens", ClaimKind.LIST_ITEM),
        ("washing private cars", ClaimKind.LIST_ITEM),
        ("filling paddling or swimming pools", ClaimKind.LIST_ITEM),
    ]


def test_a_known_name_reporting_in_narration_is_whom_a_later_he_said_points_to() -> None:
    article = (
        "Fellbrook's operations director, Martin Osei, said the ban was needed.\n\n"
        'Owen Tranter, who runs a landscaping firm, said he had lost work. "I just wish they had fixed '
        'their own pipes first," he said.\n\n'
        'Osei said the company would spend £310 million over five years. "Every litre we lose is a '
        'litre we are asking customers to save," he said.\n\n'
        'Campaigners said the leaks were a scandal. "We know exactly how that looks to customers," he said.\n'
    )
    claims = extract_claims(article, lang="en", article_date=THURSDAY)
    speakers = {c.text: c.speaker for c in claims if c.kind is ClaimKind.QUOTE}
    assert speakers["I just wish they had fixed their own pipes first"] == "Owen Tranter"
    assert speakers["Every litre we lose is a litre we are asking customers to save"] == "Martin Osei"
    # "Campaigners" names no known person: the speaker stays the last one
    assert speakers["We know exactly how that looks to customers"] == "Martin Osei"


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Fellbrook loses about 96 million litres a day, according to figures from the regulator, "
            "the Water Standards Office, which has fined it £4.6 million.",
            "the regulator, the Water Standards Office",
        ),
        (
            "Members rejected an offer of 4 percent, which the airport's ground-handling contractor, "
            "Skyline Services, made last month.",
            "the airport's ground-handling contractor, Skyline Services",
        ),
    ],
)
def test_a_body_named_beside_what_it_is_is_an_attribution(sentence: str, body: str) -> None:
    assert (body, ClaimKind.ATTRIBUTION) in _claims(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a single word beside a noun is as often a place
        "The drowned village, Skelder, was home to about 200 people.",
        # a role's attribution already holds the name
        "Rovers trailed for most of the match after Town's captain, Leon Varga, scored.",
    ],
)
def test_no_named_body_for_a_place_or_inside_a_role(sentence: str) -> None:
    attributions = [text for text, kind in _claims(sentence) if kind is ClaimKind.ATTRIBUTION]
    assert all(not text.startswith(("The drowned", "the match")) for text in attributions)


def test_because_of_names_a_cause_and_opens_no_clause() -> None:
    sentence = "He confirmed that Varga would miss the start of next season because of a knee injury."
    assert _texts(sentence) == [sentence.rstrip(".")]
    assert _texts("The plant closed because no buyer was found for it.") == [
        "The plant closed",
        "because no buyer was found for it",
    ]


def test_a_reporting_verb_after_but_opening_its_own_clause_is_a_second_predicate() -> None:
    sentence = (
        "Forecasters at the Northern Weather Centre expect rainfall to return to normal in October "
        "but say the reservoir will need weeks of steady rain to recover."
    )
    assert _texts(sentence) == [
        "Forecasters at the Northern Weather Centre expect rainfall to return to normal in October",
        "say the reservoir will need weeks of steady rain to recover",
    ]
    # no clause after the reporting verb: the sentence stays whole
    whole = "Residents of the valley expect little rain but say little about it."
    assert _texts(whole) == [whole.rstrip(".")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The club was rescued by a group of supporters who now own 60 percent of the shares.",
            ["The club was rescued by a group of supporters", "who now own 60 percent of the shares"],
        ),
        # a class of people the relative defines, with no figure: one claim
        (
            "The rules protect people who have done nothing wrong.",
            ["The rules protect people who have done nothing wrong"],
        ),
        (
            "The fund helps families who live near the river.",
            ["The fund helps families who live near the river"],
        ),
    ],
)
def test_a_relative_giving_a_figure_for_people_is_a_claim(sentence: str, expected: list[str]) -> None:
    assert _texts(sentence) == expected


def test_an_aside_with_a_time_without_a_day_is_a_claim() -> None:
    article = (
        '"I told the players at half-time that nobody remembers the semi-finalists," said Rovers manager '
        "Ellen Okoro, who took over the club in January when it was bottom of the division.\n"
    )
    claims = _claims(article)
    aside = "said Rovers manager Ellen Okoro, who took over the club in January when it was bottom of the division"
    assert (aside, ClaimKind.DATE) in claims
    plain = '"I told the players at half-time that nobody remembers them," said Rovers manager Ellen Okoro.\n'
    assert [text for text, _ in _claims(plain)] == [
        "I told the players at half-time that nobody remembers them",
        "Rovers manager Ellen Okoro",
    ]


@pytest.mark.parametrize(
    ("sentence", "relative"),
    [
        (
            "The chain, which employs about 96,000 people in 612 stores, raised pay by 5 percent in April.",
            "which employs about 96,000 people in 612 stores",
        ),
        (
            "The union, which represents about 3,900 of the 9,400 staff, said nurses were tired.",
            "which represents about 3,900 of the 9,400 staff",
        ),
    ],
)
def test_the_comma_of_a_figure_does_not_close_a_relative_clause(sentence: str, relative: str) -> None:
    texts = _texts(sentence)
    assert relative in texts
    assert not any(text.endswith((" 96", " 3")) for text in texts)


def test_a_name_closing_its_sentence_leaves_the_full_stop_out() -> None:
    text = (
        "Prices rose again, according to the group's research director, Malik Osei-Brandt. "
        '"Shoppers are paying more for almost everything," he said.\n'
    )
    (attribution,) = find_attributions(text, 0, len(text))
    assert attribution.name == "Malik Osei-Brandt"
    assert text[attribution.start : attribution.end] == "the group's research director, Malik Osei-Brandt"
    quotes = [c for c in extract_claims(text, lang="en", article_date=THURSDAY) if c.kind is ClaimKind.QUOTE]
    assert [c.speaker for c in quotes] == ["Malik Osei-Brandt"]


def test_a_role_of_two_words_after_said_and_a_name_with_its_relative_name_the_speakers() -> None:
    article = (
        '"We acted as soon as we understood the cause," said Voltra\'s chief executive, Pieter Janssens.\n\n'
        "Shares in Voltra's parent company, Brennan Mobility, fell 7 percent on Thursday.\n\n"
        "Rosa Iqbal, whose son's bike started smoking in their hallway in September, said she had called "
        'three times. "They told us it was a one-off event," she said.\n'
    )
    claims = _claims(article)
    speakers = {
        c.text: c.speaker
        for c in extract_claims(article, lang="en", article_date=THURSDAY)
        if c.kind is ClaimKind.QUOTE
    }
    assert speakers == {
        "We acted as soon as we understood the cause": "Pieter Janssens",
        "They told us it was a one-off event": "Rosa Iqbal",
    }
    assert ("Voltra's parent company, Brennan Mobility", ClaimKind.ATTRIBUTION) in claims


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Voltra is recalling 64,000 bikes after at least 11 of their batteries caught fire while charging.",
            [
                "Voltra is recalling 64,000 bikes",
                "after at least 11 of their batteries caught fire while charging",
            ],
        ),
        (
            "Owners have been told to stop charging the bikes and to return the batteries to any store.",
            ["Owners have been told to stop charging the bikes", "to return the batteries to any store"],
        ),
        # no infinitive before it: "and to" joins two places
        ("The line runs to Harwick and to the coast at Portkell.", None),
    ],
)
def test_a_qualified_subject_and_a_second_infinitive(sentence: str, expected: list[str] | None) -> None:
    assert _texts(sentence) == (expected or [sentence.rstrip(".")])


def test_a_trailing_source_may_hold_a_figure_with_a_comma_and_found_names_a_source() -> None:
    sentence = (
        "People who walk every day are less likely to develop diabetes, according to a study of more "
        "than 12,000 adults published on Monday."
    )
    claims = _claims(sentence)
    assert ("according to a study of more than 12,000 adults published on Monday", ClaimKind.DATE) in claims
    assert ("People who walk every day are less likely to develop diabetes", ClaimKind.EVENT) in claims
    found = "The effect held after the researchers took account of weight, diet and smoking, the study found."
    assert _texts(found) == ["The effect held after the researchers took account of weight, diet and smoking"]


def test_a_title_is_no_part_of_the_name_and_an_appositive_joins_a_role_and_name() -> None:
    article = (
        '"Walking is free and almost everyone can do it," said Dr Amara Quist, who led the research. '
        '"Even a short walk after dinner seems to make a difference."\n\n'
        "Professor Ken Adebayo, an epidemiologist at Holm University who was not involved in the work, "
        "called it a careful study.\n"
    )
    claims = extract_claims(article, lang="en", article_date=THURSDAY)
    attributions = [c.text for c in claims if c.kind is ClaimKind.ATTRIBUTION]
    assert attributions == [
        "Dr Amara Quist, who led the research",
        "Professor Ken Adebayo, an epidemiologist at Holm University who was not involved in the work",
    ]
    assert {c.speaker for c in claims if c.kind is ClaimKind.QUOTE} == {"Amara Quist"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Those who walked briskly saw the biggest benefit: their risk was 31 percent lower than the rest.",
            [
                "Those who walked briskly saw the biggest benefit",
                "their risk was 31 percent lower than the rest",
            ],
        ),
        # no verb after the colon: one claim
        ("The plan has one aim: lower bills for 40,000 homes.", None),
    ],
)
def test_a_colon_before_a_clause_with_its_own_verb(sentence: str, expected: list[str] | None) -> None:
    assert _texts(sentence) == (expected or [sentence.rstrip(".")])


@pytest.mark.parametrize(
    ("sentence", "inner"),
    [
        (
            "Researchers followed the participants, who were aged between 40 and 75, for nine years.",
            "who were aged between 40 and 75",
        ),
        (
            "The study, which was funded by the National Diabetes Trust, appears in a journal.",
            "which was funded by the National Diabetes Trust",
        ),
    ],
)
def test_a_set_off_relative_with_a_figure_or_a_name_is_a_claim_inside_its_sentence(
    sentence: str, inner: str
) -> None:
    assert sorted(_texts(sentence)) == sorted([inner, sentence.rstrip(".")])


@pytest.mark.parametrize(
    "sentence",
    [
        # after a name the relative is the attribution's
        "Gail Ferris, who has run the café since 1998, said takings were down.",
        # no figure, time or name inside
        "The study, which was small, appears in a journal of health.",
    ],
)
def test_no_set_off_relative_claim_after_a_name_or_without_a_fact(sentence: str) -> None:
    assert not any(text.startswith(("who ", "which ")) for text in _texts(sentence))


def test_an_appositive_runs_to_its_comma_and_a_managing_director_after_said_is_read_whole() -> None:
    article = (
        '"This was a frightening experience for everyone on board," said Northline\'s managing director, '
        "Carys Penhaligon.\n\n"
        "Martin Cole, a passenger who works in Esk Junction, said the carriage lurched sideways.\n"
    )
    claims = extract_claims(article, lang="en", article_date=THURSDAY)
    assert [c.speaker for c in claims if c.kind is ClaimKind.QUOTE] == ["Carys Penhaligon"]
    attributions = [c.text for c in claims if c.kind is ClaimKind.ATTRIBUTION]
    assert "Martin Cole, a passenger who works in Esk Junction" in attributions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "whether" after "and" is no verb
        (
            "It said it would examine how the trees were managed and whether the train's speed was right.",
            ["It said it would examine how the trees were managed and whether the train's speed was right"],
        ),
        # a time of day makes a "when" clause a dated event of its own
        (
            "The train was travelling at around 60 mph when it struck the tree shortly before 7 a.m.",
            ["The train was travelling at around 60 mph", "when it struck the tree shortly before 7 a.m"],
        ),
        # three words with no figure after the second verb: no claim of their own
        (
            "The line stays closed while engineers repaired the track and removed the train.",
            ["The line stays closed while engineers repaired the track and removed the train"],
        ),
        ("The board employs about 9,000 people and runs four hospitals.", None),
    ],
)
def test_predicates_and_when_clauses_from_the_fourteenth_article(
    sentence: str, expected: list[str] | None
) -> None:
    if expected is None:
        assert len(_texts(sentence)) == 2
    else:
        assert _texts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb in the past before "said" belongs to the sentence, not to a source closing it
        (
            "Pennick's chief executive, Gareth Lowe, apologised and said no passwords or card numbers had been taken.",
            [
                "Pennick's chief executive, Gareth Lowe",
                "Pennick's chief executive, Gareth Lowe, apologised",
                "said no passwords or card numbers had been taken",
            ],
        ),
        # "since" before a time alone opens no clause
        (
            "The helpline has taken more than 9,000 calls since Tuesday morning.",
            ["The helpline has taken more than 9,000 calls since Tuesday morning"],
        ),
        # "but" before an auxiliary opens a second predicate, as "and" does
        (
            "It discovered the intrusion on April 2 but did not tell customers until this week.",
            ["It discovered the intrusion on April 2", "did not tell customers until this week"],
        ),
        # a "who" relative after "every ..." defines a class
        (
            "Our priority is to protect every customer who has been affected.",
            ["Our priority is to protect every customer who has been affected"],
        ),
    ],
)
def test_clauses_from_the_fifteenth_article(sentence: str, expected: list[str]) -> None:
    assert sorted(_texts(sentence)) == sorted(expected)


def test_a_dated_source_set_off_inside_a_sentence_and_the_time_that_follows_it() -> None:
    sentence = (
        "A cyber attack exposed the bank details of about 380,000 customers, the company admitted on "
        "Tuesday, almost three weeks after it first detected the breach."
    )
    assert _claims(sentence) == [
        ("A cyber attack exposed the bank details of about 380,000 customers", ClaimKind.NUMBER),
        ("the company admitted on Tuesday", ClaimKind.DATE),
        ("almost three weeks after it first detected the breach", ClaimKind.NUMBER),
    ]
    # an amount of time inside the phrase before "after": the cut is kept
    assert _texts("Voltra is recalling bikes sold in the last two years after 11 batteries caught fire.") == [
        "Voltra is recalling bikes sold in the last two years",
        "after 11 batteries caught fire",
    ]


def test_two_base_verbs_under_one_modal_are_one_claim() -> None:
    sentence = "Anyone who gets such a call should hang up and ring the number on their bill."
    assert _texts(sentence) == [sentence.rstrip(".")]
    assert _texts("The council approved the budget and raised fees by 10 percent.") == [
        "The council approved the budget",
        "raised fees by 10 percent",
    ]


def test_a_list_of_three_causes_is_one_claim_and_a_role_of_something_has_its_owner() -> None:
    sentence = (
        "The trust blamed the losses on disturbance from walkers and dogs, rising sea levels that cover "
        "feeding grounds for longer, and the draining of nearby grazing marsh for housing."
    )
    assert _texts(sentence) == [sentence.rstrip(".")]
    # a participle with an object after a comma still opens a clause
    assert _texts("The company closed the plant in 2024, cutting about 1,800 jobs.") == [
        "The company closed the plant in 2024",
        "cutting about 1,800 jobs",
    ]
    # ", and" after a single clause still cuts
    assert (
        len(
            _texts(
                "Every winter we pump water out of the same streets, and every winter the bill gets bigger."
            )
        )
        == 2
    )
    text = "Its director of science, Dr Felicity Harrow, said the estuary had changed.\n"
    (attribution,) = find_attributions(text, 0, len(text))
    assert text[attribution.start : attribution.end] == "Its director of science, Dr Felicity Harrow"
    assert attribution.name == "Felicity Harrow"


def test_a_base_verb_under_a_shared_modal_with_a_figure_of_its_own_is_a_claim() -> None:
    assert _texts("A public consultation will open on February 9 and run for six weeks.") == [
        "A public consultation will open on February 9",
        "run for six weeks",
    ]
