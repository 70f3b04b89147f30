"""English clause rules, second round (from the third tuning article and the gaps the first
round left): each fact its own claim, spans exact, kinds by the facts a span keeps."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.claims import extract_claims
from workbench.domain import ClaimKind

FRIDAY = dt.date(2025, 3, 7)


def _claims(article: str) -> list[tuple[str, ClaimKind]]:
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    for claim in claims:
        assert article[claim.start : claim.end] == claim.text
    return [(claim.text, claim.kind) for claim in claims]


def _texts(article: str) -> list[str]:
    return [text for text, _ in _claims(article)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "as" + a plural subject + a base-form verb is a reason or time clause
        (
            "Demand for flights will grow as people return home for the holidays.",
            ["Demand for flights will grow", "as people return home for the holidays"],
        ),
        (
            "Attendance was 9,350, up 6 percent from the season before, as families return after the pandemic.",
            [
                "Attendance was 9,350",
                "up 6 percent from the season before",
                "as families return after the pandemic",
            ],
        ),
        # ", and" after a three-word clause with a verb
        ("Tickets cost $40, and children ride free.", ["Tickets cost $40", "children ride free"]),
        # a multiple, or a share of what was just named, set beside the figure
        (
            "The club lost £6.2 million in the year to June, more than double the loss a year earlier.",
            ["The club lost £6.2 million in the year to June", "more than double the loss a year earlier"],
        ),
        (
            "The club owes £17.8 million, most of it to companies controlled by its owners.",
            ["The club owes £17.8 million", "most of it to companies controlled by its owners"],
        ),
        # "after" + an amount of time, and a margin after a comma
        (
            "It was promoted to the third tier in 2023 after six seasons in the fourth.",
            ["It was promoted to the third tier in 2023", "after six seasons in the fourth"],
        ),
        (
            "The team is ninth in the table, eight points outside the play-off places.",
            ["The team is ninth in the table", "eight points outside the play-off places"],
        ),
        # a reason clause keeps the adverb that hedges it
        (
            "Turnover fell to £23.5 million, mainly because the team lost in the third round.",
            ["Turnover fell to £23.5 million", "mainly because the team lost in the third round"],
        ),
    ],
)
def test_a_clause_with_its_own_fact_is_its_own_claim(sentence: str, expected: list[str]) -> None:
    assert _texts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "She served as chair of the board for six years.",
        "The hall was used as offices by the council for a decade.",
        "Red, white, and blue flags hung from the town hall.",
        "The library reopened on Monday after a six-month closure.",
        # "since" opens no dated clause when the date lies past the clause's comma
        "The mayor, who has lived in the town since 1998, spoke to reporters on Friday.",
    ],
)
def test_sentences_without_a_second_fact_stay_whole(sentence: str) -> None:
    assert _texts(sentence) == [sentence.rstrip(".")]


def test_a_sentence_is_kind_by_what_is_left_when_its_relative_clause_is_a_claim() -> None:
    assert _claims("He said fares, which start at $4.50, were too high.") == [
        ("He said fares, which start at $4.50, were too high", ClaimKind.EVENT),
        ("which start at $4.50", ClaimKind.NUMBER),
    ]


def test_a_relative_clause_with_a_time_without_a_day_is_a_claim() -> None:
    sentence = "The women's team, which turned professional last year, will play at Kell Lane from September."
    assert _claims(sentence) == [
        (sentence.rstrip("."), ClaimKind.DATE),
        ("which turned professional last year", ClaimKind.DATE),
    ]


def test_a_short_quotation_sentence_without_a_figure_is_no_claim() -> None:
    texts = _texts('"That is football. We have two years to win it back," Lomax said.')
    assert texts == ["We have two years to win it back"]


@pytest.mark.parametrize(
    ("sentence", "attribution", "kind"),
    [
        (
            "Manager Dave Rooke, 47, signed a new contract in December.",
            "Manager Dave Rooke, 47",
            ClaimKind.NUMBER,
        ),
        (
            "The auditors, Greyfield & Moss, said there was no material uncertainty.",
            "The auditors, Greyfield & Moss",
            ClaimKind.ATTRIBUTION,
        ),
        (
            "Gail Ferris, who has run the café since 1998, said takings had doubled.",
            "Gail Ferris, who has run the café since 1998",
            ClaimKind.DATE,
        ),
        (
            "The club sold striker Teodor Blaine to Norholt City in July.",
            "striker Teodor Blaine",
            ClaimKind.ATTRIBUTION,
        ),
    ],
)
def test_who_someone_is_is_a_claim(sentence: str, attribution: str, kind: ClaimKind) -> None:
    assert (attribution, kind) in _claims(sentence)


def test_accounts_that_showed_something_are_a_source_and_which_is_none() -> None:
    assert _claims(
        "The club lost £6.2 million last year, the club's annual accounts showed on Wednesday."
    ) == [
        ("The club lost £6.2 million last year", ClaimKind.NUMBER),
        ("the club's annual accounts showed on Wednesday", ClaimKind.DATE),
    ]
    assert _texts("The report described figures that were published, which showed a loss.") == [
        "The report described figures that were published",
        "which showed a loss",
    ]


def test_the_speaker_of_she_said_is_the_person_named_by_who_has_run() -> None:
    article = (
        "Gail Ferris, who has run the café since 1998, said takings had doubled.\n"
        '"If the club went under, the shops on this street would close," she said.\n'
    )
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    (quote,) = [c for c in claims if c.kind is ClaimKind.QUOTE]
    assert quote.speaker == "Gail Ferris"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a relative clause that runs to the end after a clause with its own verb
        (
            "The court ordered the board to pay £1.4 million to a surgeon who was dismissed after raising concerns.",
            [
                "The court ordered the board to pay £1.4 million to a surgeon",
                "who was dismissed after raising concerns",
            ],
        ),
        # a second amount of one verb
        (
            "The award includes £900,000 for lost earnings and £500,000 in damages.",
            ["The award includes £900,000 for lost earnings", "£500,000 in damages"],
        ),
        # a number word opens the second predicate's object
        (
            "The board employs about 9,000 people and runs four hospitals.",
            ["The board employs about 9,000 people", "runs four hospitals"],
        ),
        # "since" + a clause holding a time without a day
        (
            "It is the largest award the court has made since it was set up in 1974.",
            ["It is the largest award the court has made", "since it was set up in 1974"],
        ),
    ],
)
def test_second_round_clauses_from_the_fourth_tuning_article(sentence: str, expected: list[str]) -> None:
    assert _texts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "People who were hurt in the crash will get $500 each.",
        "The board said residents who were affected will get help.",
        "Rates rose by between 2 and 3 percent last year.",
        "The town's population has fallen by 8,000 since 1990.",
    ],
)
def test_a_subject_relative_a_range_and_since_a_year_stay_whole(sentence: str) -> None:
    assert _texts(sentence) == [sentence.rstrip(".")]


def test_a_title_names_the_person_a_surname_later_points_to() -> None:
    article = 'The judge said Dr Imogen Farrah was treated unfairly.\n"I raised the alarm for my patients," Farrah said.\n'
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    (quote,) = [c for c in claims if c.kind is ClaimKind.QUOTE]
    assert quote.speaker == "Imogen Farrah"
    assert ("Judge Rowan Aske", ClaimKind.ATTRIBUTION) in _claims(
        "Judge Rowan Aske ruled that the board was wrong."
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a modal before "by" + -ing: the means is the claim
        (
            "Orme said schools could help by closing the roads outside their gates.",
            ["Orme said schools could help by closing the roads outside their gates"],
        ),
        (
            "The firm cut costs by closing two of its plants.",
            ["The firm cut costs", "closing two of its plants"],
        ),
        # "when" + a clause with a time dates the figure before it; "since" + one is a fact
        (
            "About 41 percent walked, down from 56 percent when a survey was carried out in 2009.",
            ["About 41 percent walked", "down from 56 percent when a survey was carried out in 2009"],
        ),
        # a modal opens a second predicate like an auxiliary; the month "May" does not
        (
            "Children who are driven often live further away and may simply get up earlier.",
            ["Children who are driven often live further away", "may simply get up earlier"],
        ),
        (
            "The plan was approved in April and May 2024 saw the first works.",
            ["The plan was approved in April and May 2024 saw the first works"],
        ),
        # the noun after a reporting verb is a subject: its relative clause stays
        (
            "Tom Ridley said children who are driven to school often live further away.",
            ["Tom Ridley said children who are driven to school often live further away"],
        ),
    ],
)
def test_third_round_clauses_from_the_fifth_tuning_article(sentence: str, expected: list[str]) -> None:
    assert _texts(sentence) == expected


def test_a_transition_about_unnamed_people_is_no_claim_and_an_author_is_a_role() -> None:
    article = "Not everyone is convinced. Nobody expected that.\nMany residents were evacuated on Friday.\n"
    assert _texts(article) == ["Many residents were evacuated on Friday"]
    assert ("Lead author Dr Nadia Orme", ClaimKind.ATTRIBUTION) in _claims(
        'Lead author Dr Nadia Orme said the results were "striking".'
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ", a record, and expects to ...": a second predicate after an appositive
        (
            "The airport handled 9.1 million passengers last year, a record, and expects to pass 10 million in 2027.",
            [
                "The airport handled 9.1 million passengers last year, a record",
                "expects to pass 10 million in 2027",
            ],
        ),
        # a "when" clause with a figure of its own; one with only a year stays with its figure
        (
            "A previous strike ended after three days when Skyline raised its offer to 6 percent.",
            ["A previous strike ended after three days", "when Skyline raised its offer to 6 percent"],
        ),
        # a relative clause at the end may hold a name set off by commas
        (
            "Members rejected a pay offer of 4 percent, which the contractor, Skyline Services, made last month.",
            [
                "Members rejected a pay offer of 4 percent",
                "which the contractor, Skyline Services, made last month",
                # the body named beside what it is (third round)
                "the contractor, Skyline Services",
            ],
        ),
        # a source left alone between two cuts is an aside: no claim without a date or figure
        (
            "Handlers will strike for 48 hours from Friday, the Transport Workers' Union said, threatening flights for about 60,000 passengers.",
            [
                "Handlers will strike for 48 hours from Friday",
                "threatening flights for about 60,000 passengers",
            ],
        ),
    ],
)
def test_fourth_round_clauses_from_the_sixth_tuning_article(sentence: str, expected: list[str]) -> None:
    assert _texts(sentence) == expected


def test_a_role_with_a_lower_case_modifier_after_said_names_the_speaker() -> None:
    article = '"Our members load bags in all weathers," said union organiser Kate Mulvey.\n'
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    (quote,) = [c for c in claims if c.kind is ClaimKind.QUOTE]
    assert quote.speaker == "Kate Mulvey"
    assert ("union organiser Kate Mulvey", ClaimKind.ATTRIBUTION) in [(c.text, c.kind) for c in claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an amount "of" something set beside the figure
        (
            "Brightfield Software will cut 350 jobs, about 8 percent of its workforce, the company said.",
            ["Brightfield Software will cut 350 jobs", "about 8 percent of its workforce"],
        ),
        # a "whose" clause set off by commas is a claim beside its sentence
        (
            "The company, whose headquarters are in Tarlow, employs about 4,300 people.",
            [
                "The company, whose headquarters are in Tarlow, employs about 4,300 people",
                "whose headquarters are in Tarlow",
            ],
        ),
        # a "who" relative that defines a class of people stays with its noun
        (
            "These are hard decisions about people who have done nothing wrong.",
            ["These are hard decisions about people who have done nothing wrong"],
        ),
    ],
)
def test_fifth_round_clauses_from_the_seventh_tuning_article(sentence: str, expected: list[str]) -> None:
    assert _texts(sentence) == expected


def test_a_surname_with_its_relative_is_an_attribution_that_does_not_decide_the_sentence_kind() -> None:
    article = (
        "Chief executive Maren Holt said the cuts were needed.\n"
        "Holt, who founded the company in 2004, added that Brightfield would keep hiring engineers.\n"
    )
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    kinds = {c.text: c.kind for c in claims}
    assert kinds["Holt, who founded the company in 2004"] is ClaimKind.DATE
    sentence = "Holt, who founded the company in 2004, added that Brightfield would keep hiring engineers"
    assert kinds[sentence] is ClaimKind.EVENT
