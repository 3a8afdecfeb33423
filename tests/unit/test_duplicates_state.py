"""The notice's state: merge is refused without the right (nothing changes), done with it, and a refusal's
message is shown in the dialog."""

from sqlmodel import select

from ats_app.handling.ui.application_state import ApplicationState
from ats_app.handling.ui.duplicates_state import DuplicatesState
from ats_app.models import Application, Candidate, Role
from tests.unit.factories import make_department, make_project, make_user
from tests.unit.state_helpers import call, state_of
from tests.unit.test_duplicates import MOBILE, person
from tests.unit.test_state_flows import _logged_in


async def _notice(session, email, kari, twin):
    root = await _logged_in(email)
    application = session.exec(select(Application).where(Application.candidate_id == kari.id)).first()
    state_of(root, ApplicationState).application_id = application.id
    notice = state_of(root, DuplicatesState)
    notice.application_id, notice.candidate_id, notice.merging_id = application.id, kari.id, twin.id
    return root, notice


async def test_merge_without_the_right_is_refused_and_changes_nothing(session):
    make_user(session, "recruiter@example.com", role=Role.RECRUITER)
    project = make_project(session, department=make_department(session))
    kari, twin = person(session, project, mobile=MOBILE), person(session, make_project(session, "Other"), mobile=MOBILE)
    _, notice = await _notice(session, "recruiter@example.com", kari, twin)
    result = await call(notice, "merge")
    assert "right" in str(result)
    session.expire_all()
    assert session.get(Candidate, twin.id) is not None


async def test_merge_with_the_right_reads_the_page_again_with_both_applications(session):
    make_user(session)
    project = make_project(session, department=make_department(session))
    kari, twin = person(session, project, mobile=MOBILE), person(session, make_project(session, "Other"), mobile=MOBILE)
    root, notice = await _notice(session, "admin@example.com", kari, twin)
    twin_id = twin.id
    await call(notice, "merge")
    assert notice.merging_id == 0 and notice.duplicates == [] and notice.merge_error == ""
    assert [o.project for o in state_of(root, ApplicationState).others] == ["Other"]
    session.expunge_all()
    assert session.get(Candidate, twin_id) is None


async def test_a_refused_merge_shows_why_in_the_dialog(session):
    make_user(session)
    project = make_project(session, department=make_department(session))
    kari, twin = person(session, project, mobile=MOBILE), person(session, project, mobile=MOBILE)
    _, notice = await _notice(session, "admin@example.com", kari, twin)
    await call(notice, "merge")
    assert notice.merge_error == ("Both records have an application to Backend developer. Delete one of the two "
                                  "applications first, then merge.")
    assert notice.merging_id == twin.id
