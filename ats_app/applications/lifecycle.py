"""An application's status for the project changes here, whoever changes it (a recruiter's action, the
candidate on the portal or the answer page), with its history line and what follows from it.

When the process is over for an applicant (rejected, withdrawn or hired), their coming interviews are
called off with the reminders still waiting: nobody should be reminded of a meeting that will not
happen.
"""

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.applicant_keys import keys_for
from ats_app.applications.history import record
from ats_app.applications.transitions import LIVE, check_status
from ats_app.core.errors import ActionRefused
from ats_app.core.i18n import N_
from ats_app.delivery.outbox import cancel_waiting
from ats_app.models import Application, ApplicationEvent, ApplicationStatus, Candidate, Interview, RecruitmentProject
from ats_app.models.base import utcnow

# Statuses after which the process is over: interviews to come are called off.
OVER = (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.HIRED)
# Statuses that do not block another application to the same project: that earlier one is over.
FINISHED = (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)
# Who may withdraw (a recruiter for the candidate, or the candidate themself): while live, or saved.
WITHDRAWABLE = LIVE | {ApplicationStatus.SAVED}


def change_status(session: Session, user: CurrentUser | None, application: Application, status: ApplicationStatus,
                  action: str, *, note: str | None = None, **payload) -> ApplicationEvent:
    """Set the status for the project and write the status_changed history line (returned)."""
    event = record(session, user, application, "status_changed",
                   **{"from": application.status, "to": status.value, "action": action, **payload})
    event.note = note or None
    application.previous_status = application.status
    application.status = status
    application.updated_at = utcnow()
    session.add(application)
    if status in OVER:
        call_off_coming_interviews(session, application.id)
    return event


def call_off_coming_interviews(session: Session, application_id: int) -> int:
    """Cancel an application's interviews still ahead, and their waiting reminders and invitations.
    Returns how many."""
    now = utcnow()
    found = list(session.exec(select(Interview).where(Interview.application_id == application_id,
                                                      col(Interview.cancelled_at).is_(None),
                                                      Interview.starts_at > now)))
    for interview in found:
        interview.cancelled_at = now
        session.add(interview)
        cancel_waiting(session, interview_id=interview.id, purposes=("interview_reminder", "interview_invitation"))
    return len(found)


def withdraw(session: Session, user: CurrentUser | None, application: Application, **payload) -> ApplicationEvent:
    """Withdrawn: the candidate leaves the process (user None: the candidate did it themself)."""
    check_status(WITHDRAWABLE, application)
    return change_status(session, user, application, ApplicationStatus.WITHDRAWN, "withdraw", **payload)


def refuse_if_applied(session: Session, candidate_id: int, project: RecruitmentProject) -> None:
    """A candidate with a live (or hired, or saved) application in project cannot get a second one there."""
    blocking = session.exec(
        select(Application.id).where(Application.candidate_id == candidate_id, Application.project_id == project.id,
                                     col(Application.deleted_at).is_(None), col(Application.status).not_in(FINISHED))
    ).first()
    if blocking is not None:
        raise ActionRefused(N_("already has an application in {project}"), project=project.title)


def new_application(session: Session, candidate: Candidate, project_id: int, status: ApplicationStatus, *,
                    source: str | None = None) -> Application:
    """A fresh application of candidate to project (no cover letter, no screening answers)."""
    application = Application(candidate_id=candidate.id, project_id=project_id, status=status, source=source,
                              **keys_for(candidate))
    session.add(application)
    session.flush()
    return application
