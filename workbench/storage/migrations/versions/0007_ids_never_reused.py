"""claim and evidence ids are never handed out twice

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

SQLite gives a new row the highest id in use plus one, so once the newest claim is deleted (by
re-extraction, a merge, a delete) the next claim takes its id, and the history of the removed
claim ("claims history 28") reads as the new claim's. The same holds for evidence ids, which the
CLI prints and ``verdict --evidence ID`` takes. AUTOINCREMENT makes SQLite remember the highest
id ever used. It cannot be added in place: both tables are rebuilt with their rows, indexes and
triggers (the migration environment turns foreign keys off around the rebuild, so dropping the old
table cascades nowhere, and checks them afterwards). PostgreSQL sequences never reuse an id:
nothing to do there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEEP_JUDGED = """CREATE TRIGGER claim_keep_judged BEFORE DELETE ON claim
       WHEN EXISTS (SELECT 1 FROM verdict WHERE claim_id = OLD.id)
       BEGIN SELECT RAISE(ABORT, 'a claim with a verdict cannot be deleted'); END"""


def _rebuild(autoincrement: bool) -> None:
    for table in ("claim", "evidence"):
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
    # the rebuild drops the triggers on the old table
    op.execute("DROP TRIGGER IF EXISTS claim_keep_judged")
    op.execute(KEEP_JUDGED)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(autoincrement=False)
