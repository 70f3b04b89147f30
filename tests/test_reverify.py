"""Re-verification against real HTTP servers on 127.0.0.1 whose pages change between fetches."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select
from typer.testing import CliRunner

from tests.conftest import LocalServer, Reply, page
from workbench.cli import app
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article, latest_snapshot
from workbench.services.reverify import reverify
from workbench.services.sources import add_source, article_sources
from workbench.services.verdicts import add_evidence, list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.storage.models import Verdict

ARTICLE = (
    "JAKARTA - Dewan kota mengatakan jembatan baru dibuka pada hari Senin.\n"
    "Biaya proyek mencapai 12 juta dolar, kata wali kota.\n"
    "Lebih dari 300 pekerja terlibat dalam pembangunan.\n"
    "Proyek itu dimulai tiga tahun lalu.\n"
    "Jalan lama akan ditutup untuk perbaikan.\n"
    "Taman baru akan dibangun di tepi sungai.\n"
)

S_OPEN = "The city council said the new bridge opened on Monday morning."
S_COST = "The project cost 12 million dollars, the mayor told reporters."
# long enough (60+ characters) to count as moved once all its context changed; a shorter sentence in
# that position is orphaned on purpose, rather than risk a confident wrong anchor
S_WORKERS = "More than 300 workers took part in the construction of the bridge and its two long ramps."
S_START = "Work on the project began three years ago."
FILLER = "Local residents gathered near the river to watch the first cars cross."


def _dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _pin(ws: Workspace, article_id: int, url: str, sentence: str, claim_index: int, label: str) -> int:
    source = next(s for s in article_sources(ws, article_id) if s.url == url)
    snapshot = latest_snapshot(ws, source.id or 0)
    assert snapshot is not None
    start = snapshot.text.index(sentence)
    claim = list_claims(ws, article_id)[claim_index].claim
    evidence_id = add_evidence(ws, claim.id or 0, snapshot.id or 0, start, start + len(sentence))
    record_verdict(ws, claim.id or 0, label, rationale="checked against the page", evidence=evidence_id)
    return claim.id or 0


@pytest.fixture
def judged(workspace: Workspace, server: LocalServer) -> dict[str, object]:
    """An article with six sources, a pinned verdict on each, fetched once."""
    server.routes["/a"] = Reply(200, page("A", S_OPEN, FILLER, S_COST, S_WORKERS, S_START))
    server.routes["/b"] = Reply(
        200, page("B", "The old road will close for repairs next month, officials said.")
    )
    server.routes["/c"] = Reply(
        200, page("C", "A new park will be built on the river bank, the council said.")
    )
    server.routes["/d"] = Reply(
        200, page("D", S_OPEN, "The mayor thanked the engineers for their long work.")
    )

    def conditional(handler: object) -> Reply:
        if getattr(handler, "headers", {}).get("If-None-Match") == '"e1"':
            return Reply(304, b"", {"ETag": '"e1"'})
        return Reply(200, page("E", S_WORKERS, "The crew worked in three shifts."), {"ETag": '"e1"'})

    server.routes["/e"] = conditional
    dead = f"http://127.0.0.1:{_dead_port()}/f"
    article = add_article(workspace, ARTICLE, title="Jembatan", language="id")
    article_id = article.id or 0
    urls = {name: server.url(f"/{name}") for name in "abcde"} | {"f": dead}
    for url in urls.values():
        add_source(workspace, article_id, url)
    fetch_article(workspace, article_id)
    claims = {
        "open": _pin(workspace, article_id, urls["a"], S_OPEN, 0, "supported"),
        "cost": _pin(workspace, article_id, urls["a"], S_COST, 1, "supported"),
        "workers": _pin(workspace, article_id, urls["a"], S_WORKERS, 2, "supported"),
        "start": _pin(workspace, article_id, urls["a"], S_START, 3, "supported"),
        "road": _pin(
            workspace, article_id, urls["b"], "The old road will close for repairs next month", 4, "supported"
        ),
        "park": _pin(
            workspace, article_id, urls["c"], "A new park will be built on the river bank", 5, "supported"
        ),
    }
    return {"article": article_id, "claims": claims, "urls": urls}


def _verdict_rows(ws: Workspace) -> list[tuple[object, ...]]:
    with ws.db.session() as session:
        return [
            (v.id, v.label, v.rationale, v.evidence_id, v.created_at) for v in session.exec(select(Verdict))
        ]


def test_reverify_outcomes_statuses_and_stale_claims(
    workspace: Workspace, server: LocalServer, judged: dict[str, object]
) -> None:
    article_id = judged["article"]
    claims: dict[str, int] = judged["claims"]  # type: ignore[assignment]
    before = _verdict_rows(workspace)
    # the page changes: a note on top, the cost edited, the workers sentence moved, the start deleted
    server.routes["/a"] = Reply(
        200,
        page(
            "A",
            "Update: the council added details about the opening ceremony today.",
            S_OPEN,
            FILLER,
            "The project cost 12.5 million dollars, the mayor told reporters.",
            "Traffic on the new bridge was light during its first hours of service.",
            S_WORKERS,
        ),
    )
    server.routes["/b"] = Reply(404, b"no such page", {"Content-Type": "text/plain"})
    server.routes["/c"] = Reply(410, b"removed", {"Content-Type": "text/plain"})
    server.routes["/d"] = Reply(301, b"", {"Location": "/d2"})
    server.routes["/d2"] = Reply(
        200, page("D", S_OPEN, "The mayor thanked the engineers for their long work.")
    )
    report = reverify(workspace, article_id)  # type: ignore[arg-type]
    outcomes = {s.url.rsplit("/", 1)[1]: s.outcome for s in report.sources}
    assert outcomes == {
        "a": "changed",
        "b": "gone",
        "c": "gone",
        "d": "unchanged",
        "e": "unchanged",
        "f": "unreachable",
    }
    status = {e.claim_id: e.status for e in report.evidence}
    assert status[claims["open"]] == "intact"
    assert status[claims["cost"]] == "edited"
    assert status[claims["workers"]] == "moved"
    assert status[claims["start"]] == "orphaned"
    assert status[claims["road"]] == "gone" and status[claims["park"]] == "gone"
    states = {v.claim.id: str(v.state) for v in list_claims(workspace, article_id)}  # type: ignore[arg-type]
    assert states[claims["open"]] == "checked" and states[claims["workers"]] == "checked"
    assert {states[claims[k]] for k in ("cost", "start", "road", "park")} == {"stale"}
    assert report.stale == 4
    assert report.exit_code == 1  # something to review, though one source could not be re-checked
    assert _verdict_rows(workspace) == before  # verdicts are never edited


def test_unreachable_sources_change_nothing(
    workspace: Workspace, server: LocalServer, judged: dict[str, object]
) -> None:
    server.stop()  # every local source is now refused
    report = reverify(workspace, judged["article"])  # type: ignore[arg-type]
    assert report.exit_code == 3  # nothing to review, but nothing could be re-checked either
    assert {s.outcome for s in report.sources} == {"unreachable"}
    assert report.evidence == [] and report.stale == 0
    assert all(str(v.state) == "checked" for v in list_claims(workspace, judged["article"]))  # type: ignore[arg-type]


def test_a_new_verdict_clears_the_stale_state(
    workspace: Workspace, server: LocalServer, judged: dict[str, object]
) -> None:
    claims: dict[str, int] = judged["claims"]  # type: ignore[assignment]
    server.routes["/b"] = Reply(404, b"gone", {"Content-Type": "text/plain"})
    reverify(workspace, judged["article"])  # type: ignore[arg-type]
    road = next(v for v in list_claims(workspace, judged["article"]) if v.claim.id == claims["road"])  # type: ignore[arg-type]
    assert str(road.state) == "stale"
    record_verdict(workspace, claims["road"], "unverifiable", rationale="the page was removed")
    road = next(v for v in list_claims(workspace, judged["article"]) if v.claim.id == claims["road"])  # type: ignore[arg-type]
    assert str(road.state) == "checked"


def test_staleness_does_not_depend_on_the_checkers_clocks(
    workspace: Workspace, server: LocalServer, judged: dict[str, object]
) -> None:
    """A colleague whose clock runs an hour fast records a verdict on a shared database; the page
    is removed and re-verification runs on a machine with the right time. The verdict must turn
    stale all the same: the check names the verdict it was made against."""
    claims: dict[str, int] = judged["claims"]  # type: ignore[assignment]
    road = claims["road"]
    with workspace.db.session() as session:
        current = session.exec(
            select(Verdict).where(Verdict.claim_id == road).order_by(col(Verdict.id).desc())
        ).first()
        assert current is not None
        session.add(
            Verdict(
                claim_id=road,
                label="supported",
                rationale="re-read the page",
                evidence_id=current.evidence_id,
                checker="fast-clock",
                created_at=datetime.now(UTC) + timedelta(hours=1),
            )
        )
    server.routes["/b"] = Reply(404, b"gone", {"Content-Type": "text/plain"})
    reverify(workspace, judged["article"])  # type: ignore[arg-type]
    view = next(v for v in list_claims(workspace, judged["article"]) if v.claim.id == road)  # type: ignore[arg-type]
    assert view.verdict is not None and view.verdict.checker == "fast-clock"
    assert str(view.state) == "stale"
    # and a verdict recorded after the check clears it, whatever the clocks say
    record_verdict(workspace, road, "unverifiable", rationale="the page was removed")
    view = next(v for v in list_claims(workspace, judged["article"]) if v.claim.id == road)  # type: ignore[arg-type]
    assert str(view.state) == "checked"


def test_reverify_cli_json_and_exit_codes(
    workspace: Workspace,
    server: LocalServer,
    judged: dict[str, object],
    cli_env: dict[str, str],
    db_path: Path,
) -> None:
    runner = CliRunner()
    article = str(judged["article"])
    # a second article with one live, unchanged source: nothing to review, exit 0
    ok_article = add_article(workspace, "JAKARTA - Jembatan dibuka pada hari Senin pagi.\n", language="id")
    add_source(workspace, ok_article.id or 0, judged["urls"]["d"])  # type: ignore[index]
    result = runner.invoke(app, ["reverify", str(ok_article.id), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "sources": [{"url": judged["urls"]["d"], "outcome": "unchanged"}],  # type: ignore[index]
        "evidence": [],  # nothing is pinned in that source
        "stale": 0,
    }
    server.routes["/c"] = Reply(410, b"removed", {"Content-Type": "text/plain"})
    result = runner.invoke(app, ["reverify", article, "--json"], catch_exceptions=False)
    data = json.loads(result.stdout)
    assert result.exit_code == 1  # the dead source's claim is stale: something to review
    assert set(data) == {"sources", "evidence", "stale"} and data["stale"] == 1
    assert {"claim_id", "evidence_id", "status"} == set(data["evidence"][0])
    result = runner.invoke(app, ["reverify", "99999"], catch_exceptions=False)
    assert result.exit_code == 2 and "no article" in result.stderr  # could not run at all


def test_confirm_rules_and_replaced_evidence_is_not_rechecked(
    workspace: Workspace, server: LocalServer, judged: dict[str, object]
) -> None:
    from workbench.services.review import confirm_verdict
    from workbench.services.verdicts import get_claim

    claims: dict[str, int] = judged["claims"]  # type: ignore[assignment]
    article_id: int = judged["article"]  # type: ignore[assignment]
    server.routes["/a"] = Reply(
        200,
        page(
            "A", S_OPEN, FILLER, "The project cost 12.5 million dollars, the mayor told reporters.", S_WORKERS
        ),
    )
    reverify(workspace, article_id)
    cost = get_claim(workspace, claims["cost"])
    assert str(cost.state) == "stale" and cost.verdict is not None
    with pytest.raises(ValueError, match="newer verdict"):
        confirm_verdict(workspace, claims["cost"], expected_verdict_id=cost.verdict.id - 1)
    with pytest.raises(ValueError, match="orphaned"):
        confirm_verdict(workspace, claims["start"])  # the sentence was deleted: re-open instead
    confirm_verdict(workspace, claims["cost"], expected_verdict_id=cost.verdict.id)
    after = get_claim(workspace, claims["cost"])
    assert str(after.state) == "checked"
    pinned = next(e for e in after.evidence if after.verdict and e.id == after.verdict.evidence_id)
    assert "12.5 million" in pinned.quote and pinned.score < 100
    second = reverify(workspace, article_id)
    cost_checks = [e for e in second.evidence if e.claim_id == claims["cost"]]
    assert [e.status for e in cost_checks] == ["intact"]  # the replaced evidence is history
