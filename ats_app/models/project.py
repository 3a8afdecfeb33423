"""Recruitment projects (vacancies)."""

from datetime import date, datetime
from enum import Enum

from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class ProjectStatus(str, Enum):
    """Where a project is in its life: drafted, open for applications, closed."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class RecruitmentProject(SQLModel, table=True):
    """A vacancy that candidates apply to; the unit of Application handling."""

    __tablename__ = "recruitment_project"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300, index=True)
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    position_id: int | None = Field(default=None, foreign_key="position.id")
    status: ProjectStatus = Field(default=ProjectStatus.DRAFT, index=True, sa_type=String(20))
    deadline: date | None = Field(default=None)
    # Languages the advert and emails are offered in, e.g. ["nb", "en"].
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Screening questions: [{"id": "q1", "text": {"en": "Do you have a work permit?", "nb": "..."},
    # "knockout": "no"}]. "knockout" is the answer that rules a candidate out (absent: none does).
    screening_questions: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    owner_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = created_field()
    deleted_at: datetime | None = Field(default=None)
