"""Candidate places for a pinned quote in a new text, each measured against the quote and its context.

All offsets here are into the folded view (see :mod:`workbench.anchoring.folding`); the caller maps
the chosen span back to the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from workbench.anchoring.folding import PreparedText
from workbench.anchoring.sentences import (
    before_sentence_end,
    ends_sentence,
    sentence_ends,
    sentence_starts,
    starts_sentence,
)

MAX_EXACT = 500  # occurrences examined; a quote found more often than this is hopelessly ambiguous
WINDOW_POOL = 40  # best word windows taken from the fuzzy search before removing overlaps
MAX_REGIONS = 6  # distinct places refined per quote
WINDOW_CUTOFF = 45.0  # below this a window is not even worth refining
BOUNDARY_REACH = 4  # tokens either side of a rough boundary tried when refining
CONTEXT_GRIP = 20  # adjacent characters of context that must agree for a side to count as kept
INTACT_GRIP = 24  # adjacent agreeing characters that make a side of context intact
ALIGN_CHARS = 12  # context characters searched for to place a span's ends exactly
GRIP_BONUS = 3.0  # per agreeing adjacent context character (up to 8) when placing a span's ends
_WORDS = re.compile(r"\S+")
_EDGE_PUNCTUATION = ".,;:!?\"'()[]-"
SENTENCE_BONUS = 50.0  # for a span end on a sentence boundary where the quote's end was on one


@dataclass(frozen=True, slots=True)
class Quote:
    """The pinned quote and its context, folded like the text they are compared with; ``begins``
    when the quote began a sentence, ``ends`` "with" when it ended with a sentence's final
    punctuation, "before" when right before it, "" otherwise."""

    exact: str
    prefix: str
    suffix: str
    begins: bool = False
    ends: str = ""
    sentences: int = 0  # sentence boundaries inside the quote (a quote of two sentences has one)


@dataclass(slots=True)
class Candidate:
    """A span of the folded text with its similarity to the quote and agreement with the context.

    ``similarity`` 0-100 (100 for an exact occurrence). For each side of context the selector has,
    ``*_ratio`` is the similarity 0-100 of the old context with the text beside the span and
    ``*_grip`` the number of characters that agree outright next to the span; None when the
    selector has no context on that side.
    """

    start: int
    end: int
    similarity: float
    exact: bool
    prefix_ratio: float | None = None
    suffix_ratio: float | None = None
    prefix_grip: int | None = None
    suffix_grip: int | None = None

    def sides(self) -> list[tuple[float, int]]:
        out = []
        if self.prefix_ratio is not None and self.prefix_grip is not None:
            out.append((self.prefix_ratio, self.prefix_grip))
        if self.suffix_ratio is not None and self.suffix_grip is not None:
            out.append((self.suffix_ratio, self.suffix_grip))
        return out

    @property
    def context(self) -> float | None:
        """Mean context similarity 0-100, or None when the selector has no context."""
        sides = self.sides()
        return sum(r for r, _ in sides) / len(sides) if sides else None

    @property
    def rank(self) -> float:
        """How good a home this span is for the quote, 0-100: the words weigh more than the context."""
        context = self.context
        return self.similarity if context is None else 0.6 * self.similarity + 0.4 * context


def side_kept(ratio: float, grip: int, side_length: int) -> bool:
    """A side of context counts as kept when its characters next to the quote agree outright, or
    when it is nearly the same overall (a word changed further away)."""
    return grip >= min(CONTEXT_GRIP, side_length) or ratio >= 85


def side_intact(ratio: float, grip: int, side_length: int) -> bool:
    """A side of context is intact when it is, but for a character or two, what it was."""
    return grip >= min(INTACT_GRIP, side_length - 2) or ratio >= 95


def measure(quote: Quote, text: str, start: int, end: int, exact: bool) -> Candidate:
    """A candidate for ``text[start:end]`` with its context measured."""
    similarity = 100.0 if exact else fuzz.ratio(quote.exact, text[start:end])
    candidate = Candidate(start, end, similarity, exact)
    if quote.prefix:
        before = text[max(0, start - len(quote.prefix)) : start]
        candidate.prefix_ratio = fuzz.ratio(quote.prefix, before)
        candidate.prefix_grip = _common_suffix(quote.prefix, before)
    if quote.suffix:
        after = text[end : end + len(quote.suffix)]
        candidate.suffix_ratio = fuzz.ratio(quote.suffix, after)
        candidate.suffix_grip = _common_prefix(quote.suffix, after)
    return candidate


def exact_candidates(quote: Quote, text: str) -> list[Candidate]:
    """Every occurrence of the quote (overlapping ones too), up to ``MAX_EXACT``."""
    found: list[Candidate] = []
    # Where the quote began or ended at a word boundary, an occurrence that splits a word is
    # another word ("one in" inside "one incomplete"), not the quote.
    whole_start = _is_word(quote.exact[:1]) and not _is_word(quote.prefix[-1:])
    whole_end = _is_word(quote.exact[-1:]) and not _is_word(quote.suffix[:1])
    at = text.find(quote.exact)
    while at >= 0 and len(found) < MAX_EXACT:
        end = at + len(quote.exact)
        if not (whole_start and _is_word(text[at - 1 : at])) and not (
            whole_end and _is_word(text[end : end + 1])
        ):
            found.append(measure(quote, text, at, end, exact=True))
        at = text.find(quote.exact, at + 1)
    return found


def _is_word(char: str) -> bool:
    """Whether ``char`` (one character, or empty) is part of a word: a letter, digit or mark."""
    return bool(char) and (char.isalnum() or char == "_" or unicodedata.category(char).startswith("M"))


def fuzzy_candidates(quote: Quote, prepared: PreparedText) -> list[Candidate]:
    """The best distinct approximate places for the quote, boundaries snapped to tokens.

    Windows of as many words as the quote start at every word; the best few that do not overlap
    are refined so that the span's start and end sit on token boundaries where the words and the
    context agree best.
    """
    text = prepared.folded.text
    starts, ends = prepared.word_starts, prepared.word_ends
    if not starts:
        return []
    width = max(1, len(quote.exact.split()))
    last = len(starts) - 1
    windows = [text[starts[i] : ends[min(i + width - 1, last)]] for i in range(len(starts))]
    best = process.extract(
        quote.exact, windows, scorer=fuzz.ratio, limit=WINDOW_POOL, score_cutoff=WINDOW_CUTOFF
    )
    regions: list[tuple[int, int]] = []
    for _, _, index in best:
        span = (starts[index], ends[min(index + width - 1, last)])
        if not any(_overlap(span, taken) > 0.5 for taken in regions):
            regions.append(span)
        if len(regions) == MAX_REGIONS:
            break

    refined = [_refine(quote, prepared, start, end) for start, end in regions]
    return refined + _between_context(quote, prepared)


def _between_context(quote: Quote, prepared: PreparedText) -> list[Candidate]:
    """Passages enclosed by both sides of the quote's context, exactly as they were: what stands
    between them is the quote's place however much it changed ("35%" -> "40%" is too unlike for
    the word windows to find), unless it holds more sentences than the quote did (a sentence
    inserted before it)."""
    text, folded, original = prepared.folded.text, prepared.folded, prepared.original
    tail, head = quote.prefix[-ALIGN_CHARS:], quote.suffix[:ALIGN_CHARS]
    if len(tail) < ALIGN_CHARS or len(head) < ALIGN_CHARS:
        return []
    found: list[Candidate] = []
    at = text.find(tail)
    while at >= 0 and len(found) < MAX_REGIONS:
        start = at + len(tail)
        close = text.find(head, start, start + 2 * len(quote.exact) + len(head) + ALIGN_CHARS)
        if close >= 0:
            passage = text[start:close]
            s, e = start + len(passage) - len(passage.lstrip()), start + len(passage.rstrip())
            o_s, o_e = folded.to_original(s, e)
            if s < e and len(sentence_starts(original, o_s + 1, o_e)) <= quote.sentences:
                found.append(measure(quote, text, s, e, exact=text[s:e] == quote.exact))
        at = text.find(tail, at + 1)
    return found


def _refine(quote: Quote, prepared: PreparedText, start: int, end: int) -> Candidate:
    """Move a rough span's ends to the token boundaries that fit the quote and its context best.

    Starts and ends are chosen in turn (twice each), which is enough in practice and far cheaper
    than trying every pair.
    """
    text, folded, original = prepared.folded.text, prepared.folded, prepared.original
    start_options = _near(prepared.token_starts, start) + _after_prefix(quote, text, start)
    end_options = _near(prepared.token_ends, end) + _before_suffix(quote, text, end)
    # Where the quote began (ended) a sentence, the passage most likely does too: a neighbouring
    # sentence whose words resemble the old context must not be pulled into the span.
    reach = len(quote.exact) // 2 + ALIGN_CHARS
    low, high = folded.to_original(max(0, start - reach), min(len(text), end + reach))
    if quote.begins:
        start_options += [folded.to_folded(p) for p in sentence_starts(original, low, high)]
    if quote.ends == "with":
        end_options += [folded.to_folded(p - 1) + 1 for p in sentence_ends(original, low, high)]

    # Sentence starts over every span the options allow, found once (spans are many).
    o_low = folded.to_original(min(start_options), min(start_options) + 1)[0]
    o_high = folded.to_original(max(end_options) - 1, max(end_options))[1]
    starts_here = sentence_starts(original, o_low + 1, o_high)
    begins_at: dict[int, bool] = {}
    ends_at: dict[int, bool] = {}

    def boundaries(s: int, e: int) -> float:
        o_s, o_e = folded.to_original(s, e)
        # A span holding more sentences than the quote did has pulled a neighbour in.
        inside = bisect_left(starts_here, o_e) - bisect_left(starts_here, o_s + 1)
        bonus = -SENTENCE_BONUS * 2 * max(0, inside - quote.sentences)
        if quote.begins:
            if o_s not in begins_at:
                begins_at[o_s] = starts_sentence(original, o_s)
            bonus += SENTENCE_BONUS if begins_at[o_s] else 0.0
        if quote.ends:
            if o_e not in ends_at:
                ends_at[o_e] = (
                    ends_sentence(original, o_e)
                    if quote.ends == "with"
                    else before_sentence_end(original, o_e)
                )
            bonus += SENTENCE_BONUS if ends_at[o_e] else 0.0
        return bonus

    def fit(s: int, e: int) -> float:
        if e <= s:
            return -1.0
        score = 2 * coverage_score(quote.exact, text[s:e]) + boundaries(s, e)
        if quote.prefix:
            before = text[max(0, s - len(quote.prefix)) : s]
            score += fuzz.ratio(quote.prefix, before) + GRIP_BONUS * min(
                _common_suffix(quote.prefix, before), 8
            )
        if quote.suffix:
            after = text[e : e + len(quote.suffix)]
            score += fuzz.ratio(quote.suffix, after) + GRIP_BONUS * min(
                _common_prefix(quote.suffix, after), 8
            )
        return score

    for _ in range(2):
        start = max(start_options, key=lambda s: (fit(s, end), -abs(s - start)))
        end = max(end_options, key=lambda e: (fit(start, e), -abs(e - end)))
    start, end = _trim(quote, prepared, start, end)
    return measure(quote, text, start, end, exact=text[start:end] == quote.exact)


def _trim(quote: Quote, prepared: PreparedText, start: int, end: int) -> tuple[int, int]:
    """Drop words at either end of the span that the quote does not have at all: words added right
    outside a quote that began or ended inside its sentence ("said on [Thursday that 93 tenants
    ...]") belong to the sentence, not to the quote. A replaced word at an end stays: it is the
    quote's, edited. Where the quote began (ended) a sentence and the span does too, the span keeps
    the sentence's new first (last) words."""
    text, folded, original = prepared.folded.text, prepared.folded, prepared.original
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end) if _norm(m.group())]
    if len(words) < 2:
        return start, end
    quoted = [w for w in map(_norm, quote.exact.split()) if w]
    ops = Levenshtein.opcodes(quoted, [_norm(text[a:b]) for a, b in words])
    o_start, o_end = folded.to_original(start, end)
    first = ops[0].dest_end if ops[0].tag == "insert" else 0
    if quote.begins and starts_sentence(original, o_start):
        first = 0
    last = ops[-1].dest_start if ops[-1].tag == "insert" else len(words)
    if quote.ends == "with" and ends_sentence(original, o_end):
        last = len(words)
    if first >= last:
        return start, end
    return (words[first][0] if first else start), (words[last - 1][1] if last < len(words) else end)


def _norm(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION).lower()


def coverage_score(quote: str, passage: str) -> float:
    """0-100: an F2 score of the characters the two share (their longest common subsequence).

    It leans to covering the whole quote rather than to a tight span, so that when a word next to
    the end of the quote was replaced, the span still reaches the quote's last surviving words
    instead of stopping short where plain similarity would.
    """
    if not quote or not passage:
        return 0.0
    shared = (len(quote) + len(passage) - Indel.distance(quote, passage)) / 2
    if shared == 0:
        return 0.0
    recall, precision = shared / len(quote), shared / len(passage)
    return 100 * 5 * precision * recall / (4 * precision + recall)


def _near(boundaries: list[int], position: int) -> list[int]:
    """Token boundaries within ``BOUNDARY_REACH`` tokens of ``position``."""
    low = max(0, bisect_left(boundaries, position) - BOUNDARY_REACH)
    high = min(len(boundaries), bisect_right(boundaries, position) + BOUNDARY_REACH)
    return boundaries[low:high] or [position]


def _after_prefix(quote: Quote, text: str, start: int) -> list[int]:
    """Where the prefix's last characters end near ``start``: the quote may begin mid-token."""
    tail = quote.prefix[-ALIGN_CHARS:]
    if len(tail) < ALIGN_CHARS:
        return []
    reach = len(quote.exact) // 2 + len(tail)
    at = text.find(tail, max(0, start - reach), start + reach)
    return [at + len(tail)] if at >= 0 else []


def _before_suffix(quote: Quote, text: str, end: int) -> list[int]:
    """Where the suffix's first characters begin near ``end``."""
    head = quote.suffix[:ALIGN_CHARS]
    if len(head) < ALIGN_CHARS:
        return []
    reach = len(quote.exact) // 2 + len(head)
    at = text.find(head, max(0, end - reach), end + reach)
    return [at] if at >= 0 else []


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / max(1, min(a[1] - a[0], b[1] - b[0]))


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def merge_places(exacts: list[Candidate], fuzzy: list[Candidate]) -> list[Candidate]:
    """Exact occurrences plus approximate places, one candidate per place: refined windows often
    land on the same passage, and a place must not compete with itself."""
    kept: list[Candidate] = []
    for c in sorted(exacts + fuzzy, key=lambda c: (c.exact, c.rank), reverse=True):
        if not any(_overlap((c.start, c.end), (k.start, k.end)) > 0.5 for k in kept):
            kept.append(c)
    return kept
