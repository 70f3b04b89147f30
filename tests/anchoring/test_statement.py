"""The quote's own sentence and the figure it states (workbench/anchoring/sentences.py, statement.py)."""

from __future__ import annotations

import pytest

from workbench.anchoring import TextQuoteSelector
from workbench.anchoring.sentences import names, own_sentence, quote_bounds, sentence_around, wording
from workbench.anchoring.statement import Statement

TEXT = (
    "Crews worked all night. The agency said that 12 percent of homes were damaged on Tuesday. "
    "Roads stayed closed."
)


def pin(text: str, quote: str) -> TextQuoteSelector:
    start = text.index(quote)
    return TextQuoteSelector.from_span(text, start, start + len(quote))


def test_own_sentence_stops_at_the_sentence_boundaries() -> None:
    selector = pin(TEXT, "12 percent")
    own = own_sentence(selector.prefix, selector.exact, selector.suffix)
    assert own.before == ("the", "agency", "said", "that")
    # 32 characters of suffix end inside "Tuesday": the cut word need only begin the same way.
    assert own.after == ("of", "homes", "were", "damaged", "on", "tuesda")
    assert own.after_cut
    new = TEXT.replace("Crews worked all night.", "Crews worked all night and into the morning.")
    start = new.index("12 percent")
    assert own.agrees(new, start, start + len("12 percent")) == (True, True)


def test_a_whole_sentence_has_only_its_boundaries() -> None:
    selector = pin(TEXT, "The agency said that 12 percent of homes were damaged on Tuesday.")
    own = own_sentence(selector.prefix, selector.exact, selector.suffix)
    assert (own.before, own.after, own.begins, own.ends) == ((), (), True, True)
    assert quote_bounds(selector.prefix, selector.exact, selector.suffix) == (True, "with")


def test_wording_leaves_out_numbers_and_hedges() -> None:
    assert wording("nearly 1.65 million people") == wording("1.5 million people") == ["million", "people"]
    assert wording("more than 40 homes") == ["homes"]


def test_names_are_capitalised_words_inside_a_sentence() -> None:
    assert names("The fire service said Dev Okafor left. Crews stayed.") == ["Dev", "Okafor"]


@pytest.mark.parametrize(
    ("replacement", "change"),
    [
        ("12 percent of homes were damaged on Tuesday", "same"),
        ("14 percent of homes were damaged on Tuesday", "corrected"),
        ("nearly 14 percent of homes were damaged on Tuesday", "corrected"),
        ("30 percent of roads were damaged on Tuesday", "another"),
        ("14 percent of homes were damaged on Friday", "another"),
        ("12 percent of homes were damaged on Tuesday, up from 9 in 2019", "same"),
    ],
)
def test_figure_change(replacement: str, change: str) -> None:
    quote = "12 percent of homes were damaged on Tuesday"
    statement = Statement.of(pin(TEXT, quote))
    new = TEXT.replace(quote, replacement)
    start = new.index(replacement)
    assert statement.figure_change(new, start, start + len(replacement)) == change


def test_a_new_number_right_after_a_shortened_span_still_counts() -> None:
    statement = Statement.of(pin(TEXT, "12 percent of homes"))
    new = TEXT.replace("that 12 percent of homes", "that 30 percent of homes")
    start = new.index("percent of homes")  # a span that stopped short of the new number
    assert statement.figure_change(new, start, start + len("percent of homes")) == "another"


def test_renamed_needs_a_name_gone_and_another_come() -> None:
    statement = Statement.of(pin("Yesterday Dev Okafor said it was over.", "Dev Okafor said it was over."))
    assert statement.renamed("Ana Kusuma said it was over.")
    assert not statement.renamed("Dev Okafor said on Friday it was over.")  # a name only added


DATED = (
    "The first phase is running. Construction of a second phase is scheduled to begin on July 1, "
    "2024, subject to permits. The campus will then hold 70 megawatts."
)


def test_a_corrected_date_is_a_corrected_figure_and_a_month_alone_is_wording() -> None:
    from workbench.anchoring import reanchor_quote
    from workbench.anchoring.sentences import figures

    assert figures("to begin on July 1, 2024, or 1 Juli") == ["July", "1", "2024", "1", "Juli"]
    assert wording("to begin on July 1, 2024") == ["to", "begin", "on"]
    assert wording("sales rose in July") == ["sales", "rose", "in", "july"]  # no day: the month is words
    quote = "Construction of a second phase is scheduled to begin on July 1, 2024, subject to permits."
    moved = DATED.replace("July 1, 2024", "September 2, 2024")
    found = reanchor_quote(pin(DATED, quote), moved)
    assert found.status == "edited"  # the same statement, its date corrected
    assert moved[found.start : found.end] == quote.replace("July 1, 2024", "September 2, 2024")


def test_sentence_around_reaches_the_sentence_boundaries() -> None:
    start = TEXT.index("12 percent")
    assert sentence_around(TEXT, start, start + len("12 percent")) == (
        "The agency said that ",
        " of homes were damaged on Tuesday.",
    )
    whole = "The agency said that 12 percent of homes were damaged on Tuesday."
    start = TEXT.index(whole)
    assert sentence_around(TEXT, start, start + len(whole)) == ("", "")


def test_sentence_around_stops_at_a_line_or_list_item_and_at_its_limit() -> None:
    text = "The main figures:\n- 12 percent of homes were damaged\n- 340 households lost power"
    start = text.index("12 percent")
    assert sentence_around(text, start, start + 2) == ("", " percent of homes were damaged")
    long = "word " * 100 + "12 percent of homes."
    start = long.index("12")
    before, after = sentence_around(long, start, start + 2, limit=40)
    assert (len(before), after) == (40, " percent of homes.")


def test_the_pinned_text_gives_the_selector_its_sentence_only_where_it_holds_the_quote() -> None:
    start = TEXT.index("12 percent")
    bare = TextQuoteSelector("12 percent", "said that ", " of homes", 0, 10)
    assert bare.with_sentence(TEXT, start, start + 10).sentence_before == "The agency said that "
    assert bare.with_sentence(TEXT, start + 1, start + 11) is bare
    assert bare.with_sentence(TEXT, start, len(TEXT) + 5) is bare
