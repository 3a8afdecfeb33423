"""users administered in the app: department admins, the rights to send email, search the CV database and see
every project of one's department; one-time password links (invite, forgot password, set-up); locks after
wrong passwords; departments and positions that can be deactivated; the audit log

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 18:38:26
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('client_ip', sqlmodel.sql.sqltypes.AutoString(length=45), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_kind'), ['kind'], unique=False)

    op.create_table('user_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('user_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_link_token_hash'), ['token_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_user_link_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_link_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_message_user_link_id_user_link', 'user_link', ['user_link_id'], ['id'])

    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))

    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('can_send_email', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('can_search_cv_database', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('can_see_department_projects', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('created_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('password_changed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('deactivated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('locked_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_foreign_key('fk_user_created_by_id_user', 'user', ['created_by_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_constraint('fk_user_created_by_id_user', type_='foreignkey')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('deactivated_at')
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('created_by_id')
        batch_op.drop_column('can_see_department_projects')
        batch_op.drop_column('can_search_cv_database')
        batch_op.drop_column('can_send_email')

    with op.batch_alter_table('position', schema=None) as batch_op:
        batch_op.drop_column('active')

    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.drop_column('active')

    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_constraint('fk_message_user_link_id_user_link', type_='foreignkey')
        batch_op.drop_column('user_link_id')

    with op.batch_alter_table('user_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_link_user_id'))
        batch_op.drop_index(batch_op.f('ix_user_link_token_hash'))

    op.drop_table('user_link')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_kind'))
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_actor_id'))

    op.drop_table('audit_event')
