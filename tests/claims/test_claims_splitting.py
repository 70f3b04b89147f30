"""English sentences that hold a second checkable fact: each fact its own claim, spans exact."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.claims import extract_claims
from workbench.claims.english_clauses import english_cuts
from workbench.claims.english_relatives import embedded_relatives
from workbench.domain import ClaimKind

FRIDAY = dt.date(2025, 3, 7)


def _texts(article: str, lang: str = "en") -> list[str]:
    claims = extract_claims(article, lang=lang, article_date=FRIDAY)
    for claim in claims:
        assert article[claim.start : claim.end] == claim.text
    return [claim.text for claim in claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a participial clause after a comma: the subject stays implicit, the span exact
        (
            "The mill will close its plant by June, cutting about 1,800 jobs.",
            ["The mill will close its plant by June", "cutting about 1,800 jobs"],
        ),
        (
            "Shares rose 3 percent in early trading, giving the firm a value of about $11 billion.",
            ["Shares rose 3 percent in early trading", "giving the firm a value of about $11 billion"],
        ),
        # reason clauses keep their conjunction
        (
            "The utility is closing the plant as it shifts spending toward offshore wind.",
            ["The utility is closing the plant", "as it shifts spending toward offshore wind"],
        ),
        (
            "Unemployment fell to 4.1 percent in June as factories hired more workers.",
            ["Unemployment fell to 4.1 percent in June", "as factories hired more workers"],
        ),
        (
            "Unions said the closure came too soon because no buyer had been found for the site.",
            ["Unions said the closure came too soon", "because no buyer had been found for the site"],
        ),
        # a purpose clause after an amount
        (
            "The county would borrow $25 million to buy the site from the utility.",
            ["The county would borrow $25 million", "to buy the site from the utility"],
        ),
        # coordinated predicates with one subject
        (
            "The council approved the budget and raised parking fees by 10%.",
            ["The council approved the budget", "raised parking fees by 10%"],
        ),
        (
            "The town's population has fallen by 8,000 since 1990 and now stands at about 23,000.",
            ["The town's population has fallen by 8,000 since 1990", "now stands at about 23,000"],
        ),
        (
            "The school has 400 pupils and employs 32 teachers.",
            ["The school has 400 pupils", "employs 32 teachers"],
        ),
        # a change stated beside the figure
        (
            "The airport handled 30 million passengers, up 8 percent from 2023.",
            ["The airport handled 30 million passengers", "up 8 percent from 2023"],
        ),
        (
            "Reservoir levels have fallen to 45 percent, down from 70 percent a year ago.",
            ["Reservoir levels have fallen to 45 percent", "down from 70 percent a year ago"],
        ),
        (
            "Water use rose to 2.1 billion litres a day, compared with 1.6 billion normally.",
            ["Water use rose to 2.1 billion litres a day", "compared with 1.6 billion normally"],
        ),
        # a superlative set beside the sentence
        (
            "Rainfall in July was 40 percent below average, the lowest since 1976.",
            ["Rainfall in July was 40 percent below average", "the lowest since 1976"],
        ),
        # a dated source before its report dates the report: one claim (the annotators of the
        # eighteenth and nineteenth tuning articles marked "The Tertiary Education Regulator said
        # on Wednesday that it had placed Lowmoor under ..." whole)
        (
            "The company said on Thursday that it would impose a ban from Monday.",
            ["The company said on Thursday that it would impose a ban from Monday"],
        ),
        (
            "The minister told parliament on Tuesday that 300 schools would close.",
            ["The minister told parliament on Tuesday that 300 schools would close"],
        ),
        (
            "The park covers 300 hectares and attracts 900 visitors a day.",
            ["The park covers 300 hectares", "attracts 900 visitors a day"],
        ),
        # a relative clause at the end of the sentence
        (
            "The ferry carried 1.2 million passengers last year, which was a record.",
            ["The ferry carried 1.2 million passengers last year", "which was a record"],
        ),
    ],
)
def test_a_second_fact_is_its_own_claim(sentence: str, expected: list[str]) -> None:
    assert _texts(sentence) == expected


def test_a_relative_clause_with_a_figure_inside_the_sentence_is_a_claim_beside_it() -> None:
    sentence = "The plant, which opened in 1968, supplied 14 percent of the region's power."
    assert _texts(sentence) == [
        "The plant, which opened in 1968, supplied 14 percent of the region's power",
        "which opened in 1968",
    ]
    # without a figure or a date, the clause stays inside its sentence
    assert _texts("The plant, which burns coal, supplied 14 percent of the region's power.") == [
        "The plant, which burns coal, supplied 14 percent of the region's power"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council voted on Tuesday to build a flood barrier across the estuary.",  # "to" complement
        "Fewer than 150 households will have to move while the work is done.",
        "Prices rose 3 percent to $4.20 a gallon in March.",  # "to" before an amount
        "The agency lent $2 million to households hit by the storm.",  # "to" before a noun
        "Residents, fearing another flood, moved their cars to higher ground on Monday.",
        "He served as the company's lawyer for more than ten years.",  # "as" opening no clause
        "The plan covers roads, schools and hospitals such as the Lowfield clinic.",
        "The mayor and elected officials met on Friday to discuss the budget.",  # no verb before "and"
        "Exports of rice, maize and soybeans fell sharply last year.",
        "The station sits on the river, close to the old docks.",
        "The council said in a statement that the road would reopen soon.",  # the source has no date
        "The project includes new roads, housing and parks in the north.",  # a noun in -ing
    ],
)
def test_sentences_with_one_fact_stay_whole(sentence: str) -> None:
    assert _texts(sentence) == [sentence.rstrip(".")]


def test_a_quotes_two_sentences_are_two_claims_with_the_same_speaker() -> None:
    article = (
        "Chief executive Dana Whitlock spoke on Friday.\n"
        '"The plant has run for 52 years. Its workers kept the lights on for three generations," '
        "Whitlock said.\n"
    )
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    quotes = [c for c in claims if c.kind is ClaimKind.QUOTE]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The plant has run for 52 years", "Dana Whitlock"),
        ("Its workers kept the lights on for three generations", "Dana Whitlock"),
    ]
    assert all(article[q.start : q.end] == q.text for q in quotes)


def test_a_quote_holding_a_participial_clause_is_split_inside_the_quotation() -> None:
    article = '"We will close the mill in June, cutting 300 jobs," said Tom Reyes, the owner.\n'
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    quotes = [(c.text, c.kind) for c in claims if c.kind is ClaimKind.QUOTE]
    assert quotes == [
        ("We will close the mill in June", ClaimKind.QUOTE),
        ("cutting 300 jobs", ClaimKind.QUOTE),
    ]


def test_split_offsets_stay_exact_on_curly_quotes_and_crlf() -> None:
    article = (
        "The café’s owner, Ana Lís, said sales fell 20%, forcing her to cut two shifts.\r\n"
        "İzmir’s port handled 4 million containers and added 300 workers.\r\n"
    )
    texts = _texts(article)
    assert "forcing her to cut two shifts" in texts
    assert "added 300 workers" in texts


def test_a_paragraph_opening_with_shares_is_no_share_prompt() -> None:
    assert _texts("Shares rose 3 percent, giving the firm a value of $11 billion.\nShare this article\n") == [
        "Shares rose 3 percent",
        "giving the firm a value of $11 billion",
    ]


def test_the_english_rules_leave_indonesian_text_alone() -> None:
    sentence = "Pemerintah membangun 1.500 rumah, masing-masing seharga Rp 300 juta."
    assert _texts(sentence, "id") == [sentence.rstrip(".")]


def test_cuts_and_relatives_name_positions_in_the_whole_text() -> None:
    text = "Intro. The plant closed, cutting 300 jobs. The mill, which opened in 1968, burned coal for years."
    start = text.index("The plant")
    end = text.index(". The mill")
    assert english_cuts(text, start, end) == [(text.index(", cutting"), text.index(", cutting") + 1)]
    mill = text.index("The mill")
    relative = embedded_relatives(text, mill, len(text) - 1, [])
    assert [text[s:e] for s, e in relative] == ["which opened in 1968"]


def test_a_second_predicate_after_an_irregular_past_is_its_own_claim() -> None:
    sentence = "The river burst its banks and washed away part of the track bed."
    assert _texts(sentence) == ["The river burst its banks", "washed away part of the track bed"]


def test_by_and_a_noun_in_ing_opens_no_means_clause() -> None:
    sentence = "Work was delayed by flooding in early 2024."
    assert _texts(sentence) == ["Work was delayed by flooding in early 2024"]
    assert _texts("The city cut costs by closing two depots.") == ["The city cut costs", "closing two depots"]


def test_lower_case_words_narrowing_a_role_belong_to_the_attribution() -> None:
    article = "Opposition transport spokesman Neil Obuya said the overspend should be investigated.\n"
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    roles = [c.text for c in claims if c.kind is ClaimKind.ATTRIBUTION]
    assert roles == ["Opposition transport spokesman Neil Obuya"]


def test_a_passive_told_names_no_source() -> None:
    sentence = "Farmers, who rely on the river for irrigation, have been told to cut their use by a fifth."
    assert _texts(sentence) == [sentence.rstrip(".")]


def test_an_appositive_before_a_reporting_verb_describes_the_speaker() -> None:
    article = "Mr Patel, a gardener for 30 years, said he had never seen the lawns so brown.\n"
    claims = extract_claims(article, lang="en", article_date=FRIDAY)
    assert [c.text for c in claims] == [
        "Mr Patel, a gardener for 30 years",
        "Mr Patel, a gardener for 30 years, said he had never seen the lawns so brown",
    ]


def test_a_participial_clause_with_a_date_inside_the_sentence_is_a_claim_beside_it() -> None:
    sentence = "The report, published on Monday, found that 1 in 5 children lived in poverty."
    assert _texts(sentence) == [sentence.rstrip("."), "published on Monday"]
    # a reporting verb set off by commas is no such clause
    assert _texts("The plan, said Ana Ruiz on Monday, will cost more.") == [
        "The plan, said Ana Ruiz on Monday, will cost more"
    ]


def test_an_including_list_ends_before_a_prepositional_phrase() -> None:
    texts = _texts("The hospital treated 300 patients, including 40 children, during the outbreak.")
    assert "during the outbreak" not in texts
    assert texts[0] == "The hospital treated 300 patients"
