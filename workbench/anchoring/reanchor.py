"""Re-locate a pinned quote in a changed text: intact, moved, edited or orphaned.

Order of work: exact occurrences first, chosen among by their context (prefix and suffix) and
then by position; approximate places (rapidfuzz over word windows, refined to token boundaries)
only when no occurrence is confidently the quote. The rules lean to orphaning: a wrong anchor
silently keeps a verdict on evidence that is gone, an orphan only asks a person to look.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.anchoring.candidates import (
    Candidate,
    Quote,
    exact_candidates,
    fuzzy_candidates,
    side_intact,
    side_kept,
)
from workbench.anchoring.folding import PreparedText, fold, prepare
from workbench.anchoring.selectors import AnchorResult, AnchorStatus, TextQuoteSelector
from workbench.anchoring.sentences import quote_bounds, sentence_starts
from workbench.anchoring.statement import Statement
from workbench.anchoring.wordcontext import single_out
from workbench.anchoring.wordiff import edit_distance, word_diff

# A quote at least this long (characters and words) is unlikely to recur by chance, so an exact
# occurrence of it may be trusted without its context ("moved"). Shorter quotes need context.
DISTINCT_CHARS = 30
DISTINCT_WORDS = 5
# Stock sentences ("The ministry did not respond to a request for comment.") are shorter than
# this; only a quote at least this long is trusted in an entirely new context.
LONG_CHARS = 60
LONG_WORDS = 10
EDITED_IN_PLACE = 65.0  # least similarity for a passage between both untouched sides of context
EDITED_WITH_CONTEXT = 75.0  # least similarity for an edited passage whose context is kept
EDITED_HALF_CONTEXT = 90.0  # ... whose context is kept on one side only
EDITED_OWN_SIDE = 80.0  # ... on one side only, but there with the quote's own sentence
RANK_MARGIN = 8.0  # a runner-up this close to the best makes the choice ambiguous
POSITION_RATIO = 0.5  # position breaks a tie only if the nearest is at most half as far ...
POSITION_GAP = 64  # ... and nearer by this many characters at least
OWN_SIDE_WORDS = 3  # own-sentence words on one side that, standing with their context, identify a place
NEAR_CHARS = 500  # a quote whose context words were reworded is trusted only this near its old offset
LONG_OWN_SIDE = 5  # own-sentence words on one side that, standing, vouch for a sentence boundary
CLOSE_CORRECTION = 0.35  # a corrected figure at most this far from the old one, relatively, is "near"
FAR_CHARS = 1000  # beyond max(this, a fifth of the text) from the old offset, a quote has moved


def reanchor_quote(selector: TextQuoteSelector, new_text: str) -> AnchorResult:
    """Locate ``selector``'s quote in ``new_text``.

    ``selector.start``/``end`` are offsets in the old text (optional; they only break ties and tell
    "moved far" from "intact"). The result's ``start``/``end`` are code-point offsets into
    ``new_text`` (``new_text[start:end]`` is the located passage), None when orphaned.
    """
    exact = fold(selector.exact).text.strip()
    if not exact:
        return AnchorResult("orphaned", reason="the quote is empty")
    begins, ends = quote_bounds(selector.prefix, selector.exact, selector.suffix)
    inner = len(sentence_starts(selector.exact, 1, len(selector.exact)))
    quote = Quote(exact, fold(selector.prefix).text, fold(selector.suffix).text, begins, ends, inner)
    prepared = prepare(new_text)
    exacts = exact_candidates(quote, prepared.folded.text)
    judge = _Judge(quote, Statement.of(selector), selector.start, prepared, exacts)
    trusted = [c for c in exacts if judge.acceptable(c)]
    chosen, why = judge.choose(trusted)
    if chosen is not None and judge.context_level(chosen) != "lost":
        return judge.result(chosen, selector.exact, why)
    if chosen is not None or not trusted:
        # No occurrence, or the best one has lost its context: an approximate place may be better.
        pool = _merge(exacts, fuzzy_candidates(quote, prepared))
        chosen, why = judge.choose([c for c in pool if judge.acceptable(c)])
    if chosen is None:
        # A tie between occurrences of the very words (an approximate match cannot do better), or
        # no confident place: the context, counted in words, may still single out one occurrence.
        chosen = judge.by_words(exacts)
        if chosen is None:
            return AnchorResult("orphaned", reason=why)
        why = "the only occurrence whose context words mostly stand"
    return judge.result(chosen, selector.exact, why)


class _Judge:
    """The acceptance and choice rules, with what they need about the quote and the new text."""

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

    def acceptable(self, c: Candidate) -> bool:
        """Whether ``c`` could be the quote's place at all, ignoring the other candidates."""
        return self._acceptable_exact(c) if c.exact else self._acceptable_edited(c)

    def _acceptable_exact(self, c: Candidate) -> bool:
        level = self.context_level(c)
        intact = self._sides(c, side_intact)
        if level in ("kept", "none") or self.states_quote(c) or self.figure_statement:
            return True
        if self.repeated:
            # Words found more than once (a stock sentence, a few common words) are most
            # likely another mention, often right next to where the pinned one was: they
            # need their context on every side, unless the quote is long.
            return level == "half" and self.long
        if not self.distinct:
            # Found once, with one side of context untouched: together they make a string
            # long enough not to recur by chance.
            return level == "half" and any(intact)
        # A distinct quote found once keeps its place with one side of context; with none, only
        # a long one: a stock sentence ("The figures have not been independently verified.")
        # found once elsewhere is another mention. (Context counted in words may still
        # single it out, see by_words.)
        return level == "half" or self.long

    def _acceptable_edited(self, c: Candidate) -> bool:
        level = self.context_level(c)
        intact = self._sides(c, side_intact)
        if self.figure_statement and _bare(self.prepared.folded.text[c.start : c.end]) == _bare(
            self.quote.exact
        ):
            # The statement word for word but for a capital letter or the punctuation after it
            # ("[F]ares rose 12.2 per cent" -> "that [f]ares rose 12.2 per cent.").
            return True
        change = self.statement.figure_change(*self._original(c))
        if change == "another":
            return False
        # A correction (the statement's words all stand and only its number changed): how alike
        # the characters are says little ("37,895" -> "29,394"). Its own words and sentence must
        # say enough, and each side must vouch for the place: the quote's own sentence there, or,
        # where the quote began (ended) a sentence, the neighbouring context kept. A sentence of
        # the same frame elsewhere differs from a correction only by its neighbours. A corrected
        # sentence that lost both neighbours must be long. Failing that, the usual limits below.
        if (
            change == "corrected"
            and self.statement.words >= DISTINCT_WORDS
            and ((level == "lost" and self.long) or (level != "lost" and all(self._vouched(c))))
        ):
            return True
        if intact and all(intact):
            # Both sides untouched: the passage between them is the quote's, unless rewritten.
            return c.similarity >= EDITED_IN_PLACE
        if (
            change == "same"
            and self.statement.words >= DISTINCT_WORDS
            and self.statement.has_own
            and self.statement.in_own_sentence(*self._original(c))
            and c.similarity >= EDITED_WITH_CONTEXT
            and not self.statement.renamed(self._passage(c))
        ):
            # Reworded within the quote, but its own sentence stands around it on every side
            # that has any: the neighbouring sentences may have come and gone. The people and
            # places it names must be the same: another name is another statement.
            return True
        if not self.distinct:
            # A few words: only with a figure, and with their own sentence standing, context and
            # all, on one side ("[retail sales rose 6%]" -> "[retail sales increased 6%]").
            return (
                change == "same"
                and self.statement.numbered
                and self.statement.words >= DISTINCT_WORDS
                and not self.statement.renamed(self._passage(c))
                and self._own_side_kept(c)
                and c.similarity >= EDITED_OWN_SIDE
            )
        if level in ("kept", "none"):
            return c.similarity >= EDITED_WITH_CONTEXT
        if (
            level == "lost"
            and self.long
            and change == "same"
            and self.own.begins
            and self.own.ends
            and self.statement.in_own_sentence(*self._original(c))
            and c.similarity >= EDITED_HALF_CONTEXT
            and not self.statement.renamed(self._passage(c))
        ):
            # A long sentence moved and lightly edited (a word changed in a line of quoted speech):
            # nothing else is that close to it.
            return True
        if level != "half" or self.repeated:
            # Moved and edited at once is indistinguishable from a look-alike sentence elsewhere.
            return False
        if (
            change == "same"
            and self.own.begins
            and self.own.ends
            and self.statement.in_own_sentence(*self._original(c))
            and c.similarity >= EDITED_WITH_CONTEXT
            and not self.statement.renamed(self._passage(c))
        ):
            # A whole sentence, reworded, in the slot the quote's sentence had: one neighbour is
            # still beside it (a sentence was inserted or reworded on the other side).
            return True
        if change == "same" and not self.statement.renamed(self._passage(c)) and self._own_side_kept(c):
            # Its own sentence still stands, context and all, on one side: a look-alike elsewhere
            # would not have that, so a heavier edit inside may be let through.
            return c.similarity >= EDITED_OWN_SIDE
        # Otherwise an edited passage that kept one side of its context must be a light edit.
        return c.similarity >= EDITED_HALF_CONTEXT

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

    def by_words(self, exacts: list[Candidate]) -> Candidate | None:
        """The one exact occurrence whose context, counted in words, stands out (see
        :func:`workbench.anchoring.wordcontext.single_out`); None when none does."""
        if self.expected is None:
            return None
        return single_out(
            exacts,
            self.quote,
            self.prepared.folded.text,
            distance=self._distance,
            near=NEAR_CHARS,
            far=self.far,
        )

    def choose(self, candidates: list[Candidate]) -> tuple[Candidate | None, str]:
        """The best candidate, or None with a reason when there is none or the choice is a tie."""
        if not candidates:
            return None, "no confident match"
        ordered = sorted(candidates, key=lambda c: c.rank, reverse=True)
        best = ordered[0]
        tied = [best, *(c for c in ordered[1:] if best.rank - c.rank < RANK_MARGIN)]
        if len(tied) == 1:
            return best, "best match"
        exact = [c for c in tied if c.exact]
        if len(exact) == 1 and self.figure_statement:
            # A figure statement word for word against near-copies of it (the same figure said
            # again with a capital letter or a comma more): the very words win.
            return exact[0], "the one occurrence of the very words"
        if self._copies(tied):
            # The same words in the same context, e.g. a paragraph printed twice: either place
            # shows the reader exactly the evidence that was pinned.
            return min(tied, key=self._distance), "copies of one passage, nearest taken"
        closest = self._closest_correction(tied)
        if closest is not None:
            return closest, "the correction nearest the old figure"
        nearest = self._decided_by_position(tied)
        if nearest is not None:
            return nearest, "nearest of equal matches"
        return None, f"ambiguous: {len(tied)} equally good matches"

    def _closest_correction(self, tied: list[Candidate]) -> Candidate | None:
        """Among corrections of the quote's figure (same words, another number), the one whose
        number is much the nearest to the old one: a correction fixes a slip ("19%" -> "15%"),
        while a sentence of the same frame about another period says anything ("50%")."""
        corrected = [
            not c.exact and self.statement.figure_change(*self._original(c)) == "corrected" for c in tied
        ]
        if not all(corrected):
            return None
        scored = sorted((self.statement.change_size(self._passage(c)), i) for i, c in enumerate(tied))
        (best, index), (second, _) = scored[0], scored[1]
        return tied[index] if best <= CLOSE_CORRECTION and best <= second / 2 else None

    def _copies(self, tied: list[Candidate]) -> bool:
        """Whether the tied candidates are one passage printed more than once: the exact words,
        each with its context kept (a long quote: at least half kept), or simply identical."""
        if all(c.exact and (self.states_quote(c) or self.figure_statement) for c in tied):
            return True  # one statement, figure and all, said more than once
        if len({self._passage(c) for c in tied}) == 1 and (
            self.figure_statement
            or (
                self.statement.has_own
                and all(self.statement.in_own_sentence(*self._original(c)) for c in tied)
            )
        ):
            return True  # the same figure statement, in the same words and sentence, said again
        levels = {self.context_level(c) for c in tied}
        if "none" in levels:
            return False  # without context nothing shows that they are one passage
        if len({self._surroundings(c) for c in tied}) == 1:
            return True
        if not all(c.exact for c in tied):
            return False
        return levels == {"kept"} or (self.long and "lost" not in levels)

    def _surroundings(self, c: Candidate) -> str:
        text = self.prepared.folded.text
        return text[max(0, c.start - len(self.quote.prefix)) : c.end + len(self.quote.suffix)]

    def _decided_by_position(self, tied: list[Candidate]) -> Candidate | None:
        if self.expected is None:
            return None
        by_distance = sorted(tied, key=self._distance)
        first, second = self._distance(by_distance[0]), self._distance(by_distance[1])
        if first > POSITION_RATIO * second or second - first < POSITION_GAP:
            return None
        # Position only separates places whose context agrees: after a deletion, the nearest
        # look-alike is simply whatever now sits nearby.
        return by_distance[0] if self.context_level(by_distance[0]) in ("kept", "none") else None

    def _distance(self, c: Candidate) -> int:
        if self.expected is None:
            return c.start
        start, _ = self.prepared.folded.to_original(c.start, c.end)
        return abs(start - self.expected)

    def result(self, c: Candidate, old_exact: str, why: str) -> AnchorResult:
        start, end = self.prepared.folded.to_original(c.start, c.end)
        passage = self.prepared.original[start:end]
        score = round(c.rank)
        if c.exact:
            status: AnchorStatus = "intact"
            level = self.context_level(c)
            if level == "lost" or (self.expected is not None and self._distance(c) > self.far):
                status = "moved"
            return AnchorResult(status, start, end, score, reason=why)
        return AnchorResult(
            "edited",
            start,
            end,
            score,
            diff=word_diff(old_exact, passage),
            distance=edit_distance(old_exact, passage),
            reason=why,
        )


def _bare(text: str) -> str:
    return text.strip(" .,;:").lower()


def _merge(exacts: list[Candidate], fuzzy: list[Candidate]) -> list[Candidate]:
    """Exact occurrences plus approximate places, one candidate per place: refined windows often
    land on the same passage, and a place must not compete with itself."""
    kept: list[Candidate] = []
    for c in sorted(exacts + fuzzy, key=lambda c: (c.exact, c.rank), reverse=True):
        if not any(_overlaps(c, k) for k in kept):
            kept.append(c)
    return kept


def _overlaps(a: Candidate, b: Candidate) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0.5 * min(a.end - a.start, b.end - b.start)
