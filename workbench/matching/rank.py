"""Rank passages of a source for one claim, best first: the passages indexed once for many claims
(document frequencies, postings), each claim scored against them (:mod:`workbench.matching.scoring`),
above an evidence floor only those that can reach it (:mod:`workbench.matching.bounds`).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.domain import RankedPassage
from workbench.language.tokens import ENGLISH_STOPWORDS
from workbench.matching.bounds import score_bounded
from workbench.matching.prepared import PreparedPassage, document_keys, prepare_passage
from workbench.matching.scoring import LOAN_CREDIT, SYNONYM_CREDIT, ClaimQuery
from workbench.matching.terms import ClaimTerm

if TYPE_CHECKING:
    from workbench.matching.semantic import SemanticSimilarity

UNSEEN_WEIGHT = 0.4  # weight of a claim word found nowhere in the passages, as a share of max IDF


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
            self.document_frequency.update(document_keys(text))
        self.size = len(self.texts)
        self.max_idf = math.log((self.size + 1) / 0.5)
        self._postings: dict[str, list[int]] | None = None  # key -> positions, built on first full pass
        self._loan_postings: dict[str, list[int]] = {}

    def passage(self, position: int) -> PreparedPassage:
        prepared = self._prepared.get(position)
        if prepared is None:
            prepared = self._prepared[position] = prepare_passage(self.texts[position], self.lang)
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
        :meth:`ClaimQuery.overlap` would add them up passage by passage (terms in order, each by
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
        :func:`~workbench.matching.bounds.upper_bound` shows it cannot reach the floor (or the ``top`` scores
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
            scored = score_bounded(query, indices, similar, floor, top)
        scored.sort(key=lambda item: (-item.score, item.position))
        # the matched words and the span are worked out only for the passages returned
        return [query.explain(item) for item in (scored[:top] if top > 0 else scored)]


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
