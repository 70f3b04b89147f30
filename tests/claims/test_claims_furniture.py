"""Attribution lines, teasers and photo credits are never claims (issue 10)."""

from __future__ import annotations

import pytest

from workbench.claims import extract_claims
from workbench.claims.boilerplate import is_boilerplate


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
