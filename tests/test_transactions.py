"""Use cases that write several rows do it in one transaction: when the last write fails, the
earlier ones are not left behind. The failure is the database's own: a trigger that refuses new
verdicts, as a locked or read-only database would at that moment."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import func, select

from tests.conftest import LocalServer, Reply, page
from tests.test_reverify import S_COST, S_OPEN, S_WORKERS, judged  # noqa: F401 (fixture)
from workbench.services.reverify import reverify
from workbench.services.review import confirm_verdict
from workbench.services.verdicts import get_claim, pin_passages
from workbench.services.workspace import Workspace
from workbench.storage.models import Evidence, Verdict


def _refuse_verdicts(ws: Workspace) -> None:
    with ws.db.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER refuse_verdicts BEFORE INSERT ON verdict "
                "BEGIN SELECT RAISE(ABORT, 'verdicts refused for this test'); END"
            )
        )


def _count(ws: Workspace, model: type[Evidence] | type[Verdict]) -> int:
    with ws.db.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_confirming_a_verdict_is_all_or_nothing(
    workspace: Workspace,
    server: LocalServer,
    judged: dict[str, object],  # noqa: F811
) -> None:
    claims: dict[str, int] = judged["claims"]  # type: ignore[assignment]
    server.routes["/a"] = Reply(
        200, page("A", S_OPEN, "The project cost 12.5 million dollars, the mayor told reporters.", S_WORKERS)
    )
    reverify(workspace, judged["article"])  # type: ignore[arg-type]
    assert str(get_claim(workspace, claims["cost"]).state) == "stale"
    evidence, verdicts = _count(workspace, Evidence), _count(workspace, Verdict)
    _refuse_verdicts(workspace)
    with pytest.raises(Exception, match="verdicts refused"):
        confirm_verdict(workspace, claims["cost"])
    # the new pin at the quote's new place went with the verdict that could not be written
    assert (_count(workspace, Evidence), _count(workspace, Verdict)) == (evidence, verdicts)
    stale = get_claim(workspace, claims["cost"])
    assert str(stale.state) == "stale"
    assert (
        next(e for e in stale.evidence if stale.verdict and e.id == stale.verdict.evidence_id).quote == S_COST
    )


def test_pinning_several_passages_is_all_or_nothing(
    workspace: Workspace,
    judged: dict[str, object],  # noqa: F811
) -> None:
    claims: dict[str, int] = judged["claims"]  # type: ignore[assignment]
    view = get_claim(workspace, claims["open"])
    good = view.evidence[0]
    before = _count(workspace, Evidence)
    spans = [(good.snapshot_id, 0, 5, 10.0), (good.snapshot_id, 0, 10**9, 10.0)]  # the second is outside
    with pytest.raises(ValueError, match="outside"):
        pin_passages(workspace, claims["open"], spans)
    assert _count(workspace, Evidence) == before


def test_a_snapshot_is_never_left_without_its_fetch_attempt(
    workspace: Workspace, server: LocalServer
) -> None:
    from workbench.services.articles import add_article
    from workbench.services.fetching import fetch_article
    from workbench.services.sources import add_source
    from workbench.storage.models import Snapshot

    server.routes["/p"] = Reply(200, page("P", "The port handled 1,250 ships in the first quarter."))
    article = add_article(workspace, "JAKARTA - Pelabuhan menangani 1.250 kapal.\n", language="id")
    add_source(workspace, article.id or 0, server.url("/p"))
    with workspace.db.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER refuse_attempts BEFORE INSERT ON fetch_attempt "
                "BEGIN SELECT RAISE(ABORT, 'attempts refused for this test'); END"
            )
        )
    with pytest.raises(Exception, match="attempts refused"):
        fetch_article(workspace, article.id or 0)
    with workspace.db.session() as session:
        assert session.exec(select(func.count()).select_from(Snapshot)).one() == 0
