"""A comparison view of a text that forgives formatting, with an exact map back to the original.

Re-extraction often changes only formatting: line wrapping, runs of spaces, straight versus curly
quotes, dash styles, soft hyphens. The folded view collapses every whitespace run to one space,
maps quotes and dashes to ASCII one-for-one and drops invisible characters. Case is kept: lowering
can change the length of a string ("İ" becomes two code points) and a case change is a real edit.

``origin[i]`` is the original index of folded character ``i`` and ``origin[len(folded)]`` is the
original length, so a folded span maps back with :meth:`FoldedText.to_original`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_SAME_LENGTH = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
# Soft hyphen, zero-width space and byte-order mark carry no text. The zero-width joiner is kept:
# it is part of emoji sequences.
_INVISIBLE = frozenset("\u00ad\u200b\ufeff")
_NEEDS_WORK = re.compile(r"\s{2,}|[^\S ]|[\u00ad\u200b\ufeff]")
_TOKEN = re.compile(r"\w+|[^\w\s]+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class FoldedText:
    """``text`` is the folded view; ``origin`` maps each folded index to an original index."""

    text: str
    origin: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded span ``[start, end)``; the span covers whole originals."""
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1

    def to_folded(self, position: int) -> int:
        """The first folded index at or after original ``position``."""
        return bisect_left(self.origin, position, 0, len(self.text))


def fold(text: str) -> FoldedText:
    """The folded view of ``text`` (see the module docstring)."""
    translated = text.translate(_SAME_LENGTH)
    if not _NEEDS_WORK.search(translated):
        return FoldedText(translated, range(len(text) + 1))
    chars: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(translated):
        if char in _INVISIBLE:
            continue
        if char.isspace():
            if in_space:
                continue
            in_space = True
            char = " "
        else:
            in_space = False
        chars.append(char)
        origin.append(index)
    origin.append(len(text))
    return FoldedText("".join(chars), origin)


@dataclass(frozen=True, slots=True)
class PreparedText:
    """A new text made ready for searching: its folded view and the folded offsets of its tokens
    (runs of word characters, and runs of punctuation), the only places a fuzzy span may start or
    end, so that located passages begin and end on whole words."""

    original: str
    folded: FoldedText
    token_starts: list[int]
    token_ends: list[int]
    word_starts: list[int]  # starts of whitespace-separated words, for search windows
    word_ends: list[int]


@lru_cache(maxsize=8)
def prepare(text: str) -> PreparedText:
    """Fold and tokenise ``text``; cached because a batch pins many quotes in the same snapshot."""
    folded = fold(text)
    tokens = _tokens(folded.text)
    words = [(m.start(), m.end()) for m in _WORD.finditer(folded.text)]
    return PreparedText(
        original=text,
        folded=folded,
        token_starts=[s for s, _ in tokens],
        token_ends=[e for _, e in tokens],
        word_starts=[s for s, _ in words],
        word_ends=[e for _, e in words],
    )


def _tokens(text: str) -> list[tuple[int, int]]:
    """Token spans. A combining mark joins the token before it: ``\\w`` does not match marks, and a
    span must never end between "e" and its accent, nor inside a Devanagari syllable."""
    tokens: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if tokens and tokens[-1][1] == start and (_is_mark(text[start]) or _is_mark(text[start - 1])):
            tokens[-1] = (tokens[-1][0], end)
        else:
            tokens.append((start, end))
    return tokens


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")
