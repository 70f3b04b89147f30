"""Stemmers: Sastrawi for Indonesian and Porter2 (snowballstemmer) for English; both lazy, cached
per word. For matching, English words can be stemmed through their dictionary lemma (lemminflect),
so irregular forms meet their headword.

English stems make "protected", "protects" and "protecting" meet "protect", and the lexicon's
headwords meet running text. Porter2 replaced a hand-written suffix stripper that conflated
"news" with "new" and "united" with "unit" and kept "agreed" apart from "agree".
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any, Protocol


class _Stemmer(Protocol):
    def stem(self, text: str) -> str: ...


@cache
def _sastrawi() -> _Stemmer:
    # Building the stemmer reads its root-word list; do it once, on first use.
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer: _Stemmer = StemmerFactory().create_stemmer()
    return stemmer


@lru_cache(maxsize=65536)
def stem_indonesian(word: str) -> str:
    """The root of one Indonesian word ("melindungi" -> "lindung"); lowered; ``""`` for no letters."""
    if not word or any(char.isdigit() for char in word):
        return word.lower()
    return _sastrawi().stem(word)


# Porter2 conflates these with other words that matter in news: "United" (States, Nations) with "unit".
_KEEP_WHOLE = frozenset({"united"})


@cache
def _porter2() -> Any:
    import snowballstemmer  # the Snowball project's own Python build of its stemmers

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem_english(word: str) -> str:
    """The Porter2 (Snowball) stem of one English word, lowered, possessive dropped:
    "organizations" -> "organiz", "attacked" -> "attack", "agreed" and "agree" -> "agre"; "news"
    stays apart from "new", and "united" from "unit". Words with digits are only lowered."""
    stem = word.lower().replace("’", "'")
    if stem.endswith("'s"):
        stem = stem[:-2]
    if not stem.isalpha() or stem in _KEEP_WHOLE:
        return stem
    return str(_porter2().stemWord(stem))


@cache
def lemminflect_module() -> Any:
    """lemminflect (English lemmas and inflections, MIT, tables in its wheel), for matching and the
    drafter alike. It reads its tables (and numpy) on first use, ~0.7 s: never at import."""
    import lemminflect

    return lemminflect


# Which of a word's lemmas to stem when it has several: "rose" is rise (a verb) before the flower,
# "saw" see; a word no class knows stays as written.
_LEMMA_CLASSES = ("VERB", "NOUN", "ADJ", "ADV", "AUX")


@lru_cache(maxsize=65536)
def stem_english_lemma(word: str) -> str:
    """:func:`stem_english` of the word's dictionary lemma (lemminflect), for matching: irregular
    forms, which no suffix rule reaches, meet their headword: "stolen" and "steal", "children" and
    "child", "fell" and "fall", "paid" and "pay", "largest" and "large". Words :func:`stem_english`
    keeps whole ("united") and words with digits are stemmed as they are."""
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    if not lowered.isalpha() or lowered in _KEEP_WHOLE:
        return stem_english(lowered)
    lemmas = lemminflect_module().getAllLemmas(lowered)
    for word_class in _LEMMA_CLASSES:
        if lemmas.get(word_class):
            return stem_english(lemmas[word_class][0])
    return stem_english(lowered)
