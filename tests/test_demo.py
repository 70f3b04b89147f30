"""The built-in cases end to end: load, fetch through the mounted transport, match; idempotent."""

from __future__ import annotations

from sqlmodel import func, select

from workbench.services.demo import load_builtin_cases
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.storage.models import Claim, Evidence, FetchAttempt, Snapshot


def _count(ws: Workspace, model: type) -> int:
    with ws.db.session() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def _fetched_sources(ws: Workspace) -> dict[int, int]:
    """Attempts per source, for sources that have a snapshot."""
    with ws.db.session() as session:
        with_snapshot = set(session.exec(select(Snapshot.source_id)).all())
        attempts = session.exec(select(FetchAttempt.source_id)).all()
    return {s: list(attempts).count(s) for s in with_snapshot}


def test_offline_demo_loads_both_cases(workspace: Workspace) -> None:
    reports = {r.slug: r for r in load_builtin_cases(workspace, offline=True)}
    seed, contoso = reports["microsoft-russia-2022"], reports["contoso-demo"]
    assert seed.skipped_live_fetch and seed.fetches == []
    assert seed.claims >= 15
    assert not contoso.skipped_live_fetch
    outcomes = sorted(str(f.outcome) for f in contoso.fetches)
    assert outcomes.count("ok") >= 3  # the project's own pages, through httpx
    assert "unreachable" in outcomes  # the case's deliberately dead host
    views = list_claims(workspace, "contoso-demo")
    with_evidence = sum(1 for v in views if v.evidence)
    print(f"contoso: {with_evidence}/{len(views)} claims with evidence")
    assert with_evidence >= 0.8 * len(views)


def test_evidence_offsets_point_into_the_snapshot(workspace: Workspace) -> None:
    load_builtin_cases(workspace, offline=True)
    with workspace.db.session() as session:
        rows = session.exec(select(Evidence, Snapshot).join(Snapshot)).all()
        assert rows
        for evidence, snapshot in rows:
            assert snapshot.text[evidence.start : evidence.end] == evidence.quote
            assert snapshot.text[: evidence.start].endswith(evidence.prefix)
            assert snapshot.text[evidence.end :].startswith(evidence.suffix)


def test_demo_twice_duplicates_nothing_and_keeps_verdicts(workspace: Workspace) -> None:
    load_builtin_cases(workspace, offline=True)
    claim = list_claims(workspace, "contoso-demo")[0]
    verdict = record_verdict(workspace, claim.claim.id or 0, "supported", rationale="seen", evidence="best")
    before = {m.__name__: _count(workspace, m) for m in (Claim, Snapshot, Evidence)}
    fetched_before = _fetched_sources(workspace)
    load_builtin_cases(workspace, offline=True)
    after = {m.__name__: _count(workspace, m) for m in (Claim, Snapshot, Evidence)}
    assert after == before  # no duplicate claims, snapshots or evidence
    # sources that have a snapshot are not requested again; only the dead host is retried
    assert _fetched_sources(workspace) == fetched_before
    again = next(v for v in list_claims(workspace, "contoso-demo") if v.claim.id == claim.claim.id)
    assert again.verdict is not None and again.verdict.id == verdict.id
    assert any(e.pinned and e.id == verdict.evidence_id for e in again.evidence)
