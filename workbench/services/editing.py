"""Hand edits of claims: edit, confirm, split, merge, add, delete, and their audit history.

Every change writes a ``ClaimEdit`` row naming the editor, with the claim before and after.
Edited claims (``edited``) and added ones (``origin="manual"``) survive re-extraction; a deleted
claim leaves its span as ``vacated`` in its audit row, and re-extraction puts nothing back there
(``services.articles.vacated_spans``). Verdicts are append-only history: a claim with a verdict
is never deleted or merged away. Offsets are code-point indices into the article text.

A claim whose text or confirmed statement changes gets its unpinned evidence ranked again in the
same transaction, against the snapshots already stored (``services.matching.rematch_claims``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from workbench import settings
from workbench.domain import ExtractedClaim
from workbench.services.articles import _claim_row, renumber_claims
from workbench.services.claim_audit import EditRecord, claim_history, claim_json, claim_state, record_edit
from workbench.services.claim_spans import CONTEXT_KINDS, checked_span, describe_span, guess_span, parse_kind
from workbench.services.lookups import resolve_article
from workbench.services.matching import rematch_claims
from workbench.services.workspace import NotFound, Workspace
from workbench.storage.models import Article, Claim, Evidence, Verdict


class EditRefused(ValueError):
    """An edit that would lose something that must be kept (a verdict, pinned evidence)."""


@dataclass(frozen=True, slots=True)
class EditResult:
    """What an edit left: the claims it changed or made, ids it removed, and notes for the checker."""

    action: str
    claims: list[Claim]
    removed: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "claims": [claim_json(c) for c in self.claims],
            "removed": self.removed,
            "notes": self.notes,
        }


AUDITED = ("id", "start", "end", "text", "statement", "statement_is_draft", "kind", "speaker")


def _snapshot(claim: Claim) -> dict[str, Any]:
    """The fields a person can change, as the audit trail's before/after."""
    row = claim_json(claim)
    return {name: row[name] for name in AUDITED}


def _ranked_on(state: Claim | dict[str, Any]) -> tuple[Any, ...]:
    """What evidence ranking reads of a claim (services/matching.py): its text, and its statement
    once a person confirmed it."""
    row = _snapshot(state) if isinstance(state, Claim) else state
    return row["text"], None if row["statement_is_draft"] else row["statement"]


def _load(session: Session, claim_id: int) -> tuple[Claim, Article]:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    article = session.get(Article, claim.article_id)
    assert article is not None  # the foreign key guarantees it
    return claim, article


def _has_verdict(session: Session, claim_id: int) -> bool:
    return session.exec(select(Verdict.id).where(Verdict.claim_id == claim_id)).first() is not None


def _has_pinned(session: Session, claim_id: int) -> bool:
    found = select(Evidence.id).where(Evidence.claim_id == claim_id, col(Evidence.pinned).is_(True))
    return session.exec(found).first() is not None


def _rematch(ws: Workspace, session: Session, claims: list[Claim]) -> None:
    """Unpinned evidence was ranked for the old wording: rank it again at once, against the
    snapshots already stored (no fetching), in the edit's own transaction, so the claim never
    shows blank evidence until the next ``match``. Pinned evidence stays."""
    rematch_claims(ws, session, [c.id or 0 for c in claims])


def _same_span(
    session: Session, article_id: int, start: int, end: int, other_than: int | None = None
) -> None:
    found = session.exec(
        select(Claim.id).where(Claim.article_id == article_id, Claim.start == start, Claim.end == end)
    ).all()
    clash = [i for i in found if i != other_than]
    if clash:
        raise ValueError(f"claim {clash[0]} already covers exactly {start}-{end}")


def _apply(claim: Claim, described: ExtractedClaim, *, keep_statement: bool) -> None:
    claim.start, claim.end, claim.text = described.start, described.end, described.text
    claim.kind, claim.speaker = str(described.kind), described.speaker
    claim.numbers = [n.as_json() for n in described.numbers]
    claim.dates = [d.as_json() for d in described.dates]
    claim.score, claim.reasons = described.score, list(described.reasons)
    if not keep_statement:
        claim.statement, claim.statement_is_draft = described.statement, True


def _role(claim: Claim) -> Any:
    kind = parse_kind(claim.kind)
    return kind if kind in CONTEXT_KINDS else None


def _finish(session: Session, claim: Claim | None, article_id: int) -> None:
    session.flush()
    renumber_claims(session, article_id)
    session.flush()
    if claim is not None:
        session.refresh(claim)


def edit_claim(
    ws: Workspace,
    claim_id: int,
    *,
    statement: str | None = None,
    start: int | None = None,
    end: int | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    editor: str | None = None,
) -> EditResult:
    """Change a claim's statement, span (either end), kind or speaker (``""`` clears it).

    A new span is trimmed of whitespace and its text, numbers and dates re-read; a draft statement
    is re-drafted, a confirmed one kept. A statement given here counts as confirmed. Changing the
    span or statement ranks its unpinned evidence again (it was ranked for the old wording).
    """
    if statement is None and start is None and end is None and kind is None and speaker is None:
        raise ValueError("nothing to change: give a statement, a start or end, a kind or a speaker")
    with ws.db.session() as session:
        claim, article = _load(session, claim_id)
        before = _snapshot(claim)
        forced = parse_kind(kind) if kind is not None else None
        new_start, new_end = claim.start, claim.end
        if start is not None or end is not None:
            new_start, new_end = checked_span(
                article.text, claim.start if start is None else start, claim.end if end is None else end
            )
            _same_span(session, article.id or 0, new_start, new_end, other_than=claim_id)
        who = claim.speaker if speaker is None else (speaker.strip() or None)
        if (new_start, new_end) != (claim.start, claim.end) or forced is not None or speaker is not None:
            role = _role(claim) if forced is None else forced
            described = describe_span(article, new_start, new_end, role=role, kind=forced, speaker=who)
            _apply(claim, described, keep_statement=not claim.statement_is_draft)
            if speaker is not None:
                claim.speaker = who  # the checker's word over the kind's rule
        if statement is not None:
            if not statement.strip():
                raise ValueError("the statement cannot be empty")
            claim.statement, claim.statement_is_draft = statement.strip(), False
        after = _snapshot(claim)
        if after == before:
            return EditResult("edit", [claim], notes=[f"claim {claim_id} already reads so; nothing changed"])
        detail: dict[str, Any] = {"before": before, "after": after}
        if not (claim.start < before["end"] and before["start"] < claim.end):
            detail["vacated"] = [before["start"], before["end"]]  # moved away: the old span stays empty
        claim.edited = True
        session.add(claim)
        record_edit(session, claim.article_id, claim_id, "edit", detail, settings.checker_name(editor))
        notes = []
        if _has_verdict(session, claim_id):
            notes.append(f"claim {claim_id} keeps its verdict; record a new one if the change matters")
        _finish(session, claim, claim.article_id)
        if _ranked_on(claim) != _ranked_on(before):
            _rematch(ws, session, [claim])
        return EditResult("edit", [claim], notes=notes)


def confirm_statement(ws: Workspace, claim_id: int, editor: str | None = None) -> EditResult:
    """Accept the statement as written: it is no longer a machine draft."""
    with ws.db.session() as session:
        claim, _ = _load(session, claim_id)
        if not claim.statement_is_draft:
            return EditResult("edit", [claim], notes=[f"claim {claim_id}'s statement is already confirmed"])
        before = _snapshot(claim)
        claim.statement_is_draft, claim.edited = False, True
        session.add(claim)
        detail = {"before": before, "after": _snapshot(claim)}
        record_edit(session, claim.article_id, claim_id, "edit", detail, settings.checker_name(editor))
        _finish(session, claim, claim.article_id)
        _rematch(ws, session, [claim])  # a confirmed statement counts in the ranking, a draft does not
        return EditResult("edit", [claim])


def split_claim(ws: Workspace, claim_id: int, at: int, editor: str | None = None) -> EditResult:
    """Split a claim at article offset ``at`` (start < at < end): the first part keeps the id, its
    verdicts and pinned evidence; the second is a new claim. Both spans are trimmed of whitespace
    and both statements re-drafted."""
    with ws.db.session() as session:
        claim, article = _load(session, claim_id)
        if not claim.start < at < claim.end:
            raise ValueError(f"split offset {at} is not inside claim {claim_id} ({claim.start}-{claim.end})")
        text = article.text
        first, second = checked_span(text, claim.start, at), checked_span(text, at, claim.end)
        before, role, who = _snapshot(claim), _role(claim), claim.speaker
        notes = []
        if not claim.statement_is_draft:
            notes.append("the confirmed statement was replaced by two drafts; review both")
        _apply(claim, describe_span(article, *first, role=role, speaker=who), keep_statement=False)
        claim.edited = True
        session.add(claim)
        part = _claim_row(claim.article_id, describe_span(article, *second, role=role, speaker=who), 0)
        part.origin, part.edited = "manual", True
        session.add(part)
        session.flush()
        editor_name = settings.checker_name(editor)
        after = [_snapshot(claim), _snapshot(part)]
        record_edit(
            session, claim.article_id, claim_id, "split", {"before": before, "after": after}, editor_name
        )
        record_edit(
            session,
            claim.article_id,
            part.id,
            "split",
            {"from": claim_id, "after": _snapshot(part)},
            editor_name,
        )
        if _has_verdict(session, claim_id):
            notes.append(
                f"the verdict stays on claim {claim_id} (the first part); claim {part.id} is unchecked"
            )
        _finish(session, claim, claim.article_id)
        session.refresh(part)
        _rematch(ws, session, [claim, part])
        return EditResult("split", [claim, part], notes=notes)


def merge_claims(ws: Workspace, first_id: int, second_id: int, editor: str | None = None) -> EditResult:
    """Merge two claims of one article into one whose span covers both.

    The claim with a verdict survives (the first when neither has one); when both have verdicts
    the merge is refused, since one history would be lost. Pinned evidence moves to the survivor.
    """
    if first_id == second_id:
        raise ValueError("cannot merge a claim with itself")
    with ws.db.session() as session:
        first, article = _load(session, first_id)
        second, _ = _load(session, second_id)
        if first.article_id != second.article_id:
            raise ValueError(f"claims {first_id} and {second_id} belong to different articles")
        judged = [c for c in (first, second) if _has_verdict(session, c.id or 0)]
        if len(judged) == 2:
            raise EditRefused(
                f"claims {first_id} and {second_id} both have verdicts; merging would lose one history"
            )
        keep, gone = (second, first) if judged == [second] else (first, second)
        gone_id = gone.id or 0
        ordered = sorted((first, second), key=lambda c: (c.start, c.end))
        before = [_snapshot(first), _snapshot(second)]
        start, end = min(first.start, second.start), max(first.end, second.end)
        described = describe_span(article, start, end, role=_role(keep), speaker=keep.speaker or gone.speaker)
        drafts = first.statement_is_draft and second.statement_is_draft
        _apply(keep, described, keep_statement=not drafts)
        if not drafts:
            # A person wrote at least one of them: join both, flagged for review.
            keep.statement = " ".join(c.statement.strip() for c in ordered if c.statement.strip())
            keep.statement_is_draft = True
        keep.edited = True
        session.add(keep)
        for pinned in session.exec(
            select(Evidence).where(Evidence.claim_id == gone_id, col(Evidence.pinned).is_(True))
        ).all():
            pinned.claim_id = keep.id or 0
            session.add(pinned)
        editor_name = settings.checker_name(editor)
        detail = {"before": before, "after": _snapshot(keep), "merged": gone_id}
        record_edit(session, keep.article_id, keep.id, "merge", detail, editor_name)
        # The absorbed claim's own row: its claim_id is set NULL with the claim, "claim_id" keeps it.
        record_edit(session, keep.article_id, gone_id, "merge", {"into": keep.id}, editor_name)
        session.flush()
        session.delete(gone)
        notes = [f"claim {gone_id} was merged into claim {keep.id}"]
        if not drafts:
            notes.append("the statements were joined; review the result")
        _finish(session, keep, keep.article_id)
        _rematch(ws, session, [keep])
        return EditResult("merge", [keep], removed=[gone_id], notes=notes)


def add_claim(
    ws: Workspace,
    article_ref: str | int,
    start: int,
    end: int,
    *,
    kind: str | None = None,
    statement: str | None = None,
    speaker: str | None = None,
    editor: str | None = None,
) -> EditResult:
    """Add a claim for ``text[start:end]`` (0 ≤ start < end ≤ len(text), whitespace trimmed).

    The kind, numbers, dates, speaker and draft statement come from the extractor's rules unless
    given; a statement given here counts as confirmed.
    """
    with ws.db.session() as session:
        article = resolve_article(session, article_ref)
        span = checked_span(article.text, start, end)
        _same_span(session, article.id or 0, *span)
        described = guess_span(article, *span, kind=parse_kind(kind) if kind else None)
        claim = _claim_row(article.id or 0, described, 0)
        claim.origin = "manual"
        if speaker is not None:
            claim.speaker = speaker.strip() or None
        if statement is not None and statement.strip():
            claim.statement, claim.statement_is_draft = statement.strip(), False
        session.add(claim)
        session.flush()
        detail = {"after": _snapshot(claim)}
        record_edit(session, claim.article_id, claim.id, "add", detail, settings.checker_name(editor))
        _finish(session, claim, claim.article_id)
        _rematch(ws, session, [claim])
        return EditResult("add", [claim])


def delete_claim(ws: Workspace, claim_id: int, editor: str | None = None) -> EditResult:
    """Delete a claim; refused when it has a verdict or pinned evidence. Its span is recorded as
    vacated so re-extraction does not bring it back."""
    with ws.db.session() as session:
        claim, _ = _load(session, claim_id)
        if _has_verdict(session, claim_id):
            raise EditRefused(
                f"claim {claim_id} has a verdict and verdicts are kept; record a new verdict instead"
            )
        if _has_pinned(session, claim_id):
            raise EditRefused(f"claim {claim_id} has pinned evidence; it cannot be deleted")
        detail = {"before": claim_state(claim), "vacated": [claim.start, claim.end]}
        record_edit(session, claim.article_id, claim_id, "delete", detail, settings.checker_name(editor))
        session.flush()
        session.delete(claim)
        _finish(session, None, claim.article_id)
        return EditResult("delete", [], removed=[claim_id])


__all__ = [
    "EditRecord",
    "EditRefused",
    "EditResult",
    "add_claim",
    "claim_history",
    "confirm_statement",
    "delete_claim",
    "edit_claim",
    "merge_claims",
    "split_claim",
]
