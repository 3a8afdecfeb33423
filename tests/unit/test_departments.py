"""Departments and positions: admins manage them; department admins their own department's positions; a
department still in use is not deactivated until its projects move; every change an audit line."""

import pytest
from sqlmodel import select

from ats_app.accounts import audit
from ats_app.core.errors import ActionRefused, InvalidInput, NotAllowed
from ats_app.models import AuditEvent, ProjectStatus, RecruitmentProject, Role
from ats_app.organisation import departments, structure
from tests.unit.factories import login_as, make_department, make_project, make_user


@pytest.fixture
def org(session):
    sales, it = make_department(session, "Sales"), make_department(session, "IT")
    make_user(session, "admin@example.com")
    make_user(session, "da@example.com", role=Role.DEPARTMENT_ADMIN, department_id=sales.id)
    return {"sales": sales, "it": it, "admin": login_as(session, "admin@example.com"),
            "da": login_as(session, "da@example.com")}


def test_add_and_rename_with_unique_names(session, org):
    added = departments.add_department(session, org["admin"], "  Finance ")
    assert added.name == "Finance"
    with pytest.raises(InvalidInput) as refused:
        departments.add_department(session, org["admin"], "sales")
    assert refused.value.errors == {"name": departments.NAME_TAKEN}
    with pytest.raises(InvalidInput):
        departments.rename_department(session, org["admin"], added.id, "")
    departments.rename_department(session, org["admin"], added.id, "Economy")
    with pytest.raises(NotAllowed):
        departments.add_department(session, org["da"], "Mine")
    lines = session.exec(select(AuditEvent).where(AuditEvent.kind == audit.DEPARTMENT_CHANGED)).all()
    assert [line.details["change"] for line in lines] == ["added", "renamed"]


def test_a_department_in_use_is_not_deactivated_until_its_projects_move(session, org):
    project = make_project(session, department=org["it"])
    make_project(session, "Closed one", department=org["it"], status=ProjectStatus.CLOSED)
    with pytest.raises(ActionRefused) as refused:
        departments.set_department_active(session, org["admin"], org["it"].id, False)
    assert refused.value.params == {"projects": 1, "users": 0, "employees": 0}
    with pytest.raises(InvalidInput):
        departments.move_projects(session, org["admin"], org["it"].id, org["it"].id)
    assert departments.move_projects(session, org["admin"], org["it"].id, org["sales"].id) == 2
    assert session.get(RecruitmentProject, project.id).department_id == org["sales"].id
    departments.set_department_active(session, org["admin"], org["it"].id, False)
    rows = {r.name: r for r in departments.list_departments(session, org["admin"])}
    assert not rows["IT"].active and rows["Sales"].projects == 1 and rows["Sales"].users == 1
    with pytest.raises(ActionRefused):
        departments.set_department_active(session, org["admin"], org["sales"].id, False)  # its department admin
    departments.set_department_active(session, org["admin"], org["it"].id, True)


def test_positions_department_admin_own_department_only(session, org):
    mine = departments.add_position(session, org["da"], "Seller", org["sales"].id)
    with pytest.raises(InvalidInput) as refused:
        departments.add_position(session, org["da"], "Seller", org["sales"].id)
    assert refused.value.errors == {"title": departments.TITLE_TAKEN}
    with pytest.raises(InvalidInput) as refused:
        departments.add_position(session, org["da"], "Developer", org["it"].id)
    assert refused.value.errors == {"department_id": departments.NO_DEPARTMENT}
    with pytest.raises(InvalidInput):
        departments.edit_position(session, org["da"], mine.id, "Seller", org["it"].id)
    theirs = departments.add_position(session, org["admin"], "Developer", org["it"].id)
    with pytest.raises(ActionRefused):
        departments.set_position_active(session, org["da"], theirs.id, False)
    departments.edit_position(session, org["admin"], mine.id, "Key account seller", org["it"].id)
    departments.set_position_active(session, org["admin"], mine.id, False)
    assert [r.name for r in departments.list_departments(session, org["da"])] == ["Sales"]
    lines = session.exec(select(AuditEvent).where(AuditEvent.kind == audit.POSITION_CHANGED)).all()
    assert [line.details["change"] for line in lines] == ["added", "added", "edited", "deactivated"]


def test_deactivated_departments_and_positions_are_offered_no_more(session, org):
    kept = departments.add_position(session, org["admin"], "Seller", org["sales"].id)
    gone = departments.add_position(session, org["admin"], "Old title", org["sales"].id)
    departments.set_position_active(session, org["admin"], gone.id, False)
    departments.set_department_active(session, org["admin"], org["it"].id, False)
    positions, offered = structure.positions_and_departments(session)
    assert [title for _, title, _ in positions] == [kept.title]
    assert [name for _, name in offered] == ["Sales"]
