"""What the re-anchoring rules measure of the quote and of a candidate place in the new text.

:class:`Measures` holds the quote, its statement (figures, words, own sentence) and the prepared new
text, and answers per candidate: how much of the selector's context stands beside it, whether the
quote's own sentence stands around it, how far it is from the old offset. The rules themselves
(acceptance, choice) are in :mod:`workbench.anchoring.reanchor`. Candidate offsets are into the
folded view; ``_original`` maps them back.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.anchoring.candidates import Candidate, Quote, side_kept
from workbench.anchoring.folding import PreparedText
from workbench.anchoring.limits import (
    DISTINCT_CHARS,
    DISTINCT_WORDS,
    FAR_CHARS,
    LONG_CHARS,
    LONG_OWN_SIDE,
    LONG_WORDS,
    OWN_SIDE_WORDS,
)
from workbench.anchoring.statement import Statement
from workbench.anchoring.wholesentence import standing


class Measures:
    """What the rules know of the quote and of each candidate place in the new text: its context
    kept or lost, its own sentence standing or not, its distance from the old offset."""

    def __init__(
        self,
        quote: Quote,
        statement: Statement,
        expected: int | None,
        prepared: PreparedText,
        exacts: list[Candidate],
    ) -> None:
        self.quote = quote
        self.statement = statement
        self.own = statement.own  # the quote's own sentence around it
        self.expected = expected
        self.prepared = prepared
        self.distinct = len(quote.exact) >= DISTINCT_CHARS and len(quote.exact.split()) >= DISTINCT_WORDS
        self.long = len(quote.exact) >= LONG_CHARS and len(quote.exact.split()) >= LONG_WORDS
        self.far = max(FAR_CHARS, len(prepared.original) // 5)
        self.repeated = len(exacts) > 1  # the exact words occur more than once in the new text
        # Words, figure and all, that say something specific: found word for word, they are that
        # statement wherever they are now (a stock sentence has no figure).
        self.figure_statement = self.distinct and bool(statement.figures)
        self.long_own_side = max(len(self.own.before), len(self.own.after)) >= LONG_OWN_SIDE
        self.stating = self._stating(exacts)  # folded starts of occurrences in their own sentence
        self.placed = self._placed(exacts)  # ... the one in the quote's whole sentence, if known

    def _sides(self, c: Candidate, test: Callable[[float, int, int], bool]) -> list[bool]:
        sides = []
        if c.prefix_ratio is not None and c.prefix_grip is not None:
            sides.append(test(c.prefix_ratio, c.prefix_grip, len(self.quote.prefix)))
        if c.suffix_ratio is not None and c.suffix_grip is not None:
            sides.append(test(c.suffix_ratio, c.suffix_grip, len(self.quote.suffix)))
        return sides

    def context_level(self, c: Candidate) -> str:
        """ "kept" (every side the selector has agrees), "half", "lost", or "none" (no context)."""
        sides = self._sides(c, side_kept)
        if not sides:
            return "none"
        if all(sides):
            return "kept"
        return "half" if any(sides) else "lost"

    def _passage(self, c: Candidate) -> str:
        start, end = self.prepared.folded.to_original(c.start, c.end)
        return self.prepared.original[start:end]

    def _original(self, c: Candidate) -> tuple[str, int, int]:
        start, end = self.prepared.folded.to_original(c.start, c.end)
        return self.prepared.original, start, end

    def states_quote(self, c: Candidate) -> bool:
        """Whether an exact occurrence sits in the quote's own sentence (its words next to the
        quote on every side that has any), and quote and sentence together state a figure in
        enough words to single it out. Neighbouring sentences may have changed: they are not the
        statement. Several such occurrences are the same statement said again (see _copies). A
        stock sentence ("No injuries were reported.") states no figure and gets no such trust."""
        return c.start in self.stating

    def _stating(self, exacts: list[Candidate]) -> set[int]:
        own = self.own
        if (
            not (own.before or own.after)
            or self.statement.words < DISTINCT_WORDS
            or not self.statement.numbered
        ):
            return set()
        text = self.prepared.original
        found, partly = set(), set()
        for c in exacts:
            start, end = self.prepared.folded.to_original(c.start, c.end)
            before_ok, after_ok = own.agrees(text, start, end)
            if before_ok and after_ok:
                found.add(c.start)
            elif self.statement.figures and self._own_side_kept(c):
                partly.add(c.start)
        if not found and partly:
            # The figure's sentence was reworded on one side ("3,065 beds [were closed]" -> "[were
            # taken out of use]"); on the other its words and its context still stand. Several
            # such occurrences are the figure said again (see _copies).
            return partly
        return found

    def _placed(self, exacts: list[Candidate]) -> set[int]:
        """Folded starts of the exact occurrences that the quote's whole own sentence places (see
        :mod:`workbench.anchoring.wholesentence`)."""
        spans = {self.prepared.folded.to_original(c.start, c.end): c.start for c in exacts}
        found = standing(self.statement, self.prepared.original, list(spans))
        return {folded for (start, _), folded in spans.items() if start in found}

    def _own_side_kept(self, c: Candidate) -> bool:
        """Whether, on one side at least, the quote's own sentence agrees in a few words and the
        context characters there are kept."""
        before_ok, after_ok = self.own.agrees(*self._original(c))
        return any(
            ok
            and len(words) >= OWN_SIDE_WORDS
            and ratio is not None
            and grip is not None
            and side_kept(ratio, grip, length)
            for ok, words, ratio, grip, length in (
                (before_ok, self.own.before, c.prefix_ratio, c.prefix_grip, len(self.quote.prefix)),
                (after_ok, self.own.after, c.suffix_ratio, c.suffix_grip, len(self.quote.suffix)),
            )
        )

    def _vouched(self, c: Candidate) -> list[bool]:
        """Per side: the quote's own sentence agrees there (when it has words on that side), or
        else the side's context is kept, or its sentence boundary stands (see below)."""
        start, end = self.prepared.folded.to_original(c.start, c.end)
        before_ok, after_ok = self.own.agrees(self.prepared.original, start, end)
        out = []
        for has_own, own_ok, ratio, grip, length in (
            (bool(self.own.before), before_ok, c.prefix_ratio, c.prefix_grip, len(self.quote.prefix)),
            (bool(self.own.after), after_ok, c.suffix_ratio, c.suffix_grip, len(self.quote.suffix)),
        ):
            if has_own:
                out.append(own_ok)
            elif ratio is not None and grip is not None:
                # Where the quote began (ended) a sentence, the neighbour beside it vouches when
                # kept; so does the sentence boundary itself when the rest of the quote's own
                # sentence stands at length on the other side.
                out.append(side_kept(ratio, grip, length) or (own_ok and self.long_own_side))
        return out

    def _distance(self, c: Candidate) -> int:
        if self.expected is None:
            return c.start
        start, _ = self.prepared.folded.to_original(c.start, c.end)
        return abs(start - self.expected)
