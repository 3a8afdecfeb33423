"""Deleted applications: every deleted application in the projects the user may see, newest first."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import require
from ats_app.handling.status_actions import RESTORE
from ats_app.models import Application, Candidate, RecruitmentProject, User

PAGE_SIZE = 50


@dataclass
class DeletedRow:
    application_id: int
    name: str
    email: str
    project_title: str
    project_deleted: bool
    status: str
    deleted_at: datetime
    deleted_by: str


def list_deleted(session: Session, user: CurrentUser, *, search: str = "", offset: int = 0,
                 limit: int = PAGE_SIZE) -> tuple[list[DeletedRow], int]:
    """One page of deleted applications (not those a Transfer moved away) and how many there are."""
    require(user, RESTORE)
    where = [col(Application.deleted_at).is_not(None), col(Application.moved_to_id).is_(None),
             visible_projects(user, include_deleted=True)]
    needle = " ".join(search.lower().split())
    if needle:
        where.append(col(Application.search_text).contains(needle, autoescape=True))
    joined = lambda query: query.join(RecruitmentProject, RecruitmentProject.id == Application.project_id)  # noqa: E731
    total = session.exec(joined(select(func.count(Application.id))).where(*where)).one()
    found = session.exec(
        joined(select(Application, Candidate.first_name, Candidate.last_name, Candidate.email, RecruitmentProject.title,
                      RecruitmentProject.deleted_at, User.name))
        .join(Candidate, Candidate.id == Application.candidate_id)
        .join(User, User.id == Application.deleted_by_id, isouter=True)
        .where(*where).order_by(col(Application.deleted_at).desc(), col(Application.id).desc())
        .offset(offset).limit(limit)
    ).all()
    rows = [DeletedRow(a.id, f"{first} {last}", email, title, gone is not None, a.status, a.deleted_at, by or "")
            for a, first, last, email, title, gone, by in found]
    return rows, int(total)
