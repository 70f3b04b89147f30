"""Opposite sense between an English claim and a passage: negation and direction of change.

Near-miss passages often copy a claim's words and flip its sense: "fell to 6.1 percent" / "rose to
6.1 percent", "resigned" / "denied that he would resign", "arrested" / "not arrested". Two cheap
signals, both on lowercased words:

- negation: the claim and the passage differ in whether they carry an odd number of negating words
  ("not", "denied", "refused" ...);
- direction: the claim says a figure went one way (up: "rose", "grew", "doubled"; down: "fell",
  "dropped", "slowed") and the passage says only the other way.

Only for English text (an Indonesian claim is compared through a lexicon, word by word).
"""

from __future__ import annotations

from collections.abc import Iterable


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NEGATIONS = _words(
    """not no never none nor neither nobody nothing cannot cant dont doesnt didnt isnt arent wasnt
    werent wont wouldnt shouldnt couldnt hasnt havent hadnt deny denies denied denying
    refuse refuses refused refusing reject rejects rejected rejecting"""
)
_UP = _words(
    """rise rises rose risen rising increase increases increased increasing grow grows grew grown
    growing climb climbs climbed jump jumps jumped soar soars soared double doubles doubled
    triple tripled gain gains gained raise raises raised up higher"""
)
_DOWN = _words(
    """fall falls fell fallen falling drop drops dropped dropping decrease decreases decreased
    decreasing decline declines declined declining shrink shrinks shrank shrunk slow slows slowed
    slowing cut cuts plunge plunged slump slumped halve halved lower lowered down"""
)


def opposite_sense(claim_keys: Iterable[str], passage_keys: Iterable[str]) -> list[str]:
    """What sets the passage against the claim, in words (empty when nothing does)."""
    claim = set(claim_keys)
    passage = set(passage_keys)
    found: list[str] = []
    claim_negated = len(claim & _NEGATIONS) % 2 == 1
    passage_negated = len(passage & _NEGATIONS) % 2 == 1
    if claim_negated != passage_negated:
        words = sorted((passage if passage_negated else claim) & _NEGATIONS)
        found.append(f"negation: {', '.join(words)} in the {'passage' if passage_negated else 'claim'} only")
    for wanted, other, name in ((_UP, _DOWN, "up"), (_DOWN, _UP, "down")):
        if claim & wanted and not claim & other and passage & other and not passage & wanted:
            found.append(f"direction: claim {name}, passage {'down' if name == 'up' else 'up'}")
    return found
