"""Pre-select candidate passages of a large archive with SQLite FTS5, for re-ranking.

Scoring every passage of a 100,000-sentence archive for every claim is too slow in Python; an FTS5
bm25 query over the claim's content words (stopwords stripped: they make the query ~40x slower and
the ranking worse) returns a few dozen candidates, and :class:`PassageIndex` re-ranks only those with
the same score it would give in a full pass.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from workbench.domain import RankedPassage
from workbench.language.identify import detect_language
from workbench.language.lexicon import translate_units
from workbench.language.tokens import ENGLISH_STOPWORDS, INDONESIAN_STOPWORDS, tokenize
from workbench.matching.rank import PassageIndex

# Candidates re-ranked per claim: recall@5 against brute force 0.992 at 160, 0.976 at 100
# (bench/match_scale.py); the whole-archive search in the database uses the same pool.
CANDIDATE_POOL = 160
_ALTERNATIVES_PER_WORD = 3  # English words tried per Indonesian word: more makes the query slow and vague


def query_terms(claim: str, *, claim_lang: str | None = None, statement: str | None = None) -> list[str]:
    """Distinct English search words of a claim (through the lexicon for Indonesian), stopwords out."""
    lang = claim_lang or detect_language(claim)
    terms: list[str] = []
    if lang == "id":
        for unit in translate_units(claim):
            if len(unit.tokens) == 1 and unit.tokens[0].key in INDONESIAN_STOPWORDS:
                continue
            terms.extend(token.key for token in unit.tokens)
            for english in unit.english[:_ALTERNATIVES_PER_WORD]:
                terms.extend(english.lower().split())
    else:
        terms.extend(token.key for token in tokenize(claim))
    if statement:
        terms.extend(token.key for token in tokenize(statement))
    seen: dict[str, None] = {}
    for term in terms:
        if term not in ENGLISH_STOPWORDS and len(term) > 1:
            seen.setdefault(term, None)
    return list(seen)


class FullTextCandidates:
    """An FTS5 index (in memory unless a connection is given) over passages, by 0-based position."""

    def __init__(self, passages: Sequence[str], connection: sqlite3.Connection | None = None) -> None:
        self.connection = connection or sqlite3.connect(":memory:")
        self.connection.execute("DROP TABLE IF EXISTS match_passages")
        self.connection.execute(
            "CREATE VIRTUAL TABLE match_passages USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')"
        )
        self.connection.executemany(
            "INSERT INTO match_passages(rowid, text) VALUES (?, ?)",
            ((position, text) for position, text in enumerate(passages)),
        )
        self.connection.commit()

    def select(
        self, claim: str, *, claim_lang: str | None = None, statement: str | None = None, limit: int = 50
    ) -> list[int]:
        """Positions of up to ``limit`` passages sharing the most (bm25-weighted) words with the claim."""
        terms = query_terms(claim, claim_lang=claim_lang, statement=statement)
        if not terms:
            return []
        rows = self.connection.execute(
            "SELECT rowid FROM match_passages WHERE match_passages MATCH ? ORDER BY bm25(match_passages) LIMIT ?",
            (fts5_any(terms), limit),
        )
        return [row[0] for row in rows]


def fts5_any(terms: list[str]) -> str:
    """An FTS5 query matching any of ``terms``, each a quoted string (quotes doubled), so no term
    can bring in an operator and "12.5" stays one phrase."""
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


class ArchiveMatcher:
    """Rank a large set of passages: FTS5 pre-selection, then the full score on the candidates."""

    def __init__(self, passages: Sequence[str], connection: sqlite3.Connection | None = None) -> None:
        self.index = PassageIndex(list(passages))
        self.full_text = FullTextCandidates(passages, connection)

    def rank(
        self,
        claim: str,
        *,
        claim_lang: str | None = None,
        statement: str | None = None,
        top: int = 5,
        pool: int = CANDIDATE_POOL,
    ) -> list[RankedPassage]:
        """Like :func:`rank_passages` over all passages, re-ranking only ``pool`` FTS5 candidates."""
        candidates = self.full_text.select(claim, claim_lang=claim_lang, statement=statement, limit=pool)
        return self.index.rank(
            claim, claim_lang=claim_lang, statement=statement, top=top, candidates=candidates
        )
