"""Attribution lines, teasers and photo credits are never claims (issue 10)."""

from __future__ import annotations

import pytest

from workbench.claims import extract_claims
from workbench.claims.boilerplate import is_boilerplate, is_heading


@pytest.mark.parametrize(
    "line",
    [
        "Sumber: BPS dan Kementerian Keuangan",
        "Sumber data: Badan Pusat Statistik (BPS), diolah",
        "Source: company filings, 2023",
        "Foto: Dok. Humas Pemkot",
        "ANTARA FOTO/Galih Pradipta/foc.",
        "Warga mengungsi di Bekasi, Senin (6/3/2023). ANTARA FOTO/Galih Pradipta/foc.",
        "Petugas memeriksa tanggul yang jebol (Foto: Dok. BPBD) di Bekasi.",
        "Protesters gathered outside parliament on Tuesday. REUTERS/Ann Lee",
        "KOMPAS.com/Nadia Paramitha",
        "Keterangan foto: Presiden meninjau lokasi banjir.",
        "BACA JUGA: Harga beras naik lagi",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_boilerplate(line)
    assert extract_claims(line, "id" if "Protesters" not in line else "en") == []


@pytest.mark.parametrize(
    "line",
    [
        "Sumber daya manusia menjadi fokus pemerintah tahun ini.",
        "Menurut sumber di kementerian, anggaran naik 10 persen.",
        "Jakarta (ANTARA) - Pemerintah membangun 1.500 rumah baru.",
        "AP/Reuters reported the vote on Tuesday after a long count.",
        "The photo agency said 40 photographers were accredited.",
    ],
)
def test_content_that_looks_like_furniture(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_teaser_inside_a_paragraph_ends_its_content() -> None:
    text = (
        "Pemerintah membangun 1.500 rumah baru di Bekasi, kata Menteri PUPR. "
        "Baca juga: Harga rumah naik 5 persen tahun ini\n"
    )
    claims = extract_claims(text, "id")
    assert [c.text for c in claims] == ["Pemerintah membangun 1.500 rumah baru di Bekasi"]
    assert all(text[c.start : c.end] == c.text for c in claims)


@pytest.mark.parametrize(
    "line",
    [
        "Updated: 14:05 BST, 12 March 2026",
        "Published 3 hours ago",
        "Last modified on Thu 12 Mar 2026 10.15 GMT",
        "This article was amended on 12 March 2026 to correct the spelling of a name.",
        "Contact the reporter at mquill@example.org",
        "Get in touch: news@example.org",
        "Follow Marta Quill on X",
        "Comments are closed.",
        "Listen to this article",
        "Here is what we know so far.",
        "Topics: Health, Courts",
        "Thursday 18 September 2025, 07:40",
        "March 4, 2026 | 10.15 GMT",
        "Additional reporting by Sam Okafor. Edited by Jo Whitfield.",
        "March 12, 2026 at 9:14 a.m. EDT",
        "Thu 12 Mar 2026 09.14 GMT",
        "A shopper in the bread aisle of a store in central Lanworth. Photo: Kit Lindqvist/Lanworth Ledger",
        "Firefighters at the scene on Monday. Photograph: Dana Price for the Courier",
        "The ferry at its berth in Portkell. (Photo: Dana Price)",
        "Pictured: the ferry at its berth in 2019",
    ],
)
def test_english_page_notes_are_furniture(line: str) -> None:
    assert is_boilerplate(line)
    assert extract_claims(line + "\n", "en") == []


@pytest.mark.parametrize(
    "line",
    [
        "Published figures show 11,400 people are waiting.",
        "Following the ruling, the board met on Monday.",
        "On March 4, 2026 the plant closed.",
        "Edited by volunteers, the guide lists 40 walks across the county.",
        "Pictures of the fire were shared 4,000 times.",
        "12 March 2026 fell on a Thursday, the court heard.",
    ],
)
def test_sentences_opening_with_a_stamp_word_are_content(line: str) -> None:
    assert not is_boilerplate(line)
    assert extract_claims(line + "\n", "en") != []


def test_a_subheading_and_a_question_in_narration_are_no_claims() -> None:
    article = (
        "The board employs about 9,000 people.\n"
        "A long wait for surgery\n"
        "What happens next? The board has 28 days to appeal.\n"
        '"Why should patients wait two years?" Farrah asked.\n'
        "1,400 jobs at risk\n"
    )
    assert [c.text for c in extract_claims(article, "en")] == [
        "The board employs about 9,000 people",
        "The board has 28 days to appeal",
        "Why should patients wait two years",
        "1,400 jobs at risk",
    ]
    assert not is_heading("The board employs about 9,000 people.") and is_heading("A long wait for surgery")
