"""English stemming by Porter2 (snowballstemmer), and what it changes for matching."""

from __future__ import annotations

from workbench.language.identify import identify_language
from workbench.language.lexicon import english_synonyms
from workbench.language.stemming import stem_english
from workbench.matching.rank import rank_passages


def test_porter2_keeps_apart_what_the_old_stripper_conflated() -> None:
    assert stem_english("news") != stem_english("new")
    assert stem_english("United") != stem_english("unit")
    assert stem_english("agreed") == stem_english("agree") == stem_english("agreeing")


def test_inflections_meet() -> None:
    assert stem_english("organizations") == stem_english("organization")
    assert stem_english("attacked") == stem_english("attacks") == stem_english("attacking")
    assert stem_english("Microsoft’s") == stem_english("microsoft")
    assert stem_english("COVID-19") == "covid-19"  # digits: only lowered


def test_synonyms_pivot_through_stems() -> None:
    assert {"refused", "rejected"} <= english_synonyms("denied")
    assert english_synonyms("denies") == english_synonyms("denied")
    assert not any(stem_english(word) == stem_english("denied") for word in english_synonyms("denied"))


def test_news_no_longer_matches_new() -> None:
    passages = ["The company opened a new office.", "The company shared the news with staff."]
    (best,) = rank_passages("The company shared news", passages, claim_lang="en", top=1)
    assert best.index == 1


def test_identifier_reads_inflected_english_through_stems() -> None:
    guess = identify_language("Chen told reporters")
    assert guess.english > 0
