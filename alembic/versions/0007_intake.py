"""intake: candidates found by their email address in any case (the same email is the same candidate)

Revision ID: 0007intake
Revises: 0006
Create Date: 2026-12-02 18:25:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007intake'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_candidate_email_lower', 'candidate', [sa.text('lower(email)')], unique=False)


def downgrade() -> None:
    op.drop_index('ix_candidate_email_lower', table_name='candidate')
