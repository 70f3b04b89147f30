"""Word tokens with offsets, and the stopword lists both languages share.

Offsets always come from the original text; keys are lowered per token, because lowering a whole
text can change its length ("İ" lowers to two code points).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Letters/digits joined by inner hyphens, apostrophes or number separators: "organisasi-organisasi",
# "Jum’at", "1.000", "2,5", "COVID-19".
# Combining marks (U+0300-U+036F) are not \w but belong to the letter before them.
_WORD = re.compile(r"\w[\w\u0300-\u036f]*(?:[-'’.,]\w[\w\u0300-\u036f]*)*", re.UNICODE)
_APOSTROPHES = str.maketrans("", "", "'’")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text: ``text[start:end] == surface``; ``key`` is its lowered, apostrophe-free form."""

    surface: str
    start: int
    end: int
    key: str

    @property
    def is_number(self) -> bool:
        return any(char.isdigit() for char in self.surface)

    @property
    def is_acronym(self) -> bool:
        letters = [char for char in self.surface if char.isalpha()]
        return len(letters) >= 2 and all(char.isupper() for char in letters)

    @property
    def is_capitalised(self) -> bool:
        return self.surface[:1].isupper()


def word_key(surface: str) -> str:
    """The lookup key of a word: lowered, apostrophes dropped, trailing number separators kept out."""
    return surface.lower().translate(_APOSTROPHES)


def tokenize(text: str) -> list[Token]:
    """Every word of ``text`` with its code-point offsets."""
    return list(iter_tokens(text))


def iter_tokens(text: str) -> Iterator[Token]:
    for match in _WORD.finditer(text):
        surface = match.group()
        # A sentence-final "19." or "said," must not carry its punctuation into the word.
        while surface and surface[-1] in ".,":
            surface = surface[:-1]
        if surface:
            yield Token(surface, match.start(), match.start() + len(surface), word_key(surface))


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


INDONESIAN_STOPWORDS = _word_set(
    """
    ada adalah agar akan aku anda antara apa apakah atas atau bagai bagaimana bagi bahkan bahwa baik
    banyak beberapa belum berapa bisa boleh bukan cukup dalam dan dapat demikian dengan di dia diri
    hal hanya harus hingga ia ialah ini itu jadi jika juga kami kamu karena ke kemudian kepada kita
    lagi lain lalu maka mana masih melalui mereka meski namun nya oleh pada para per perlu pula pun
    saat saja sama sampai sangat sebagai sebelum sedang sehingga sejak sekali semua seperti serta
    setelah sudah supaya tak tanpa tapi telah tentang tetapi tersebut tidak untuk walau yaitu yakni
    yang sang si se tiap tengah via dari terhadap pihaknya
    """
)

ENGLISH_STOPWORDS = _word_set(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves says said say
    """
)
