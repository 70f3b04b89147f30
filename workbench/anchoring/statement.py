"""What a pinned quote states: its figures, words and names, and its own sentence around it.

Re-anchoring asks of a candidate passage whether it states the same thing as the quote, a
corrected figure of it, or another figure in a sentence of the same shape ("12 percent of homes"
-> "30 percent of roads"). Offsets here are into the original (unfolded) new text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from workbench.anchoring.selectors import TextQuoteSelector
from workbench.anchoring.sentences import (
    SENTENCE_CHARS,
    OwnSentence,
    figures,
    names,
    numbers,
    own_sentence,
    wording,
)

# A number in the same sentence right before (after) a passage, nothing but spaces between.
_NEAR_NUMBER_BEFORE = re.compile(r"(?<![.!?] )(?<![.!?])(\d+(?:[.,]\d+)*)[ \t]*$")
_NEAR_NUMBER_AFTER = re.compile(r"^[ \t]*(\d+(?:[.,]\d+)*)")
NEAR_NUMBER_CHARS = 16  # how far beside a passage a number is read with it

FigureChange = str  # "same", "corrected" or "another"


@dataclass(frozen=True, slots=True)
class Statement:
    """The quote's figures (numbers as written), its words without numbers and hedges, the names it
    mentions, and its own sentence around it (see :mod:`workbench.anchoring.sentences`)."""

    figures: list[str]
    wording: list[str]
    names: list[str]
    own: OwnSentence
    beside: frozenset[str] = field(default_factory=frozenset)  # numbers right beside the quote
    # The own sentence whole, when the selector knows it (beyond its ~32 characters of context).
    whole: OwnSentence | None = None
    sentence: str = ""  # the quote with its whole own sentence around it, when known

    @classmethod
    def of(cls, selector: TextQuoteSelector) -> Statement:
        prefix, exact, suffix = selector.prefix, selector.exact, selector.suffix
        return cls(
            figures=figures(exact),
            wording=wording(exact),
            names=names(exact),
            own=own_sentence(prefix, exact, suffix),
            beside=frozenset(_NEAR_NUMBER_BEFORE.findall(prefix) + _NEAR_NUMBER_AFTER.findall(suffix)),
            whole=None
            if selector.sentence_before is None or selector.sentence_after is None
            else own_sentence(selector.sentence_before, exact, selector.sentence_after, SENTENCE_CHARS),
            sentence=(selector.sentence_before or "") + exact + (selector.sentence_after or ""),
        )

    @property
    def words(self) -> int:
        """Words the statement has to single it out: the quote's own and its sentence's around it."""
        return len(self.wording) + len(self.own.before) + len(self.own.after)

    @property
    def numbered(self) -> bool:
        """Whether the quote or its own sentence states a figure (a stock sentence does not)."""
        return bool(self.figures) or any(t[0].isdigit() for t in self.own.before + self.own.after)

    @property
    def has_own(self) -> bool:
        """Whether the quote's own sentence has words beside it (it is not a whole sentence)."""
        return bool(self.own.before or self.own.after)

    def in_own_sentence(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` sits in the quote's own sentence on every side."""
        return all(self.own.agrees(text, start, end))

    def figure_change(self, text: str, start: int, end: int) -> FigureChange:
        """ "same" when the passage states no number the quote did not, "corrected" when only its
        numbers changed, "another" when it states another figure.

        A number that changed is a correction only when nothing else of the statement did: the
        quote's other words (hedges such as "nearly" aside) and its own sentence around it stand.
        Otherwise it is a sentence of the same shape about something else ("12 percent of homes"
        -> "30 percent of roads", "in March" -> "in April"), which must not inherit the quote."""
        passage = text[start:end]
        # A number right next to the passage is read with it: a span that stops short of a new
        # number ("stood at [56]" -> "stood at] 13,628") has not got rid of it. (A number that
        # stood there before, in the quote's own context, is not new.)
        before = text[max(0, start - NEAR_NUMBER_CHARS) : start]
        nearby = [n for n in _NEAR_NUMBER_BEFORE.findall(before) if n not in self.beside]
        if not passage.rstrip().endswith((".", "!", "?")):
            after = text[end : end + NEAR_NUMBER_CHARS]
            nearby += [n for n in _NEAR_NUMBER_AFTER.findall(after) if n not in self.beside]
        stated = figures(passage) + nearby
        if not Counter(stated) - Counter(self.figures) or not Counter(self.figures) - Counter(stated):
            # No number the quote did not have (one may have been dropped), or every number of
            # the quote still there (a clause with another was added: "..., the highest since
            # 2016"): the figure did not change.
            return "same"
        if wording(passage) != self.wording or not self.in_own_sentence(text, start, end):
            return "another"
        if self.whole is not None and not all(self.whole.agrees(text, start, end)):
            # The sentence differs beyond the selector's context: another period or thing.
            return "another"
        return "corrected"

    def renamed(self, passage: str) -> bool:
        """Whether the passage names someone or somewhere else: a name of the quote gone and
        another come (a name only dropped, or only added, is a rewording)."""
        new, old = Counter(names(passage)), Counter(self.names)
        return bool(new - old) and bool(old - new)

    def change_size(self, passage: str) -> float:
        """How far a corrected figure moved, relative to the larger of old and new (inf when more
        than one number changed)."""
        quoted = [f for f in self.figures if f[0].isdigit()]
        old = Counter(quoted) - Counter(numbers(passage))
        new = Counter(numbers(passage)) - Counter(quoted)
        if len(old) != 1 or len(new) != 1:
            return float("inf")
        a, b = (float(next(iter(x)).replace(",", "")) for x in (old, new))
        return abs(a - b) / max(abs(a), abs(b), 1e-9)
