"""Re-anchoring a pinned quote: each status, repeated short quotes, non-ASCII offsets."""

from __future__ import annotations

import pytest

from workbench.anchoring import TextQuoteSelector, reanchor_quote

OLD = (
    "The ministry said on Monday that 1.5 million people were affected by the floods in the "
    "northern districts. Officials expect more rain before the weekend.\n\n"
    "Relief teams reached the coast on Tuesday. The agency said 12 percent of homes were damaged, "
    "and schools would stay closed until further notice.\n\n"
    "A spokesperson for the harbor authority said the ferry service would resume next month."
)


def pin(text: str, quote: str, occurrence: int = 0) -> TextQuoteSelector:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return TextQuoteSelector.from_span(text, start, start + len(quote))


def test_unchanged_text_is_intact() -> None:
    selector = pin(OLD, "Officials expect more rain before the weekend.")
    result = reanchor_quote(selector, OLD)
    assert result.status == "intact"
    assert (result.start, result.end) == (selector.start, selector.end)
    assert result.score == 100


def test_insertion_before_keeps_quote_intact_with_new_offsets() -> None:
    quote = "Relief teams reached the coast on Tuesday."
    new = "Update: a second storm is expected.\n\n" + OLD
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "intact"
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == quote


def test_paragraph_moved_far_is_moved() -> None:
    paragraphs = OLD.split("\n\n")
    filler = "\n\n".join(
        f"Background paragraph {i} about unrelated local matters and budgets." for i in range(30)
    )
    new = "\n\n".join([paragraphs[1], paragraphs[2], filler, paragraphs[0]])
    quote = "1.5 million people were affected by the floods"
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "moved"
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == quote


def test_exact_quote_in_new_context_is_moved() -> None:
    quote = "A spokesperson for the harbor authority said the ferry service would resume next month."
    new = quote + "\n\nEverything else in this article was rewritten from scratch by the editors."
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "moved"
    assert (result.start, result.end) == (0, len(quote))


def test_edited_quote_reports_word_diff_and_distance() -> None:
    quote = "1.5 million people were affected by the floods"
    new = OLD.replace("1.5 million", "1.65 million")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "edited"
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == "1.65 million people were affected by the floods"
    assert result.diff == [{"op": "replace", "old": "1.5", "new": "1.65"}]
    assert result.distance == 1
    assert 0 < result.score < 100


def test_edited_first_word_is_inside_the_span() -> None:
    quote = "Relief teams reached the coast on Tuesday."
    new = OLD.replace("Relief teams reached", "Rescue teams reached")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "edited"
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == "Rescue teams reached the coast on Tuesday."


def test_deleted_passage_is_orphaned() -> None:
    quote = "Officials expect more rain before the weekend."
    new = OLD.replace(" " + quote, "")
    result = reanchor_quote(pin(OLD, quote), new)
    assert result.status == "orphaned"
    assert (result.start, result.end, result.score) == (None, None, 0)


def test_rewritten_passage_is_orphaned() -> None:
    quote = "Officials expect more rain before the weekend."
    new = OLD.replace(quote, "Forecasters now predict a dry and sunny week ahead for everyone.")
    assert reanchor_quote(pin(OLD, quote), new).status == "orphaned"


REPEATED = (
    "Prices rose 5 percent in March, the survey showed. Wages rose 5 percent in April, the union "
    "said. Rents rose 5 percent in May, the agency reported."
)


def test_repeated_short_quote_is_placed_by_its_context() -> None:
    selector = pin(REPEATED, "5 percent", occurrence=1)
    new = "Summary first. " + REPEATED
    result = reanchor_quote(selector, new)
    assert result.status == "intact"
    assert result.start is not None
    assert new[result.start - 10 : result.start] == "ages rose "


def test_repeated_short_quote_without_context_is_orphaned() -> None:
    selector = TextQuoteSelector(exact="5 percent")
    assert reanchor_quote(selector, REPEATED).status == "orphaned"


def test_repeated_short_quote_whose_sentence_was_deleted_is_orphaned() -> None:
    selector = pin(REPEATED, "5 percent", occurrence=1)
    new = REPEATED.replace(" Wages rose 5 percent in April, the union said.", "")
    assert reanchor_quote(selector, new).status == "orphaned"


def test_short_quote_found_once_in_a_new_context_is_orphaned() -> None:
    selector = pin(REPEATED, "5 percent", occurrence=1)
    new = "The council approved a budget that grows 5 percent next year, officials said on Friday."
    assert reanchor_quote(selector, new).status == "orphaned"


def test_duplicated_passage_with_equal_context_is_taken_near_its_old_place() -> None:
    paragraph = "Relief teams reached the coast on Tuesday and set up two field kitchens."
    filler = " ".join(["Unrelated words fill this long paragraph."] * 40)
    old = f"Opening line.\n\n{paragraph}\n\n{filler}\n\nClosing line."
    new = f"Opening line.\n\n{paragraph}\n\n{filler}\n\n{paragraph}\n\nClosing line."
    quote = "reached the coast on Tuesday"
    result = reanchor_quote(pin(old, quote), new)
    assert result.status == "intact"
    assert result.start == new.index(quote)


NON_ASCII = (
    "“We will not close the İzmir office,” the director said. İSTANBUL’DAKİ yetkililer "
    "re\u0301sume\u0301 dosyasını inceledi 👩\u200d🔧🏽 ve Jum’at günü karar verdi.\r\nBitti."
)


@pytest.mark.parametrize(
    "quote",
    [
        "“We will not close the İzmir office,”",
        "İSTANBUL’DAKİ yetkililer re\u0301sume\u0301",
        "👩\u200d🔧🏽 ve Jum’at",
        "karar verdi.\r\nBitti.",
    ],
)
def test_offsets_are_code_points_on_non_ascii_text(quote: str) -> None:
    selector = pin(NON_ASCII, quote)
    new = "Ön söz: İĞDIR 🌊.\r\n" + NON_ASCII
    result = reanchor_quote(selector, new)
    assert result.status == "intact"
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == quote


def test_edited_non_ascii_quote_maps_offsets_back() -> None:
    quote = "İSTANBUL’DAKİ yetkililer re\u0301sume\u0301 dosyasını inceledi"
    new = NON_ASCII.replace("inceledi", "yeniden inceledi")
    result = reanchor_quote(pin(NON_ASCII, quote), new)
    assert result.status == "edited"
    assert result.start is not None and result.end is not None
    assert (
        new[result.start : result.end]
        == "İSTANBUL’DAKİ yetkililer re\u0301sume\u0301 dosyasını yeniden inceledi"
    )
    assert result.diff == [{"op": "insert", "new": "yeniden"}]


def test_reformatted_text_keeps_quote_intact() -> None:
    quote = "“We will not close the İzmir office,” the director said."
    new = (
        NON_ASCII.replace("“", '"')
        .replace("”", '"')
        .replace("office, ", "office,\n")
        .replace(" the director", "\n  the director")
    )
    result = reanchor_quote(pin(NON_ASCII, quote), new)
    assert result.status == "intact"
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == '"We will not close the İzmir office,"\n  the director said.'


def test_empty_quote_is_orphaned() -> None:
    assert reanchor_quote(TextQuoteSelector(exact="  "), OLD).status == "orphaned"


def test_from_span_rejects_a_span_outside_the_text() -> None:
    with pytest.raises(ValueError, match="not inside"):
        TextQuoteSelector.from_span("short", 2, 10)


def test_exact_words_inside_a_longer_word_are_not_the_quote() -> None:
    old = "The director lists three posts in São Paulo and one in Gdańsk, starting in June."
    new = old.replace("one in Gdańsk", "one incomplete Gdańsk")
    result = reanchor_quote(pin(old, "posts in São Paulo and one in"), new)
    assert result.status == "edited"
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == "posts in São Paulo and one incomplete"


# --- context counted in words ---------------------------------------------------------------

REWORDED = (
    "Prices rose 5 percent in March, the survey showed. The council met on Friday. "
    "Wages rose 5 percent in April, the union said. Rents rose 5 percent in May, the agency reported. "
    "The harbor authority said the ferry service would resume next month."
)


def test_repeated_short_quote_with_a_reworded_neighbour_on_each_side_is_located() -> None:
    selector = pin(REWORDED, "5 percent", occurrence=1)
    new = REWORDED.replace("Wages rose 5 percent in April", "Wages climbed 5 percent by April")
    result = reanchor_quote(selector, new)
    assert result.status in ("intact", "moved")
    assert result.start is not None
    assert new[result.start - 14 : result.start] == "Wages climbed "


def test_repeated_short_quote_whose_sentence_went_is_orphaned_despite_a_template_look_alike() -> None:
    selector = pin(REWORDED, "5 percent", occurrence=1)
    new = REWORDED.replace(" Wages rose 5 percent in April, the union said.", "")
    assert reanchor_quote(selector, new).status == "orphaned"


def test_reworded_neighbours_far_from_the_old_offset_orphan() -> None:
    selector = pin(REWORDED, "5 percent", occurrence=1)
    filler = " ".join(["Unrelated words fill this long paragraph."] * 30)
    new = filler + " " + REWORDED.replace("Wages rose 5 percent in April", "Wages climbed 5 percent by April")
    assert reanchor_quote(selector, new).status == "orphaned"


STOCK = "The figures have not been independently verified."
STOCK_TEXT = (
    f"Rents rose in Bayfield last spring. {STOCK} The council met on Friday to discuss it.\n\n"
    f"Ferry fares went up in Dunmere. {STOCK} Officials expect more rain before the weekend.\n\n"
    f"Schools reopened in Ashgrove on Monday. {STOCK} A new bridge opens next year."
)


def test_repeated_sentence_with_one_whole_side_is_located() -> None:
    selector = pin(STOCK_TEXT, STOCK, occurrence=1)
    new = STOCK_TEXT.replace("Ferry fares went up in Dunmere.", "Ferry fares went up. A new line opens.")
    result = reanchor_quote(selector, new)
    assert result.status in ("intact", "moved")
    assert result.start is not None and result.end is not None
    assert new[result.end : result.end + 10] == " Officials"


def test_repeated_sentence_deleted_beside_its_copy_is_orphaned() -> None:
    text = f"Rents rose in Bayfield. {STOCK} {STOCK} The council met on Friday.\n\nOther news. {STOCK}"
    selector = pin(text, STOCK, occurrence=1)
    new = text.replace(f" {STOCK} The council", " The council")
    assert reanchor_quote(selector, new).status == "orphaned"


def test_stock_sentence_found_once_in_a_new_context_is_orphaned() -> None:
    selector = pin(STOCK_TEXT, STOCK, occurrence=1)
    new = "Ferry fares went up in Dunmere. Officials expect more rain.\n\nA council report. " + STOCK
    assert reanchor_quote(selector, new).status == "orphaned"


def test_reworded_neighbour_keeps_non_ascii_offsets() -> None:
    text = (
        "İstanbul’daki İSKİ yetkilileri, su kesintisinin İkitelli’de 48 saat süreceğini söyledi. "
        "Kesinti Salı günü başlayacak. 👍🏽 Ça coûte 2,5 millions d’euros."
    )
    selector = pin(text, "48 saat")
    new = "Ön söz 🌊.\r\n" + text.replace("İkitelli’de 48 saat süreceğini", "İkitelli’deki 48 saat sürecek")
    result = reanchor_quote(selector, new)
    assert result.status in ("intact", "moved")
    assert result.start is not None and result.end is not None
    assert new[result.start : result.end] == "48 saat"
