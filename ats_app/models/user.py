"""Users of the ATS (admins, department admins, recruiters, hiring managers), their log-in sessions, their
one-time password links, and the audit log of what they did."""

from datetime import datetime
from enum import Enum

from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field, utcnow


class Role(str, Enum):
    """What a user is in the organisation; rights refine it."""

    ADMIN = "admin"
    DEPARTMENT_ADMIN = "department_admin"  # administers the users of their own department; recruits there
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"


class User(SQLModel, table=True):
    """A person who logs in. Per-user rights follow EasyCruit's access settings."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=254)
    name: str = Field(max_length=200)
    password_hash: str = Field(default="", max_length=200)  # empty until an invited user chooses a password
    role: Role = Field(default=Role.RECRUITER, sa_type=String(20))
    language: str = Field(default="en", max_length=5)
    time_zone: str = Field(default="Europe/Oslo", max_length=64)
    department_id: int | None = Field(default=None, foreign_key="department.id")
    active: bool = Field(default=True)
    can_send_sms: bool = Field(default=False)
    can_reject: bool = Field(default=True)
    can_make_offers: bool = Field(default=False)
    can_transfer: bool = Field(default=True)
    can_delete: bool = Field(default=False)
    can_see_deleted: bool = Field(default=False)
    can_edit_templates: bool = Field(default=False)
    can_merge_candidates: bool = Field(default=False)  # merge a possible duplicate into one candidate
    can_manage_contracts: bool = Field(default=False)  # the Contracts page: templates and their versions
    can_send_to_panel: bool = Field(default=False)  # send applicants to a review panel (managers: their department)
    can_send_email: bool = Field(default=True)  # Send email / SMS to applicants from the list
    can_search_cv_database: bool = Field(default=True)  # the CV database: search every candidate
    # A recruiter sees the projects they are on; with this right, every project of their department too.
    can_see_department_projects: bool = Field(default=False)
    created_at: datetime = created_field()
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    last_login_at: datetime | None = Field(default=None)
    password_changed_at: datetime | None = Field(default=None)
    deactivated_at: datetime | None = Field(default=None)
    locked_until: datetime | None = Field(default=None)  # too many wrong passwords: refused until then


class UserLink(SQLModel, table=True):
    """A one-time link that lets a user choose a password: an invitation, a "forgot password" or the first
    admin's set-up link. Only the SHA-256 of its token is stored."""

    __tablename__ = "user_link"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    user_id: int = Field(foreign_key="user.id", index=True)
    purpose: str = Field(max_length=20)  # invite, reset, setup
    created_at: datetime = created_field()
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    expires_at: datetime
    used_at: datetime | None = Field(default=None)


class AuditEvent(SQLModel, table=True):
    """One line of the audit log: who did what and when (log-ins, failed log-ins, locks, users and rights
    changed, exports, permanent deletions). The actor's name is kept as it was, so the line outlives a
    renamed user; details hold no passwords or tokens."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, nullable=False, index=True)
    kind: str = Field(max_length=40, index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    actor_name: str = Field(default="", max_length=200)
    subject: str = Field(default="", max_length=300)  # what it was done to, in words ("Astrid Berg", "CSV")
    details: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    client_ip: str = Field(default="", max_length=45)


class UserSession(SQLModel, table=True):
    """A log-in: only the SHA-256 of the browser's token is stored."""

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = created_field()
    expires_at: datetime
    revoked_at: datetime | None = Field(default=None)
