"""article links and source URL keys

``article_link``: the links of an article's main text, kept when it is read from a web page, so
``sources suggest`` works offline. ``source.url_key``: the normalised URL (courlan; see
``workbench/fetching/urls.py``) by which another spelling of a source's URL (a trailing slash,
tracking parameters) finds the same source; filled here for the sources already stored.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("url_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("article_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_link_article_id"), ["article_id"], unique=False)
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url_key", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.create_index(batch_op.f("ix_source_url_key"), ["url_key"], unique=False)
    from workbench.fetching.urls import url_key

    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, url FROM source")).fetchall()
    for source_id, url in rows:
        connection.execute(
            sa.text("UPDATE source SET url_key = :key WHERE id = :id"), {"key": url_key(url), "id": source_id}
        )


def downgrade() -> None:
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_url_key"))
        batch_op.drop_column("url_key")
    with op.batch_alter_table("article_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_link_article_id"))
    op.drop_table("article_link")
