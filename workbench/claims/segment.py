"""Lines, datelines, bullets, quotations and sentences of Indonesian and English news text.

All functions work on spans (``start``, ``end``) of the text exactly as given: CRLF line
endings, curly quotes and combining marks stay where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.language.abbreviations import ABBREVIATIONS, is_abbreviation

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
# "JAKARTA -", "JAKARTA, KOMPAS.com -", "WASHINGTON (Reuters) —", "Jakarta, CNN Indonesia --"
# Letters are matched with [^\W\d_] and checked for case afterwards: "İSTANBUL" is outside A-Z.
_DATELINE = re.compile(
    r"(?P<city>[^\W\d_][\w.'’]*(?:[ -][^\W\d_][\w.'’]*){0,3})(?P<outlet>\s*,\s*[^\W\d_][\w.]*(?:\s[^\W\d_][\w.]*)?)?"
    r"(?:\s*\([^()\n]{1,40}\))?\s*(?:-{1,2}|–|—)\s+"
)
_BULLET = re.compile(r"[-•*▪◦·‣]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+")


# Upper-case Latin letters for regex classes: names such as "Çelik" or "İzmir" fall outside A-Z.
UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())

OPEN_QUOTES = "“„«"
CLOSE_QUOTES = "”»"


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the text; ``content_start`` skips a dateline or bullet marker."""

    start: int
    end: int
    content_start: int
    bullet: bool


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """Text between quotation marks: ``start``/``end`` exclude the marks; ``closed`` is False
    when the quotation runs on past the end of its paragraph (news style for long quotes)."""

    start: int
    end: int
    closed: bool


def trim(text: str, start: int, end: int, chars: str = "") -> tuple[int, int]:
    """Shrink a span past whitespace and any of ``chars`` at either end."""
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def split_lines(text: str, first_line_dateline: bool = True) -> list[Line]:
    """Non-empty lines with their content start (after a dateline on the first content line,
    or after a bullet marker)."""
    lines: list[Line] = []
    position = 0
    content_lines = 0
    for match in [*_LINE_BREAK.finditer(text), None]:
        line_end = match.start() if match is not None else len(text)
        start, end = trim(text, position, line_end)
        position = match.end() if match is not None else len(text)
        if start >= end:
            continue
        content = start
        bullet = False
        marker = _BULLET.match(text, start, end)
        if marker is not None and not text[start].isupper():
            content, bullet = marker.end(), True
        elif first_line_dateline and content_lines < 3:  # a byline or title may come first
            dateline = _DATELINE.match(text, start, end)
            if dateline is not None and dateline.end() < end and _is_dateline(dateline):
                content = dateline.end()
        lines.append(Line(start, end, content, bullet))
        content_lines += 1
    return lines


def _is_dateline(match: re.Match[str]) -> bool:
    """An upper-case place ("JAKARTA -"), or a place and an outlet ("Jakarta, CNN Indonesia --")."""
    city = match.group("city")
    return city.isupper() or (match.group("outlet") is not None and city.istitle() and " " not in city)


def find_quotes(text: str, start: int, end: int) -> list[QuoteRegion]:
    """Quotation regions in one paragraph. Curly quotes pair by direction; straight double
    quotes alternate. An opening mark with no closing mark runs to the paragraph's end."""
    regions: list[QuoteRegion] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch == '"':
            if open_at is None:
                open_at = i
            else:
                regions.append(QuoteRegion(open_at + 1, i, True))
                open_at = None
        elif ch in OPEN_QUOTES:
            if open_at is None:
                open_at = i
        elif ch in CLOSE_QUOTES and open_at is not None:
            regions.append(QuoteRegion(open_at + 1, i, True))
            open_at = None
    if open_at is not None:
        regions.append(QuoteRegion(open_at + 1, end, False))
    return regions


_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    word_start = dot
    # a longer word is no abbreviation: looking back no further keeps a long run of letters
    # and dots from being walked once per dot
    limit = max(start, dot - _LONGEST_ABBREVIATION - 1)
    while word_start > limit and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return is_abbreviation(word)


def _only_abbreviations(text: str, start: int, run_start: int, run_end: int) -> bool:
    """Whether every sentence mark in ``text[run_start:run_end]`` is an abbreviation's full stop."""
    return all(
        text[m] == "." and _is_abbreviation(text, start, m)
        for m in range(run_start, run_end)
        if text[m] in ".!?…"
    )


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, trimmed of whitespace.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (after any closing quotes or brackets)
    followed by whitespace and an upper-case letter, a digit or an opening quote; never after
    an abbreviation or an initial. ``." kata Smith`` does not end a sentence: the lower-case
    attribution continues it.
    """
    spans: list[tuple[int, int]] = []
    sentence_start = start
    i = start
    while i < end:
        ch = text[i]
        if ch in ".!?…":
            j = i + 1
            while j < end and text[j] in ".!?…" + CLOSE_QUOTES + "\")’'":
                j += 1
            k = j
            while k < end and text[k].isspace():
                k += 1
            if k == end:
                break
            nxt = text[k]
            starts_new = nxt.isupper() or nxt.isdigit() or nxt in OPEN_QUOTES + "\"(‘'"
            # every mark of the run up to ``j`` sees the same ``j`` and ``k``: the run ends a
            # sentence unless each of its marks is the full stop of an abbreviation
            if k > j and starts_new and not _only_abbreviations(text, start, i, j):
                spans.append(trim(text, sentence_start, j))
                sentence_start = k
                i = k
                continue
            i = j
            continue
        i += 1
    last = trim(text, sentence_start, end)
    if last[0] < last[1]:
        spans.append(last)
    return spans
