"""Hire: the person becomes an Employee tied to a position and a department, and the recruiter is offered
to withdraw the person's other live applications."""

from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from sqlalchemy import func
from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, OtherApplication, start
from ats_app.applications.lifecycle import change_status
from ats_app.applications.lookup import applicant_names, find_application
from ats_app.applications.transitions import LIVE
from ats_app.core.errors import ActionRefused, InvalidChoice
from ats_app.core.i18n import N_
from ats_app.employees.hiring import employee_from_hire
from ats_app.models import Application, ApplicationStatus, Contract, Department, Employee, Position, RecruitmentProject
from ats_app.offers.current import current_offer


class HireForm(TypedDict, total=False):
    """The Hire form: position and department (both required) and the start date (ISO), as the UI sends them."""

    position_id: str | int | None
    department_id: str | int | None
    start_date: str | date | None


@dataclass(frozen=True)
class HirePlan:
    """The checked form, for every hired applicant of the run."""

    position_id: int
    department_id: int
    start_date: date | None


def _as_id(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidChoice("start_date", N_("Enter the start date as a date.")) from None


def hire_defaults(session: Session, user: CurrentUser, application_ids: list[int]) -> HireForm:
    """What the Hire form starts from for the first ticked applicant user may see: the terms of the offer they
    accepted (its department and start date, and the position of that title when there is one), else their
    project's position and department. Nothing when no ticked applicant is visible."""
    for application_id in application_ids:
        try:
            application = find_application(session, user, application_id)
        except ActionRefused:
            continue
        project = session.get(RecruitmentProject, application.project_id)
        form = HireForm(position_id=project.position_id if project else None,
                        department_id=project.department_id if project else None, start_date=None)
        offer = current_offer(session, application_id)
        if offer is not None and offer.answer == "accepted":
            title = offer.position_title.strip().lower()
            titled = session.exec(select(Position.id).where(func.lower(Position.title) == title)).first() \
                if title else None
            form["start_date"] = offer.start_date
            form["department_id"] = offer.department_id or form["department_id"]
            form["position_id"] = titled or form["position_id"]
        return form
    return HireForm()


def check_hire(session: Session, position_id: int | None, department_id: int | None) -> tuple[int, int]:
    """Hire needs an existing position and department (InvalidChoice names the field that is wrong)."""
    if not position_id or session.get(Position, position_id) is None:
        raise InvalidChoice("position", N_("Choose the position the person is hired for."))
    if not department_id or session.get(Department, department_id) is None:
        raise InvalidChoice("department", N_("Choose the department the person joins."))
    return position_id, department_id


def prepare_hire(session: Session, user: CurrentUser, form: HireForm) -> HirePlan:
    """Check the Hire form once for the run."""
    position_id, department_id = check_hire(session, _as_id(form.get("position_id")), _as_id(form.get("department_id")))
    return HirePlan(position_id, department_id, _as_date(form.get("start_date")))


def hire_applicant(session: Session, user: CurrentUser, application_id: int, plan: HirePlan) -> Employee:
    """Hired: the person becomes an Employee tied to a position and a department, holding the contract they
    acknowledged (employees.hiring)."""
    check_hire(session, plan.position_id, plan.department_id)
    application = start(session, user, HIRE, application_id)
    employee = employee_from_hire(session, user, application, plan.position_id, plan.department_id, plan.start_date)
    linked = session.exec(select(Contract.id).where(Contract.employee_id == employee.id)).all()
    change_status(session, user, application, ApplicationStatus.HIRED, HIRE.key, employee_id=employee.id,
                  position_id=plan.position_id, department_id=plan.department_id, contract_ids=list(linked))
    return employee


def other_live_applications(session: Session, user: CurrentUser,
                            candidate_ids: list[int]) -> list[tuple[Application, str]]:
    """The candidates' other live applications (with project titles) that user may see."""
    if not candidate_ids:
        return []
    return list(session.exec(
        select(Application, RecruitmentProject.title)
        .join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
        .where(col(Application.candidate_id).in_(candidate_ids), col(Application.deleted_at).is_(None),
               col(Application.status).in_(list(LIVE)), visible_projects(user))
        .order_by(col(Application.id))).all())


def others_of_hired(session: Session, user: CurrentUser, hired_ids: list[int]) -> list[OtherApplication]:
    """After a hire: the hired persons' other live applications, for the recruiter to withdraw or keep."""
    if not hired_ids:
        return []
    hired = session.exec(select(Application.candidate_id).where(col(Application.id).in_(hired_ids))).all()
    others = other_live_applications(session, user, list(hired))
    names = applicant_names(session, user, [int(a.id) for a, _ in others])
    return [OtherApplication(int(a.id), title, names.get(int(a.id), "")) for a, title in others]


HIRE: FurtherProgressAction[HireForm, HirePlan] = FurtherProgressAction(
    "hire", N_("Hire"), rights=("can_make_offers",), allowed_from=LIVE | {ApplicationStatus.SAVED}, form="hire",
    prepare=prepare_hire, run_one=hire_applicant, others_to_withdraw=others_of_hired)
