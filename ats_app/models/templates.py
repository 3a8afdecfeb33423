"""Email templates and the rejection types and reasons that use them."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class EmailTemplate(SQLModel, table=True):
    """A recruiter-editable email text for one kind, in one language, optionally per department."""

    __tablename__ = "email_template"
    __table_args__ = (UniqueConstraint("kind", "language", "department_id", name="uq_email_template_kind_lang_dept"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=60, index=True)  # e.g. "rejection.after_first_interview"
    language: str = Field(max_length=5)
    department_id: int | None = Field(default=None, foreign_key="department.id")
    subject: str = Field(max_length=300)
    body_html: str
    updated_at: datetime = created_field()
    updated_by_id: int | None = Field(default=None, foreign_key="user.id")


class RejectionType(SQLModel, table=True):
    """The stage at which a rejection happens; each has its own email template kind."""

    __tablename__ = "rejection_type"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, unique=True)  # e.g. "after_first_interview"
    sequence: int = Field(default=0)
    template_kind: str = Field(max_length=60)
    default_delay_days: int = Field(default=0)
    active: bool = Field(default=True)


class RejectionReason(SQLModel, table=True):
    """Why someone was rejected, per language; feeds the rejection report."""

    __tablename__ = "rejection_reason"
    __table_args__ = (UniqueConstraint("code", "language", name="uq_rejection_reason_code_language"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60)
    language: str = Field(max_length=5)
    label: str = Field(max_length=200)
    sequence: int = Field(default=0)
    active: bool = Field(default=True)
