"""An id names one row for ever: a removed claim's id is never given to a new claim (its history
would read as the new claim's), and the migration that makes it so loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import func, select

from workbench.fetching.archive import SnapshotArchive
from workbench.services.articles import add_article
from workbench.services.claim_audit import claim_history
from workbench.services.editing import add_claim, delete_claim
from workbench.services.verdicts import list_claims, record_verdict
from workbench.services.workspace import Workspace
from workbench.storage.database import Database, current_revision, head_revision, make_engine, upgrade
from workbench.storage.models import Claim, Evidence, Verdict

TEXT = "JAKARTA - Kota membuka 12 perpustakaan baru. Wali kota meresmikan jembatan pada hari Senin.\n"


def test_a_removed_claims_id_is_not_given_again(workspace: Workspace) -> None:
    article = add_article(workspace, TEXT, language="id")
    newest = max(v.claim.id or 0 for v in list_claims(workspace, article.id or 0))
    delete_claim(workspace, newest)
    added = add_claim(workspace, article.id or 0, 0, 7)
    assert all(c["id"] != newest for c in added.as_json()["claims"])
    assert max(c["id"] for c in added.as_json()["claims"]) > newest
    assert {record.action for record in claim_history(workspace, newest)} == {"delete"}


def test_the_rebuild_keeps_every_row_and_reference(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0006")  # a database as the previous release left it
    engine.dispose()
    old = Database(url, migrate=False)
    ws = Workspace(db=old, archive=SnapshotArchive(tmp_path))
    article = add_article(ws, TEXT, language="id")
    claims = list_claims(ws, article.id or 0)
    record_verdict(ws, claims[0].claim.id or 0, "supported", rationale="kept through the rebuild")
    old.close()

    db = Database(url)  # opening upgrades to the newest revision
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        schema = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'claim'")).scalar()
        assert "AUTOINCREMENT" in str(schema)
        triggers = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
        assert "claim_keep_judged" in set(triggers)
    with db.session() as session:
        assert session.exec(select(func.count()).select_from(Claim)).one() == len(claims)
        [verdict] = session.exec(select(Verdict)).all()
        assert verdict.rationale == "kept through the rebuild" and session.get(Claim, verdict.claim_id)
        assert session.exec(select(func.count()).select_from(Evidence)).one() == 0
    # the judged claim is still protected by the rebuilt table's trigger
    with pytest.raises(Exception, match="cannot be deleted"), db.engine.connect() as connection:
        connection.execute(text("DELETE FROM claim WHERE id = :id"), {"id": claims[0].claim.id})
    db.close()
