"""The CV database, Deleted applications and Employees lists."""

import pytest

from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.employees.register import list_employees
from ats_app.handling import cv_database
from ats_app.handling import deleted as deleted_list
from ats_app.handling import further_progress as fp
from ats_app.models import ApplicationStatus as S
from ats_app.models import Candidate, Role
from ats_app.models.base import utcnow
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

_login = login_as


@pytest.fixture
def admin(session):
    make_user(session)
    return _login(session)


def test_cv_database_lists_saved_candidates_searchable_by_cv_text_and_language(session, admin):
    project = make_project(session)
    saved = make_application(session, project, S.SAVED, first_name="Aino", last_name="Virtanen")
    candidate = session.get(Candidate, saved.candidate_id)
    candidate.cv_text, candidate.language = "Kubernetes and PostgreSQL, five years", "fi"
    session.add(candidate)
    session.commit()
    make_application(session, project, S.NEW, first_name="Not", last_name="Saved")
    assert [r.name for r in cv_database.list_saved(session, admin)[0]] == ["Aino Virtanen"]
    assert cv_database.list_saved(session, admin, search="postgresql kubernetes")[1] == 1
    assert cv_database.list_saved(session, admin, search="java")[1] == 0
    assert cv_database.list_saved(session, admin, language="nb")[1] == 0


def test_cv_database_transfer_into_a_project(session, admin):
    source, target = make_project(session, "Source"), make_project(session, "Target")
    saved = make_application(session, source, S.SAVED)
    fresh = make_application(session, source, S.NEW, first_name="Fresh")
    result = cv_database.transfer_saved(session, admin, [saved.candidate_id, fresh.candidate_id], target.id)
    assert result.done == 1 and result.skipped[0].reason == "not found"  # only saved candidates
    again = cv_database.transfer_saved(session, admin, [saved.candidate_id], target.id)
    assert again.skipped[0].reason == "already has an application in {project}"
    with pytest.raises(InvalidChoice):
        cv_database.transfer_saved(session, admin, [saved.candidate_id], "")


def test_deleted_list_needs_the_right_and_shows_deleted_only(session, admin):
    project = make_project(session)
    make_application(session, project, S.NEW, first_name="Gone", deleted_at=utcnow())
    make_application(session, project, S.NEW, first_name="Here")
    rows, total = deleted_list.list_deleted(session, admin)
    assert total == 1 and rows[0].name == "Gone Nordmann"
    make_user(session, "plain@example.com", role=Role.RECRUITER)
    with pytest.raises(NotAllowed):
        deleted_list.list_deleted(session, _login(session, "plain@example.com"))


def test_employees_after_a_hire(session, admin):
    from ats_app.models import Position
    department = make_department(session)
    position = Position(title="Developer", department_id=department.id)
    session.add(position)
    session.commit()
    project = make_project(session, "Backend developer")
    app = make_application(session, project, S.OFFER)
    fp.run(session, admin, "hire", [app.id], {"position_id": position.id, "department_id": department.id})
    rows, total = list_employees(session, admin, search="develop")
    assert total == 1 and (rows[0].name, rows[0].position, rows[0].department, rows[0].project) == \
        ("Kari Nordmann", "Developer", "Engineering", "Backend developer")
