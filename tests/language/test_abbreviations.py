"""One list of abbreviations for every sentence split: the claim extractor's and matching's."""

from __future__ import annotations

from workbench.claims.segment import split_sentences
from workbench.language.abbreviations import is_abbreviation
from workbench.matching.passages import sentence_passages


def test_abbreviations_in_either_language_any_case() -> None:
    assert is_abbreviation("Corp") and is_abbreviation("kab") and is_abbreviation("U.S")
    assert not is_abbreviation("Quayle") and not is_abbreviation("said")


# Each text has one abbreviation that only one of the two splitters knew before they shared a list.
TEXTS = [
    "Warga Kel. Sukamaju melaporkan 12 kasus baru. Petugas datang pada Senin.",
    "The Dept. of Health said 12 people fell ill. Officials visited on Monday.",
    "PT. Sinar Laut menutup pabriknya. Sebanyak 300 pekerja dirumahkan.",
]


def test_the_claim_extractor_and_matching_split_sentences_alike() -> None:
    for text in TEXTS:
        claims_side = [text[start:end].strip() for start, end in split_sentences(text, 0, len(text))]
        matching_side = [text[p.start : p.end].strip() for p in sentence_passages(text)]
        assert len(claims_side) == len(matching_side) == 2, (claims_side, matching_side)
