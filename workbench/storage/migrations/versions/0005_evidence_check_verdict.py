"""evidence checks name the verdict they checked

A claim is stale when the latest check of its pinned evidence found it edited, orphaned or gone
*after* the current verdict. Until now "after" compared two timestamps written by two clients'
clocks; a check now names the verdict it was made against, so ids decide. Older checks keep
``verdict_id`` null and fall back to the timestamps.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 21:18:14.980805
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_evidence_check_verdict_id"


def upgrade() -> None:
    with op.batch_alter_table("evidence_check", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verdict_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(FK, "verdict", ["verdict_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("evidence_check", schema=None) as batch_op:
        batch_op.drop_constraint(FK, type_="foreignkey")
        batch_op.drop_column("verdict_id")
