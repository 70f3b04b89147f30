"""Rank passages of a source for one claim, with a score of 0-100 shown as its parts.

Score = similarity of wording, blended with agreement of names, numbers and dates when the claim has
any (:mod:`workbench.matching.agreement`: ``ENTITY_WEIGHT`` of the score, in full once the passage
shares enough wording, figures counting ``FIGURE_WEIGHT`` times a name); a passage of the opposite
sense to an English claim (negated, or a figure going the other way,
:mod:`workbench.matching.polarity`) loses ``OPPOSITE_PENALTY`` of it. Wording is lexical
similarity: an IDF-weighted overlap of the claim's words with the passage's (recall-heavy, so a
passage that says more than the claim is not punished much), and for English text also rapidfuzz's
``partial_ratio_alignment`` of the claim inside the passage. An Indonesian claim is compared through
the lexicon (and through its English ``statement`` when given). With the ``semantic`` extra, the
cosine similarity of multilingual sentence embeddings joins the wording part (``SEMANTIC_WEIGHT``,
see :mod:`workbench.matching.semantic`).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from workbench.domain import RankedPassage
from workbench.language.identify import detect_language
from workbench.language.tokens import ENGLISH_STOPWORDS, Token, iter_tokens, tokenize
from workbench.matching.agreement import FIGURE_WEIGHT, blend, entity_agreement
from workbench.matching.polarity import opposite_sense
from workbench.matching.quantities import CalendarDate, Quantity, extract_dates, extract_quantities
from workbench.matching.terms import ClaimTerm, english_claim_terms, indonesian_claim_terms, passage_keys

if TYPE_CHECKING:
    from workbench.matching.semantic import SemanticSimilarity

# Share of the wording part given to embedding similarity, when available. Blended into the whole
# score instead, it outvoted the figures: on the reports set the evidence came first 0.511 of the
# time, below plain token_set_ratio (0.578); inside the wording part, 0.711 (docs/semantic.md).
SEMANTIC_WEIGHT = 0.6
# Share of an English claim's score taken from a passage of the opposite sense (negated, or a figure
# going the other way): near misses copy the wording and flip the sense (polarity.py).
OPPOSITE_PENALTY = 0.25
RECALL_WEIGHT = 0.8  # within overlap: claim words found vs passage words explained
ALIGNMENT_WEIGHT = 0.3  # within English lexical similarity: character alignment vs word overlap
ALIGNMENT_GATE = 20.0  # word overlap (0-100) from which alignment counts in full
LOAN_CREDIT = 0.6  # a match by loanword spelling only is weaker than a dictionary match
SYNONYM_CREDIT = 0.5  # an English synonym (pivoting through the lexicon) is weaker than the word itself
UNSEEN_WEIGHT = 0.4  # weight of a claim word found nowhere in the passages, as a share of max IDF
# What a score's rounding to one decimal can add to it, with room for the float error of adding up
# a bound in another order: a passage whose upper bound is this far under a floor cannot reach it.
BOUND_SLACK = 0.1
_QUOTE = re.compile(r"[\"“”„«»]([^\"“”„«»]{8,})[\"“”„«»]")


def lower_same_length(text: str) -> str:
    """Lowercase ``text`` without changing its length (characters whose lowercase is longer stay)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


@dataclass(slots=True)
class PreparedPassage:
    text: str
    lowered: str
    tokens: list[Token]
    keys: list[str]
    key_set: frozenset[str]
    loan_set: frozenset[str]
    lang: str
    _quantities: list[Quantity] | None = None
    _dates: list[CalendarDate] | None = None
    # The passage's content words (stopwords out) in text order with their IDF, and the sum of
    # those IDFs: what the precision half of an overlap divides by. Set by PassageIndex.passage,
    # once per passage instead of once per claim and passage.
    content_weights: tuple[tuple[str, float], ...] = ()
    content_total: float = 1.0

    @property
    def quantities(self) -> list[Quantity]:
        # Parsed only for claims that carry numbers: most of a large archive never needs it.
        if self._quantities is None:
            self._quantities = extract_quantities(self.text, self.lang)
        return self._quantities

    @property
    def dates(self) -> list[CalendarDate]:
        if self._dates is None:
            self._dates = extract_dates(self.text, self.lang)
        return self._dates


class PassageIndex:
    """Passages preprocessed for many claims: document frequencies up front, the rest (tokens,
    numbers, dates) on first use of each passage, so a large archive costs little until re-ranked."""

    def __init__(self, passages: list[str] | tuple[str, ...], lang: str = "en") -> None:
        self.texts = list(passages)
        self.lang = lang
        self._prepared: dict[int, PreparedPassage] = {}
        self._idf: dict[str, float] = {}
        self.document_frequency: Counter[str] = Counter()
        for text in self.texts:
            self.document_frequency.update(_document_keys(text))
        self.size = len(self.texts)
        self.max_idf = math.log((self.size + 1) / 0.5)
        self._postings: dict[str, list[int]] | None = None  # key -> positions, built on first full pass
        self._loan_postings: dict[str, list[int]] = {}

    def passage(self, position: int) -> PreparedPassage:
        prepared = self._prepared.get(position)
        if prepared is None:
            prepared = self._prepared[position] = _prepare(self.texts[position], self.lang)
            weights = tuple((key, self.idf(key)) for key in prepared.keys if key not in ENGLISH_STOPWORDS)
            prepared.content_weights = weights
            prepared.content_total = sum(weight for _, weight in weights) or 1.0
        return prepared

    def idf(self, key: str) -> float:
        value = self._idf.get(key)
        if value is None:
            value = self._idf[key] = math.log((self.size + 1) / (self.document_frequency.get(key, 0) + 0.5))
        return value

    def term_weight(self, term: ClaimTerm) -> float:
        present = [self.idf(key) for key in term.keys if self.document_frequency.get(key)]
        if present:
            return min(present)
        loans = [self.idf(key) for key in term.loans if self.document_frequency.get(key)]
        return min(loans) * LOAN_CREDIT if loans else UNSEEN_WEIGHT * self.max_idf

    def term_hits(self, terms: list[ClaimTerm], weights: list[float]) -> dict[int, tuple[float, set[str]]]:
        """Where ``terms`` are found, from the postings: position -> (found weight, matched keys), as
        :meth:`ClaimQuery._overlap` would add them up passage by passage (terms in order, each by
        its keys, else its synonyms, else its loan key). Positions not listed have no term."""
        postings, loans = self._all_postings()
        found: dict[int, float] = {}
        matched: dict[int, set[str]] = {}
        for term, weight in zip(terms, weights, strict=True):
            by_key: dict[int, set[str]] = {}
            for key in term.keys:
                for position in postings.get(key, ()):
                    by_key.setdefault(position, set()).add(key)
            by_synonym: dict[int, set[str]] = {}
            for key in term.related:
                for position in postings.get(key, ()):
                    if position not in by_key:
                        by_synonym.setdefault(position, set()).add(key)
            for position, keys in by_key.items():
                found[position] = found.get(position, 0.0) + weight
                matched.setdefault(position, set()).update(keys)
            for position, keys in by_synonym.items():
                found[position] = found.get(position, 0.0) + weight * SYNONYM_CREDIT
                matched.setdefault(position, set()).update(keys)
            by_loan: set[int] = set()
            for loan in term.loans:
                for position in loans.get(loan, ()):
                    if position not in by_key and position not in by_synonym and position not in by_loan:
                        by_loan.add(position)
                        found[position] = found.get(position, 0.0) + weight * LOAN_CREDIT
        return {position: (weight, matched.get(position, set())) for position, weight in found.items()}

    def _all_postings(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        if self._postings is None:
            postings: dict[str, list[int]] = {}
            for position in range(self.size):
                prepared = self.passage(position)
                for key in prepared.key_set:
                    postings.setdefault(key, []).append(position)
                for loan in prepared.loan_set:
                    self._loan_postings.setdefault(loan, []).append(position)
            self._postings = postings
        return self._postings, self._loan_postings

    def rank(
        self,
        claim: str,
        *,
        claim_lang: str | None = None,
        statement: str | None = None,
        top: int = 5,
        candidates: list[int] | None = None,
        semantic: SemanticSimilarity | None = None,
        floor: float | None = None,
    ) -> list[RankedPassage]:
        """Best ``top`` passages for ``claim`` (all when ``top`` <= 0), best first; ties keep text order.
        ``candidates`` restricts scoring to those passage indices (e.g. from a full-text pre-selection);
        ``semantic`` adds embedding similarity to the score (every candidate is embedded, once).

        With ``floor``, only passages scoring at least ``floor`` are returned, and a passage whose
        :meth:`ClaimQuery.upper_bound` shows it cannot reach the floor (or the ``top`` scores
        found) is not scored at all: what is returned is exactly what the full ranking returns
        from the floor up."""
        query = ClaimQuery(self, claim, claim_lang, statement)
        indices = list(range(self.size) if candidates is None else candidates)
        if candidates is None:
            query.use_postings()  # every passage is scored: find the terms' passages once
        similar: list[float] | list[None]
        if semantic is None:
            similar = [None] * len(indices)
        else:
            texts = self.texts if candidates is None else [self.texts[index] for index in indices]
            similar = semantic.similarities(claim, texts)
        if floor is None:
            scored = [query.score_only(index, sim) for index, sim in zip(indices, similar, strict=True)]
        else:
            scored = query.score_bounded(indices, similar, floor, top)
        scored.sort(key=lambda item: (-item.score, item.position))
        # the matched words and the span are worked out only for the passages returned
        return [query.explain(item) for item in (scored[:top] if top > 0 else scored)]


@dataclass(slots=True)
class ScoredPassage:
    """A passage's score (rounded as reported) and parts, before :meth:`ClaimQuery.explain` adds
    the matched words: ranking scores every passage but explains only those it returns."""

    position: int
    score: float
    parts: dict[str, Any]
    matched: set[str]
    span: tuple[int, int] | None


class ClaimQuery:
    """One claim prepared against a :class:`PassageIndex`."""

    def __init__(
        self, index: PassageIndex, claim: str, claim_lang: str | None, statement: str | None
    ) -> None:
        self.index = index
        self.claim = claim
        # "id", "id-ID", "in" (an old code) and Malay read through the same lexicon; other languages
        # are compared as English words (names and numbers still cross).
        given = (claim_lang or detect_language(claim)).lower()
        self.lang = "id" if given.split("-")[0] in ("id", "in", "ms") else "en"
        self.terms = indonesian_claim_terms(claim) if self.lang == "id" else english_claim_terms(claim)
        self.statement_terms = english_claim_terms(statement) if statement else []
        # a term's weight depends on the passages, not on which one is scored: once per claim
        self.term_weights = [index.term_weight(term) for term in self.terms]
        self.statement_weights = [index.term_weight(term) for term in self.statement_terms]
        self.names = [term for term in self.terms if term.is_name]
        self._hits: dict[int, tuple[float, set[str]]] | None = None
        self._statement_hits: dict[int, tuple[float, set[str]]] | None = None
        self.english_text = claim if self.lang == "en" else statement
        self.english_lowered = lower_same_length(self.english_text) if self.english_text else ""
        self.quantities = extract_quantities(claim, self.lang)
        self.dates = extract_dates(claim, self.lang)
        # whether the entity part joins the score (entity_agreement gives None otherwise)
        self.has_entities = bool(self.names or self.quantities or self.dates)
        self.quotes = [m.group(1).strip() for m in _QUOTE.finditer(claim)] if self.lang == "en" else []
        self.claim_keys = [token.key for token in tokenize(claim)] if self.lang == "en" else []

    def use_postings(self) -> None:
        """Find where the claim's terms are through the index's postings, once, instead of term by
        term in each passage scored (same sums, same order: the scores are unchanged)."""
        self._hits = self.index.term_hits(self.terms, self.term_weights)
        self._statement_hits = self.index.term_hits(self.statement_terms, self.statement_weights)

    def upper_bound(self, position: int, semantic: float | None = None) -> float:
        """A score :meth:`score_only` cannot exceed for this passage, from the cheap parts only:
        the word overlaps, the names found and ``semantic`` are exact; character alignment and
        quote exactness are taken at 100, and so are the numbers and dates parts when the passage
        states any; no opposite-sense penalty. Each step of the score grows with each of its
        parts, so the bound holds (up to the rounding :data:`BOUND_SLACK` allows for)."""
        passage = self.index.passage(position)
        overlap = self._overlap_only(self.terms, self.term_weights, passage, self._hits, position)
        english_overlap = overlap
        if self.statement_terms:
            english_overlap = self._overlap_only(
                self.statement_terms, self.statement_weights, passage, self._statement_hits, position
            )
        names = sum(1 for term in self.names if not term.keys.isdisjoint(passage.key_set))
        # a passage's numbers and dates are read only when the claim has some (then once a passage)
        entity = self._entity_bound(
            names, bool(self.quantities and passage.quantities), bool(self.dates and passage.dates)
        )
        return self._bound(self._lexical_bound(overlap, english_overlap), semantic, entity)

    def _overlap_only(
        self,
        terms: list[ClaimTerm],
        weights: list[float],
        passage: PreparedPassage,
        hits: dict[int, tuple[float, set[str]]] | None,
        position: int,
    ) -> float:
        """:meth:`_overlap`'s value alone; from ``hits`` without copying the matched words."""
        if hits is None or not terms:
            return self._overlap(terms, weights, passage, hits, position)[0]
        found_keys = hits.get(position)
        if found_keys is None:
            return 0.0
        found, keys = found_keys
        total = 0.0
        for weight in weights:
            total += weight
        explained = sum(weight for key, weight in passage.content_weights if key in keys) if keys else 0
        return 100 * (
            RECALL_WEIGHT * (found / total) + (1 - RECALL_WEIGHT) * (explained / passage.content_total)
        )

    def _quick_overlaps(self) -> tuple[dict[int, float], dict[int, float]]:
        """Per passage holding a claim word (a statement word): at least :meth:`_overlap_only`, from
        the weight found alone, the share of the passage's words explained taken as 1."""
        found: list[dict[int, float]] = []
        for weights, hits in (
            (self.term_weights, self._hits),
            (self.statement_weights, self._statement_hits),
        ):
            total = 0.0
            for weight in weights:
                total += weight
            found.append(
                {
                    position: 100 * (RECALL_WEIGHT * (weight / total) + (1 - RECALL_WEIGHT))
                    for position, (weight, _) in (hits or {}).items()
                }
                if total
                else {}
            )
        return found[0], found[1]

    def _lexical_bound(self, overlap: float, english_overlap: float) -> float:
        """The lexical part :meth:`score_only` would compute from these overlaps, with character
        alignment and quote exactness at 100."""
        lexical = overlap
        if self.english_lowered:
            aligned = 100.0 * min(1.0, english_overlap / ALIGNMENT_GATE)
            english = (1 - ALIGNMENT_WEIGHT) * english_overlap + ALIGNMENT_WEIGHT * aligned
            lexical = english if self.lang == "en" else (overlap + english) / 2
        if self.quotes:
            lexical = (lexical + 100.0) / 2
        return lexical

    def _entity_bound(self, names: int, numbers: bool, dates: bool) -> float | None:
        """The most :func:`entity_agreement` can give a passage holding ``names`` of the claim's
        names: its names part as it is, its numbers and dates parts at 100 when the passage states
        any number or date (``numbers``, ``dates``), else 0: nothing there can agree or conflict."""
        if not self.has_entities:
            return None
        scores: list[tuple[float, float]] = []
        if self.names:
            scores.append((round(100 * names / len(self.names), 1), 1.0))
        if self.quantities:
            scores.append((100.0 if numbers else 0.0, FIGURE_WEIGHT))
        if self.dates:
            scores.append((100.0 if dates else 0.0, FIGURE_WEIGHT))
        return sum(score * weight for score, weight in scores) / sum(weight for _, weight in scores)

    @staticmethod
    def _bound(lexical: float, semantic: float | None, entity: float | None) -> float:
        wording = (
            lexical if semantic is None else (1 - SEMANTIC_WEIGHT) * lexical + SEMANTIC_WEIGHT * semantic
        )
        return blend(wording, entity)

    def score_bounded(
        self, positions: list[int], similar: list[float] | list[None], floor: float, top: int
    ) -> list[ScoredPassage]:
        """The passages of ``positions`` scoring at least ``floor``, as many as the best ``top`` of
        them need (all when ``top`` <= 0). Passages are scored in the order of their
        :meth:`upper_bound`, highest first; one whose bound is under the floor, or under the
        ``top``-th score found so far, cannot be among them and is not scored (``similar`` holds
        each passage's semantic part, or None)."""
        # With the postings, a passage holding none of the claim's words has overlaps of 0 and no
        # name of it: its bound depends only on its semantic part and on whether it states a
        # number or a date. Most such passages fail even with both (the first test below).
        found: set[int] | None = None
        if self._hits is not None and self._statement_hits is not None:
            found = set(self._hits) | set(self._statement_hits)
        wordless = self._lexical_bound(0.0, 0.0)
        most = self._entity_bound(0, True, True)
        by_parts: dict[tuple[float | None, bool, bool], float] = {}
        hopeless: dict[float | None, bool] = {}  # semantic part -> no wordless passage can reach the floor
        quick = self._quick_overlaps() if found is not None else None
        every_name = self._entity_bound(len(self.names), True, True)
        bounds: list[tuple[float, int, float | None]] = []
        for position, sim in zip(positions, similar, strict=True):
            if found is None or position in found:
                if quick is not None:
                    # first with the precision halves of the overlaps at their most (1) and every
                    # name found: most passages sharing a word or two fail already
                    overlap = quick[0].get(position, 0.0)
                    english = quick[1].get(position, 0.0) if self.statement_terms else overlap
                    at_most = self._lexical_bound(overlap, english)
                    if self._bound(at_most, sim, every_name) + BOUND_SLACK < floor:
                        continue
                bound = self.upper_bound(position, sim)
            else:
                skip = hopeless.get(sim)
                if skip is None:
                    skip = hopeless[sim] = self._bound(wordless, sim, most) + BOUND_SLACK < floor
                if skip:
                    continue
                passage = self.index.passage(position)
                key = (sim, bool(self.quantities and passage.quantities), bool(self.dates and passage.dates))
                if (bound := by_parts.get(key, -1.0)) < 0:
                    bound = by_parts[key] = self._bound(wordless, sim, self._entity_bound(0, key[1], key[2]))
            if bound + BOUND_SLACK >= floor:
                bounds.append((bound, position, sim))
        bounds.sort(key=lambda item: (-item[0], item[1]))
        kept: list[ScoredPassage] = []
        best: list[float] = []  # the ``top`` highest scores so far, as a min-heap
        for bound, position, sim in bounds:
            if top > 0 and len(best) == top and best[0] >= bound + BOUND_SLACK:
                break  # this passage and every one after it score below the top ones found
            item = self.score_only(position, sim)
            if item.score < floor:
                continue
            kept.append(item)
            if top > 0:
                if len(best) < top:
                    heapq.heappush(best, item.score)
                elif item.score > best[0]:
                    heapq.heapreplace(best, item.score)
        return kept

    def score(self, position: int, semantic: float | None = None) -> RankedPassage:
        return self.explain(self.score_only(position, semantic))

    def score_only(self, position: int, semantic: float | None = None) -> ScoredPassage:
        """The passage's score and parts, without the matched words (see :meth:`explain`)."""
        passage = self.index.passage(position)
        parts: dict[str, Any] = {"lang": self.lang}
        overlap, matched = self._overlap(self.terms, self.term_weights, passage, self._hits, position)
        parts["overlap"] = round(overlap, 1)
        lexical = overlap
        span: tuple[int, int] | None = None
        if self.english_lowered:
            alignment = fuzz.partial_ratio_alignment(self.english_lowered, passage.lowered)
            if alignment is not None:
                parts["alignment"] = round(alignment.score, 1)
                span = _aligned_span(alignment, len(self.english_lowered), len(passage.lowered))
            english_overlap = overlap
            if self.statement_terms:
                english_overlap, more = self._overlap(
                    self.statement_terms, self.statement_weights, passage, self._statement_hits, position
                )
                parts["statement_overlap"] = round(english_overlap, 1)
                matched |= more
            # Character alignment finds shared letters, not shared meaning: it counts in proportion
            # to the words shared, so a passage that shares next to no words cannot rank on it.
            aligned = parts.get("alignment", 0.0) * min(1.0, english_overlap / ALIGNMENT_GATE)
            english = (1 - ALIGNMENT_WEIGHT) * english_overlap + ALIGNMENT_WEIGHT * aligned
            lexical = english if self.lang == "en" else (overlap + english) / 2
        if self.quotes:
            parts["quote"] = round(min(_quote_exactness(quote, passage.text) for quote in self.quotes), 1)
            lexical = (lexical + parts["quote"]) / 2
        parts["lexical"] = round(lexical, 1)
        entity = entity_agreement(self.names, self.quantities, self.dates, self.lang, passage, parts)
        penalty = 1.0
        if self.claim_keys:
            opposite = opposite_sense(self.claim_keys, (token.key for token in passage.tokens))
            if opposite:
                parts["opposite"] = opposite
                penalty = 1 - OPPOSITE_PENALTY

        def combined(wording: float) -> float:
            return blend(wording, entity) * penalty

        score = combined(lexical)
        if semantic is not None:
            parts["semantic"] = semantic
            # The verdict thresholds were set on scores without embeddings: keep that score too.
            parts["without_semantic"] = round(score, 1)
            # Embeddings judge the wording, as lexical similarity does; they do not outvote the
            # figures and names, which pin a claim to one sentence of a source about one subject.
            score = combined((1 - SEMANTIC_WEIGHT) * lexical + SEMANTIC_WEIGHT * semantic)
        return ScoredPassage(position, round(score, 1), parts, matched, span)

    def explain(self, scored: ScoredPassage) -> RankedPassage:
        """The ranked passage with its matched words (``parts["matched"]``) and best span."""
        passage = self.index.passage(scored.position)
        parts, matched, span = scored.parts, scored.matched, scored.span
        words = [token for token, key in zip(passage.tokens, passage.keys, strict=True) if key in matched]
        parts["matched"] = [token.surface for token in words]
        if span is None or parts.get("alignment", 0) < 60:
            span = (words[0].start, words[-1].end) if words else (0, len(passage.text))
        return RankedPassage(scored.position, scored.score, parts, span[0], span[1])

    def _overlap(
        self,
        terms: list[ClaimTerm],
        weights: list[float],
        passage: PreparedPassage,
        hits: dict[int, tuple[float, set[str]]] | None = None,
        position: int = -1,
    ) -> tuple[float, set[str]]:
        """IDF-weighted share of claim terms found (and of passage words explained), 0-100;
        ``weights`` are the terms' :meth:`PassageIndex.term_weight`; ``hits`` what
        :meth:`PassageIndex.term_hits` found for them, when it was asked (``position`` the passage's)."""
        if not terms:
            return 0.0, set()
        found = total = 0.0
        matched: set[str] = set()
        if hits is not None:
            for weight in weights:
                total += weight
            if position in hits:
                found, keys = hits[position]
                matched = set(keys)
        else:
            key_set = passage.key_set
            for term, weight in zip(terms, weights, strict=True):
                total += weight
                # isdisjoint first: most terms are in no given passage, and it builds no set
                if not term.keys.isdisjoint(key_set):
                    found += weight
                    matched |= term.keys & key_set
                elif not term.related.isdisjoint(key_set):
                    found += weight * SYNONYM_CREDIT
                    matched |= term.related & key_set
                elif not term.loans.isdisjoint(passage.loan_set):
                    found += weight * LOAN_CREDIT
        recall = found / total
        explained = sum(weight for key, weight in passage.content_weights if key in matched) if matched else 0
        precision = explained / passage.content_total
        return 100 * (RECALL_WEIGHT * recall + (1 - RECALL_WEIGHT) * precision), matched


def _aligned_span(alignment: Any, claim_length: int, passage_length: int) -> tuple[int, int]:
    # rapidfuzz aligns the shorter string inside the longer one; pick the passage side.
    if claim_length <= passage_length:
        return alignment.dest_start, alignment.dest_end
    return alignment.src_start, alignment.src_end


def _quote_exactness(quote: str, passage: str) -> float:
    """100 when the quote's words appear verbatim (case, quotes and spacing aside), else partial_ratio."""
    wanted = _normalise_quote(quote)
    have = _normalise_quote(passage)
    if wanted and wanted in have:
        return 100.0
    return float(fuzz.partial_ratio(wanted, have))


def _normalise_quote(text: str) -> str:
    return " ".join(token.key for token in tokenize(text))


def _prepare(text: str, lang: str) -> PreparedPassage:
    tokens = tokenize(text)
    keys, loans = [], set()
    for token in tokens:
        key, loan = passage_keys(token)
        keys.append(key)
        if loan:
            loans.add(loan)
    return PreparedPassage(
        text,
        lower_same_length(text),
        tokens,
        keys,
        frozenset(keys),
        frozenset(loans),
        lang,
    )


def _document_keys(text: str) -> set[str]:
    """The keys a passage is counted under for IDF: the same as :func:`_prepare` gives, faster."""
    keys = set()
    for token in iter_tokens(text):
        key, loan = passage_keys(token)
        keys.add(key)
        if loan:
            keys.add(loan)
    return keys


@lru_cache(maxsize=16)
def _index_for(passages: tuple[str, ...]) -> PassageIndex:
    return PassageIndex(passages)


def rank_passages(
    claim: str,
    passages: list[str],
    *,
    claim_lang: str | None = None,
    statement: str | None = None,
    top: int = 5,
    semantic: SemanticSimilarity | None = None,
    floor: float | None = None,
) -> list[RankedPassage]:
    """Rank ``passages`` (texts, usually English) for ``claim``, best first, at most ``top``.

    ``claim_lang`` "id" or "en" (guessed when None); ``statement`` an English rendering of a non-English
    claim. Each result's ``index`` is 0-based into ``passages``, ``score`` 0-100, ``parts`` its
    explanation (lang: "id" or "en"; lexical, overlap, alignment, names, numbers, dates, quote and,
    when ``semantic`` is given (see :func:`workbench.matching.semantic.load_embedder`), semantic: 0-100;
    agreements, conflicts, qualifiers, opposite, matched: lists of text), ``start``/``end`` the best-matching
    span inside that passage.
    With ``floor``, passages scoring under it are left out, and those that cannot reach it are
    never scored (:meth:`PassageIndex.rank`).
    Preprocessing of the same passages list is cached, so ranking many claims against it is cheap.
    """
    return _index_for(tuple(passages)).rank(
        claim, claim_lang=claim_lang, statement=statement, top=top, semantic=semantic, floor=floor
    )
