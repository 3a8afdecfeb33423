"""intake: candidates found by their email address in any case (the same email is the same candidate)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 18:25:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_candidate_email_lower', 'candidate', [sa.text('lower(email)')], unique=False)


def downgrade() -> None:
    op.drop_index('ix_candidate_email_lower', table_name='candidate')
