"""The Employees register: who a user may see (one rule for the page, the dialogs, the emails and the CSV),
and the list searched, filtered by department and by current / ended, a page at a time.

Admins and recruiters see every employee; a department admin or a hiring manager sees the employees of their
own department only, and one without a department sees none (as with projects, a manager's view is their department's).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import false, func, or_, true
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import EmployeeNotFound
from ats_app.models import Department, Employee, Position, RecruitmentProject, Role
from ats_app.projects.editing import organisation_today

PAGE_SIZE = 50
SHOWN = ("current", "ended", "all")  # the page's filter: still employed, employment ended, everyone
# Who sees and places every employee; department admins and hiring managers have their own department's.
EVERY_EMPLOYEE = (Role.ADMIN, Role.RECRUITER)


def is_row_id(value: int) -> bool:
    """Whether value can be a row's id (1 to 2**63 - 1): a bigger number, typed into an address or sent by a
    browser, is no row, not a database error (SQLite refuses it)."""
    return 0 < value < 2**63


def visible_employees(user: CurrentUser) -> ColumnElement[bool]:
    """A WHERE clause for the employees user may see (and so edit, email and export)."""
    if user.role in EVERY_EMPLOYEE:
        return true()
    if user.department_id is None:
        return false()
    return col(Employee.department_id) == user.department_id


def may_use_department(user: CurrentUser, department_id: int | None) -> bool:
    """Whether user may put an employee in this department (a hiring manager: only their own)."""
    return user.role in EVERY_EMPLOYEE or (department_id is not None
                                                         and department_id == user.department_id)


def find_employee(session: Session, user: CurrentUser, employee_id: int) -> Employee:
    """The employee, when user may see them; else EmployeeNotFound (we never say which)."""
    if not is_row_id(employee_id):
        raise EmployeeNotFound(employee_id)
    found = session.exec(select(Employee).where(Employee.id == employee_id, visible_employees(user))).first()
    if found is None:
        raise EmployeeNotFound(employee_id)
    return found


def employee_name(session: Session, user: CurrentUser, employee_id: int) -> str:
    """The name a dialog shows for an employee user may see (EmployeeNotFound otherwise): from the record, never
    from what the browser sent."""
    employee = find_employee(session, user, employee_id)
    return f"{employee.first_name} {employee.last_name}"


def has_ended(employee: Employee, today: date) -> bool:
    """Employment has ended when its end date is past: on their last working day (the end date) the person is
    still employed. today is the organisation's (organisation_today); ended_clause is the same rule in SQL."""
    return employee.end_date is not None and employee.end_date < today


def ended_clause(today: date) -> ColumnElement[bool]:
    """has_ended as a WHERE clause, for the current / ended filter."""
    return col(Employee.end_date).is_not(None) & (col(Employee.end_date) < today)


@dataclass
class EmployeeRow:
    """One line of the register."""

    id: int
    name: str
    email: str
    mobile: str
    position: str
    department: str
    start_date: date | None
    end_date: date | None
    end_reason: str
    project: str
    ended: bool
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to: the search text, a department (None: all) and current / ended / all."""

    search: str = ""
    department_id: int | None = None
    shown: str = "current"


POSITION = func.coalesce(Employee.position_title, Position.title, "")


def _query(session: Session, user: CurrentUser, filters: Filters) -> Any:
    where: list[ColumnElement[bool]] = [visible_employees(user)]
    needle = " ".join(filters.search.lower().split())
    if needle:
        where.append(or_(func.lower(Employee.first_name + " " + Employee.last_name).contains(needle, autoescape=True),
                         func.lower(func.coalesce(Employee.email, "")).contains(needle, autoescape=True),
                         func.lower(POSITION).contains(needle, autoescape=True),
                         func.lower(func.coalesce(Department.name, "")).contains(needle, autoescape=True)))
    if filters.department_id:
        where.append(col(Employee.department_id) == filters.department_id if is_row_id(filters.department_id)
                     else false())
    ended = ended_clause(organisation_today(session))
    if filters.shown == "current":
        where.append(~ended)
    elif filters.shown == "ended":
        where.append(ended)
    return (select(Employee, POSITION, Department.name, RecruitmentProject.title)
            .join(Position, col(Position.id) == Employee.position_id, isouter=True)
            .join(Department, col(Department.id) == Employee.department_id, isouter=True)
            # the project hired from is named only to those who may see it (its title alone can say too much)
            .join(RecruitmentProject, (col(RecruitmentProject.id) == Employee.hired_from_project_id)
                  & visible_projects(user, include_deleted=True), isouter=True)
            .where(*where))


def _rows(found, today: date) -> list[EmployeeRow]:
    return [EmployeeRow(int(e.id), f"{e.first_name} {e.last_name}", e.email or "", e.mobile or "", position or "",
                        department or "", e.start_date, e.end_date, e.end_reason or "", project or "",
                        has_ended(e, today), e.first_name, e.last_name) for e, position, department, project in found]


def list_employees(session: Session, user: CurrentUser, *, search: str = "", department_id: int | None = None,
                   shown: str = "all", offset: int = 0, limit: int = PAGE_SIZE) -> tuple[list[EmployeeRow], int]:
    """One page of the employees user may see, by name; search matches name, email, position or department."""
    query = _query(session, user, Filters(search, department_id, shown if shown in SHOWN else "all"))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    found = session.exec(query.order_by(col(Employee.last_name), col(Employee.first_name), col(Employee.id))
                         .offset(offset).limit(limit)).all()
    return _rows(found, organisation_today(session)), total


def all_rows(session: Session, user: CurrentUser, filters: Filters) -> list[EmployeeRow]:
    """Every employee of the filtered list (the CSV export), in the list's order."""
    query = _query(session, user, filters)
    found = session.exec(query.order_by(col(Employee.last_name), col(Employee.first_name), col(Employee.id))).all()
    return _rows(found, organisation_today(session))


def departments_for(session: Session, user: CurrentUser) -> list[tuple[int, str]]:
    """The departments user may filter by and put employees in (a hiring manager: their own)."""
    query = select(Department.id, Department.name).order_by(Department.name)
    if user.role not in EVERY_EMPLOYEE:
        query = query.where(col(Department.id) == (user.department_id or -1))
    return [(int(i), name) for i, name in session.exec(query).all()]
