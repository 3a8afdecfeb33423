"""Add candidate by hand through its State: the recruiter's fields and uploaded CV reach the same rule, the
problems come back by field in the user's language, and a hiring manager is refused."""

from datetime import date, timedelta

from sqlmodel import select

from ats_app.handling.ui.list_state import ApplicationListState
from ats_app.intake.ui.add_candidate import AddCandidateState
from ats_app.models import Application, Candidate, Message, Role
from tests.unit import intake_files
from tests.unit.factories import make_project, make_user
from tests.unit.state_helpers import call, state_of
from tests.unit.test_state_flows import _logged_in


class _Sent:
    """What rx.upload hands the handler: a name and async bytes."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data

    async def read(self, size: int = -1) -> bytes:
        return self._data if size < 0 else self._data[:size]


async def _dialog(email: str, project):
    root = await _logged_in(email)
    state_of(root, ApplicationListState).project_id = project.id
    dialog = state_of(root, AddCandidateState)
    await call(dialog, "open_dialog")
    for field, value in (("first_name", "Per"), ("last_name", "Post"), ("email", "per.post@example.com"),
                         ("language", "da")):
        await call(dialog, "set_field", field, value)
    return dialog


async def test_a_recruiter_adds_a_candidate_with_a_cv_and_no_email(session):
    recruiter = make_user(session, "recruiter@example.com", role=Role.RECRUITER)
    project = make_project(session, "Lager", deadline=date.today() + timedelta(days=3), owner_id=recruiter.id)
    dialog = await _dialog("recruiter@example.com", project)
    await call(dialog, "set_send_receipt", False)
    await call(dialog, "save", [_Sent("per.rtf", intake_files.rtf_file("Per Post, forklift"))])
    assert dialog.errors == {} and not dialog.open
    [application] = session.exec(select(Application)).all()
    candidate = session.get(Candidate, application.candidate_id)
    assert (application.source, candidate.language, candidate.cv_filename) == ("by_hand", "da", "per.rtf")
    assert "forklift" in candidate.cv_text and session.exec(select(Message)).all() == []


async def test_problems_come_back_by_field(session):
    recruiter = make_user(session, "recruiter@example.com", role=Role.RECRUITER)
    project = make_project(session, "Lager", deadline=date.today() + timedelta(days=3), owner_id=recruiter.id)
    dialog = await _dialog("recruiter@example.com", project)
    await call(dialog, "set_field", "email", "nope")
    await call(dialog, "save", [_Sent("cv.pdf", intake_files.png_file())])
    assert set(dialog.errors) == {"email", "cv"} and dialog.open
    assert session.exec(select(Application)).all() == []


async def test_a_hiring_manager_cannot_add(session):
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER)
    project = make_project(session, "Lager", deadline=date.today() + timedelta(days=3))
    dialog = await _dialog("manager@example.com", project)
    await call(dialog, "save", [])
    assert "form" in dialog.errors and session.exec(select(Application)).all() == []
