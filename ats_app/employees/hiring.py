"""A hired applicant becomes an employee: the record filled from the candidate and the Hire form, the
contract they acknowledged linked to it, and the first lines of the employee's own history. The
application and its history stay as they were (Hired), so the person's road here is kept."""

from datetime import date

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.contracts import issued
from ats_app.employees.records import log
from ats_app.models import Application, Candidate, Contract, Employee, Position


def acknowledged_contracts(session: Session, application_id: int) -> list[Contract]:
    """The application's contract that stands (the newest: an older one was superseded, contracts.issued) when
    the candidate acknowledged it and no employee holds it yet; a superseded contract is never the employee's."""
    contract = issued.standing_contract(session, application_id)
    if contract is None or contract.acknowledged_at is None or contract.employee_id is not None:
        return []
    return [contract]


def employee_from_hire(session: Session, user: CurrentUser, application: Application, position_id: int,
                       department_id: int, start_date: date | None) -> Employee:
    """The new employee for a hire (flushed, so the status change can name it)."""
    candidate = session.get(Candidate, application.candidate_id)
    assert candidate is not None
    position = session.get(Position, position_id)
    employee = Employee(candidate_id=candidate.id, application_id=application.id, first_name=candidate.first_name,
                        last_name=candidate.last_name, email=candidate.email, mobile=candidate.mobile,
                        position_id=position_id, position_title=position.title if position else None,
                        department_id=department_id, start_date=start_date,
                        hired_from_project_id=application.project_id)
    session.add(employee)
    session.flush()
    contracts = acknowledged_contracts(session, int(application.id))
    log(session, user, employee, "hired", application_id=application.id, project_id=application.project_id,
        contract_ids=[c.id for c in contracts])
    for contract in contracts:
        contract.employee_id = employee.id
        session.add(contract)
        log(session, user, employee, "contract_linked", contract_id=contract.id, filename=contract.filename)
    return employee
