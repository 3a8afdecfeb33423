"""Applications (candidate × project) and their history."""

from datetime import datetime
from enum import Enum

from sqlalchemy import JSON, Column, Index, String
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class ApplicationStatus(str, Enum):
    """The status for the project: it belongs to one project only."""

    NEW = "new"
    INVITED = "invited"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    SAVED = "saved"
    HIRED = "hired"
    TRANSFERRED = "transferred"
    RESTORED = "restored"


class Application(SQLModel, table=True):
    """One candidate's application to one recruitment project."""

    __table_args__ = (
        # The summary counts, and a status filter in applied order, read these indexes alone.
        Index("ix_application_project_status_applied", "project_id", "status", "deleted_at", "applied_at"),
        Index("ix_application_project_live_applied", "project_id", "deleted_at", "applied_at"),
        # The applicant list sorts by name and searches name or email inside one project without joining
        # the candidate table: these copies of the candidate's name keep a 50,000-applicant project fast.
        Index("ix_application_project_name", "project_id", "deleted_at", "sort_name"),
        Index("ix_application_project_search", "project_id", "deleted_at", "search_text"),
        # The list's "Meets requirements / Knocked out" filter (counted, and a page in applied order, on the index
        # alone) and the automatic rejection's pass (those knocked out who applied before a cutoff).
        Index("ix_application_project_knocked", "project_id", "knocked_out", "deleted_at", "applied_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    project_id: int = Field(foreign_key="recruitment_project.id")
    status: ApplicationStatus = Field(default=ApplicationStatus.NEW, sa_type=String(20))
    previous_status: ApplicationStatus | None = Field(default=None, sa_type=String(20))
    rejection_type_id: int | None = Field(default=None, foreign_key="rejection_type.id")
    rejection_reason_id: int | None = Field(default=None, foreign_key="rejection_reason.id")
    ranking: int | None = Field(default=None)  # manual ranking 1–3
    cover_letter: str | None = Field(default=None)
    # {"q1": "yes", "q2": "5 years"}: answers to this project's screening questions.
    screening_answers: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    source: str | None = Field(default=None, max_length=100)  # "careers_site", "by_hand", "demo", ...
    # Decided from the answers when the application arrives (projects.screening): True when an answer rules
    # the candidate out, False when none does, None when the project asks nothing that can knock out.
    knocked_out: bool | None = Field(default=None)
    # A recruiter stopped the automatic rejection of this knocked-out applicant (when, and it is in the history).
    auto_reject_stopped_at: datetime | None = Field(default=None)
    cover_letter_file_key: str | None = Field(default=None, max_length=64)
    cover_letter_filename: str | None = Field(default=None, max_length=200)
    # The privacy text the candidate consented to (its version) and when; None for applications by hand.
    privacy_text_id: int | None = Field(default=None, foreign_key="privacy_text.id")
    consented_at: datetime | None = Field(default=None)
    entered_by_id: int | None = Field(default=None, foreign_key="user.id")  # added by hand by this recruiter
    applied_at: datetime = created_field()
    updated_at: datetime = created_field()
    deleted_at: datetime | None = Field(default=None, index=True)
    deleted_by_id: int | None = Field(default=None, foreign_key="user.id")
    # Set when a Transfer (Move) replaced this application with a new one in another project: it then
    # leaves its project's list like a deleted one, but is not offered on Deleted applications.
    moved_to_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    # Lower-cased "last first" and "first last email" of the candidate (applications.applicant_keys keeps them).
    sort_name: str = Field(default="", max_length=210)
    search_text: str = Field(default="", max_length=470)


class ApplicationEvent(SQLModel, table=True):
    """One line of an application's history: who did what, when, with what."""

    __tablename__ = "application_event"

    id: int | None = Field(default=None, primary_key=True)
    # Kept (set to NULL) when an application is purged, so statistics survive without personal data.
    application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    project_id: int | None = Field(default=None, foreign_key="recruitment_project.id", index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    kind: str = Field(max_length=50)  # e.g. "status_changed", "rejected", "email_sent"
    payload: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    message_id: int | None = Field(default=None, foreign_key="message.id")
    # Free text a recruiter wrote with the event (a rejection's internal note): personal data, so it is
    # emptied when the application is purged, unlike the payload's codes.
    note: str | None = Field(default=None)
    created_at: datetime = created_field()
