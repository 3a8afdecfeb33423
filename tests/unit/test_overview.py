"""The Recruitment overview query (projects.overview)."""

from datetime import date

from ats_app.accounts import auth
from ats_app.models import ApplicationStatus as S
from ats_app.models import ProjectStatus, Role
from ats_app.models.base import utcnow
from ats_app.projects.overview import PAGE_SIZE, list_projects
from tests.unit.factories import make_application, make_department, make_project, make_user


def _login(session, email):
    return auth.user_for_token(session, auth.log_in(session, email, "demo"))


def test_counts_by_status_group_skip_deleted_applications(session):
    make_user(session)
    project = make_project(session, department=make_department(session))
    for status in (S.NEW, S.NEW, S.TRANSFERRED, S.RESTORED, S.INVITED, S.OFFER, S.REJECTED, S.WITHDRAWN, S.HIRED,
                   S.SAVED):
        make_application(session, project, status)
    make_application(session, project, S.NEW, deleted_at=utcnow())
    page = list_projects(session, _login(session, "admin@example.com"))
    assert page.total == 1
    assert page.rows[0].counts == {"total": 10, "new": 4, "in_process": 2, "processed": 3, "saved": 1}
    assert page.rows[0].department == "Engineering"


def test_filter_by_status_and_search_title_or_department(session):
    make_user(session)
    sales = make_department(session, "Sales")
    make_project(session, "Backend developer", department=make_department(session))
    make_project(session, "Key account manager", department=sales, status=ProjectStatus.CLOSED)
    make_project(session, "Draft role", status=ProjectStatus.DRAFT)
    admin = _login(session, "admin@example.com")
    assert [r.title for r in list_projects(session, admin, status="closed").rows] == ["Key account manager"]
    assert [r.title for r in list_projects(session, admin, search="BACKEND").rows] == ["Backend developer"]
    assert [r.title for r in list_projects(session, admin, search="sales").rows] == ["Key account manager"]
    assert list_projects(session, admin, search="nothing like it").total == 0


def test_hiring_manager_sees_own_department_and_owned_projects_only(session):
    engineering, sales = make_department(session), make_department(session, "Sales")
    manager = make_user(session, "m@example.com", role=Role.HIRING_MANAGER, department_id=sales.id)
    make_project(session, "Sales lead", department=sales)
    make_project(session, "Engineer", department=engineering)
    make_project(session, "Owned elsewhere", department=engineering, owner_id=manager.id)
    make_project(session, "Deleted sales", department=sales, deleted_at=utcnow())
    titles = {r.title for r in list_projects(session, _login(session, "m@example.com")).rows}
    assert titles == {"Sales lead", "Owned elsewhere"}


def test_pages_of_projects_and_closed_last(session):
    make_user(session)
    for i in range(PAGE_SIZE + 3):
        make_project(session, f"Project {i:02}", deadline=date(2027, 1, 1 + i % 28))
    make_project(session, "Closed one", status=ProjectStatus.CLOSED, deadline=date(2030, 1, 1))
    admin = _login(session, "admin@example.com")
    first, second = list_projects(session, admin), list_projects(session, admin, offset=PAGE_SIZE)
    assert first.total == second.total == PAGE_SIZE + 4
    assert len(first.rows) == PAGE_SIZE and len(second.rows) == 4
    assert not {r.id for r in first.rows} & {r.id for r in second.rows}
    assert second.rows[-1].title == "Closed one"
