"""Re-locate a pinned quote in a changed text: intact, moved, edited or orphaned.

Order of work: exact occurrences first, chosen among by their context (prefix and suffix) and
then by position; approximate places (rapidfuzz over word windows, refined to token boundaries)
only when no occurrence is confidently the quote. The rules lean to orphaning: a wrong anchor
silently keeps a verdict on evidence that is gone, an orphan only asks a person to look.
"""

from __future__ import annotations

from workbench.anchoring.candidates import (
    Candidate,
    Quote,
    exact_candidates,
    fuzzy_candidates,
    merge_places,
    side_intact,
)
from workbench.anchoring.folding import fold, prepare
from workbench.anchoring.limits import (
    CLOSE_CORRECTION,
    DISTINCT_WORDS,
    EDITED_HALF_CONTEXT,
    EDITED_IN_PLACE,
    EDITED_OWN_SIDE,
    EDITED_WITH_CONTEXT,
    NEAR_CHARS,
    POSITION_GAP,
    POSITION_RATIO,
    RANK_MARGIN,
)
from workbench.anchoring.measures import Measures
from workbench.anchoring.selectors import AnchorResult, AnchorStatus, TextQuoteSelector
from workbench.anchoring.sentences import quote_bounds, sentence_starts
from workbench.anchoring.statement import Statement
from workbench.anchoring.wordcontext import single_out
from workbench.anchoring.wordiff import edit_distance, word_diff


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
        pool = merge_places(exacts, fuzzy_candidates(quote, prepared))
        chosen, why = judge.choose([c for c in pool if judge.acceptable(c)])
    if chosen is None:
        # A tie between occurrences of the very words (an approximate match cannot do better), or
        # no confident place: the context, counted in words, may still single out one occurrence.
        chosen = judge.by_words(exacts)
        if chosen is None:
            return AnchorResult("orphaned", reason=why)
        why = "the only occurrence whose context words mostly stand"
    return judge.result(chosen, selector.exact, why)


class _Judge(Measures):
    """The acceptance and choice rules, over what :class:`Measures` knows of the quote and the new
    text."""

    def acceptable(self, c: Candidate) -> bool:
        """Whether ``c`` could be the quote's place at all, ignoring the other candidates."""
        return self._acceptable_exact(c) if c.exact else self._acceptable_edited(c)

    def _acceptable_exact(self, c: Candidate) -> bool:
        level = self.context_level(c)
        intact = self._sides(c, side_intact)
        if level in ("kept", "none") or self.states_quote(c) or self.figure_statement:
            return True
        if c.start in self.placed:
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
