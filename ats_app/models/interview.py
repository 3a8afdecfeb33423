"""Interviews, the recruiters taking part, and follow-up tasks."""

from datetime import datetime
from enum import Enum

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class InterviewAcceptance(str, Enum):
    """The candidate's answer to an invitation."""

    AWAITING = "awaiting"
    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not_accepted"
    CONTACT_NEW_TIME = "contact_new_time"
    NOT_RELEVANT = "not_relevant"


class Interview(SQLModel, table=True):
    """One meeting with one candidate (group interviews share start and place)."""

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    interview_type: str = Field(max_length=40)  # initial, first, second, third
    mode: str = Field(default="in_person", max_length=20)  # in_person, phone, video, group
    starts_at: datetime = Field(index=True)
    duration_minutes: int = Field(default=60)
    place: str | None = Field(default=None, max_length=300)
    video_link: str | None = Field(default=None, max_length=500)
    confirm_token_hash: str | None = Field(default=None, max_length=64, index=True)
    acceptance: InterviewAcceptance = Field(default=InterviewAcceptance.AWAITING, sa_type=String(20))
    answered_at: datetime | None = Field(default=None)
    reminder_channel: str = Field(default="none", max_length=20)  # none, email, sms, email_sms
    reminder_days: int | None = Field(default=None)
    reminder_subject: str | None = Field(default=None, max_length=300)
    reminder_body: str | None = Field(default=None)
    sequence: int = Field(default=0)  # iCalendar SEQUENCE, bumped on every change
    cancelled_at: datetime | None = Field(default=None)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = created_field()


class InterviewRecruiter(SQLModel, table=True):
    """A recruiter taking part in an interview."""

    __tablename__ = "interview_recruiter"

    interview_id: int = Field(foreign_key="interview.id", primary_key=True)
    user_id: int = Field(foreign_key="user.id", primary_key=True)


class Task(SQLModel, table=True):
    """Something a recruiter must do: call a rejected top candidate, find a new interview time."""

    id: int | None = Field(default=None, primary_key=True)
    application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    assignee_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    kind: str = Field(max_length=40)  # call_candidate, new_interview_time, data_deletion
    note: str | None = Field(default=None)
    due_at: datetime | None = Field(default=None)
    done_at: datetime | None = Field(default=None)
    done_by_id: int | None = Field(default=None, foreign_key="user.id")
    # A logged call: when it happened, how it went (reached, no_answer, left_message), what was said.
    called_at: datetime | None = Field(default=None)
    outcome: str | None = Field(default=None, max_length=40)
    outcome_note: str | None = Field(default=None)
    created_at: datetime = created_field()
