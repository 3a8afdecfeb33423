"""screening: existing applications get knocked_out from their project's screening questions and their answers

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 18:00:00

The knock-out index gains applied_at, so the list filtered to "Knocked out" finds a page in applied order on
the index alone (as the status filter does), and the automatic rejection finds who applied before its cutoff.
Then data: for each project whose questions can knock a candidate
out, its applications whose knocked_out is still unset are read in batches of BATCH by id and given the
verdict of projects.screening.knocked_out (True: an answer rules them out, False: none does); applications of
projects asking nothing that can knock out keep None. Plain SQL with bound parameters, so it runs the same
on SQLite and PostgreSQL; the JSON columns are read as text on SQLite and as objects on PostgreSQL.
"""
import json

from alembic import op
import sqlalchemy as sa

from ats_app.projects import screening


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

BATCH = 5000


def _json(value, empty):
    if value is None:
        return empty
    if isinstance(value, (str, bytes)):
        try:
            return json.loads(value)
        except ValueError:
            return empty
    return value


def fill_knocked_out(conn) -> int:
    """Set knocked_out where it is unset and the project's questions can knock out; how many rows were set."""
    changed = 0
    update = sa.text("UPDATE application SET knocked_out = :knocked WHERE id = :id")
    for project_id, stored in conn.execute(sa.text("SELECT id, screening_questions FROM recruitment_project "
                                                   "ORDER BY id")).fetchall():
        questions = screening.questions_of(_json(stored, []))
        if not any(q.can_knock_out for q in questions):
            continue
        after = 0
        while True:
            rows = conn.execute(sa.text("SELECT id, screening_answers FROM application WHERE project_id = :project "
                                        "AND knocked_out IS NULL AND id > :after ORDER BY id LIMIT :batch"),
                                {"project": project_id, "after": after, "batch": BATCH}).fetchall()
            if not rows:
                break
            conn.execute(update, [{"id": i, "knocked": bool(screening.knocked_out(questions, _json(answers, {})))}
                                  for i, answers in rows])
            changed += len(rows)
            after = rows[-1][0]
    return changed


def upgrade() -> None:
    op.drop_index('ix_application_project_knocked', table_name='application')
    op.create_index('ix_application_project_knocked', 'application',
                    ['project_id', 'knocked_out', 'deleted_at', 'applied_at'], unique=False)
    fill_knocked_out(op.get_bind())


def downgrade() -> None:
    # The verdicts stay: the column belongs to 0006, and it was unset before only for want of them.
    op.drop_index('ix_application_project_knocked', table_name='application')
    op.create_index('ix_application_project_knocked', 'application', ['project_id', 'knocked_out', 'deleted_at'],
                    unique=False)
