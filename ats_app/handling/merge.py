"""Merging two records of one person: everything of the duplicate moves to the candidate kept, and the
duplicate's row goes. One transaction (the caller's): a refusal or a failure changes nothing.

What moves, and how:
- applications (with their interviews, messages, tasks, ratings, panel reviews and history, which hang on
  the application), and employee records; each moved application gets a history line naming the duplicate
  and the kept ones a line too, the actor being the recruiter who merged;
- the CV: the kept candidate's stays; when they have none, the duplicate's moves (file, name, text);
  a CV left over is deleted once the merge is committed. Cover letter files stay on their applications;
- contact details the kept candidate lacks are taken from the duplicate: mobile, birth date, the address
  (street, postal code and city together, when the kept one has none of them), country; the consent that
  lasts longer;
- the portal log-in: the kept candidate's account stays when it has a password (or the duplicate's has
  none), and the duplicate's sessions are ended and its unused links expire; otherwise the duplicate's
  account moves with its sessions and links, so the person keeps logging in with their password (under
  the kept candidate's email);
- a dismissal "not the same person" of the duplicate now holds for the kept candidate.
Refused when both have a live application to the same project (one of them must be deleted first), when
either is anonymised or not visible to the user, and without the right can_merge_candidates.
"""

from dataclasses import dataclass

from sqlalchemy import update
from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.applicant_keys import keys_for
from ats_app.applications.history import record
from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.core.i18n import N_
from ats_app.handling.duplicates import NOT_FOUND, visible_candidate
from ats_app.handling.purge import delete_file_on_commit
from ats_app.models import (
    Application,
    Candidate,
    CandidateAccount,
    CandidateLink,
    CandidateSession,
    DuplicateDismissal,
    Employee,
    Message,
    RecruitmentProject,
)
from ats_app.models.base import utcnow

RIGHT = "can_merge_candidates"
SAME_PROJECT = N_("Both records have an application to {project}. Delete one of the two applications first, "
                  "then merge.")
SAME_PROJECT_HIDDEN = N_("Both records have an application to the same project. Delete one of the two "
                         "applications first, then merge.")
_ADDRESS = ("address", "postal_code", "city")
# Every table that points at a candidate, each moved (or ended) below: a new one must be added here and there.
MOVED_TABLES = ("application", "employee", "candidate_account", "candidate_link", "candidate_session",
                "duplicate_dismissal")


@dataclass
class MergeResult:
    kept_id: int
    applications_moved: int
    portal_account: str  # "kept", "moved" or "none"


def may_merge(user: CurrentUser) -> bool:
    """Whether user holds the right to merge candidates (admins hold every right)."""
    return user.has(RIGHT)


def merge_candidates(session: Session, user: CurrentUser, keep_id: int, remove_id: int) -> MergeResult:
    """Merge candidate remove_id into keep_id (see the module's text); the caller commits."""
    if not may_merge(user):
        raise NotAllowed(RIGHT)
    if keep_id == remove_id:
        raise ActionRefused(N_("This is the same candidate."))
    keep, remove = visible_candidate(session, user, keep_id), visible_candidate(session, user, remove_id)
    if keep is None or remove is None:
        raise ActionRefused(NOT_FOUND)
    _refuse_same_project(session, user, keep_id, remove_id)
    moved = list(session.exec(select(Application).where(Application.candidate_id == remove_id)).all())
    kept_applications = list(session.exec(select(Application).where(
        Application.candidate_id == keep_id, col(Application.moved_to_id).is_(None))).all())
    who = f"{remove.first_name} {remove.last_name} ({remove.email})"
    _fill_contact(keep, remove)
    _take_cv(session, keep, remove, [int(a.id) for a in moved])
    account = _move_portal(session, keep_id, remove_id)
    _move_dismissals(session, keep_id, remove_id)
    session.exec(update(Employee).where(Employee.candidate_id == remove_id).values(candidate_id=keep_id))
    keys = keys_for(keep)
    for application in moved:
        application.candidate_id = keep_id
        application.sort_name, application.search_text = keys["sort_name"], keys["search_text"]
        application.updated_at = utcnow()
        session.add(application)
        record(session, user, application, "candidate_merged", from_candidate_id=remove_id, moved=True).note = who
    for application in kept_applications:
        record(session, user, application, "candidate_merged", from_candidate_id=remove_id, moved=False).note = who
    session.add(keep)
    session.flush()
    session.delete(remove)
    session.flush()
    return MergeResult(keep_id, len(moved), account)


def _refuse_same_project(session: Session, user: CurrentUser, keep_id: int, remove_id: int) -> None:
    """Two live applications of one person to one project would be one too many in its list."""
    theirs = select(Application.project_id).where(Application.candidate_id == remove_id,
                                                  col(Application.deleted_at).is_(None),
                                                  col(Application.moved_to_id).is_(None))
    clash = session.exec(select(Application.project_id).where(
        Application.candidate_id == keep_id, col(Application.deleted_at).is_(None),
        col(Application.moved_to_id).is_(None), col(Application.project_id).in_(theirs))).first()
    if clash is None:
        return
    title = session.exec(select(RecruitmentProject.title).where(RecruitmentProject.id == clash,
                                                                visible_projects(user))).first()
    if title is None:
        raise ActionRefused(SAME_PROJECT_HIDDEN)
    raise ActionRefused(SAME_PROJECT, project=title)


def _fill_contact(keep: Candidate, remove: Candidate) -> None:
    """The details keep lacks, from remove."""
    for name in ("mobile", "birth_date", "country"):
        if not getattr(keep, name) and getattr(remove, name):
            setattr(keep, name, getattr(remove, name))
    if not any(getattr(keep, name) for name in _ADDRESS):
        for name in _ADDRESS:
            setattr(keep, name, getattr(remove, name))
    if remove.consent_expires_at and (keep.consent_expires_at is None
                                      or remove.consent_expires_at > keep.consent_expires_at):
        keep.consent_at, keep.consent_expires_at = remove.consent_at, remove.consent_expires_at


def _take_cv(session: Session, keep: Candidate, remove: Candidate, moved_ids: list[int]) -> None:
    """The kept CV stays, else the duplicate's moves; a CV nobody keeps goes after the commit (unless an
    email of the moved applications carries it as an attachment)."""
    if not keep.cv_file_key and remove.cv_file_key:
        keep.cv_file_key, keep.cv_filename = remove.cv_file_key, remove.cv_filename
        keep.cv_text = remove.cv_text or keep.cv_text
        return
    if not keep.cv_text and remove.cv_text:
        keep.cv_text = remove.cv_text
    key = remove.cv_file_key
    if not key or key == keep.cv_file_key:
        return
    attached = {item.get("file_key") for found in session.exec(select(Message.attachments).where(
        col(Message.application_id).in_(moved_ids or [-1]))) for item in found or []}
    if key not in attached:
        delete_file_on_commit(session, key)


def _move_portal(session: Session, keep_id: int, remove_id: int) -> str:
    """One portal log-in for the person; returns which: "kept", "moved" or "none"."""
    kept = session.exec(select(CandidateAccount).where(CandidateAccount.candidate_id == keep_id)).first()
    other = session.exec(select(CandidateAccount).where(CandidateAccount.candidate_id == remove_id)).first()
    now = utcnow()
    if other is not None and (kept is None or (kept.password_hash is None and other.password_hash is not None)):
        if kept is not None:  # never used: its links expire, and it makes room for the one in use
            _end_portal_rows(session, keep_id, now)
            session.delete(kept)
            session.flush()
        other.candidate_id = keep_id
        session.add(other)
        outcome = "moved"
    else:
        _end_portal_rows(session, remove_id, now)
        if other is not None:
            session.delete(other)
        outcome = "kept" if kept is not None else "none"
    session.flush()
    for row in (CandidateSession, CandidateLink):  # kept for the record; ended above unless the account moved
        session.exec(update(row).where(row.candidate_id == remove_id).values(candidate_id=keep_id))
    return outcome


def _end_portal_rows(session: Session, candidate_id: int, now) -> None:
    """The candidate's portal sessions are revoked and their unused links expire."""
    session.exec(update(CandidateSession).where(CandidateSession.candidate_id == candidate_id,
                                                col(CandidateSession.revoked_at).is_(None)).values(revoked_at=now))
    session.exec(update(CandidateLink).where(CandidateLink.candidate_id == candidate_id,
                                             col(CandidateLink.used_at).is_(None),
                                             col(CandidateLink.expires_at) > now).values(expires_at=now))


def _move_dismissals(session: Session, keep_id: int, remove_id: int) -> None:
    """"Not the same person as X" said of the duplicate holds for the kept candidate (lower id first)."""
    rows = session.exec(select(DuplicateDismissal).where(
        (DuplicateDismissal.candidate_id == remove_id) | (DuplicateDismissal.other_id == remove_id))).all()
    known = {(d.candidate_id, d.other_id) for d in session.exec(select(DuplicateDismissal).where(
        (DuplicateDismissal.candidate_id == keep_id) | (DuplicateDismissal.other_id == keep_id))).all()}
    for dismissal in rows:
        other = dismissal.other_id if dismissal.candidate_id == remove_id else dismissal.candidate_id
        pair = (min(keep_id, other), max(keep_id, other))
        if other == keep_id or pair in known:
            session.delete(dismissal)
            continue
        dismissal.candidate_id, dismissal.other_id = pair
        known.add(pair)
        session.add(dismissal)
    session.flush()
