"""Context compared word by word: how many of the selector's context words still stand beside a place.

Characters next to the quote tell "kept" from "lost" well when nothing near the quote changed; one
replaced word right beside it ("told reporters" -> "cost reporters") leaves no adjacent characters
in agreement although every other word of the context is still there. Counting the context words
that survive, in order, separates that from a look-alike sentence elsewhere, whose context shares a
few template words at most.

All text here is folded (see :mod:`workbench.anchoring.folding`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from workbench.anchoring.selectors import CONTEXT_CHARS

MIN_SIDE_WORDS = 3  # a side of context with fewer whole words says too little to count
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
