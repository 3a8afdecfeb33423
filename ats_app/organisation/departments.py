"""Setting up the organisation: departments (add, rename, deactivate, reactivate, move their projects to
another) and positions (add, rename, move to another department, deactivate, reactivate). Admins manage all;
a department admin manages the positions of their own department. A department still holding live projects,
active users or current employees cannot be deactivated until they move. Every change is an audit line."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, or_, select

from ats_app.accounts import audit
from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import ActionRefused, InvalidInput, NotAllowed
from ats_app.core.i18n import N_
from ats_app.models import Department, Employee, Position, ProjectStatus, RecruitmentProject, Role, User

REQUIRED = N_("Please fill in this field.")
TOO_LONG = N_("This is longer than the field can hold. Please shorten it.")
NAME_TAKEN = N_("There is already a department with this name.")
TITLE_TAKEN = N_("The department already has a position with this title.")
NO_DEPARTMENT = N_("Choose a department.")
STILL_IN_USE = N_("The department still has live projects ({projects}), active users ({users}) or current "
                  "employees ({employees}). Move them to another department first.")
NOT_FOUND = N_("There is no such department or position.")


@dataclass(frozen=True)
class PositionRow:
    id: int
    title: str
    active: bool


@dataclass(frozen=True)
class DepartmentRow:
    """A department on the Departments page, with what still belongs to it and its positions."""

    id: int
    name: str
    active: bool
    projects: int
    users: int
    employees: int
    positions: tuple[PositionRow, ...]
    may_manage: bool  # rename, deactivate, move projects: admins only


def _admin(user: CurrentUser) -> None:
    if user.role != Role.ADMIN:
        raise NotAllowed()


def may_manage_positions(user: CurrentUser, department_id: int | None) -> bool:
    """Admins manage every position; a department admin those of their own department."""
    return user.role == Role.ADMIN or (user.role == Role.DEPARTMENT_ADMIN and user.department_id is not None
                                       and department_id == user.department_id)


def _live_projects(department_id: int):
    return select(func.count()).select_from(RecruitmentProject).where(
        col(RecruitmentProject.department_id) == department_id, col(RecruitmentProject.deleted_at).is_(None),
        col(RecruitmentProject.status) != ProjectStatus.CLOSED.value)


def _in_use(session: Session, department_id: int, today: date | None = None) -> tuple[int, int, int]:
    """Live projects, active users and current employees of the department."""
    today = today or date.today()
    projects = session.exec(_live_projects(department_id)).one()
    users = session.exec(select(func.count()).select_from(User).where(
        col(User.department_id) == department_id, col(User.active))).one()
    employees = session.exec(select(func.count()).select_from(Employee).where(
        col(Employee.department_id) == department_id,
        or_(col(Employee.end_date).is_(None), col(Employee.end_date) >= today))).one()
    return projects, users, employees


def list_departments(session: Session, user: CurrentUser) -> list[DepartmentRow]:
    """Every department for an admin, their own for a department admin, with its positions (sorted by name)."""
    if user.role not in (Role.ADMIN, Role.DEPARTMENT_ADMIN):
        return []
    query = select(Department).order_by(col(Department.active).desc(), func.lower(Department.name))
    if user.role != Role.ADMIN:
        query = query.where(col(Department.id) == user.department_id)
    positions: dict[int, list[PositionRow]] = {}
    for p in session.exec(select(Position).order_by(func.lower(Position.title))):
        positions.setdefault(p.department_id or 0, []).append(PositionRow(int(p.id), p.title, p.active))
    rows = []
    for d in session.exec(query):
        projects, users, employees = _in_use(session, int(d.id))
        rows.append(DepartmentRow(int(d.id), d.name, d.active, projects, users, employees,
                                  tuple(positions.get(int(d.id), ())), user.role == Role.ADMIN))
    return rows


def _name(raw, field: str, errors: dict[str, str]) -> str:
    name = " ".join(str(raw or "").split())
    if not name:
        errors[field] = REQUIRED
    elif len(name) > 200:
        errors[field] = TOO_LONG
    return name


def _department(session: Session, department_id) -> Department:
    found = session.get(Department, department_id) if isinstance(department_id, int) and \
        0 < department_id < 2**31 else None
    if found is None:
        raise ActionRefused(NOT_FOUND)
    return found


def _record_department(session: Session, user: CurrentUser, department: Department, change: str, **details):
    audit.record(session, audit.DEPARTMENT_CHANGED, actor_id=user.id, actor_name=user.name, subject=department.name,
                 details={"department_id": department.id, "change": change, **details})


def _unique_name(session: Session, name: str, errors: dict[str, str], exclude: int | None = None) -> None:
    query = select(Department.id).where(func.lower(Department.name) == name.lower())
    if exclude is not None:
        query = query.where(col(Department.id) != exclude)
    if name and "name" not in errors and session.exec(query).first() is not None:
        errors["name"] = NAME_TAKEN


def add_department(session: Session, user: CurrentUser, name: str) -> Department:
    """A new, active department (names are unique, whatever their case)."""
    _admin(user)
    errors: dict[str, str] = {}
    clean = _name(name, "name", errors)
    _unique_name(session, clean, errors)
    if errors:
        raise InvalidInput(errors)
    department = Department(name=clean, active=True)
    session.add(department)
    session.flush()
    _record_department(session, user, department, "added")
    session.commit()
    return department


def rename_department(session: Session, user: CurrentUser, department_id: int, name: str) -> Department:
    """A new name; projects, users and employees keep the department."""
    _admin(user)
    department = _department(session, department_id)
    errors: dict[str, str] = {}
    clean = _name(name, "name", errors)
    _unique_name(session, clean, errors, exclude=department.id)
    if errors:
        raise InvalidInput(errors)
    if clean != department.name:
        old, department.name = department.name, clean
        session.add(department)
        _record_department(session, user, department, "renamed", name=[old, clean])
        session.commit()
    return department


def set_department_active(session: Session, user: CurrentUser, department_id: int, active: bool) -> Department:
    """Deactivate (refused while it still holds live projects, active users or current employees) or reactivate."""
    _admin(user)
    department = _department(session, department_id)
    if department.active == active:
        return department
    if not active:
        projects, users, employees = _in_use(session, int(department.id))
        if projects or users or employees:
            raise ActionRefused(STILL_IN_USE, projects=projects, users=users, employees=employees)
    department.active = active
    session.add(department)
    _record_department(session, user, department, "reactivated" if active else "deactivated")
    session.commit()
    return department


def move_projects(session: Session, user: CurrentUser, department_id: int, to_department_id: int) -> int:
    """Move every project of the department that is not deleted to another active department; returns how many."""
    _admin(user)
    department = _department(session, department_id)
    target = _department(session, to_department_id) if to_department_id != department_id else None
    if target is None or not target.active:
        raise InvalidInput({"to_department_id": NO_DEPARTMENT})
    projects = session.exec(select(RecruitmentProject).where(
        col(RecruitmentProject.department_id) == department.id, col(RecruitmentProject.deleted_at).is_(None))).all()
    for project in projects:
        project.department_id = target.id
        session.add(project)
    _record_department(session, user, department, "projects_moved", to=target.name, count=len(projects))
    session.commit()
    return len(projects)


def _position(session: Session, user: CurrentUser, position_id: int) -> Position:
    position = session.get(Position, position_id) if isinstance(position_id, int) and 0 < position_id < 2**31 \
        else None
    if position is None or not may_manage_positions(user, position.department_id):
        raise ActionRefused(NOT_FOUND)
    return position


def _position_fields(session: Session, user: CurrentUser, title, department_id, exclude: int | None = None
                     ) -> tuple[str, int]:
    errors: dict[str, str] = {}
    clean = _name(title, "title", errors)
    department = session.get(Department, department_id) if isinstance(department_id, int) and \
        0 < department_id < 2**31 else None
    if department is None or not department.active or not may_manage_positions(user, department.id):
        errors["department_id"] = NO_DEPARTMENT
    elif clean and "title" not in errors:
        query = select(Position.id).where(col(Position.department_id) == department.id,
                                          func.lower(Position.title) == clean.lower())
        if exclude is not None:
            query = query.where(col(Position.id) != exclude)
        if session.exec(query).first() is not None:
            errors["title"] = TITLE_TAKEN
    if errors:
        raise InvalidInput(errors)
    return clean, int(department.id)


def _record_position(session: Session, user: CurrentUser, position: Position, change: str, **details):
    audit.record(session, audit.POSITION_CHANGED, actor_id=user.id, actor_name=user.name, subject=position.title,
                 details={"position_id": position.id, "change": change, **details})


def add_position(session: Session, user: CurrentUser, title: str, department_id: int) -> Position:
    """A new position in a department the user may manage."""
    clean, department = _position_fields(session, user, title, department_id)
    position = Position(title=clean, department_id=department, active=True)
    session.add(position)
    session.flush()
    _record_position(session, user, position, "added", department_id=department)
    session.commit()
    return position


def edit_position(session: Session, user: CurrentUser, position_id: int, title: str, department_id: int) -> Position:
    """Rename the position, or move it to another department (a department admin: within their own only)."""
    position = _position(session, user, position_id)
    clean, department = _position_fields(session, user, title, department_id, exclude=position.id)
    changes: dict[str, list] = {}
    if clean != position.title:
        changes["title"] = [position.title, clean]
    if department != position.department_id:
        changes["department_id"] = [position.department_id, department]
    if changes:
        position.title, position.department_id = clean, department
        session.add(position)
        _record_position(session, user, position, "edited", changes=changes)
        session.commit()
    return position


def set_position_active(session: Session, user: CurrentUser, position_id: int, active: bool) -> Position:
    """A deactivated position is no longer offered for new projects; those that have it keep it."""
    position = _position(session, user, position_id)
    if position.active != active:
        position.active = active
        session.add(position)
        _record_position(session, user, position, "reactivated" if active else "deactivated")
        session.commit()
    return position
