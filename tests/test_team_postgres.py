"""Team mode: the same models, migrations and services on a real PostgreSQL server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.conftest import LocalServer
from tests.postgres import postgres_server, server_binaries
from workbench.services.demo import load_builtin_cases
from workbench.services.reverify import reverify
from workbench.services.verdicts import list_claims, record_verdict, verdict_history
from workbench.services.workspace import Workspace
from workbench.storage.database import current_revision

if server_binaries() is None:
    if os.environ.get("WORKBENCH_REQUIRE_POSTGRES") == "1":
        raise RuntimeError("team-mode tests need a PostgreSQL server (CI installs one)")
    pytest.skip("no PostgreSQL server binaries here", allow_module_level=True)
pytest.importorskip("psycopg")


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(pg_url, archive=tmp_path / "shared-archive")
    try:
        yield ws
    finally:
        with ws.db.engine.begin() as conn:  # a clean database for the next test
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        ws.close()


def test_team_database_runs_the_whole_workflow(team: Workspace, pg_url: str, tmp_path: Path) -> None:
    from tests.test_contoso_reverify import pin_expected_evidence

    assert current_revision(team.db.engine) is not None
    load_builtin_cases(team, offline=True)
    views = list_claims(team, "contoso-demo")
    assert sum(1 for v in views if v.evidence) >= 0.8 * len(views)
    planned = pin_expected_evidence(team)
    # a second checker on the same database sees the first one's verdicts
    other = Workspace.open(pg_url, archive=tmp_path / "shared-archive")
    try:
        judged = [v for v in list_claims(other, "contoso-demo") if v.verdict]
        assert len(judged) == len(planned)
        record_verdict(
            other, judged[0].claim.id or 0, "partly-supported", rationale="second look", checker="budi"
        )
    finally:
        other.close()
    assert [v.checker for v in verdict_history(team, judged[0].claim.id or 0)][-1] == "budi"
    team.site_version = "v2"
    report = reverify(team, "contoso-demo")
    assert {e.status for e in report.evidence} >= {"intact", "moved", "edited", "orphaned", "gone"}


def test_postgres_refuses_to_edit_verdicts(team: Workspace) -> None:
    from workbench.services.articles import add_article

    article = add_article(team, "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar.\n", language="id")
    claim_id = list_claims(team, article.id or 0)[0].claim.id or 0
    record_verdict(team, claim_id, "supported")
    for statement in ("UPDATE verdict SET label = 'contradicted'", "DELETE FROM verdict"):
        with pytest.raises(DBAPIError, match="append-only"), team.db.engine.begin() as conn:
            conn.execute(text(statement))


def test_archive_search_uses_the_postgres_full_text_index(team: Workspace, server: LocalServer) -> None:
    from tests.test_archive_search import check_archive_search
    from workbench.fetching.http import FetchPolicy

    team.policy = FetchPolicy(allow_private=True, retries=1, backoff=0.05, connect_timeout=2, read_timeout=5)
    with team.db.engine.connect() as conn:
        index = conn.execute(
            text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_archive_passage_fts'")
        ).scalar_one()
    assert "gin" in index and "to_tsvector" in index
    check_archive_search(team, server)


def test_postgres_schema_matches_the_models(team: Workspace) -> None:
    """Autogenerate finds nothing to do on PostgreSQL either (the GIN index is the migrations')."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    from workbench.storage.database import include_name

    with team.db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_cli_warns_when_a_shared_database_has_no_shared_archive(
    team: Workspace, pg_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from workbench.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WORKBENCH_DB", pg_url)
    monkeypatch.delenv("WORKBENCH_ARCHIVE", raising=False)
    result = CliRunner().invoke(app, ["articles", "list", "--json"])
    assert result.exit_code == 0, result.output
    assert "WORKBENCH_ARCHIVE is not set" in result.stderr and str(tmp_path) in result.stderr
    monkeypatch.setenv("WORKBENCH_ARCHIVE", str(tmp_path / "shared"))
    result = CliRunner().invoke(app, ["articles", "list", "--json"])
    assert result.exit_code == 0 and "WORKBENCH_ARCHIVE" not in result.stderr
