"""Re-anchoring through the edits editors make to published pages (docs/anchoring.md).

One small article, edited the ways bench/anchor_realistic.py edits its corpus: an update box on
top, sentences inserted before the quote, paragraphs reordered, the clause around the quote
reworded, a number corrected, the sentence deleted, or replaced by one of the same shape about
another figure (which must orphan: nothing says it is the quote's statement).
"""

from __future__ import annotations

from workbench.anchoring import AnchorResult, TextQuoteSelector, reanchor_quote

HEADLINE = "River towns count the cost after a second night of flooding"
LEDE = (
    "The Regional Flood Agency said on Tuesday that 12 percent of homes in the river towns were "
    "damaged, and that the water had started to fall."
)
FIGURES = (
    "Crews pumped water out of the old harbor district all night. According to the fire "
    "service, 340 households lost power on Monday, most of them near the bridge. Roads into "
    "Bayfield stayed closed until the morning."
)
MONEY = "The council set aside $4.5 million for emergency repairs, the mayor's office said."
SPEECH = (
    '"We have never seen the water come up this fast," said Dev Okafor, who runs a bakery on Pier Street.'
)
CLOSING = "The agency will publish a full report next month."
OLD = "\n\n".join([HEADLINE, LEDE, FIGURES, MONEY, SPEECH, CLOSING])


def pin(text: str, quote: str) -> TextQuoteSelector:
    start = text.index(quote)
    return TextQuoteSelector.from_span(text, start, start + len(quote))


def located(result: AnchorResult, text: str) -> str:
    assert result.start is not None and result.end is not None, result.reason
    return text[result.start : result.end]


def test_update_box_on_top_keeps_the_quote_intact() -> None:
    quote = "340 households lost power on Monday"
    box = "Update, 5 March, 10:45: This article has been updated with comments from the council."
    new = "\n\n".join([HEADLINE, box, LEDE, FIGURES, MONEY, SPEECH, CLOSING])
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "intact"
    assert result.start == new.index(quote)
    assert located(result, new) == quote


def test_sentences_inserted_before_the_quote_keep_it() -> None:
    quote = "According to the fire service, 340 households lost power on Monday"
    inserted = "Volunteers filled sandbags until dawn. Several families slept at the school."
    new = OLD.replace("all night. According", f"all night. {inserted} According")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status in ("intact", "moved")
    assert located(result, new) == quote


def test_paragraphs_reordered_move_the_quote_with_its_paragraph() -> None:
    quote = "The council set aside $4.5 million for emergency repairs"
    new = "\n\n".join([HEADLINE, LEDE, SPEECH, CLOSING, FIGURES, MONEY])
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status in ("intact", "moved")
    assert result.start == new.index(quote)
    assert located(result, new) == quote


def test_clause_reworded_around_the_quote_keeps_its_words() -> None:
    quote = "12 percent of homes in the river towns"
    new = OLD.replace(
        "The Regional Flood Agency said on Tuesday that 12 percent",
        "The Regional Flood Agency estimated that 12 percent",
    )
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status in ("intact", "moved")
    assert located(result, new) == quote


def test_clause_reworded_inside_the_quote_is_edited() -> None:
    quote = "340 households lost power on Monday"
    new = OLD.replace(quote, "340 households were left without power on Monday")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "edited"
    assert located(result, new) == "340 households were left without power on Monday"
    assert result.diff == [{"op": "replace", "old": "lost", "new": "were left without"}]


def test_number_corrected_in_the_quote_is_edited() -> None:
    quote = "The council set aside $4.5 million for emergency repairs"
    new = OLD.replace("$4.5 million", "$45 million")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "edited"
    assert located(result, new) == "The council set aside $45 million for emergency repairs"
    assert result.diff == [{"op": "replace", "old": "$4.5", "new": "$45"}]


def test_short_figure_corrected_is_edited() -> None:
    quote = "12 percent"
    new = OLD.replace("12 percent of homes", "14 percent of homes")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "edited"
    assert located(result, new) == "14 percent"


def test_update_box_and_corrected_number_together_are_edited() -> None:
    quote = "340 households lost power on Monday"
    box = "Correction: An earlier version of this story gave the wrong number of households."
    new = "\n\n".join([HEADLINE, box, LEDE, FIGURES.replace("340", "430"), MONEY, SPEECH, CLOSING])
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "edited"
    assert located(result, new) == "430 households lost power on Monday"


def test_quote_sentence_deleted_is_orphaned() -> None:
    quote = (
        "According to the fire service, 340 households lost power on Monday, most of them near the bridge."
    )
    new = OLD.replace(" " + quote, "")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "orphaned"
    assert (result.start, result.end) == (None, None)


def test_sentence_replaced_by_another_figure_of_the_same_shape_is_orphaned() -> None:
    # Same frame, same neighbours, another measured thing and another number: the passage is a
    # different statement, and attaching the quote to it would keep a verdict on evidence that is
    # gone. (Before the figure rules, this was taken for an edit of the quote.)
    quote = (
        "According to the fire service, 340 households lost power on Monday, most of them near the bridge."
    )
    new = OLD.replace(
        quote,
        "According to the fire service, 85 residents were evacuated on Monday, most of them near the bridge.",
    )
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "orphaned"


def test_figure_replaced_for_another_period_is_orphaned() -> None:
    quote = "The council set aside $4.5 million for emergency repairs"
    new = OLD.replace(
        "The council set aside $4.5 million for emergency repairs, the mayor's office said.",
        "The council set aside $9 million for emergency repairs next year, the mayor's office said.",
    )
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "orphaned"


def test_restated_figure_survives_when_its_first_mention_is_reworded() -> None:
    # The lede states the figure; the body says it again in other words. The quote stays on its
    # own sentence, not on the restatement.
    quote = "12 percent of homes in the river towns were damaged"
    body = FIGURES + " Officials repeated that 12 percent of homes in the river towns were damaged."
    new = "\n\n".join([HEADLINE, LEDE, body, MONEY, SPEECH, CLOSING])
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "intact"
    assert result.start == new.index(quote)


# The lede's figure "12 percent" has 32 characters of context each side; its sentence goes on
# well beyond them (", and that the water had started to fall.").
def test_short_figure_whose_sentence_changed_beyond_the_context_is_orphaned() -> None:
    quote = "12 percent"
    # Another figure in a sentence of the same frame: the first 32 characters after the number
    # are the same, the rest of the sentence is not.
    new = OLD.replace(
        "12 percent of homes in the river towns were damaged, and that the water had started to fall.",
        "30 percent of homes in the river towns were insured against floods.",
    )
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "orphaned", result


def test_short_figure_corrected_with_its_whole_sentence_standing_is_edited() -> None:
    quote = "12 percent"
    new = OLD.replace("that 12 percent of homes", "that 21 percent of homes")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "edited"
    assert located(result, new) == "21 percent"


def test_without_the_whole_sentence_only_the_selector_context_is_weighed() -> None:
    # A pin whose old text is not at hand (a batch line with the W3C fields only) is re-anchored
    # as before: within 32 characters the replaced sentence looks like a correction.
    quote = "12 percent"
    new = OLD.replace(
        "12 percent of homes in the river towns were damaged, and that the water had started to fall.",
        "30 percent of homes in the river towns were insured against floods.",
    )
    selector = pin(OLD, quote)
    w3c = TextQuoteSelector(selector.exact, selector.prefix, selector.suffix, selector.start, selector.end)
    assert w3c.sentence_before is None
    assert reanchor_quote(w3c, new).status == "edited"


def test_part_of_a_sentence_found_again_in_its_whole_sentence_is_moved() -> None:
    # Both neighbouring paragraphs changed, so neither side of the 32 characters of context stands;
    # the quote's whole sentence does, word for word, and it is long enough not to recur by chance.
    old = (
        "Rain fell on the coast all week.\n\n"
        "The mayor said the old bridge would stay closed until the spring.\n\n"
        "The agency will publish a full report next month."
    )
    new = (
        "Shops on the quay opened late on Monday.\n\n"
        "The mayor said the old bridge would stay closed until the spring.\n\n"
        "Several families are still staying with relatives."
    )
    quote = "said the old bridge would stay closed until"
    selector = pin(old, quote)
    result = reanchor_quote(selector, new)
    assert result.status == "moved"
    assert located(result, new) == quote
    # From the W3C fields alone the place is not safe enough to take.
    w3c = TextQuoteSelector(selector.exact, selector.prefix, selector.suffix, selector.start, selector.end)
    assert reanchor_quote(w3c, new).status == "orphaned"


def test_part_of_a_sentence_found_in_two_copies_of_its_sentence_is_not_placed_by_it() -> None:
    old = (
        "Rain fell on the coast all week.\n\n"
        "The mayor said the old bridge would stay closed until the spring.\n\n"
        "The agency will publish a full report next month."
    )
    sentence = "The mayor said the old bridge would stay closed until the spring."
    new = f"Shops opened late.\n\n{sentence}\n\nBuses ran on time.\n\n{sentence}\n\nSchools reopened."
    quote = "said the old bridge would stay closed until"
    result = reanchor_quote(pin(old, quote), new)
    assert result.status == "orphaned"
