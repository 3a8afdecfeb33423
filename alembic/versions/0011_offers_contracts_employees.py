"""offers, contracts, employees: an offer's terms and the candidate's answer; contract templates with versions and
the contracts made from them; employees with their contact, position as hired, end of employment and history; the
right to manage contract templates; an email's offer or contract (whose link it may carry)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 08:48:56
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('contract_template',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('archived_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contract_template', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_template_department_id'), ['department_id'], unique=False)

    op.create_table('contract_template_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('body_html', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('variables', sa.JSON(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['template_id'], ['contract_template.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('template_id', 'version', name='uq_contract_template_version')
    )
    with op.batch_alter_table('contract_template_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_template_version_template_id'), ['template_id'], unique=False)

    op.create_table('offer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('position_title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('salary', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('salary_currency', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('salary_period', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('hours', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('place_of_work', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('terms', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('answered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('answer_note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('expired_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('superseded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('offer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offer_application_id'), ['application_id'], unique=False)

    op.create_table('contract',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('template_version_id', sa.Integer(), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=True),
    sa.Column('values', sa.JSON(), nullable=False),
    sa.Column('file_key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('acknowledged_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('acknowledged_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['offer_id'], ['offer.id'], ),
    sa.ForeignKeyConstraint(['template_version_id'], ['contract_template_version.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contract_employee_id'), ['employee_id'], unique=False)

    op.create_table('employee_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('employee_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employee_event_employee_id'), ['employee_id'], unique=False)

    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.add_column(sa.Column('application_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('mobile', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))
        batch_op.add_column(sa.Column('position_title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch_op.add_column(sa.Column('end_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('end_reason', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_employee_department_id'), ['department_id'], unique=False)
        batch_op.create_foreign_key('fk_employee_application_id_application', 'application', ['application_id'], ['id'])

    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('offer_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('contract_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_message_offer_id_offer', 'offer', ['offer_id'], ['id'])
        batch_op.create_foreign_key('fk_message_contract_id_contract', 'contract', ['contract_id'], ['id'])

    with op.batch_alter_table('user', schema=None) as batch_op:
        # Existing users do not hold the new right (admins hold every right anyway).
        batch_op.add_column(sa.Column('can_manage_contracts', sa.Boolean(), nullable=False, server_default=sa.false()))
    # Employees hired before keep the title of the position they were hired to.
    op.execute("UPDATE employee SET position_title = (SELECT title FROM position WHERE position.id = employee.position_id) "
               "WHERE position_id IS NOT NULL")




def downgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('can_manage_contracts')

    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_constraint('fk_message_contract_id_contract', type_='foreignkey')
        batch_op.drop_constraint('fk_message_offer_id_offer', type_='foreignkey')
        batch_op.drop_column('contract_id')
        batch_op.drop_column('offer_id')

    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.drop_constraint('fk_employee_application_id_application', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_employee_department_id'))
        batch_op.drop_column('updated_at')
        batch_op.drop_column('end_reason')
        batch_op.drop_column('end_date')
        batch_op.drop_column('position_title')
        batch_op.drop_column('mobile')
        batch_op.drop_column('application_id')

    with op.batch_alter_table('employee_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employee_event_employee_id'))

    op.drop_table('employee_event')
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contract_employee_id'))
        batch_op.drop_index(batch_op.f('ix_contract_application_id'))

    op.drop_table('contract')
    with op.batch_alter_table('offer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offer_application_id'))

    op.drop_table('offer')
    with op.batch_alter_table('contract_template_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contract_template_version_template_id'))

    op.drop_table('contract_template_version')
    with op.batch_alter_table('contract_template', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contract_template_department_id'))

    op.drop_table('contract_template')

