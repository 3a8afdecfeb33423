"""The further-progress actions that change an application, one function each.

Each function checks the user's right and the transition, changes the application and writes its
history event; the caller's transaction holds it all (services.further_progress commits per applicant,
so a refused or failed applicant is rolled back alone). Nothing here commits.
"""

from datetime import date

from sqlmodel import Session, col, select

from ats_app.models import (Application, ApplicationEvent, ApplicationStatus as S, Candidate, Department, Employee,
    Position, RecruitmentProject)
from ats_app.models.base import utcnow
from ats_app.accounts.access import may_act, visible_projects
from ats_app.applications.applicant_keys import keys_for
from ats_app.accounts.auth import CurrentUser
from ats_app.core.i18n import N_
from ats_app.applications.transitions import LIVE, check
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed

# The right each action needs beyond being a recruiter or admin (None: no extra right).
RIGHTS: dict[str, tuple[str, ...]] = {
    "withdraw": (), "save": (), "ranking": (), "delete": ("can_delete",), "transfer": ("can_transfer",),
    "offer": ("can_make_offers",), "hire": ("can_make_offers",), "restore": ("can_see_deleted",),
    "purge": ("can_see_deleted", "can_delete"),
    "send_email": (), "forward": (), "save_and_send": (), "reject": ("can_reject",), "invite": (),
    "letter": (),
}
NOT_FOUND = N_("not found")
# Statuses that do not block another application to the same project: that earlier one is over.
FINISHED = (S.REJECTED, S.WITHDRAWN)


def allowed(user: CurrentUser, action: str) -> bool:
    """True when user may run action at all."""
    return may_act(user) and all(user.has(right) for right in RIGHTS[action])


def require(user: CurrentUser, action: str) -> None:
    """Raise NotAllowed unless user may run action."""
    if not allowed(user, action):
        raise NotAllowed(action)


def find_application(session: Session, user: CurrentUser, application_id: int, *,
                     include_deleted_projects: bool = False) -> Application:
    """The application, when its project is visible to user; else ActionRefused("not found")."""
    application = session.exec(
        select(Application).join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(Application.id == application_id, Application.moved_to_id.is_(None),
               visible_projects(user, include_deleted=include_deleted_projects))
    ).first()
    if application is None:
        raise ActionRefused(NOT_FOUND)
    return application


def record(session: Session, user: CurrentUser | None, application: Application, kind: str, **payload) -> None:
    """One history line. Payloads hold ids and codes only, never personal data (they outlive a purge)."""
    session.add(ApplicationEvent(application_id=application.id, project_id=application.project_id,
                                 actor_id=user.id if user else None, kind=kind, payload=payload))


def change_status(session: Session, user: CurrentUser, application: Application, status: S, action: str,
                  **payload) -> None:
    """Set the status for the project and write the status_changed history line."""
    record(session, user, application, "status_changed", **{"from": application.status, "to": status.value,
                                                            "action": action, **payload})
    application.previous_status = application.status
    application.status = status
    application.updated_at = utcnow()
    session.add(application)
    if status in (S.REJECTED, S.WITHDRAWN, S.HIRED):  # the process is over: no more interviews or reminders
        from ats_app.interviews.invitation import cancel_future_interviews

        cancel_future_interviews(session, application.id)


def _start(session: Session, user: CurrentUser, action: str, application_id: int) -> Application:
    require(user, action)
    application = find_application(session, user, application_id)
    check(action, application)
    return application


def withdraw_application(session: Session, user: CurrentUser, application_id: int) -> Application:
    """Withdrawn: the candidate left the process."""
    application = _start(session, user, "withdraw", application_id)
    change_status(session, user, application, S.WITHDRAWN, "withdraw")
    return application


def save_candidate(session: Session, user: CurrentUser, application_id: int) -> Application:
    """Saved: the candidate is kept in the CV database for other vacancies."""
    application = _start(session, user, "save", application_id)
    change_status(session, user, application, S.SAVED, "save")
    return application


def send_offer(session: Session, user: CurrentUser, application_id: int) -> Application:
    """Offer received (the offer email arrives with the email actions)."""
    application = _start(session, user, "offer", application_id)
    change_status(session, user, application, S.OFFER, "offer")
    return application


def delete_application(session: Session, user: CurrentUser, application_id: int) -> Application:
    """The application leaves the project's list for Deleted applications; its status is kept."""
    application = _start(session, user, "delete", application_id)
    application.deleted_at = application.updated_at = utcnow()
    application.deleted_by_id = user.id
    session.add(application)
    record(session, user, application, "deleted", status=application.status)
    return application


def set_ranking(session: Session, user: CurrentUser, application_id: int, ranking: int | None) -> Application:
    """The recruiter's manual ranking 1–3 (None or 0: not ranked)."""
    require(user, "ranking")
    ranking = ranking or None
    if ranking not in (None, 1, 2, 3):
        raise InvalidChoice("ranking", N_("Choose a ranking from 1 to 3."))
    application = find_application(session, user, application_id)
    if application.deleted_at is not None:
        raise ActionRefused(N_("deleted"))
    if application.ranking != ranking:
        record(session, user, application, "ranking_changed", **{"from": application.ranking, "to": ranking})
        application.ranking = ranking
        session.add(application)
    return application


def check_hire(session: Session, position_id: int | None, department_id: int | None) -> None:
    """Hire needs an existing position and department (InvalidChoice names the field that is wrong)."""
    if not position_id or session.get(Position, position_id) is None:
        raise InvalidChoice("position", N_("Choose the position the person is hired for."))
    if not department_id or session.get(Department, department_id) is None:
        raise InvalidChoice("department", N_("Choose the department the person joins."))


def hire_applicant(session: Session, user: CurrentUser, application_id: int, *, position_id: int,
                   department_id: int, start_date: date | None = None) -> Employee:
    """Hired: the person becomes an Employee tied to a position and a department."""
    check_hire(session, position_id, department_id)
    application = _start(session, user, "hire", application_id)
    candidate = session.get(Candidate, application.candidate_id)
    employee = Employee(candidate_id=candidate.id, first_name=candidate.first_name, last_name=candidate.last_name,
                        email=candidate.email, position_id=position_id, department_id=department_id,
                        start_date=start_date, hired_from_project_id=application.project_id)
    session.add(employee)
    session.flush()
    change_status(session, user, application, S.HIRED, "hire", employee_id=employee.id, position_id=position_id,
                  department_id=department_id)
    return employee


def other_live_applications(session: Session, user: CurrentUser,
                            candidate_ids: list[int]) -> list[tuple[Application, str]]:
    """The candidates' other live applications (with project titles) that user may see: after a hire,
    the recruiter is asked whether to withdraw them."""
    if not candidate_ids:
        return []
    return list(session.exec(
        select(Application, RecruitmentProject.title)
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(Application.candidate_id.in_(candidate_ids), Application.deleted_at.is_(None),
               Application.status.in_(list(LIVE)), visible_projects(user))
        .order_by(Application.id)).all())


def refuse_if_applied(session: Session, candidate_id: int, project: RecruitmentProject) -> None:
    """A candidate with a live (or hired, or saved) application in project cannot get a second one there."""
    blocking = session.exec(
        select(Application.id).where(Application.candidate_id == candidate_id, Application.project_id == project.id,
                                     Application.deleted_at.is_(None), col(Application.status).not_in(FINISHED))
    ).first()
    if blocking is not None:
        raise ActionRefused(N_("already has an application in {project}"), project=project.title)


def restore_application(session: Session, user: CurrentUser, application_id: int) -> Application:
    """Back from Deleted applications with status Restored, unless its project was deleted."""
    require(user, "restore")
    application = find_application(session, user, application_id, include_deleted_projects=True)
    if application.deleted_at is None:
        raise ActionRefused(N_("not deleted"))
    project = session.get(RecruitmentProject, application.project_id)
    if project.deleted_at is not None:
        raise ActionRefused(N_("its project was deleted"))
    refuse_if_applied(session, application.candidate_id, project)
    application.deleted_at = application.deleted_by_id = None
    change_status(session, user, application, S.RESTORED, "restore")
    return application


def new_application(session: Session, candidate: Candidate, project_id: int, status: S, *,
                    source: str | None = None) -> Application:
    """A fresh application of candidate to project (no cover letter, no screening answers)."""
    application = Application(candidate_id=candidate.id, project_id=project_id, status=status, source=source,
                              **keys_for(candidate))
    session.add(application)
    session.flush()
    return application
