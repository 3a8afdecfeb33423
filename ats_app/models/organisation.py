"""The organisation's structure and settings: departments, positions, key/value settings, privacy texts."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class Department(SQLModel, table=True):
    """A department that owns recruitment projects and employees."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    active: bool = Field(default=True)  # a deactivated department takes no new projects, users or positions


class Position(SQLModel, table=True):
    """A job title that projects recruit for and employees hold."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    active: bool = Field(default=True)  # a deactivated position is no longer offered for new projects


class Setting(SQLModel, table=True):
    """Organisation-wide settings (company name, time zone, rejection delays), each a plain text value."""

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(default="")


class PrivacyText(SQLModel, table=True):
    """The privacy text candidates consent to, per language; every edit is a new version, never an overwrite,
    so an application keeps the exact text its candidate agreed to."""

    __tablename__ = "privacy_text"
    __table_args__ = (UniqueConstraint("language", "version", name="uq_privacy_text_version"),)

    id: int | None = Field(default=None, primary_key=True)
    language: str = Field(max_length=5, index=True)
    version: int = Field(default=1)
    text: str = Field(default="")
    created_at: datetime = created_field()
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
