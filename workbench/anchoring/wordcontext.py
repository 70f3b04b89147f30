"""Context compared word by word: how many of the selector's context words still stand beside a place.

Characters next to the quote tell "kept" from "lost" well when nothing near the quote changed; one
replaced word right beside it ("told reporters" -> "cost reporters") leaves no adjacent characters
in agreement although every other word of the context is still there. Counting the context words
that survive, in order, separates that from a look-alike sentence elsewhere, whose context shares a
few template words at most. ``single_out`` uses it to pick the one exact occurrence whose context
words stand when the characters beside it no longer agree.

All text here is folded (see :mod:`workbench.anchoring.folding`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from workbench.anchoring.candidates import Candidate, Quote
from workbench.anchoring.selectors import CONTEXT_CHARS

MIN_SIDE_WORDS = 3  # a side of context with fewer whole words says too little to count
ONE_SIDE_WORDS = 4  # a quote this long may be placed by one whole, specific side of context
EXTRA_CHARS = 24  # new text read beyond a side's length, so that an inserted word does not push
# the farthest context words out of reach


@dataclass(frozen=True, slots=True)
class SideWords:
    """One side of context: ``words`` whole words the selector has, ``missing`` of them not found
    beside the place (in order, after a word-level alignment)."""

    words: int
    missing: int


def context_words(side: str, *, before: bool) -> list[str]:
    """The whole words of a side of context. A side as long as a selector's usual context was
    probably cut inside a word at its far end; that fragment is left out."""
    words = side.split()
    if len(side) >= CONTEXT_CHARS and words and not side[0 if before else -1].isspace():
        words = words[1:] if before else words[:-1]
    return words


def side_words(old: list[str], text: str, at: int, *, before: bool) -> SideWords | None:
    """How many of ``old`` (a side's words) stand beside position ``at`` of ``text``; None when the
    side has too few words to say anything."""
    if len(old) < MIN_SIDE_WORDS:
        return None
    reach = sum(len(w) + 1 for w in old) + EXTRA_CHARS
    if before:
        new = text[max(0, at - reach) : at].split()[-(len(old) + 1) :]
    else:
        new = text[at : at + reach].split()[: len(old) + 1]
    kept = sum(op.src_end - op.src_start for op in Levenshtein.opcodes(old, new) if op.tag == "equal")
    return SideWords(len(old), len(old) - kept)


def single_out(
    exacts: list[Candidate],
    quote: Quote,
    text: str,
    *,
    distance: Callable[[Candidate], int],
    near: int,
    far: int,
) -> Candidate | None:
    """The one exact occurrence whose context, counted in words, stands out; None when none does.

    It stands out when every other occurrence has lost more context words and, within ``near``
    characters of the old offset (``distance`` measures it), both sides stand but for a word each
    (a word next to the quote was reworded) or one side stands whole and the other but for two
    words; or, for a quote of a few words no more than ``far`` from its old offset, one side
    stands whole (a sentence beside it was inserted or deleted). A whole side counts only when its
    words occur once in ``text`` (folded): a stock phrase beside a look-alike says nothing. Never
    when the quote stood beside a copy of itself."""
    if not exacts or _beside_copy(quote):
        return None
    prefix_words = context_words(quote.prefix, before=True)
    suffix_words = context_words(quote.suffix, before=False)

    def sides(c: Candidate) -> tuple[SideWords | None, SideWords | None]:
        return (
            side_words(prefix_words, text, c.start, before=True),
            side_words(suffix_words, text, c.end, before=False),
        )

    scored = sorted(
        ((sum(s.missing for s in sides(c) if s is not None), c) for c in exacts), key=lambda x: x[0]
    )
    missing, best = scored[0]
    if len(scored) > 1 and scored[1][0] <= missing:
        return None
    prefix, suffix = sides(best)
    whole = [
        side is not None and side.missing == 0 and _specific(words, text)
        for side, words in ((prefix, prefix_words), (suffix, suffix_words))
    ]
    if prefix is not None and suffix is not None and distance(best) <= near:
        if max(prefix.missing, suffix.missing) <= 1:
            return best
        if any(whole) and max(prefix.missing, suffix.missing) <= 2:
            return best
    if any(whole) and len(quote.exact.split()) >= ONE_SIDE_WORDS:
        return best if distance(best) <= far else None
    return None


def _specific(words: list[str], text: str) -> bool:
    """Whether a side of context, as a phrase, occurs only once in the text: a stock opening
    ("Inspectors found that the") that recurs says little about which place it is."""
    phrase = " ".join(words)
    first = text.find(phrase)
    return first >= 0 and text.find(phrase, first + 1) < 0


def _beside_copy(quote: Quote) -> bool:
    """Whether the pinned quote stood right next to a copy of itself (its context holds the
    quote's own words): after one of the two goes, the other keeps the same context on one side,
    so nothing tells which one was deleted."""
    exact, probe = quote.exact, min(len(quote.exact), 12)
    return exact[-probe:] in quote.prefix or exact[:probe] in quote.suffix
