"""Undo rejection: back to where the applicant stood, while the candidate has not been told.

"Told" means the rejection email left, a call reached them (or a message was left), or a letter was
printed. Until then the waiting email is cancelled with the undo, and the call task is removed.
"""

from datetime import datetime

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import allowed, require
from ats_app.applications.lifecycle import change_status
from ats_app.applications.lookup import find_application
from ats_app.core.errors import ActionRefused
from ats_app.core.i18n import N_
from ats_app.delivery.outbox_admin import cancel_message
from ats_app.models import Application, ApplicationEvent, ApplicationStatus, Message, MessageStatus, Task
from ats_app.models.base import utcnow
from ats_app.rejection.reject import REJECT
from ats_app.tasks.calls import CALL

LEFT = (MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.BOUNCED,
        MessageStatus.COMPLAINED)  # a rejection email in these has been sent
TOLD_BY_CALL = ("reached", "left_message")


def waiting_rejection_email(session: Session, application_id: int) -> Message | None:
    """The application's rejection email that has not left yet (queued, scheduled or held)."""
    return session.exec(select(Message).where(Message.application_id == application_id,
                                              Message.purpose == "rejection",
                                              col(Message.status).in_([MessageStatus.QUEUED, MessageStatus.HELD]))
                        .order_by(col(Message.id).desc())).first()


def _rejected_at(session: Session, application_id: int) -> datetime | None:
    """When the application was last rejected (its latest status change to rejected)."""
    for event in session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == application_id,
                                                             ApplicationEvent.kind == "status_changed")
                              .order_by(col(ApplicationEvent.id).desc())):
        if event.payload.get("to") == ApplicationStatus.REJECTED.value:
            return event.created_at
    return None


def candidate_told(session: Session, application_id: int) -> bool:
    """True once the candidate knows of the latest rejection: its email left, a call reached them (or a
    message was left), or a letter was printed."""
    since = _rejected_at(session, application_id)
    if since is None:
        return False
    if session.exec(select(Message.id).where(
            Message.application_id == application_id, Message.purpose == "rejection", Message.created_at >= since,
            col(Message.status).in_(list(LEFT)))).first():
        return True
    for event in session.exec(select(ApplicationEvent).where(
            ApplicationEvent.application_id == application_id, ApplicationEvent.created_at >= since,
            col(ApplicationEvent.kind).in_(["call_logged", "letter_sent"]))):
        if event.kind == "letter_sent" or event.payload.get("outcome") in TOLD_BY_CALL:
            return True
    return False


def may_undo(session: Session, user: CurrentUser, application_id: int, status: str) -> bool:
    """Whether Application and CV offers Undo rejection: a rejected applicant not yet told, for a user who
    may reject."""
    return status == ApplicationStatus.REJECTED and allowed(user, REJECT) and \
        not candidate_told(session, application_id)


def undo_rejection(session: Session, user: CurrentUser, application_id: int) -> Application:
    """Back to the status before the rejection, while the candidate has not been told (the waiting
    email is cancelled with it). Once the email has left, the rejection stands."""
    require(user, REJECT)
    application = find_application(session, user, application_id)
    if application.status != ApplicationStatus.REJECTED:
        raise ActionRefused(N_("not rejected"))
    if candidate_told(session, application.id):
        raise ActionRefused(N_("the candidate has already been told"))
    waiting = waiting_rejection_email(session, application.id)
    if waiting is not None:
        cancel_message(session, user, waiting.id)
    for task in session.exec(select(Task).where(Task.application_id == application.id, Task.kind == CALL,
                                                col(Task.done_at).is_(None))):
        session.delete(task)  # the call that would have told them is not needed any more
    previous = ApplicationStatus(application.previous_status) if application.previous_status and \
        application.previous_status != ApplicationStatus.REJECTED else ApplicationStatus.NEW
    # Whoever takes a knocked-out applicant back has decided about them: no automatic rejection comes again.
    stops = application.knocked_out is True and application.auto_reject_stopped_at is None
    change_status(session, user, application, previous, "undo_rejection",
                  **({"auto_reject_stopped": True} if stops else {}))
    if stops:
        application.auto_reject_stopped_at = utcnow()
    application.rejection_type_id = application.rejection_reason_id = None
    session.add(application)
    return application
