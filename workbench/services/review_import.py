"""Record the reviews of a ClaimReview document as verdicts on an article's claims.

A review is matched to a claim by its words only: ``claimReviewed`` equal to the claim's text,
else equal once whitespace and case are set aside; a review that matches no claim, or more than
one, or whose rating names no label of the labels file, is listed as unmatched and nothing is
recorded for it. Nothing is guessed. A matched review becomes a verdict by the importing checker
with the review's ``reviewBody`` as rationale and a closing line naming where it came from (its
url and publisher); a claim whose current verdict already says the same is left as it is. All the
verdicts of one import are one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.export.claimreview import (
    comparable,
    label_of_rating,
    read_claimreviews,
    split_import_note,
    with_import_note,
)
from workbench.services.lookups import article_claims, resolve_article
from workbench.services.verdicts import VerdictView, append_verdict, claim_views
from workbench.services.workspace import Workspace
from workbench.storage.models import Claim


@dataclass(frozen=True, slots=True)
class RecordedReview:
    index: int  # 0-based place of the review in the document
    claim_id: int
    label: str
    verdict_id: int | None  # None when the claim's current verdict already said the same
    origin: str

    def as_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "claim_id": self.claim_id,
            "label": self.label,
            "verdict_id": self.verdict_id,
            "origin": self.origin,
        }


@dataclass(frozen=True, slots=True)
class UnmatchedReview:
    index: int
    claim_reviewed: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {"index": self.index, "claim_reviewed": self.claim_reviewed, "reason": self.reason}


@dataclass
class ReviewImportReport:
    article_id: int
    recorded: list[RecordedReview] = field(default_factory=list)
    unchanged: list[RecordedReview] = field(default_factory=list)
    unmatched: list[UnmatchedReview] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "recorded": [r.as_json() for r in self.recorded],
            "unchanged": [r.as_json() for r in self.unchanged],
            "unmatched": [r.as_json() for r in self.unmatched],
        }


def _match(claims: list[Claim], reviewed: str) -> tuple[Claim | None, str]:
    """The one claim with these words, or None and why."""
    exact = [c for c in claims if c.text == reviewed]
    if len(exact) == 1:
        return exact[0], ""
    if len(exact) > 1:
        return None, f"{len(exact)} claims have these words"
    loose = [c for c in claims if comparable(c.text) == comparable(reviewed)]
    if len(loose) == 1:
        return loose[0], ""
    if len(loose) > 1:
        return None, f"{len(loose)} claims have these words"
    return None, "no claim of the article has these words"


def _publisher(item: dict[str, Any]) -> str | None:
    author = item.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        return " ".join(author["name"].split()) or None
    return None


def _origin(item: dict[str, Any], path: Path, index: int) -> str:
    url = item.get("url")
    if isinstance(url, str) and url.strip() and not any(ch.isspace() for ch in url.strip()):
        return url.strip()
    return f"{path.name}#{index + 1}"  # no address of its own: the file and the review's place in it


def import_claimreviews(
    ws: Workspace, ref: str | int, path: Path, *, checker: str | None = None
) -> ReviewImportReport:
    """Import the ClaimReview items of ``path`` (JSON-LD, or an HTML page that embeds it) as
    verdicts on article ``ref``'s claims. Raises ``NotClaimReview`` for a file with none."""
    items = read_claimreviews(path.read_text(encoding="utf-8"))
    with ws.db.session() as session:
        article = resolve_article(session, ref)
        claims = article_claims(session, article.id)
        report = ReviewImportReport(article_id=article.id or 0)
        current: dict[int, VerdictView | None] = {
            v.claim.id or 0: v.verdict for v in claim_views(session, claims)
        }
        for index, item in enumerate(items):
            reviewed = item.get("claimReviewed")
            if not isinstance(reviewed, str) or not reviewed.strip():
                report.unmatched.append(UnmatchedReview(index, "", "the review names no claimReviewed"))
                continue
            label = label_of_rating(item.get("reviewRating"))
            if label is None:
                rating = item.get("reviewRating")
                name = rating.get("alternateName") if isinstance(rating, dict) else None
                report.unmatched.append(
                    UnmatchedReview(index, reviewed, f"the rating {name!r} names no verdict label")
                )
                continue
            claim, why = _match(claims, reviewed)
            if claim is None:
                report.unmatched.append(UnmatchedReview(index, reviewed, why))
                continue
            body = item.get("reviewBody") if isinstance(item.get("reviewBody"), str) else ""
            origin = _origin(item, path, index)
            # a review that was itself imported here carries its own origin line: keep only the words
            rationale = with_import_note(split_import_note(str(body))[0], origin, _publisher(item))
            now = current.get(claim.id or 0)
            if now is not None and now.label == label and now.rationale == rationale:
                report.unchanged.append(RecordedReview(index, claim.id or 0, label, None, origin))
                continue
            view = append_verdict(session, claim.id or 0, label, rationale=rationale, checker=checker)
            current[claim.id or 0] = view
            report.recorded.append(RecordedReview(index, claim.id or 0, label, view.id, origin))
    return report
