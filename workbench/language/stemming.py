"""Stemmers: Sastrawi for Indonesian (lazy, cached per word) and a light suffix stripper for English.

The English stemmer only has to make "protected", "protects" and "protecting" meet "protect" (and the
lexicon's headwords meet running text); it is not a linguistic stemmer.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Protocol


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


_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def stem_english(word: str) -> str:
    """A crude English stem, lowered: "organizations" -> "organization", "attacked" -> "attack"."""
    stem = word.lower().replace("’", "'")
    if stem.endswith("'s"):
        stem = stem[:-2]
    if len(stem) <= 3 or not stem.isalpha():
        return stem
    if stem.endswith("ies") and len(stem) > 4:
        stem = stem[:-3] + "y"
    elif stem.endswith(("sses", "shes", "ches", "xes")):
        stem = stem[:-2]
    elif stem.endswith("s") and not stem.endswith(("ss", "us", "is")):
        stem = stem[:-1]
    for suffix in ("ing", "ed"):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            base = stem[: -len(suffix)]
            if not any(char in _VOWELS for char in base):
                break  # "bed", "sing": nothing left to be a stem
            if suffix == "ed" and base.endswith("i"):
                base = base[:-1] + "y"  # "applied" -> "apply"
            elif len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "planned" -> "plan"
            stem = base
            break
    # "create"/"created"/"creating" all end as "creat".
    if stem.endswith("e") and len(stem) > 3:
        stem = stem[:-1]
    return stem
