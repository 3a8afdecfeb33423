"""applications carry the candidate's name for fast sorting and searching, where a Transfer moved them, and indexes the list reads alone

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 21:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sort_name', sa.String(length=210), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('search_text', sa.String(length=470), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('moved_to_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_application_moved_to_id_application', 'application', ['moved_to_id'], ['id'])
    _fill_name_keys()
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.alter_column('sort_name', server_default=None)
        batch_op.alter_column('search_text', server_default=None)
        batch_op.drop_index('ix_application_project_status')
        batch_op.drop_index('ix_application_project_applied')
        batch_op.create_index('ix_application_project_status_applied', ['project_id', 'status', 'deleted_at',
                                                                        'applied_at'], unique=False)
        batch_op.create_index('ix_application_project_live_applied', ['project_id', 'deleted_at', 'applied_at'],
                              unique=False)
        batch_op.create_index('ix_application_moved_to_id', ['moved_to_id'], unique=False)
        batch_op.create_index('ix_application_project_name', ['project_id', 'deleted_at', 'sort_name'], unique=False)
        batch_op.create_index('ix_application_project_search', ['project_id', 'deleted_at', 'search_text'],
                              unique=False)


def _fill_name_keys() -> None:
    """Existing applications get their candidate's name and email, lower-cased by Python (SQLite's lower()
    knows only ASCII, so "Øystein" would stay "Øystein"), as services.applicant_keys does for new rows."""
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT a.id, c.first_name, c.last_name, c.email FROM application a "
                                "JOIN candidate c ON c.id = a.candidate_id ORDER BY a.id")).fetchall()
    update = sa.text("UPDATE application SET sort_name = :sort_name, search_text = :search_text WHERE id = :id")
    for start in range(0, len(rows), 5000):
        conn.execute(update, [{"id": i, "sort_name": f"{last} {first}".strip().lower()[:210],
                               "search_text": f"{first} {last} {email}".strip().lower()[:470]}
                              for i, first, last, email in rows[start:start + 5000]])


def downgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index('ix_application_project_live_applied')
        batch_op.drop_index('ix_application_project_status_applied')
        batch_op.create_index('ix_application_project_applied', ['project_id', 'applied_at'], unique=False)
        batch_op.create_index('ix_application_project_status', ['project_id', 'status', 'deleted_at'], unique=False)
        batch_op.drop_index('ix_application_project_search')
        batch_op.drop_index('ix_application_project_name')
        batch_op.drop_index('ix_application_moved_to_id')
        batch_op.drop_constraint('fk_application_moved_to_id_application', type_='foreignkey')
        batch_op.drop_column('moved_to_id')
        batch_op.drop_column('search_text')
        batch_op.drop_column('sort_name')
