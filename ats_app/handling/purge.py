"""Delete permanently: an application and, when nothing else needs them, the candidate's personal data
and files leave the system for good (GDPR). One history line without personal data stays, so the
project's statistics still count the application.
"""

import logging
from typing import TypedDict

from sqlalchemy import event
from sqlmodel import Session, col, delete, select, update

from ats_app.accounts import audit
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, require
from ats_app.applications.lookup import find_application
from ats_app.contracts.purging import purge_contracts
from ats_app.core.errors import ActionRefused, InvalidChoice
from ats_app.core.files import delete as delete_file
from ats_app.core.i18n import N_, gettext
from ats_app.letters.purging import purge_letters
from ats_app.models import (
    Application,
    ApplicationEvent,
    Candidate,
    CandidateAccount,
    CandidateLink,
    CandidateSession,
    Employee,
    Interview,
    InterviewRecruiter,
    Message,
    Offer,
    PanelReviewApplication,
    Rating,
    Task,
)

log = logging.getLogger(__name__)
CONFIRMATION_WORD = N_("DELETE")  # typed by the recruiter, in their language (English always works)


def check_confirmation(user: CurrentUser, typed: str) -> None:
    """InvalidChoice unless the recruiter typed the confirmation word."""
    expected = {gettext(user.language, CONFIRMATION_WORD).casefold(), CONFIRMATION_WORD.casefold()}
    if (typed or "").strip().casefold() not in expected:
        raise InvalidChoice("confirmation", N_("Type {word} to confirm."),
                            word=gettext(user.language, CONFIRMATION_WORD))


class PurgeForm(TypedDict, total=False):
    """Delete permanently's confirmation: the word the recruiter typed."""

    confirmation: str


def prepare_purge(session: Session, user: CurrentUser, form: PurgeForm) -> None:
    """Nothing is deleted for good unless the confirmation word was typed."""
    check_confirmation(user, form.get("confirmation", ""))


def purge_application(session: Session, user: CurrentUser, application_id: int, _plan: None = None) -> None:
    """Remove one deleted application for good (the run has checked the typed confirmation)."""
    require(user, PURGE)
    application = find_application(session, user, application_id, include_deleted_projects=True)
    if application.deleted_at is None:
        raise ActionRefused(N_("not deleted"))
    ids = _with_moved_sources(session, application.id)
    status, project_id, candidate_id = application.status, application.project_id, application.candidate_id
    kept = purge_contracts(session, ids, delete_file_on_commit)  # a contract linked to an employee stays
    _remove_related(session, ids, kept)
    purge_letters(session, ids, delete_file_on_commit)  # the printed letters with their name and address
    for key in session.exec(select(Application.cover_letter_file_key).where(
            col(Application.id).in_(ids), col(Application.cover_letter_file_key).is_not(None))):
        delete_file_on_commit(session, key)  # a cover letter sent as a file is this application's alone
    session.exec(update(ApplicationEvent).where(col(ApplicationEvent.application_id).in_(ids))
                 .values(application_id=None, note=None))  # the notes were about the person
    # An employee hired from it stays in the register (their own record); only the pointer goes.
    session.exec(update(Employee).where(col(Employee.application_id).in_(ids)).values(application_id=None))
    session.exec(delete(Application).where(col(Application.id).in_(ids)))
    session.add(ApplicationEvent(application_id=None, project_id=project_id, actor_id=user.id, kind="purged",
                                 payload={"status": status}))
    audit.record(session, audit.PERMANENT_DELETION, actor_id=user.id, actor_name=user.name,  # ids, never a name
                 subject=f"{len(ids)} application{'s' if len(ids) != 1 else ''}",
                 details={"application_ids": ids, "project_id": project_id})
    _forget_candidate_if_unneeded(session, candidate_id)


def _with_moved_sources(session: Session, application_id: int) -> list[int]:
    """The application and the applications a Move replaced by it (they hold the same person's data)."""
    ids, frontier = [application_id], [application_id]
    while frontier:
        frontier = list(session.exec(select(Application.id).where(col(Application.moved_to_id).in_(frontier))))
        ids += frontier
    return ids


def _remove_related(session: Session, ids: list[int], kept_files: set[str]) -> None:
    interviews = list(session.exec(select(Interview.id).where(col(Interview.application_id).in_(ids))))
    messages = list(session.exec(select(Message.id).where(
        col(Message.application_id).in_(ids) | col(Message.interview_id).in_(interviews or [-1]))))
    if messages:
        session.exec(update(ApplicationEvent).where(col(ApplicationEvent.message_id).in_(messages))
                     .values(message_id=None))
        # Files made for a message (an anonymised CV) go with it; a CV it pointed at is the candidate's.
        attached = {item.get("file_key") for found in session.exec(select(Message.attachments).where(
            col(Message.id).in_(messages))) for item in found or []} - {None}
        cvs = set(session.exec(select(Candidate.cv_file_key).where(col(Candidate.cv_file_key).in_(attached))))
        for key in attached - cvs - kept_files:
            delete_file_on_commit(session, key)
        session.exec(delete(Message).where(col(Message.id).in_(messages)))
    if interviews:
        session.exec(delete(InterviewRecruiter).where(col(InterviewRecruiter.interview_id).in_(interviews)))
        session.exec(delete(Interview).where(col(Interview.id).in_(interviews)))
    session.exec(delete(Task).where(col(Task.application_id).in_(ids)))
    session.exec(delete(Rating).where(col(Rating.application_id).in_(ids)))
    session.exec(delete(PanelReviewApplication).where(col(PanelReviewApplication.application_id).in_(ids)))
    session.exec(delete(Offer).where(col(Offer.application_id).in_(ids)))  # its terms and answer, after the contracts
    # Moves point at the purged rows; the pointers go first so the rows can.
    session.exec(update(Application).where(col(Application.moved_to_id).in_(ids)).values(moved_to_id=None))


def _forget_candidate_if_unneeded(session: Session, candidate_id: int) -> None:
    """Delete the candidate and their CV when no application or employee record needs them."""
    needed = session.exec(select(Application.id).where(Application.candidate_id == candidate_id)).first()
    if needed is not None:
        return
    if session.exec(select(Employee.id).where(Employee.candidate_id == candidate_id)).first() is not None:
        return
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        return
    key = candidate.cv_file_key
    for portal_row in (CandidateSession, CandidateLink, CandidateAccount):  # their portal log-in goes too
        session.exec(delete(portal_row).where(portal_row.candidate_id == candidate_id))
    session.delete(candidate)
    session.flush()
    if key:
        delete_file_on_commit(session, key)


def delete_file_on_commit(session: Session, key: str) -> None:
    """The CV file goes once the candidate's removal is committed; a rollback keeps it."""
    pending = session.info.get("ats_files_to_delete")
    if pending is None:
        pending = session.info["ats_files_to_delete"] = []

        def committed(_session) -> None:
            while pending:
                key = pending.pop()
                try:
                    delete_file(key)
                except OSError:  # the rows are gone already; a stray file is logged, not a failed purge
                    log.exception("could not delete CV file %s", key)

        event.listen(session, "after_commit", committed)
        event.listen(session, "after_rollback", lambda _session: pending.clear())
    pending.append(key)


PURGE: FurtherProgressAction[PurgeForm, None] = FurtherProgressAction(
    "purge", N_("Delete permanently"), rights=("can_see_deleted", "can_delete"), prepare=prepare_purge,
    run_one=purge_application, listed=False)
