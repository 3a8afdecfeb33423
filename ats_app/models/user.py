"""Users of the ATS (admins, recruiters, hiring managers) and their log-in sessions."""

from datetime import datetime
from enum import Enum

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class Role(str, Enum):
    """What a user is in the organisation; rights refine it."""

    ADMIN = "admin"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"


class User(SQLModel, table=True):
    """A person who logs in. Per-user rights follow EasyCruit's access settings."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=254)
    name: str = Field(max_length=200)
    password_hash: str = Field(max_length=200)
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
    created_at: datetime = created_field()
    last_login_at: datetime | None = Field(default=None)


class UserSession(SQLModel, table=True):
    """A log-in: only the SHA-256 of the browser's token is stored."""

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = created_field()
    expires_at: datetime
    revoked_at: datetime | None = Field(default=None)
