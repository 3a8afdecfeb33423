"""Candidates: the person behind one or more applications."""

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint, func, literal_column
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class Candidate(SQLModel, table=True):
    """A person who applied. Personal data lives here, not on the application."""

    # The same email address (any case) is the same candidate: the application form finds them on this index.
    __table_args__ = (Index("ix_candidate_email_lower", func.lower(literal_column("email"))),)

    id: int | None = Field(default=None, primary_key=True)
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    email: str = Field(max_length=254, index=True)
    # E.164. Indexed, as is the birth date: possible duplicates are looked for among the few candidates
    # who share one of them (handling.duplicates).
    mobile: str | None = Field(default=None, max_length=32, index=True)
    address: str | None = Field(default=None, max_length=300)
    postal_code: str | None = Field(default=None, max_length=20)
    city: str | None = Field(default=None, max_length=100)
    country: str | None = Field(default=None, max_length=2)
    birth_date: date | None = Field(default=None, index=True)
    language: str = Field(default="en", max_length=5)
    # The CV is stored privately under a server-generated key, never in Reflex's public upload folder.
    cv_file_key: str | None = Field(default=None, max_length=64)
    cv_filename: str | None = Field(default=None, max_length=200)
    cv_text: str | None = Field(default=None)  # extracted text, for the CV database search
    consent_at: datetime | None = Field(default=None)
    consent_expires_at: datetime | None = Field(default=None)
    created_at: datetime = created_field()
    anonymised_at: datetime | None = Field(default=None)


class CandidateAccount(SQLModel, table=True):
    """A candidate's log-in to the candidate portal; the password is set through a one-time link."""

    __tablename__ = "candidate_account"

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", unique=True)
    password_hash: str | None = Field(default=None, max_length=200)  # None until the link is used
    created_at: datetime = created_field()
    password_set_at: datetime | None = Field(default=None)
    last_login_at: datetime | None = Field(default=None)


class CandidateLink(SQLModel, table=True):
    """A one-time link for a candidate (set password): only the token's SHA-256 is stored."""

    __tablename__ = "candidate_link"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    purpose: str = Field(default="set_password", max_length=30)
    expires_at: datetime
    used_at: datetime | None = Field(default=None)
    created_at: datetime = created_field()


class CandidateSession(SQLModel, table=True):
    """A candidate's portal log-in (cookie token, stored as its hash)."""

    __tablename__ = "candidate_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    created_at: datetime = created_field()
    expires_at: datetime
    revoked_at: datetime | None = Field(default=None)


class DuplicateDismissal(SQLModel, table=True):
    """A recruiter said two candidates flagged as possible duplicates are different people (lower id first)."""

    __tablename__ = "duplicate_dismissal"
    __table_args__ = (UniqueConstraint("candidate_id", "other_id", name="uq_duplicate_dismissal"),)

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True)
    other_id: int = Field(foreign_key="candidate.id", index=True)
    dismissed_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = created_field()
