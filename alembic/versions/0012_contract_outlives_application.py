"""contracts kept with an employee outlive the application: Delete permanently of the application detaches
them (contract.application_id may be empty)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 12:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.alter_column('application_id', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM contract WHERE application_id IS NULL")
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.alter_column('application_id', existing_type=sa.Integer(), nullable=False)
