"""Property-style: random sequences of further-progress actions never leave an application in an
impossible state, nor with a change its history does not explain."""

import random

from sqlmodel import select

from ats_app.accounts import auth
from ats_app.handling import further_progress as fp
from ats_app.handling.further_progress import CATALOGUE
from ats_app.models import Application, ApplicationEvent, Employee, Position
from ats_app.models import ApplicationStatus as S
from tests.unit.factories import (
    make_application,
    make_department,
    make_project,
    make_user,
    offer_choices,
)

ALLOWED_FROM = {action.key: action.allowed_from for action in CATALOGUE}  # the statuses each may start from

ACTIONS = ("withdraw", "save", "offer", "hire", "transfer", "transfer_copy", "transfer_cv", "delete", "restore")


def _check_invariants(session):
    session.expire_all()
    for app in session.exec(select(Application)).all():
        events = session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == app.id)
                              .order_by(ApplicationEvent.id)).all()
        changes = [e for e in events if e.kind == "status_changed"]
        assert S(app.status) in S
        if changes:  # the history explains the status now, and every step was an allowed one
            assert changes[-1].payload["to"] == app.status
            for before, after in zip(changes, changes[1:]):
                assert after.payload["from"] == before.payload["to"]
        else:
            assert app.status in (S.NEW, S.TRANSFERRED)
        for change in changes:
            if change.payload["action"] in ALLOWED_FROM:
                assert S(change.payload["from"]) in ALLOWED_FROM[change.payload["action"]]
        if app.status == S.TRANSFERRED:
            assert events and events[0].kind == "transferred_in"
        if app.deleted_at is not None:
            last = [e.kind for e in events if e.kind in ("deleted", "transferred_out", "status_changed")][-1]
            assert last in ("deleted", "transferred_out")
        if app.moved_to_id is not None:
            assert app.deleted_at is not None and session.get(Application, app.moved_to_id) is not None
        if app.status == S.HIRED:
            assert session.exec(select(Employee).where(Employee.candidate_id == app.candidate_id)).first()


def test_random_action_sequences_keep_every_application_explained(session):
    make_user(session)
    admin = auth.user_for_token(session, auth.log_in(session, "admin@example.com", "demo"))
    department = make_department(session)
    position = Position(title="Developer", department_id=department.id)
    session.add(position)
    session.commit()
    projects = [make_project(session, f"P{i}", department=department) for i in range(3)]
    for i in range(12):
        make_application(session, projects[i % 3], first_name=f"c{i}")
    rng = random.Random(20261123)
    done = 0
    for step in range(400):
        ids = list(session.exec(select(Application.id).order_by(Application.id)).all())  # the same on every DB
        ticked = rng.sample(ids, k=min(len(ids), rng.randint(1, 4)))
        action = rng.choice(ACTIONS)
        choices = {}
        if action.startswith("transfer"):
            choices = {"target": "cv_database" if action == "transfer_cv" else rng.choice(projects).id,
                       "copy": action == "transfer_copy"}
            action = "transfer"
        elif action == "hire":
            choices = {"position_id": position.id, "department_id": department.id}
        elif action == "offer":
            choices = offer_choices()
        result = fp.run(session, admin, action, ticked, choices)
        assert len(result.outcomes) == len(ticked)
        done += result.done
        if step % 20 == 0:
            _check_invariants(session)
    assert done > 150  # the sequences really moved applications, not only refused them
    _check_invariants(session)
    assert done > 150  # the sequences really moved applications, not only refused them
