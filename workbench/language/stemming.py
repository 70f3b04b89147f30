"""Stemmers: Sastrawi for Indonesian and Porter2 (snowballstemmer) for English; both lazy, cached
per word.

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
