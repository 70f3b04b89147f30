"""archive passages with a full-text index

Passages of every snapshot, for searching the whole archive for a claim's evidence. SQLite gets an
FTS5 table over them (external content, kept in step by triggers); PostgreSQL a GIN index on
``to_tsvector('english', text)``. Both are queried by ``workbench/services/archive_search.py``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE = [
    "CREATE VIRTUAL TABLE archive_passage_fts USING fts5(text, content='archive_passage', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER archive_passage_fts_insert AFTER INSERT ON archive_passage BEGIN "
    "INSERT INTO archive_passage_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER archive_passage_fts_delete AFTER DELETE ON archive_passage BEGIN "
    "INSERT INTO archive_passage_fts(archive_passage_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
]
POSTGRES = [
    "CREATE INDEX ix_archive_passage_fts ON archive_passage USING gin (to_tsvector('english', text))",
]


def upgrade() -> None:
    op.create_table(
        "archive_passage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["snapshot_id"], ["snapshot.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("snapshot_id", "start", "end", name="uq_archive_passage_span"),
    )
    with op.batch_alter_table("archive_passage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_archive_passage_snapshot_id"), ["snapshot_id"], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in SQLITE if dialect == "sqlite" else POSTGRES if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS archive_passage_fts_insert")
        op.execute("DROP TRIGGER IF EXISTS archive_passage_fts_delete")
        op.execute("DROP TABLE IF EXISTS archive_passage_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_archive_passage_fts")
    with op.batch_alter_table("archive_passage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_archive_passage_snapshot_id"))
    op.drop_table("archive_passage")
