"""duplicates: the right to merge candidates; candidates' mobile and birth date indexed for the duplicate check

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 17:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidate_mobile'), ['mobile'], unique=False)
        batch_op.create_index(batch_op.f('ix_candidate_birth_date'), ['birth_date'], unique=False)
    # Existing users do not hold the new right (admins hold every right anyway).
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('can_merge_candidates', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('can_merge_candidates')
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidate_birth_date'))
        batch_op.drop_index(batch_op.f('ix_candidate_mobile'))
