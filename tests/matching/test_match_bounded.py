"""Ranking above a floor: passages that cannot reach it (or the top scores) are not scored, and what is
returned is exactly what the full ranking returns from the floor up.

The claims and passages are the matching development sets (bench/match_dev_*.txt) put together in one
index of ~500 sentences, so the postings path and every part of the score (numbers, dates, names,
quotes, statements, opposite sense) are exercised; a stand-in semantic part covers the extra.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from workbench.matching.bounds import BOUND_SLACK, upper_bound
from workbench.matching.rank import PassageIndex
from workbench.matching.scoring import ClaimQuery

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _dev_sets() -> tuple[list[str], list[tuple[str, str, str | None]]]:
    """Every sentence of the three dev sets, and (claim, language, statement) to rank against them."""
    passages: list[str] = []
    claims: list[tuple[str, str, str | None]] = []
    for name in ("match_dev_nearmiss.txt", "match_dev_reports.txt"):
        for line in (BENCH / name).read_text(encoding="utf-8").splitlines():
            if line.startswith(("E: ", "D: ")):
                passages.append(line[3:])
            elif line.startswith("C: "):
                claims.append((line[3:], "en", None))
    english = ""
    for number, line in enumerate((BENCH / "match_dev_id_en.txt").read_text(encoding="utf-8").splitlines()):
        if line.startswith("EN: "):
            english = line[4:]
            passages.append(english)
        elif line.startswith("ID: ") and number % 3 == 0:
            # every other Indonesian claim with an English statement (its original's wording)
            claims.append((line[4:], "id", english if number % 2 else None))
    claims.append(('Smith said "we acted quickly to protect them" on Friday', "en", None))
    passages.append('Smith said on Friday: "We acted quickly to protect them."')
    return passages, claims[::2]


PASSAGES, CLAIMS = _dev_sets()


class StandIn:
    """A deterministic semantic part from a hash of the pair: 0 for about half of the passages (as
    e5's rescaled cosine is for unrelated ones), else 0.1-100."""

    def similarities(self, claim: str, passages: Sequence[str]) -> list[float]:
        values = []
        for passage in passages:
            digest = int(hashlib.sha256(f"{claim}\n{passage}".encode()).hexdigest()[:8], 16)
            values.append(0.0 if digest % 2 else round((digest % 1000) / 10 + 0.1, 1))
        return values


@pytest.fixture(scope="module")
def index() -> PassageIndex:
    return PassageIndex(PASSAGES)


def test_the_sets_are_read() -> None:
    assert len(PASSAGES) > 400
    assert {lang for _, lang, _ in CLAIMS} == {"en", "id"}
    assert any(statement for _, _, statement in CLAIMS)


@pytest.mark.parametrize("semantic", [None, StandIn()], ids=["lexical", "semantic"])
def test_upper_bound_is_never_below_the_score(index: PassageIndex, semantic: StandIn | None) -> None:
    checked = 0
    for claim, lang, statement in CLAIMS[::4]:
        for postings in (True, False):
            query = ClaimQuery(index, claim, lang, statement)
            if postings:
                query.use_postings()
            similar = semantic.similarities(claim, PASSAGES) if semantic else [None] * len(PASSAGES)
            for position, sim in enumerate(similar):
                scored = query.score_only(position, sim)
                assert upper_bound(query, position, sim) + BOUND_SLACK >= scored.score, (claim, position)
                checked += 1
    assert checked > 10_000


@pytest.mark.parametrize("semantic", [None, StandIn()], ids=["lexical", "semantic"])
def test_ranking_above_a_floor_is_the_full_ranking_cut_there(
    index: PassageIndex, semantic: StandIn | None
) -> None:
    cut = 0
    for claim, lang, statement in CLAIMS:
        full = index.rank(claim, claim_lang=lang, statement=statement, top=0, semantic=semantic)
        for floor, top in ((30.0, 9), (30.0, 1), (45.0, 3), (0.0, 5), (30.0, 0)):
            bounded = index.rank(
                claim, claim_lang=lang, statement=statement, top=top, semantic=semantic, floor=floor
            )
            above = [r for r in full if r.score >= floor]
            assert bounded == (above[:top] if top > 0 else above), (claim, floor, top)
            cut += len(above) < len(full)
    assert cut > 0  # some rankings did lose passages under the floor


def test_candidates_are_bounded_too(index: PassageIndex) -> None:
    claim, lang, statement = CLAIMS[0]
    candidates = list(range(0, len(PASSAGES), 2))
    full = index.rank(claim, claim_lang=lang, statement=statement, top=0, candidates=candidates)
    bounded = index.rank(
        claim, claim_lang=lang, statement=statement, top=3, candidates=candidates, floor=30.0
    )
    assert bounded == [r for r in full if r.score >= 30.0][:3]


def test_most_passages_are_not_scored(index: PassageIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    scored: list[int] = []
    real = ClaimQuery.score_only

    def counting(self: ClaimQuery, position: int, semantic: float | None = None) -> object:
        scored.append(position)
        return real(self, position, semantic)

    monkeypatch.setattr(ClaimQuery, "score_only", counting)
    claims = CLAIMS[:20]
    for claim, lang, statement in claims:
        index.rank(claim, claim_lang=lang, statement=statement, top=9, semantic=StandIn(), floor=30.0)
    assert 0 < len(scored) < len(claims) * len(PASSAGES) // 4
