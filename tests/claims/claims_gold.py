"""Scoring extracted claims against a gold list (one-to-one span matching)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.claims import extract_claims
from workbench.domain import ExtractedClaim

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_CASES = REPO_ROOT.parent / "shared" / "cases"
DATA = Path(__file__).resolve().parent / "data"


def english_claims(article: str, article_date: dt.date) -> list[ExtractedClaim]:
    """The claims of an English test article, each checked to be the article's own words at its
    offsets (the rule tests of every round read claims this way)."""
    claims = extract_claims(article, lang="en", article_date=article_date)
    for claim in claims:
        assert article[claim.start : claim.end] == claim.text
    return claims


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class GoldScore:
    matched: int
    gold: int
    extras: int
    kind_agree: int
    missing_details: list[str] = field(default_factory=list)
    unmatched_gold: list[str] = field(default_factory=list)
    extra_texts: list[str] = field(default_factory=list)
    kind_mismatches: list[str] = field(default_factory=list)

    @property
    def kind_ratio(self) -> float:
        return self.kind_agree / self.matched if self.matched else 0.0

    def summary(self) -> str:
        return (
            f"matched {self.matched}/{self.gold}, extras {self.extras}, kinds agree "
            f"{self.kind_agree}/{self.matched} ({self.kind_ratio:.0%}), details missing "
            f"{len(self.missing_details)}"
        )


def _overlap(claim: ExtractedClaim, gold: dict[str, Any]) -> int:
    return max(0, min(claim.end, gold["end"]) - max(claim.start, gold["start"]))


def score(claims: list[ExtractedClaim], gold: list[dict[str, Any]]) -> GoldScore:
    """One-to-one matching: a claim matches a gold span when it overlaps at least half of it.
    Maximum matching by augmenting paths, trying the best-overlapping claims first."""
    edges: list[list[int]] = []
    for g in gold:
        length = g["end"] - g["start"]
        candidates = [i for i, c in enumerate(claims) if 2 * _overlap(c, g) >= length]
        candidates.sort(key=lambda i: (claims[i].kind != g["kind"], -_overlap(claims[i], g)))
        edges.append(candidates)
    owner: dict[int, int] = {}

    def augment(g_index: int, seen: set[int]) -> bool:
        for c_index in edges[g_index]:
            if c_index in seen:
                continue
            seen.add(c_index)
            if c_index not in owner or augment(owner[c_index], seen):
                owner[c_index] = g_index
                return True
        return False

    for g_index in range(len(gold)):
        augment(g_index, set())
    matched_gold = {g: c for c, g in owner.items()}
    result = GoldScore(len(matched_gold), len(gold), len(claims) - len(owner), 0)
    for g_index, g in enumerate(gold):
        if g_index not in matched_gold:
            result.unmatched_gold.append(f"{g['id']}: {g['anchor']}")
            continue
        claim = claims[matched_gold[g_index]]
        if str(claim.kind) == g["kind"]:
            result.kind_agree += 1
        else:
            result.kind_mismatches.append(f"{g['id']}: gold {g['kind']}, got {claim.kind}: {claim.text}")
        if g.get("speaker") and claim.speaker != g["speaker"]:
            result.missing_details.append(f"{g['id']}: speaker {g['speaker']!r}, got {claim.speaker!r}")
        for number in g.get("numbers", []):
            if not any(
                n.value == number["value"] and n.qualifier == number["qualifier"] for n in claim.numbers
            ):
                result.missing_details.append(f"{g['id']}: number {number}, got {claim.numbers}")
        for date in g.get("dates", []):
            if date not in [d.date for d in claim.dates]:
                result.missing_details.append(f"{g['id']}: date {date}, got {claim.dates}")
    result.extra_texts = [c.text for i, c in enumerate(claims) if i not in owner]
    return result


def report(name: str, result: GoldScore) -> None:
    print(f"\n[{name}] {result.summary()}")
    for label, items in (
        ("unmatched gold", result.unmatched_gold),
        ("extras", result.extra_texts),
        ("kind mismatches", result.kind_mismatches),
        ("details missing", result.missing_details),
    ):
        for item in items:
            print(f"  {label}: {item}")


def assert_meets_goal(result: GoldScore) -> None:
    assert result.matched >= result.gold - 2, result.unmatched_gold
    assert result.extras <= 3, result.extra_texts
    assert result.kind_ratio >= 0.8, result.kind_mismatches
    assert not result.missing_details, result.missing_details
