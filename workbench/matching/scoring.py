"""Score one passage for one claim, 0-100, shown as its parts.

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

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from workbench.domain import RankedPassage
from workbench.language.identify import detect_language
from workbench.language.tokens import tokenize
from workbench.matching.agreement import blend, entity_agreement
from workbench.matching.polarity import opposite_sense
from workbench.matching.prepared import PreparedPassage, lower_same_length
from workbench.matching.quantities import extract_dates, extract_quantities
from workbench.matching.terms import ClaimTerm, english_claim_terms, indonesian_claim_terms

if TYPE_CHECKING:
    from workbench.matching.rank import PassageIndex

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
_QUOTE = re.compile(r"[\"“”„«»]([^\"“”„«»]{8,})[\"“”„«»]")


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
        # where the terms are, from the postings (use_postings); the bounds read them too
        self.hits: dict[int, tuple[float, set[str]]] | None = None
        self.statement_hits: dict[int, tuple[float, set[str]]] | None = None
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
        self.hits = self.index.term_hits(self.terms, self.term_weights)
        self.statement_hits = self.index.term_hits(self.statement_terms, self.statement_weights)

    def score(self, position: int, semantic: float | None = None) -> RankedPassage:
        return self.explain(self.score_only(position, semantic))

    def score_only(self, position: int, semantic: float | None = None) -> ScoredPassage:
        """The passage's score and parts, without the matched words (see :meth:`explain`)."""
        passage = self.index.passage(position)
        parts: dict[str, Any] = {"lang": self.lang}
        overlap, matched = self.overlap(self.terms, self.term_weights, passage, self.hits, position)
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
                english_overlap, more = self.overlap(
                    self.statement_terms, self.statement_weights, passage, self.statement_hits, position
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

    def overlap(
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
