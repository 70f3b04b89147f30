"""Offsets are code-point indices into the text exactly as given, on awkward text."""

from __future__ import annotations

import datetime as dt

from workbench.claims import extract_claims
from workbench.domain import ClaimKind

ARTICLE_DATE = dt.date(2022, 3, 4)

AWKWARD_ID = (
    "İSTANBUL - Delegasi dari İzmir tiba di Jakarta pada 28 Februari lalu untuk membahas kerja sama pelabuhan.\r\n"
    "“Kami akan membangun 20 sekolah baru tahun ini,” kata Ketua Yayasan Cahaya, Andi Saputra, Jum’at, 4 Maret.\r\n"
    "Cafe\u0301 Noe\u0308l di Bandung menjual lebih dari 300 cangkir kopi setiap hari.\r\n"
    "🎉 Festival kopi itu dihadiri sekitar 5.000 pengunjung dari 12 kota 🎉.\r\n"
    "BACA JUGA: Festival Kopi Terbesar\r\n"
)


def _check_offsets(text: str) -> None:
    claims = extract_claims(text, article_date=ARTICLE_DATE)
    assert claims
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert "\r" not in claim.text and "\n" not in claim.text
    for mention_holder in claims:
        for number in mention_holder.numbers:
            assert number.text in mention_holder.text
        for date in mention_holder.dates:
            assert date.text in mention_holder.text


def test_offsets_survive_dotted_capital_i_curly_quotes_combining_marks_emoji_and_crlf() -> None:
    _check_offsets(AWKWARD_ID)


def test_claims_on_awkward_text_carry_the_right_details() -> None:
    claims = extract_claims(AWKWARD_ID, lang="id", article_date=ARTICLE_DATE)
    by_text = {c.text: c for c in claims}
    quote = by_text["Kami akan membangun 20 sekolah baru tahun ini"]
    assert quote.kind is ClaimKind.QUOTE
    assert quote.speaker == "Andi Saputra"
    assert quote.start == AWKWARD_ID.index("Kami akan")
    aside = next(c for c in claims if c.text.startswith("kata Ketua"))
    assert aside.kind is ClaimKind.DATE
    assert [d.date for d in aside.dates] == ["2022-03-04"]
    assert aside.text.endswith("Jum’at, 4 Maret")
    cafe = next(c for c in claims if "Noe\u0308l" in c.text)
    assert cafe.start == AWKWARD_ID.index("Cafe\u0301")
    assert [(n.value, n.qualifier) for n in cafe.numbers] == [(300, "more-than")]
    festival = next(c for c in claims if "Festival kopi" in c.text)
    assert [(n.value, n.qualifier) for n in festival.numbers] == [(5000, "about"), (12, "exact")]
    first = claims[0]
    assert first.text.startswith("Delegasi dari İzmir")
    assert [d.date for d in first.dates] == ["2022-02-28"]
    assert not any("BACA JUGA" in c.text for c in claims)


def test_offsets_on_english_text_with_curly_quotes_and_crlf() -> None:
    text = (
        "LONDON — The charity said on Friday, March 4, 2022, that it had raised £1.5 million.\r\n\r\n"
        "“We have helped more than 20 towns since January,” said Jane Roe, the charity’s director.\r\n"
        "Read more: How the appeal began\r\n"
    )
    _check_offsets(text)
    claims = extract_claims(text, article_date=ARTICLE_DATE)
    quote = next(c for c in claims if c.kind is ClaimKind.QUOTE)
    assert quote.text == "We have helped more than 20 towns since January"
    assert quote.speaker == "Jane Roe"
    money = next(c for c in claims if any(n.value == 1_500_000 for n in c.numbers))
    assert money.text == "that it had raised £1.5 million"
    said = next(c for c in claims if c.kind is ClaimKind.DATE)
    assert [d.date for d in said.dates] == ["2022-03-04"]
    role = next(c for c in claims if c.kind is ClaimKind.ATTRIBUTION)
    assert role.text == "Jane Roe, the charity’s director"


def test_empty_and_boilerplate_only_texts_give_no_claims() -> None:
    assert extract_claims("") == []
    assert extract_claims("BACA JUGA:\nEditor: Rina\nShare this article\n") == []
