"""Split a source text into passages (paragraphs and their sentences) with exact offsets.

Input is trafilatura's plain text: one paragraph per line, list items as "- item". Offsets are code
points into the text as given (CRLF kept); a passage never includes surrounding whitespace or a list
bullet.
"""

from __future__ import annotations

import re

from workbench.domain import Passage
from workbench.language.abbreviations import is_abbreviation

_LINE = re.compile(r"[^\r\n]+")
_BULLET = re.compile(r"[-*•–]\s+")
# A sentence ends at . ! ? … (possibly repeated), then closing quotes/brackets, then whitespace, and
# the next one starts with something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þİ])")
_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]\.)+$")  # "J." or "U.S." before the dot


def split_passages(text: str) -> list[Passage]:
    """Paragraphs (one per non-blank line) and the sentences inside them, in text order.

    Every paragraph yields its sentences (``kind="sentence"``); a paragraph of more than one
    sentence is also listed itself (``kind="paragraph"``), before its sentences. ``text[p.start:p.end]``
    is the passage, stripped of surrounding whitespace and of a leading list bullet.
    """
    passages: list[Passage] = []
    for line in _LINE.finditer(text):
        start, end = _strip(text, line.start(), line.end())
        bullet = _BULLET.match(text, start, end)
        if bullet:
            start = bullet.end()
        if start >= end:
            continue
        sentences = _sentences(text, start, end)
        if len(sentences) > 1:
            passages.append(Passage(start, end, "paragraph"))
        passages.extend(sentences)
    return passages


def sentence_passages(text: str) -> list[Passage]:
    """Only the sentences of :func:`split_passages` (what ranking uses by default)."""
    return [passage for passage in split_passages(text) if passage.kind == "sentence"]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(text: str, start: int, end: int) -> list[Passage]:
    sentences = []
    cursor = start
    for boundary in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, cursor, boundary.start(), boundary.group()):
            continue
        first, last = _strip(text, cursor, boundary.end())
        if first < last:
            sentences.append(Passage(first, last, "sentence"))
        cursor = boundary.end()
    first, last = _strip(text, cursor, end)
    if first < last:
        sentences.append(Passage(first, last, "sentence"))
    return sentences


def _is_abbreviation(text: str, sentence_start: int, dot: int, mark: str) -> bool:
    if not mark.startswith(".") or mark.startswith(".."):
        return False
    before = text[sentence_start:dot]
    word = re.search(r"[\w.]+$", before)
    if not word:
        return False
    if is_abbreviation(word.group().rstrip(".")):
        return True
    return bool(_INITIAL.search(before + "."))
