"""One employee as their page shows them: the record, where they were hired from (with the application when the
user may see it), their contracts and their own history; and a contract's file for the download route."""

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import EmployeeNotFound
from ats_app.employees.history import EmployeeHistoryLine, employee_history
from ats_app.employees.register import find_employee, has_ended, is_row_id
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import Application, Contract, Department, Employee, Position, RecruitmentProject
from ats_app.projects.editing import organisation_today


@dataclass
class ContractLine:
    """A contract on the employee's record: its file, when it was made and acknowledged."""

    id: int
    filename: str
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_name: str


@dataclass
class EmployeeDetail:
    """What the employee page shows."""

    employee: Employee
    position: str
    department: str
    hired_from: str  # the project's title ("": added by hand)
    hired_on: date | None
    application_id: int | None  # set only when user may see the application
    ended: bool = False  # the end date is past (register.has_ended)
    contracts: list[ContractLine] = field(default_factory=list)
    history: list[EmployeeHistoryLine] = field(default_factory=list)


def position_of(session: Session, employee: Employee) -> str:
    """The position as hired: its own words, else the standard position's title."""
    if employee.position_title:
        return employee.position_title
    position = session.get(Position, employee.position_id) if employee.position_id else None
    return position.title if position else ""


def hired_on(session: Session, employee: Employee) -> date:
    """The day the record was made by Hire, as a date in the organisation's time zone (a hire at 00:30 in Oslo
    is that day, not the day before in UTC); SQLite hands the stored UTC moment back naive."""
    created = employee.created_at
    created = created if created.tzinfo else created.replace(tzinfo=timezone.utc)
    return created.astimezone(organisation_zone(session)).date()


def employee_detail(session: Session, user: CurrentUser, employee_id: int) -> EmployeeDetail:
    """The employee's page (EmployeeNotFound when user may not see them)."""
    employee = find_employee(session, user, employee_id)
    department = session.get(Department, employee.department_id) if employee.department_id else None
    project = session.exec(select(RecruitmentProject).where(  # named only to those who may see it
        RecruitmentProject.id == employee.hired_from_project_id, visible_projects(user, include_deleted=True))
    ).first() if employee.hired_from_project_id else None
    application_id = None
    if employee.application_id:
        visible = session.exec(
            select(Application.id).join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
            .where(Application.id == employee.application_id, visible_projects(user))).first()
        application_id = int(visible) if visible is not None else None
    contracts = session.exec(select(Contract).where(Contract.employee_id == employee.id)
                             .order_by(col(Contract.created_at).desc())).all()
    return EmployeeDetail(
        employee=employee, position=position_of(session, employee), department=department.name if department else "",
        hired_from=project.title if project else "", hired_on=hired_on(session, employee) if project else None,
        application_id=application_id, ended=has_ended(employee, organisation_today(session)),
        contracts=[ContractLine(int(c.id), c.filename, c.created_at, c.acknowledged_at, c.acknowledged_name or "")
                   for c in contracts],
        history=employee_history(session, int(employee.id), user.language))


def contract_file(session: Session, user: CurrentUser, employee_id: int, contract_id: int) -> Contract:
    """A contract on the record of an employee user may see (EmployeeNotFound otherwise, whichever is wrong)."""
    find_employee(session, user, employee_id)
    contract = session.get(Contract, contract_id) if is_row_id(contract_id) else None
    if contract is None or contract.employee_id != employee_id:
        raise EmployeeNotFound(employee_id)
    return contract
