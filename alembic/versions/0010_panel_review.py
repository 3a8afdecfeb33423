"""panel review: what a panel may see, its due date and revocation; reviewers' language, reminders and first
opening; ratings' change time; outside reviewers remembered per project; the right to send to a panel; a panel
email's reviewer (whose link it may carry)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 08:40:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('panel_review', schema=None) as batch_op:
        for name, default in (('share_cv', sa.true()), ('share_cover_letter', sa.true()),
                              ('share_answers', sa.true()), ('anonymise', sa.false())):
            batch_op.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=default))
        batch_op.add_column(sa.Column('due_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('revoked_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_panel_review_revoked_by_id_user', 'user', ['revoked_by_id'], ['id'])
    with op.batch_alter_table('panel_review_application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('position', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('reviewer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False,
                                      server_default='en'))
        batch_op.add_column(sa.Column('reminded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('opened_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_reviewer_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.add_column(sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviewer_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_message_reviewer_id_reviewer', 'reviewer', ['reviewer_id'], ['id'])
    # Existing users do not hold the new right (admins hold every right anyway).
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('can_send_to_panel', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        'panel_contact',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('project_id', sa.Integer(), nullable=False),
        sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column('last_used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['project_id'], ['recruitment_project.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('project_id', 'email', name='uq_panel_contact_project_email'),
    )
    with op.batch_alter_table('panel_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_contact_project_id'), ['project_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('panel_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_contact_project_id'))
    op.drop_table('panel_contact')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('can_send_to_panel')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_constraint('fk_message_reviewer_id_reviewer', type_='foreignkey')
        batch_op.drop_column('reviewer_id')
    with op.batch_alter_table('rating', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
    with op.batch_alter_table('reviewer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviewer_user_id'))
        for name in ('opened_at', 'reminded_at', 'language'):
            batch_op.drop_column(name)
    with op.batch_alter_table('panel_review_application', schema=None) as batch_op:
        batch_op.drop_column('position')
    with op.batch_alter_table('panel_review', schema=None) as batch_op:
        batch_op.drop_constraint('fk_panel_review_revoked_by_id_user', type_='foreignkey')
        for name in ('revoked_by_id', 'revoked_at', 'due_date', 'anonymise', 'share_answers', 'share_cover_letter',
                     'share_cv'):
            batch_op.drop_column(name)
