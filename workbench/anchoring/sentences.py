"""The quote's own sentence: which context belongs to it, and which figures and words it states.

Context on either side of a quote is of two sorts. Up to the sentence boundary it is part of the
quote's own statement ("The agency said that [12 percent] of homes were damaged."): when it changes,
the statement changed. Beyond the boundary it is a neighbouring sentence, which editors insert,
delete and move around freely. Re-anchoring trusts the first sort much more than the second.

Tokens are numbers ("4.2", "1,240"), words, and sentence ends (".", "!", "?" and line breaks, a
line break also ending a heading or a list item). Punctuation otherwise is ignored, as is case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workbench.anchoring.selectors import CONTEXT_CHARS

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)*|[.!?]|\n")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
END = "."  # every sentence end is this token
SENTENCE_CHARS = 240  # of the quote's own sentence kept on either side (see sentence_around)
# Words that soften a figure without changing what it counts: a correction may add or drop them.
HEDGES: tuple[tuple[str, ...], ...] = (
    ("an", "estimated"),
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("up", "to"),
    ("lebih", "dari"),
    ("kurang", "dari"),
    ("about",),
    ("nearly",),
    ("almost",),
    ("roughly",),
    ("some",),
    ("around",),
    ("approximately",),
    ("estimated",),
    ("over",),
    ("under",),
    ("sekitar",),
    ("hampir",),
)


_CLOSERS = "\"'\u201d\u2019)]"  # may follow a sentence's final punctuation
_CLOSER_CLASS = "[\"'\u201d\u2019)\\]]"
_ENDS_SENTENCE = re.compile(rf"[.!?]{_CLOSER_CLASS}*$")
_BOUNDARY = re.compile(rf"[.!?]{_CLOSER_CLASS}*\s+|\n\s*(?:[-*\u2022]\s+)?")


def starts_sentence(text: str, at: int) -> bool:
    """Whether a sentence, a line or a list item begins at ``text[at]``."""
    before = text[:at]
    stripped = before.rstrip()
    if not stripped or "\n" in before[len(stripped) :]:
        return True
    if re.search(r"\n\s*[-*\u2022]$", stripped) and before != stripped:
        return True
    return before != stripped and bool(_ENDS_SENTENCE.search(stripped))


def ends_sentence(text: str, at: int) -> bool:
    """Whether ``text[:at]`` ends a sentence (its final punctuation, closing quotes included)."""
    return bool(_ENDS_SENTENCE.search(text[:at])) and (at == len(text) or text[at].isspace())


def before_sentence_end(text: str, at: int) -> bool:
    """Whether ``text[at]`` is a sentence's final punctuation."""
    return text[at : at + 1] in (".", "!", "?") and ends_sentence(text, at + 1 + _closers(text, at + 1))


def _closers(text: str, at: int) -> int:
    n = 0
    while text[at + n : at + n + 1] and text[at + n] in _CLOSERS:
        n += 1
    return n


def sentence_starts(text: str, low: int, high: int) -> list[int]:
    """Positions in ``[low, high)`` where a sentence, line or list item begins."""
    return [m.end() for m in _BOUNDARY.finditer(text, max(0, low - 4), high) if low <= m.end() < high]


def sentence_ends(text: str, low: int, high: int) -> list[int]:
    """Positions in ``(low, high]`` right after a sentence's final punctuation."""
    out = []
    for m in re.finditer(rf"[.!?]{_CLOSER_CLASS}*", text[low:high]):
        at = low + m.end()
        if at == len(text) or text[at].isspace():
            out.append(at)
    return out


def quote_bounds(prefix: str, exact: str, suffix: str) -> tuple[bool, str]:
    """Whether the quote began a sentence, and how it ended: "with" its sentence's final
    punctuation, "before" it, or "" (inside a sentence). From the selector's unfolded strings."""
    begins = starts_sentence(prefix + exact, len(prefix))
    body = exact.rstrip()
    rest = exact[len(body) :] + suffix
    if ends_sentence(body + rest, len(body)) or (not rest and bool(_ENDS_SENTENCE.search(body))):
        return begins, "with"
    if before_sentence_end(body + rest, len(body)):
        return begins, "before"
    return begins, ""


def tokens(text: str) -> list[str]:
    """Numbers, lower-cased words and sentence ends ("."), in order."""
    out = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        out.append(END if piece in ".!?\n" else piece.lower())
    return out


def numbers(text: str) -> list[str]:
    """The numbers of ``text`` as written, in order."""
    return _NUMBER.findall(text)


# Month names, English and Indonesian: beside a day number they are part of a date, a figure.
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "januari",
        "februari",
        "maret",
        "mei",
        "juni",
        "juli",
        "agustus",
        "oktober",
        "desember",
    ]
)


def _date_months(words: list[str]) -> set[int]:
    """Indices of month names that stand beside a number ("July 1", "1 Juli"): those months are
    a date's parts, figures like its day and year, not the statement's wording."""
    return {
        i
        for i, word in enumerate(words)
        if word.lower() in _MONTHS
        and any(0 <= j < len(words) and words[j][0].isdigit() for j in (i - 1, i + 1))
    }


def figures(text: str) -> list[str]:
    """The figures of ``text`` in order: its numbers as written, and the month of each date
    ("July 1, 2024" -> ["July", "1", "2024"]), so a corrected date is a corrected figure."""
    pieces = [m.group() for m in _TOKEN.finditer(text) if m.group() not in ".!?\n"]
    months = _date_months(pieces)
    return [p for i, p in enumerate(pieces) if p[0].isdigit() or i in months]


def names(text: str) -> list[str]:
    """Capitalised words that do not begin a sentence (people, places, bodies), in order."""
    out = []
    previous = END
    for match in _TOKEN.finditer(text):
        piece = match.group()
        if piece[0].isupper() and previous != END:
            out.append(piece)
        previous = END if piece in ".!?\n" else piece
    return out


def wording(text: str) -> list[str]:
    """The words of ``text`` without its numbers, hedges and sentence ends."""
    every = [t for t in tokens(text) if t != END]
    months = _date_months(every)  # a date's month is a figure (see figures)
    words = [t for i, t in enumerate(every) if not t[0].isdigit() and i not in months]
    out: list[str] = []
    i = 0
    while i < len(words):
        hedge = next((h for h in HEDGES if tuple(words[i : i + len(h)]) == h), None)
        if hedge is None:
            out.append(words[i])
        i += len(hedge) if hedge else 1
    return out


@dataclass(frozen=True, slots=True)
class OwnSentence:
    """The tokens of the quote's sentence just before it (back to the sentence start) and just
    after it (up to and with the sentence end), as far as the selector's context reaches. The
    farthest token may be a cut word (``before_cut``/``after_cut``): it need only end (begin) the
    same way. ``begins``/``ends``: the quote itself began (ended, final punctuation included) a
    sentence, so that on that side its own sentence is only the boundary."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    before_cut: bool = False
    after_cut: bool = False
    begins: bool = False
    ends: bool = False

    def agrees(self, text: str, start: int, end: int) -> tuple[bool, bool]:
        """Whether the passage ``text[start:end]`` sits in the quote's own sentence: ``text[:start]``
        ends with ``before`` (or a sentence end, where the quote began one) and ``text[end:]``
        begins with ``after`` (or the passage ends its sentence, where the quote did)."""
        reach = 8 * CONTEXT_CHARS
        left = tokens(text[max(0, start - reach) : start])
        if self.before:
            before_ok = _same(
                self.before[::-1], left[-len(self.before) :][::-1], self.before_cut, str.endswith
            )
        else:
            before_ok = not self.begins or left[-1:] in ([], [END])
        if self.after:
            right = tokens(text[end : end + reach])[: len(self.after)]
            after_ok = _same(self.after, right, self.after_cut, str.startswith)
        else:
            after_ok = not self.ends or tokens(text[start:end])[-1:] == [END]
        return before_ok, after_ok


def _same(old: tuple[str, ...], new: list[str], cut: bool, fits: Callable[[str, str], bool]) -> bool:
    """``new`` equals ``old`` token by token (both nearest-first); a cut last token need only fit."""
    if len(new) != len(old):
        return False
    if cut:
        return list(old[:-1]) == new[:-1] and fits(new[-1], old[-1])
    return list(old) == new


def own_sentence(prefix: str, exact: str, suffix: str, width: int = CONTEXT_CHARS) -> OwnSentence:
    """The quote's own sentence around it, from a selector's (unfolded) ``prefix``/``suffix``, or
    from its whole sentence (see :func:`sentence_around`, ``width`` its limit).

    A side of context ``width`` long was probably cut inside a word at its far end. A quote that
    itself begins (ends) at a sentence boundary has no own sentence on that side."""
    before = tokens(prefix)
    begins = not before or before[-1] == END
    before_cut = len(prefix) >= width and bool(prefix[:1].strip()) and bool(before)
    if END in before:
        before = before[len(before) - before[::-1].index(END) :]
        before_cut = False
    after = tokens(suffix)
    after_cut = len(suffix) >= width and bool(suffix[-1:].strip()) and bool(after)
    if END in after:
        after = after[: after.index(END) + 1]
        after_cut = False
    quoted = tokens(exact)
    ends = bool(quoted) and quoted[-1] == END
    if ends:
        after, after_cut = [], False
    return OwnSentence(
        tuple(before), tuple(after), before_cut and bool(before), after_cut and bool(after), begins, ends
    )


def sentence_around(text: str, start: int, end: int, limit: int = SENTENCE_CHARS) -> tuple[str, str]:
    """The rest of the sentence around ``text[start:end]``: from its start (a sentence, line or list
    item) up to ``start``, and from ``end`` up to and with its final punctuation (closing quotes
    included) or line end; at most ``limit`` characters each side. Empty on a side where the span
    itself begins (ends) its sentence."""
    low = max(0, start - limit)
    if starts_sentence(text, start):
        before = ""
    else:
        starts = sentence_starts(text, low, start)
        before = text[starts[-1] if starts else low : start]
    high = min(len(text), end + limit)
    stops = [at for at in (text.find("\n", end, high),) if at >= 0] + sentence_ends(text, end, high)
    after = text[end : min(stops, default=high)]
    if ends_sentence(text, end):
        after = ""
    return before, after
