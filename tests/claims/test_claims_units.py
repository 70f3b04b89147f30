"""Unit tests of the extractor's parts: numbers, dates, boilerplate, segmentation, speakers."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.claims import extract_claims
from workbench.claims.attributions import find_attributions
from workbench.claims.boilerplate import is_boilerplate
from workbench.claims.people import PeopleIndex
from workbench.claims.segment import find_quotes, split_lines, split_sentences
from workbench.domain import ClaimKind
from workbench.language.dates import find_dates
from workbench.language.identify import detect_language
from workbench.language.numbers import find_numbers, parse_digits

FRIDAY = dt.date(2022, 3, 4)


def _numbers(text: str, lang: str) -> list[tuple[str, float, str]]:
    return [(n.mention.text, n.mention.value, n.mention.qualifier) for n in find_numbers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("lebih dari 20 organisasi", "id", [("lebih dari 20", 20, "more-than")]),
        ("biaya Rp 2,5 miliar", "id", [("Rp 2,5 miliar", 2.5e9, "exact")]),
        ("sekitar 1.200 rumah", "id", [("sekitar 1.200", 1200, "about")]),
        ("naik 3,5 persen", "id", [("3,5 persen", 3.5, "exact")]),
        ("empat bidang", "id", [("empat", 4, "exact")]),
        ("dua puluh lima orang", "id", [("dua puluh lima", 25, "exact")]),
        ("kurang dari 10 juta warga", "id", [("kurang dari 10 juta", 1e7, "less-than")]),
        ("puluhan warga", "id", [("puluhan", 10, "more-than")]),
        ("more than 20 towns", "en", [("more than 20", 20, "more-than")]),
        ("cost $1.5 billion", "en", [("$1.5 billion", 1.5e9, "exact")]),
        ("1,500 people", "en", [("1,500", 1500, "exact")]),
        ("nearly 40,000 homes", "en", [("nearly 40,000", 40000, "less-than")]),
        ("about 12.5%", "en", [("about 12.5%", 12.5, "about")]),
        ("twenty-five schools", "en", [("twenty-five", 25, "exact")]),
    ],
)
def test_numbers_are_normalised(text: str, lang: str, expected: list[tuple[str, float, str]]) -> None:
    assert _numbers(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    ["salah satu pejabat", "one of the towns", "Covid-19", "G20", "pada tahun 2021", "in 2010",
     "pukul 10.00 WIB", "RT 05"],
)  # fmt: skip
def test_things_that_are_not_quantities(text: str) -> None:
    assert _numbers(text, "id" if " " in text and text.islower() else "en") == []


def test_decimal_conventions_follow_the_language() -> None:
    assert parse_digits("1.500", "id") == 1500
    assert parse_digits("1.500", "en") == 1.5
    assert parse_digits("1,5", "id") == 1.5
    assert parse_digits("1,500", "en") == 1500
    assert parse_digits("1.234.567,89", "id") == 1234567.89


def _dates(
    text: str, lang: str = "id", article_date: dt.date | None = FRIDAY
) -> list[tuple[str, str | None]]:
    return [(d.mention.text if d.mention else text[d.start : d.end], d.mention.date if d.mention else None)
            for d in find_dates(text, lang, article_date)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("kata Smith, Jumat, 4 Maret.", "id", [("Jumat, 4 Maret", "2022-03-04")]),
        ("diunggah 28 Februari lalu", "id", [("28 Februari lalu", "2022-02-28")]),
        ("Senin (28/2/2022)", "id", [("Senin (28/2/2022)", "2022-02-28")]),
        ("pada Jum’at pekan ini", "id", [("Jum’at", "2022-03-04")]),
        ("rapat pada (1/3)", "id", [("1/3", "2022-03-01")]),
        ("on Friday, March 4, 2022", "en", [("Friday, March 4, 2022", "2022-03-04")]),
        ("published March 4", "en", [("March 4", "2022-03-04")]),
        ("4 March 2021", "en", [("4 March 2021", "2021-03-04")]),
        ("on Tuesday", "en", [("Tuesday", "2022-03-01")]),
        ("next Monday", "en", [("next Monday", "2022-03-07")]),
        ("2022-03-04", "en", [("2022-03-04", "2022-03-04")]),
    ],
)
def test_dates_are_normalised(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


def test_year_less_date_late_in_the_year_belongs_to_the_previous_year() -> None:
    assert _dates("28 Desember lalu", article_date=dt.date(2022, 1, 5)) == [
        ("28 Desember lalu", "2021-12-28")
    ]


def test_weekday_mismatch_becomes_a_reason() -> None:
    (found,) = find_dates("Kamis, 4 Maret", "id", FRIDAY)
    assert found.mention is not None and found.mention.date == "2022-03-04"
    assert found.note is not None and "mismatch" in found.note
    claims = extract_claims("Rapat dewan kota itu digelar pada Kamis, 4 Maret di balai kota.", "id", FRIDAY)
    assert any("weekday mismatch" in reason for reason in claims[0].reasons)


def test_minggu_lalu_is_last_week_not_sunday() -> None:
    assert _dates("minggu lalu") == []


def test_year_comes_from_the_text_when_no_article_date_is_given() -> None:
    assert _dates("Rapat 2 Maret 2021 dan 5 Maret", article_date=None) == [
        ("2 Maret 2021", "2021-03-02"),
        ("5 Maret", "2021-03-05"),
    ]


@pytest.mark.parametrize(
    "line",
    ["BACA JUGA:", "Baca juga: Harga beras naik", "Read more: How it began", "Editor: Rina Sari",
     "Pewarta: Lina", "By Jordan Vale", "Editing by Sam Ortiz", "Share this article",
     "Ikuti berita terkini di kanal kami.", "(ant/abc)", "Foto: Dok. Humas"],
)  # fmt: skip
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["By the end of the year the council will vote again.", "Related work continued for months.",
     "Editorial boards criticised the plan.", "Microsoft juga telah bertindak melawan serangan siber."],
)  # fmt: skip
def test_content_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_sentences_respect_abbreviations_initials_and_decimals() -> None:
    text = "Dr. J. Smith met Mr. Lee at 3.5 p.m. in the U.S. office. They agreed. Then they left."
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Dr. J. Smith met Mr. Lee at 3.5 p.m. in the U.S. office.",
        "They agreed.",
        "Then they left.",
    ]


def test_a_quotation_followed_by_a_lower_case_attribution_stays_one_sentence() -> None:
    text = '"Kami bekerja. Kami bertahan," lanjut Smith. Lalu ia pergi.'
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        '"Kami bekerja.',
        'Kami bertahan," lanjut Smith.',
        "Lalu ia pergi.",
    ]
    (region,) = find_quotes(text, 0, len(text))
    assert text[region.start : region.end] == "Kami bekerja. Kami bertahan,"


@pytest.mark.parametrize(
    ("line", "content"),
    [
        ("JAKARTA - Microsoft menangguhkan penjualan.", "Microsoft menangguhkan penjualan."),
        ("JAKARTA, KOMPAS.com - Harga naik.", "Harga naik."),
        ("WASHINGTON (Reuters) — Talks resumed.", "Talks resumed."),
        ("Jakarta, CNN Indonesia -- Hujan turun.", "Hujan turun."),
        ("- item satu", "item satu"),
        ("• second item", "second item"),
        ("Microsoft - the company - said so.", "Microsoft - the company - said so."),
    ],
)
def test_datelines_and_bullets_are_skipped(line: str, content: str) -> None:
    (parsed,) = split_lines(line)
    assert line[parsed.content_start : parsed.end] == content


def test_bullet_items_are_list_items() -> None:
    text = "Rencana itu mencakup tiga langkah:\n- membangun menara air baru\n- memasang pipa utama kota\n"
    claims = extract_claims(text, "id", FRIDAY)
    assert [c.kind for c in claims] == [ClaimKind.NUMBER, ClaimKind.LIST_ITEM, ClaimKind.LIST_ITEM]


def test_attributions_and_short_references_resolve_to_the_full_name() -> None:
    text = "Presiden Microsoft, Brad Smith dan Jane Roe, the agency's director, bertemu. Microsoft President Brad Smith"
    found = find_attributions(text, 0, len(text))
    assert [(text[a.start : a.end], a.name) for a in found] == [
        ("Presiden Microsoft, Brad Smith", "Brad Smith"),
        ("Jane Roe, the agency's director", "Jane Roe"),
        ("Microsoft President Brad Smith", "Brad Smith"),
    ]
    people = PeopleIndex()
    for a in found:
        people.add(a.name, a.role)
    assert people.resolve("Smith") == "Brad Smith"
    assert people.resolve("Presiden Microsoft itu") == "Brad Smith"
    assert people.resolve("Jane") == "Jane Roe"


def test_language_detection() -> None:
    assert (
        detect_language("Microsoft memberikan pembaruan tentang tindakannya di Rusia yang sedang terjadi.")
        == "id"
    )
    assert (
        detect_language("The council voted on Tuesday to build a flood barrier across the estuary.") == "en"
    )
    assert detect_language("") == "en"


def test_statements_are_drafts_and_english_claims_state_themselves() -> None:
    text = "The council voted on Tuesday to build a flood barrier across the estuary."
    (claim,) = extract_claims(text, "en", FRIDAY)
    assert claim.statement == claim.text
    assert claim.statement_is_draft
    assert claim.score > 0 and claim.reasons


def test_speaker_after_a_role_and_a_comma_is_the_name_even_outside_a_to_z() -> None:
    text = (
        "“Kami datang untuk membangun sesuatu yang bertahan lama,” tulis Chief Executive Officer Contoso, "
        "Mirela Çelik, dalam blog resmi perusahaan.\n"
        "“Hari ini kami menepati janji itu kepada semua pelanggan,” kata Çelik."
    )
    claims = extract_claims(text, "id", FRIDAY)
    assert [c.speaker for c in claims if c.kind is ClaimKind.QUOTE] == ["Mirela Çelik", "Mirela Çelik"]
    assert any(c.kind is ClaimKind.ATTRIBUTION and c.text.endswith("Mirela Çelik") for c in claims)


def test_bracketed_credits_and_years_after_sepanjang() -> None:
    assert is_boilerplate("(Reporter: Nadia Paramitha | Editor: Hendra Wijaya)")
    assert _numbers("tumbuh 24,5 persen sepanjang 2023", "id") == [("24,5 persen", 24.5, "exact")]


def test_a_quotation_continued_in_the_next_paragraph_takes_the_closing_attribution() -> None:
    text = (
        'The agency\'s chief, Tom Lee, 54, told reporters the cuts were "painful but necessary."\n'
        '"We will protect the core programs. Nothing else is safe.\n'
        '"The budget has fallen three years in a row," Lee said.\n'
    )
    claims = extract_claims(text, "en", FRIDAY)
    assert [c.speaker for c in claims if c.kind is ClaimKind.QUOTE] == ["Tom Lee"] * 3
    # the sentence, beside its attribution "The agency's chief, Tom Lee, 54" (same start)
    first = max((c for c in claims if c.start == 0), key=lambda c: c.end)
    assert first.text.endswith('"painful but necessary."')
    assert "told reporters" in first.text  # ", 54, told ..." is the sentence's verb, not a trailing source
