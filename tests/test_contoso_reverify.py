"""The Contoso case's second site version gives every evidence status, end to end."""

from __future__ import annotations

import json

from tests.conftest import REPO
from workbench.services.demo import load_builtin_cases
from workbench.services.fetching import latest_snapshot
from workbench.services.reverify import reverify
from workbench.services.sources import article_sources
from workbench.services.verdicts import add_evidence, list_claims, record_verdict
from workbench.services.workspace import Workspace


def pin_expected_evidence(ws: Workspace) -> dict[int, str]:
    """Pin each planted claim's evidence sentence (from the case's expected.jsonl) with its
    expected verdict; returns claim id → the v2 status the case's author planned."""
    expected = [
        json.loads(line) for line in (REPO / "sources/contoso-demo/expected.jsonl").open(encoding="utf-8")
    ]
    sources = {s.url: s for s in article_sources(ws, "contoso-demo")}
    views = list_claims(ws, "contoso-demo")
    planned: dict[int, str] = {}
    for item in expected:
        source = sources.get(item["source_url"])
        snapshot = latest_snapshot(ws, source.id or 0) if source else None
        if not item.get("evidence") or snapshot is None:
            continue
        start = snapshot.text.index(item["evidence"])
        claim = next(v.claim for v in views if v.claim.start < item["end"] and item["start"] < v.claim.end)
        if claim.id in planned:
            continue
        evidence_id = add_evidence(ws, claim.id or 0, snapshot.id or 0, start, start + len(item["evidence"]))
        record_verdict(
            ws, claim.id or 0, item["expected_verdict"], rationale=item["id"], evidence=evidence_id
        )
        planned[claim.id or 0] = item["v2_status"]
    return planned


def test_second_site_version_gives_every_status(workspace: Workspace) -> None:
    load_builtin_cases(workspace, offline=True)
    planned = pin_expected_evidence(workspace)
    assert set(planned.values()) >= {"intact", "moved", "edited", "orphaned", "gone"}
    workspace.site_version = "v2"
    report = reverify(workspace, "contoso-demo")
    found = {e.claim_id: e.status for e in report.evidence}
    mismatches = {c: (planned[c], found.get(c)) for c in planned if found.get(c) != planned[c]}
    assert mismatches == {}
    outcomes = sorted(s.outcome for s in report.sources)
    assert outcomes == ["changed", "gone", "unchanged", "unreachable"]
    assert report.stale == sum(1 for status in planned.values() if status in ("edited", "orphaned", "gone"))
