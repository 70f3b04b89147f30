"""The database: Alembic baseline, SQLite PRAGMAs, UTC timestamps, append-only verdicts."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from workbench.services.workspace import Workspace
from workbench.storage.database import current_revision
from workbench.storage.models import Article


def test_open_runs_migrations_and_sets_pragmas(workspace: Workspace) -> None:
    engine = workspace.db.engine
    assert current_revision(engine) is not None
    tables = set(inspect(engine).get_table_names())
    assert {"article", "claim", "source", "snapshot", "fetch_attempt", "evidence", "verdict"} <= tables
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_one_migration_head() -> None:
    from alembic.script import ScriptDirectory

    from workbench.storage.database import MIGRATIONS

    config = __import__("alembic.config", fromlist=["Config"]).Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_models_match_the_migrations(workspace: Workspace) -> None:
    """Autogenerate finds nothing to do: the baseline migration creates exactly the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    from workbench.storage.database import include_name

    with workspace.db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_naive_datetimes_are_refused(workspace: Workspace) -> None:
    with pytest.raises(Exception, match="timezone"), workspace.db.session() as session:
        session.add(Article(text="x", content_hash="h", created_at=datetime(2024, 1, 1)))


def test_foreign_keys_are_enforced(workspace: Workspace) -> None:
    from sqlalchemy.exc import IntegrityError

    from workbench.storage.models import Claim

    with pytest.raises(IntegrityError), workspace.db.session() as session:
        session.add(Claim(article_id=9999, start=0, end=1, text="x"))


def test_db_upgrade_command_on_a_new_file(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(db), "db", "upgrade"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "revision" in result.stdout and db.exists()


def test_the_database_itself_keeps_verdicts_append_only(workspace: Workspace) -> None:
    from sqlalchemy.exc import DatabaseError

    from workbench.services.articles import add_article
    from workbench.services.verdicts import list_claims, record_verdict, verdict_history

    article = add_article(
        workspace, "JAKARTA - Dewan kota menyetujui anggaran 12 juta dolar.\n", language="id"
    )
    claim_id = list_claims(workspace, article.id or 0)[0].claim.id or 0
    record_verdict(workspace, claim_id, "supported", rationale="first")
    for statement, message in [
        ("UPDATE verdict SET label = 'contradicted'", "append-only"),
        ("DELETE FROM verdict", "append-only"),
        (f"DELETE FROM claim WHERE id = {int(claim_id)}", "cannot be deleted"),  # noqa: S608 - an int
    ]:
        with pytest.raises(DatabaseError, match=message), workspace.db.engine.begin() as conn:
            conn.execute(text(statement))
    assert [v.rationale for v in verdict_history(workspace, claim_id)] == ["first"]
