"""Who sees which projects (accounts.access), and the rights that open the Outbox's, the CV database's and the
email actions' doors."""

import pytest
from sqlmodel import col, select

from ats_app.accounts.access import visible_projects
from ats_app.core.errors import NotAllowed
from ats_app.delivery import outbox_admin
from ats_app.delivery.outbox import queue_email
from ats_app.employees import mailing
from ats_app.handling import cv_database, further_progress
from ats_app.models import ApplicationStatus, RecruitmentProject, Role
from tests.unit.factories import (
    email_choices,
    login_as,
    make_application,
    make_department,
    make_project,
    make_user,
    put_on_project,
)


@pytest.fixture
def world(session):
    """Two departments with a project each, a project without a department, and a project Rita is added to."""
    tech, sales = make_department(session, "Technology"), make_department(session, "Sales")
    make_user(session)
    rita = make_user(session, "rita@example.com", role=Role.RECRUITER, department_id=tech.id)
    make_user(session, "dora@example.com", role=Role.RECRUITER, department_id=tech.id,
              can_see_department_projects=True)
    make_user(session, "nils@example.com", role=Role.RECRUITER, can_see_department_projects=True)
    make_user(session, "head@example.com", role=Role.DEPARTMENT_ADMIN, department_id=tech.id)
    make_user(session, "mia@example.com", role=Role.HIRING_MANAGER, department_id=tech.id)
    make_user(session, "lost@example.com", role=Role.HIRING_MANAGER)
    projects = {
        "rita's": make_project(session, "Rita's", department=sales, owner_id=rita.id),
        "tech": make_project(session, "Tech", department=tech),
        "sales": make_project(session, "Sales", department=sales),
        "none": make_project(session, "No department"),
        "added": make_project(session, "Added", department=sales),
    }
    put_on_project(session, projects["added"], rita)
    return projects


def _seen(session, email: str) -> set[str]:
    user = login_as(session, f"{email}@example.com")
    return set(session.exec(select(RecruitmentProject.title).where(visible_projects(user))))


def test_each_role_sees_what_the_rule_says(session, world):
    assert _seen(session, "admin") == {"Rita's", "Tech", "Sales", "No department", "Added"}
    assert _seen(session, "rita") == {"Rita's", "Added"}  # responsible, or added
    assert _seen(session, "dora") == {"Tech"}  # the right: her department's
    assert _seen(session, "nils") == set()  # the right without a department: nothing
    assert _seen(session, "head") == {"Tech"}
    assert _seen(session, "mia") == {"Tech"}
    assert _seen(session, "lost") == set()  # never "department IS NULL"


def test_the_outbox_shows_the_messages_of_projects_the_user_sees_and_their_own(session, world):
    ours = make_application(session, world["added"], first_name="Kari")
    theirs = make_application(session, world["tech"], first_name="Ola")
    for application in (ours, theirs):
        queue_email(session, recipient=f"{application.id}@example.com", subject="Hi", html="<p>Hi</p>", text="Hi",
                    sender="a@example.com", purpose="custom", application_id=application.id)
    rita = login_as(session, "rita@example.com")
    queue_email(session, recipient="colleague@example.com", subject="Fwd", html="<p>x</p>", text="x",
                sender="a@example.com", purpose="forward", created_by_id=rita.id)
    session.commit()
    rows, total = outbox_admin.list_messages(session, rita)
    assert total == 2 and {r.recipient for r in rows} == {f"{ours.id}@example.com", "colleague@example.com"}
    hidden = session.exec(select(outbox_admin.Message.id).where(
        col(outbox_admin.Message.application_id) == theirs.id)).one()
    with pytest.raises(outbox_admin.ActionRefused):
        outbox_admin.get_message(session, rita, hidden)
    assert outbox_admin.list_messages(session, login_as(session))[1] == 3
    assert outbox_admin.messages_for_application(session, rita, theirs.id) == []


def test_the_cv_database_needs_its_right(session, world):
    make_application(session, world["rita's"], ApplicationStatus.SAVED, first_name="Per")
    rita = login_as(session, "rita@example.com")
    assert cv_database.list_saved(session, rita)[1] == 1
    refused = make_user(session, "nocv@example.com", role=Role.RECRUITER, can_search_cv_database=False)
    put_on_project(session, world["rita's"], refused)
    nocv = login_as(session, "nocv@example.com")
    assert cv_database.list_saved(session, nocv) == ([], 0)
    with pytest.raises(NotAllowed):
        cv_database.transfer_saved(session, nocv, [1], str(world["added"].id))


def test_sending_email_needs_its_right(session, world):
    quiet = make_user(session, "quiet@example.com", role=Role.RECRUITER, can_send_email=False)
    put_on_project(session, world["added"], quiet)
    user = login_as(session, "quiet@example.com")
    for key in ("send_email", "save_and_send"):
        with pytest.raises(NotAllowed):
            further_progress.prepare(session, user, key, email_choices())
        assert key not in {a.key for a, _ in further_progress.offered(user)}  # not offered either
    with pytest.raises(NotAllowed):
        mailing.email_employees(session, user, [1], mailing.EmployeeEmailForm(sender="a@example.com", subject="x",
                                                                               body="x"))
