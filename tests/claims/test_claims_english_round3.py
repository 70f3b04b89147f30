"""English clause rules, third round (from retired2.en, the former held-out article, and the ninth
tuning article): each fact its own claim, spans exact, kinds by the facts a span keeps."""

from __future__ import annotations

import datetime as dt

from workbench.claims import extract_claims
from workbench.claims.speakers import PeopleIndex, find_attributions
from workbench.domain import ClaimKind

THURSDAY = dt.date(2025, 9, 18)


def _claims(article: str) -> list[tuple[str, ClaimKind]]:
    claims = extract_claims(article, lang="en", article_date=THURSDAY)
    for claim in claims:
        assert article[claim.start : claim.end] == claim.text
    return [(claim.text, claim.kind) for claim in claims]


def _texts(article: str) -> list[str]:
    return [text for text, _ in _claims(article)]


def test_the_owner_of_a_role_belongs_to_its_attribution_and_the_role_alone_resolves() -> None:
    text = "Fellbrook's operations director, Martin Osei, said rainfall had been 38 percent of the average."
    (attribution,) = find_attributions(text, 0, len(text))
    assert text[attribution.start : attribution.end] == "Fellbrook's operations director, Martin Osei"
    people = PeopleIndex()
    people.add(attribution.name, attribution.role)
    assert people.resolve("the director") == "Martin Osei"
    assert ("Fellbrook's operations director, Martin Osei", ClaimKind.ATTRIBUTION) in _claims(text)
