"""append-only guards: verdicts and snapshots are never edited or deleted; a judged claim stays

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

The application never edits these rows; the database now refuses it too, so no code path (nor a
race between two checkers) can lose a recorded verdict.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE = [
    """CREATE TRIGGER verdict_no_update BEFORE UPDATE ON verdict
       BEGIN SELECT RAISE(ABORT, 'verdicts are append-only: record a new one'); END""",
    """CREATE TRIGGER verdict_no_delete BEFORE DELETE ON verdict
       BEGIN SELECT RAISE(ABORT, 'verdicts are append-only and are never deleted'); END""",
    """CREATE TRIGGER snapshot_no_update BEFORE UPDATE ON snapshot
       BEGIN SELECT RAISE(ABORT, 'snapshots are append-only'); END""",
    """CREATE TRIGGER claim_keep_judged BEFORE DELETE ON claim
       WHEN EXISTS (SELECT 1 FROM verdict WHERE claim_id = OLD.id)
       BEGIN SELECT RAISE(ABORT, 'a claim with a verdict cannot be deleted'); END""",
]

POSTGRESQL = [
    """CREATE FUNCTION workbench_refuse() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION workbench_keep_judged() RETURNS trigger AS $$
       BEGIN
         IF EXISTS (SELECT 1 FROM verdict WHERE claim_id = OLD.id) THEN
           RAISE EXCEPTION 'a claim with a verdict cannot be deleted (claim %)', OLD.id;
         END IF;
         RETURN OLD;
       END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER verdict_no_update BEFORE UPDATE OR DELETE ON verdict "
    "FOR EACH ROW EXECUTE FUNCTION workbench_refuse()",
    "CREATE TRIGGER snapshot_no_update BEFORE UPDATE ON snapshot FOR EACH ROW EXECUTE FUNCTION workbench_refuse()",
    "CREATE TRIGGER claim_keep_judged BEFORE DELETE ON claim FOR EACH ROW EXECUTE FUNCTION workbench_keep_judged()",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE if dialect == "sqlite" else POSTGRESQL if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("verdict_no_update", "verdict_no_delete", "snapshot_no_update", "claim_keep_judged"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS verdict_no_update ON verdict")
        op.execute("DROP TRIGGER IF EXISTS snapshot_no_update ON snapshot")
        op.execute("DROP TRIGGER IF EXISTS claim_keep_judged ON claim")
        op.execute("DROP FUNCTION IF EXISTS workbench_refuse()")
        op.execute("DROP FUNCTION IF EXISTS workbench_keep_judged()")
