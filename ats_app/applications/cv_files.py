"""Candidates' documents as recruiters see them: who may read a candidate's CV, or the cover letter sent
as a file with one application."""

import mimetypes
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

    @property
    def media_type(self) -> str:
        """From the name, whose type the intake checked against the file's own bytes (PDF, DOCX, ODT, RTF)."""
        return mimetypes.guess_type(self.filename)[0] or "application/octet-stream"


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


def cover_letter_for_download(session: Session, user: CurrentUser, application_id: int) -> CvFile | None:
    """The cover letter file of an application whose project user may see (None when there is none)."""
    application = session.exec(
        select(Application).join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(Application.id == application_id, visible_projects(user))).first()
    if application is None or not application.cover_letter_file_key:
        return None
    candidate = session.get(Candidate, application.candidate_id)
    if candidate is None or candidate.anonymised_at is not None:
        return None
    try:
        return CvFile(filename=application.cover_letter_filename or "cover-letter.pdf",
                      content=files.read_bytes(application.cover_letter_file_key))
    except FileNotFoundError:
        return None
