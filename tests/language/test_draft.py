"""The English drafter's rules, one test per rule, on sentences of our own (not the parallel set)."""

from __future__ import annotations

import pytest

from workbench.language.draft import draft_english
from workbench.language.postag import upos_tags


def test_tagger_tags_a_plain_sentence() -> None:
    words = ["Polisi", "menangkap", "tiga", "pencuri", "di", "Medan", "."]
    assert upos_tags(words) == ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"]


def test_tagger_takes_an_empty_sentence() -> None:
    assert upos_tags([]) == []


@pytest.mark.parametrize(
    ("indonesian", "english"),
    [
        ("Perusahaan teknologi itu membuka kantor.", "The technology company"),
        ("Warga membutuhkan air bersih.", "clean water"),
        ("Gedung baru itu tinggi.", "The new building"),
    ],
)
def test_noun_phrase_modifiers_go_before_the_head(indonesian: str, english: str) -> None:
    assert english in draft_english(indonesian)


def test_seorang_and_para_become_articles() -> None:
    assert draft_english("Seorang petani menanam padi.").startswith("A farmer")
    assert draft_english("Para petani menanam padi.").startswith("The farmers")


def test_a_number_above_one_makes_the_noun_plural_and_digits_take_english_separators() -> None:
    draft = draft_english("Pemerintah membangun 1.500 rumah.")
    assert "1,500 houses" in draft or "1,500 homes" in draft
    assert "3 persen" not in draft_english("Harga naik 3 persen.")


def test_sebesar_opens_an_amount_and_dolar_as_is_us_dollars() -> None:
    assert "rose by 5 percent" in draft_english("Harga naik sebesar 5 persen.")
    assert "budget of Rp 2 trillion" in draft_english("Pemerintah menyiapkan anggaran sebesar Rp 2 triliun.")
    fund = draft_english("Perusahaan itu menyiapkan dana sebesar 50 juta dolar AS untuk perusahaan rintisan.")
    assert "fund of 50 million US dollars" in fund


def test_possessive_nya_gives_the_noun_a_determiner() -> None:
    draft = draft_english("Dokter memeriksa pasiennya.")
    assert "the patient" in draft


def test_passive_di_with_aspect_and_agent() -> None:
    assert "was inaugurated by" in draft_english("Jembatan itu diresmikan oleh gubernur.")
    assert "will be repaired" in draft_english("Jalan itu akan diperbaiki.")
    assert "has been" in draft_english("Rumah itu telah dijual.")


def test_yang_before_an_adjective_folds_into_the_noun_phrase() -> None:
    assert "the busy road" in draft_english("Mereka menyeberangi jalan yang ramai itu.").lower() or (
        "busy road" in draft_english("Mereka menyeberangi jalan yang ramai.")
    )


def test_yang_before_a_passive_verb_is_left_out() -> None:
    draft = draft_english("Bank yang dikelola warga itu berkembang.")
    assert "yang" not in draft and "that" not in draft.split()
    assert "managed by" in draft


def test_negation_and_aspect_words() -> None:
    assert "will not raise" in draft_english("Kami tidak akan menaikkan harga.")
    assert "did not attend" in draft_english("Presiden tidak menghadiri rapat.")
    assert "has arrested" in draft_english("Polisi telah menangkap pencuri.")
    assert "is looking for" in draft_english("Tim sedang mencari korban.") or "is searching" in draft_english(
        "Tim sedang mencari korban."
    )


def test_plain_verbs_are_put_in_the_past() -> None:
    assert "built" in draft_english("Pemerintah membangun jembatan.")


def test_time_words() -> None:
    assert "two years ago" in draft_english("Pabrik itu tutup dua tahun lalu.")
    assert "next year" in draft_english("Sekolah dibuka tahun depan.")
    assert "last week" in draft_english("Harga naik pekan lalu.")


def test_names_numbers_and_punctuation_stay() -> None:
    draft = draft_english("Menurut Budi Santoso, PT Contoso membeli 20 truk.")
    assert "Budi Santoso," in draft
    assert "Contoso" in draft and "20 trucks" in draft
    assert draft.endswith(".")


def test_sunday_only_where_a_weekday_is_read() -> None:
    assert "week" in draft_english("Harga naik minggu lalu.")
    assert "Sunday" in draft_english("Gempa terjadi pada Minggu, 5 Maret.")


def test_an_english_or_empty_text_is_returned_whole() -> None:
    assert draft_english("") == ""
    assert draft_english("...") == "..."


def test_the_before_a_bare_noun_phrase_but_not_before_a_name_or_a_time() -> None:
    assert draft_english("Gubernur meresmikan jembatan.").startswith("The governor")
    assert "last week" in draft_english("Server itu diretas pekan lalu.")
    assert "the last week" not in draft_english("Server itu diretas pekan lalu.")


def test_possessive_pronoun_after_the_noun_goes_before_it() -> None:
    assert "our kitchen" in draft_english("Seekor monyet masuk ke dapur kami.")
    assert draft_english("Kakek saya berjalan ke sawah.").startswith("My grandfather")


def test_compass_word_goes_before_its_name_and_ribu_multiplies() -> None:
    draft = draft_english("Pemerintah Jawa Barat menyalurkan bantuan kepada 86 ribu keluarga.")
    assert "West Jawa" in draft
    assert "86,000 families" in draft


def test_sebanyak_before_a_number_and_plural_subject_agreement() -> None:
    assert draft_english("Sebanyak 45 keluarga dipindahkan.") == "Some 45 families were moved."


def test_verb_after_untuk_is_an_infinitive() -> None:
    assert "to commemorate" in draft_english("Pertunjukan digelar untuk memperingati hari jadi kota.")


def test_digit_groups_never_turn_into_exponents_and_a_name_phrase_stays_a_name() -> None:
    assert draft_english("5.000.000,50 persen") == "5,000,000.5 percent"
    assert "West Jawa" in draft_english("Jawa Barat")
