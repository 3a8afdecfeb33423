"""The project editor's state: what is typed stays, errors land by field, the status buttons say why not."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from ats_app.models import RecruitmentProject, Role
from ats_app.projects import editing
from ats_app.projects.ui.editor_state import ProjectEditorState
from ats_app.projects.ui.new_project import NewProjectState
from tests.unit.factories import login_as, make_application, make_department, make_user
from tests.unit.state_helpers import call, client, log_in, state_of

LATER = (date.today() + timedelta(days=30)).isoformat()


@pytest.fixture
def project(session):
    make_user(session)
    department = make_department(session)
    form = editing.ProjectForm(title="Backend developer", department_id=str(department.id), languages=["en"])
    created = editing.create_project(session, login_as(session), form)
    session.commit()
    return created


async def _editor(session, project, email="admin@example.com"):
    root = client()
    await log_in(root, email)
    state = state_of(root, ProjectEditorState)
    state.project_id = project.id
    await state._reload(login_as(session, email))
    return state


async def test_the_editor_keeps_what_was_typed_and_shows_errors_by_field(session, project):
    state = await _editor(session, project)
    assert state.values["title"] == "Backend developer" and state.languages == ["en"] and not state.not_found
    await call(state, "set_value", "title", "")
    await call(state, "set_value", "positions", "0")
    await call(state, "add_question")
    await call(state, "set_question_text", "q1", "text", "en", "Do you have a work permit?")
    await call(state, "set_knockout", "q1", "no", True)
    await call(state, "save")
    assert set(state.errors) == {"title", "positions", "question-q1"}
    assert state.questions[0].text["en"] == "Do you have a work permit?" and state.questions[0].choices[1].knockout
    await call(state, "set_value", "title", "Senior backend developer")
    await call(state, "set_value", "positions", "2")
    await call(state, "set_question_text", "q1", "requirement", "en", "A work permit")
    await call(state, "set_auto_reject", True)
    await call(state, "save")
    assert state.errors == {} and state.notice == "Your changes are saved."
    session.expire_all()
    stored = session.get(RecruitmentProject, project.id)
    assert stored.title == "Senior backend developer" and stored.positions == 2 and stored.auto_reject_after_days == 3
    assert stored.screening_questions[0]["choices"][1] == {"id": "no", "label": {}, "knockout": True}
    assert state.history[0].text.startswith("Changed: Title (Backend developer → Senior backend developer)")


async def test_publish_says_why_not_then_opens_the_project(session, project):
    state = await _editor(session, project)
    await call(state, "change_status", "publish")
    assert "headline" in state.status_error and "deadline" in state.status_error and state.status == "draft"
    await call(state, "set_advert", "en", "headline", "Join us")
    await call(state, "set_value", "deadline", LATER)
    await call(state, "change_status", "publish")
    assert state.status == "open" and state.status_error == ""
    assert state.adverts["en"]["headline"] == "Join us"
    await call(state, "change_status", "close")
    assert state.status == "closed"


async def test_delete_is_refused_for_a_project_with_applications(session, project):
    make_application(session, project)
    state = await _editor(session, project)
    await call(state, "ask_delete", True)
    await call(state, "delete")
    assert state.status_error == "This project has 1 applications and cannot be deleted: close it instead."
    assert session.get(RecruitmentProject, project.id).deleted_at is None


async def test_questions_are_added_moved_and_removed(session, project):
    state = await _editor(session, project)
    for _ in range(3):
        await call(state, "add_question")
    await call(state, "set_question_kind", "q2", "one_choice")
    await call(state, "add_choice", "q2")
    await call(state, "move_question", "q3", "up")
    await call(state, "remove_question", "q1")
    assert [q.id for q in state.questions] == ["q3", "q2"] and state.questions[0].first and state.questions[1].last
    assert [c.id for c in state.questions[1].choices] == ["c1", "c2", "c3"]


async def test_a_hiring_manager_gets_no_editor(session, project):
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER)
    state = await _editor(session, project, "manager@example.com")
    assert state.not_found
    await call(state, "set_value", "title", "Hijacked")
    assert state.values.get("title") != "Hijacked"


async def test_the_new_project_dialog_creates_a_draft_and_opens_its_editor(session, project):
    root = client()
    await log_in(root, "admin@example.com")
    dialog = state_of(root, NewProjectState)
    await call(dialog, "start")
    assert dialog.open and dialog.languages == ["en"] and dialog.departments
    await call(dialog, "create")
    assert set(dialog.errors) == {"title", "department_id"} and dialog.open
    await call(dialog, "set_title", "Tester")
    await call(dialog, "set_department", dialog.departments[0].value)
    result = await call(dialog, "create")
    created = session.exec(select(RecruitmentProject).where(RecruitmentProject.title == "Tester")).one()
    assert f"/projects/{created.id}/edit" in str(result) and created.status == "draft"
