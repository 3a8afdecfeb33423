"""Candidates as recruiters see them: who may read a candidate's CV."""

from dataclasses import dataclass

from sqlmodel import Session, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.core import files
from ats_app.models import Application, Candidate, RecruitmentProject


@dataclass
class CvFile:
    """A CV ready to stream to a recruiter."""

    filename: str
    content: bytes


def cv_for_download(session: Session, user: CurrentUser, candidate_id: int) -> CvFile | None:
    """The candidate's CV, when user may see at least one project the candidate applied to."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None or not candidate.cv_file_key or candidate.anonymised_at is not None:
        return None
    allowed = session.exec(
        select(Application.id).join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(Application.candidate_id == candidate_id, visible_projects(user)).limit(1)
    ).first()
    if allowed is None:
        return None
    try:
        return CvFile(filename=candidate.cv_filename or "cv.pdf", content=files.read_bytes(candidate.cv_file_key))
    except FileNotFoundError:
        return None
