"""The CV database: saved candidates, searchable by name, email and skills in their CV, by language."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import require
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import N_
from ats_app.handling.further_progress import BulkResult, run_each
from ats_app.handling.transfer import TRANSFER, check_target, transfer_candidate
from ats_app.models import Application, ApplicationStatus, Candidate, RecruitmentProject

PAGE_SIZE = 50
RIGHT = "can_search_cv_database"  # the page, its search and Transfer from it


@dataclass
class SavedCandidate:
    candidate_id: int
    name: str
    email: str
    language: str
    saved_from: str  # the project of the latest saved application
    saved_at: datetime
    has_cv: bool


def list_saved(session: Session, user: CurrentUser, *, search: str = "", language: str = "", offset: int = 0,
               limit: int = PAGE_SIZE) -> tuple[list[SavedCandidate], int]:
    """One page of candidates with a saved application in a project user may see, latest saved first (nothing
    for a user without the right to search the CV database)."""
    if not user.has(RIGHT):
        return [], 0
    latest = (
        select(Application.candidate_id, func.max(Application.updated_at).label("saved_at"),
               func.max(Application.id).label("application_id"))
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(Application.status == ApplicationStatus.SAVED, col(Application.deleted_at).is_(None),
               visible_projects(user))
        .group_by(Application.candidate_id).subquery()
    )
    where = [col(Candidate.anonymised_at).is_(None)]
    other = aliased(Application)  # any of the candidate's applications, apart from the one listed
    for word in search.lower().split()[:8]:  # every word must match the name, the email or the CV text
        # Names and emails through the applications' lower-cased copy (SQLite's lower() knows only ASCII).
        named = exists().where(other.candidate_id == Candidate.id,
                               col(other.search_text).contains(word, autoescape=True))
        where.append(or_(named, func.lower(Candidate.cv_text).contains(word, autoescape=True)))
    if language:
        where.append(Candidate.language == language)
    base = select(Candidate).join(latest, latest.c.candidate_id == Candidate.id)
    total = session.exec(select(func.count()).select_from(base.where(*where).subquery())).one()
    found = session.exec(
        select(Candidate, latest.c.saved_at, RecruitmentProject.title)
        .join(latest, latest.c.candidate_id == Candidate.id)
        .join(Application, Application.id == latest.c.application_id)
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(*where).order_by(latest.c.saved_at.desc(), col(Candidate.id).desc()).offset(offset).limit(limit)
    ).all()
    rows = [SavedCandidate(c.id, f"{c.first_name} {c.last_name}", c.email, c.language, title, saved_at,
                           bool(c.cv_file_key)) for c, saved_at, title in found]
    return rows, total


def transfer_saved(session: Session, user: CurrentUser, candidate_ids: list[int], target) -> BulkResult:
    """Transfer saved candidates into a project (target as the Transfer form gives it): each gets a new
    application with status Transferred; one already in the target is skipped with the reason."""
    if not user.has(RIGHT):
        raise NotAllowed(RIGHT)
    require(user, TRANSFER)
    project = check_target(session, user, target)
    if project is None:
        raise InvalidChoice("target", N_("Choose the project to transfer to."))
    saved = set(session.exec(select(Application.candidate_id)
                             .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
                             .where(col(Application.candidate_id).in_(candidate_ids or [-1]),
                                    Application.status == ApplicationStatus.SAVED,
                                    col(Application.deleted_at).is_(None), visible_projects(user))))
    names = {c.id: f"{c.first_name} {c.last_name}"  # only of candidates user may see: the others stay unnamed
             for c in session.exec(select(Candidate).where(col(Candidate.id).in_(saved or {-1})))}

    def step(candidate_id: int) -> None:
        if candidate_id not in saved:  # only candidates in the CV database can be taken from it
            raise ActionRefused(N_("not found"))
        transfer_candidate(session, user, candidate_id, project)

    return run_each(session, candidate_ids, names, step, "transfer from the CV database")
