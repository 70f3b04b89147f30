import pytest

from workbench.matching.passages import sentence_passages, split_passages

TEXT = (
    "Ukraine update\r\n"
    "- First item. Second item.\n"
    "Mr. Smith said “we protected 20 groups.” Then the U.S. agreed! J. Doe left.\n"
    "\n"
    "   Emoji 🎉 here. İstanbul next. Café\u0301 ends.  \n"
    "Pada Jum’at (4/3/2022), kata Smith. Dia pergi."
)


def test_every_passage_is_its_own_stripped_text() -> None:
    passages = split_passages(TEXT)
    for passage in passages:
        quote = TEXT[passage.start : passage.end]
        assert quote == quote.strip()
        assert quote
        assert not quote.startswith("- ")


@pytest.mark.parametrize(
    "expected",
    [
        "Ukraine update",
        "First item.",
        "Second item.",
        "Mr. Smith said “we protected 20 groups.”",
        "Then the U.S. agreed!",
        "J. Doe left.",
        "Emoji 🎉 here.",
        "İstanbul next.",
        "Café\u0301 ends.",
        "Pada Jum’at (4/3/2022), kata Smith.",
        "Dia pergi.",
    ],
)
def test_sentences(expected: str) -> None:
    assert expected in [TEXT[p.start : p.end] for p in sentence_passages(TEXT)]


def test_paragraphs_of_several_sentences_are_listed_too() -> None:
    paragraphs = [TEXT[p.start : p.end] for p in split_passages(TEXT) if p.kind == "paragraph"]
    assert "First item. Second item." in paragraphs
    assert "Ukraine update" not in paragraphs  # a one-sentence paragraph is only a sentence
    assert len(sentence_passages(TEXT)) == 11
