"""Suggest a verdict label from ranked evidence, with the reason in words. The checker decides.

Labels are the shipped ones (workbench/labels.toml). The rules, first that applies:

1. no source text could be reached -> unverifiable;
2. nothing scores above the floor -> not-in-source;
3. the best passage's numbers or dates conflict with the claim's -> contradicted, when its wording
   is otherwise close (else not-in-source: a loosely related passage with another figure);
4. a quote is found but the passage credits someone other than the claimed speaker -> misattributed;
5. a number's qualifier differs ("20" vs "more than 20"), or the best passage is only close
   -> partly-supported;
6. otherwise -> supported.

Scores of Indonesian claims against English passages run lower than English-English ones (a lexicon
never finds every word), so they have their own thresholds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.domain import ClaimKind, RankedPassage
from workbench.matching.evidence import LocatedEvidence


@dataclass(frozen=True, slots=True)
class Thresholds:
    floor: float  # below: the source does not say this
    support: float  # at or above: the source says this


# Set from the score distributions on our development sets (bench/match_eval.py): true pairs
# mostly above the support line, the best wrong passage of the same articles mostly under the floor.
THRESHOLDS = {"en": Thresholds(floor=35, support=60), "id": Thresholds(floor=35, support=55)}
# wording similarity above the floor that makes a conflicting figure a contradiction
CONTRADICTION_MARGIN = 5.0
# "said Jane Doe", "Jane Doe said", "according to Doe", "kata Doe" ...
_ATTRIBUTION = re.compile(
    r"(?:\b(?:said|says|wrote|told|according to|kata|ujar|ungkap|tulis|menurut)\s+"
    r"(?P<after>(?:[A-Z][\w’'-]+\s?){1,3}))"
    r"|(?:(?P<before>(?:[A-Z][\w’'-]+\s){1,3})(?:said|says|wrote|told|added|mengatakan|menulis)\b)"
)


def suggest_verdict(
    claim_kind: ClaimKind | str,
    claim_speaker: str | None,
    evidence: Sequence[RankedPassage | LocatedEvidence],
    *,
    texts: Sequence[str] | None = None,
    source_reachable: bool = True,
) -> tuple[str, str]:
    """(label, reason) for a claim given its ranked evidence, best first.

    ``evidence`` comes from :func:`rank_passages` (then pass the passage ``texts`` it ranked, so a
    speaker can be checked) or :func:`locate_evidence` (quote and context are used). An empty
    ``evidence`` with ``source_reachable=False`` means no source could be fetched.
    """
    if not evidence:
        if not source_reachable:
            return "unverifiable", "no source could be reached"
        return "not-in-source", "the source has no passage to compare"
    # The best passage is the top-ranked one, the one every view shows first (with the semantic
    # extra, embeddings help rank). One score is judged: the passage's score without embeddings,
    # the one the thresholds were set on, and the reason names it. When embeddings put another
    # passage first than the lexical ranking would, the reason says so: that alone can change the
    # suggestion between an install with the extra and one without.
    best = max(evidence, key=lambda item: item.score)
    label, reason = _judge(claim_kind, claim_speaker, best, texts)
    lexical_best = max(evidence, key=lexical_score)
    if "without_semantic" in best.parts and lexical_score(lexical_best) > lexical_score(best):
        reason += f" (without embeddings another passage would rank first: {lexical_score(lexical_best):.0f})"
    return label, reason


def _judge(
    claim_kind: ClaimKind | str,
    claim_speaker: str | None,
    best: RankedPassage | LocatedEvidence,
    texts: Sequence[str] | None,
) -> tuple[str, str]:
    parts: dict[str, Any] = best.parts
    limits = THRESHOLDS["id" if parts.get("lang") == "id" else "en"]
    judged = lexical_score(best)
    score = f"best passage {judged:.0f}"
    if "without_semantic" in parts:
        score += f" (without embeddings; {best.score:.0f} with them)"
    if judged < limits.floor:
        return "not-in-source", f"{score}, under the floor of {limits.floor:.0f}: no passage says this"
    conflicts: list[str] = list(parts.get("conflicts", []))
    if conflicts:
        # another figure only contradicts when the passage is otherwise about the same thing;
        # in a passage that merely shares a few words it says nothing about this claim
        lexical = float(parts.get("lexical", best.score))
        if lexical < limits.floor + CONTRADICTION_MARGIN:
            return (
                "not-in-source",
                f"{score}, but only loosely related (wording {lexical:.0f}) and it gives another figure: "
                + "; ".join(conflicts),
            )
        return "contradicted", f"{score}, but " + "; ".join(conflicts)
    if str(claim_kind) == str(ClaimKind.QUOTE) and claim_speaker:
        other = _other_speaker(claim_speaker, _window(best, texts))
        if other:
            return (
                "misattributed",
                f"{score}: the words are there, but credited to {other}, not {claim_speaker}",
            )
    qualifiers: list[str] = list(parts.get("qualifiers", []))
    if qualifiers:
        return "partly-supported", f"{score}, but the qualifier differs: " + "; ".join(qualifiers)
    if judged < limits.support:
        return (
            "partly-supported",
            f"{score}, under {limits.support:.0f}: the source says something close, not quite this",
        )
    agreed = [name for name in ("numbers", "dates") if name in parts and parts[name] >= 100]
    if agreed:
        return "supported", f"{score}, {' and '.join(agreed)} agree"
    return "supported", score


def lexical_score(item: RankedPassage | LocatedEvidence) -> float:
    """The score the suggestion thresholds judge: without embeddings (the same with or without the
    semantic extra)."""
    # whole points, as every view prints them: "55, under 55" can never be read
    return float(round(float(item.parts.get("without_semantic", item.score))))


def _window(best: RankedPassage | LocatedEvidence, texts: Sequence[str] | None) -> str:
    if isinstance(best, LocatedEvidence):
        return f"{best.prefix}{best.quote}{best.suffix}"
    if texts is not None and 0 <= best.index < len(texts):
        return texts[best.index]
    return ""


def _other_speaker(speaker: str, window: str) -> str | None:
    """A person the window credits with words, when the claimed speaker is not named there at all."""
    if not window:
        return None
    names = [part.lower() for part in re.findall(r"[\w’'-]+", speaker) if part[:1].isupper()]
    if any(name in window.lower() for name in names):
        return None
    for match in _ATTRIBUTION.finditer(window):
        credited = (match.group("after") or match.group("before") or "").strip()
        if credited:
            return credited
    return None
