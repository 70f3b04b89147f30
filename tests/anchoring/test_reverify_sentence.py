"""Re-verification gives the anchorer the pinned quote's whole sentence from the snapshot it was
pinned in (workbench/services/reverify.py): a short figure whose sentence was replaced by another
of the same frame orphans, a corrected one is edited. A real SQLite file and a real HTTP server on
127.0.0.1."""

from __future__ import annotations

import pytest

from tests.conftest import LocalServer, Reply, page
from workbench.services.articles import add_article
from workbench.services.fetching import fetch_article, latest_snapshot
from workbench.services.reverify import reverify
from workbench.services.sources import add_source, article_sources
from workbench.services.verdicts import add_evidence, list_claims, record_verdict
from workbench.services.workspace import Workspace

ARTICLE = "Badan banjir mengatakan 12 persen rumah di kota-kota tepi sungai rusak.\n"
OPENING = "Crews pumped water out of the old harbor district all night."
# "12 percent" has 32 characters of context each side; the sentence goes on well beyond them.
FIGURE = (
    "The Regional Flood Agency said on Tuesday that 12 percent of homes in the river towns were "
    "damaged, and that the water had started to fall."
)
CLOSING = "The agency will publish a full report next month."


@pytest.mark.parametrize(
    ("replacement", "status"),
    [
        # another figure in a sentence of the same frame: the same 32 characters each side
        (FIGURE.replace("12 percent", "30 percent").split(" were damaged")[0] + " were insured.", "orphaned"),
        (FIGURE.replace("12 percent", "21 percent"), "edited"),  # a corrected figure
    ],
)
def test_a_short_figure_is_judged_by_its_whole_pinned_sentence(
    workspace: Workspace, server: LocalServer, replacement: str, status: str
) -> None:
    server.routes["/flood"] = Reply(200, page("Flood", OPENING, FIGURE, CLOSING))
    article_id = add_article(workspace, ARTICLE, title="Banjir", language="id").id or 0
    add_source(workspace, article_id, server.url("/flood"))
    fetch_article(workspace, article_id)
    source = article_sources(workspace, article_id)[0]
    snapshot = latest_snapshot(workspace, source.id or 0)
    assert snapshot is not None
    start = snapshot.text.index("12 percent")
    claim = list_claims(workspace, article_id)[0].claim
    evidence = add_evidence(workspace, claim.id or 0, snapshot.id or 0, start, start + len("12 percent"))
    record_verdict(workspace, claim.id or 0, "supported", rationale="the agency says so", evidence=evidence)

    server.routes["/flood"] = Reply(200, page("Flood", OPENING, replacement, CLOSING))
    report = reverify(workspace, article_id)
    assert [(e.evidence_id, e.status) for e in report.evidence] == [(evidence, status)]
