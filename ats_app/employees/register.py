"""Employees: people hired through recruitment projects, with position, department and start date."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.models import Department, Employee, Position, RecruitmentProject

PAGE_SIZE = 50


@dataclass
class EmployeeRow:
    id: int
    name: str
    position: str
    department: str
    start_date: date | None
    project: str


def list_employees(session: Session, user: CurrentUser, *, search: str = "", offset: int = 0,
                   limit: int = PAGE_SIZE) -> tuple[list[EmployeeRow], int]:
    """One page of employees, newest hires first; search matches name, position or department."""
    del user  # every logged-in user may see who was hired; pay and contracts are not here
    where = []
    needle = " ".join(search.lower().split())
    if needle:
        where.append(func.lower(Employee.first_name + " " + Employee.last_name).contains(needle, autoescape=True)
                     | func.lower(func.coalesce(Position.title, "")).contains(needle, autoescape=True)
                     | func.lower(func.coalesce(Department.name, "")).contains(needle, autoescape=True))
    query = (select(Employee, Position.title, Department.name, RecruitmentProject.title)
             .join(Position, Position.id == Employee.position_id, isouter=True)
             .join(Department, Department.id == Employee.department_id, isouter=True)
             .join(RecruitmentProject, RecruitmentProject.id == Employee.hired_from_project_id, isouter=True)
             .where(*where))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    found = session.exec(query.order_by(col(Employee.created_at).desc(), col(Employee.id).desc())
                         .offset(offset).limit(limit))
    rows = [EmployeeRow(e.id, f"{e.first_name} {e.last_name}", position or "", department or "", e.start_date,
                        project or "") for e, position, department, project in found]
    return rows, total
