"""Recruitment projects (vacancies): the project itself, its advert per language, its recruiters and its history."""

from datetime import date, datetime
from enum import Enum

from sqlalchemy import JSON, Column, String, UniqueConstraint
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
    start_date: date | None = Field(default=None)
    positions: int = Field(default=1)  # how many people the project hires
    place: str | None = Field(default=None, max_length=200)  # where the work is (the advert's job location)
    # schema.org employmentType: FULL_TIME, PART_TIME, TEMPORARY, CONTRACTOR, INTERN, ...
    employment_type: str = Field(default="FULL_TIME", max_length=20)
    # Languages the advert and emails are offered in, e.g. ["nb", "en"].
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Screening questions, read and checked by projects.screening (which documents the shape):
    # [{"id": "q1", "kind": "yes_no", "mandatory": true, "text": {"en": "Do you have a work permit?"},
    #   "choices": [{"id": "yes", ...}, {"id": "no", "knockout": true}], "requirement": {"en": "A work permit"}}]
    screening_questions: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Reject knocked-out applicants automatically this many days after they applied (None: off, the default).
    auto_reject_after_days: int | None = Field(default=None)
    owner_id: int | None = Field(default=None, foreign_key="user.id")  # the responsible recruiter
    created_at: datetime = created_field()
    updated_at: datetime | None = Field(default=None)
    published_at: datetime | None = Field(default=None)  # first opened: the advert's datePosted
    closed_at: datetime | None = Field(default=None)
    deleted_at: datetime | None = Field(default=None)


class ProjectAdvert(SQLModel, table=True):
    """The advert of one project in one language, in the editor's safe text format (mail.markup)."""

    __tablename__ = "project_advert"
    __table_args__ = (UniqueConstraint("project_id", "language", name="uq_project_advert_language"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="recruitment_project.id", index=True)
    language: str = Field(max_length=5)
    headline: str = Field(default="", max_length=300)
    introduction: str = Field(default="")
    job: str = Field(default="")
    offer: str = Field(default="")
    contact: str = Field(default="")


class ProjectRecruiter(SQLModel, table=True):
    """Another recruiter working on a project beside the responsible one."""

    __tablename__ = "project_recruiter"
    __table_args__ = (UniqueConstraint("project_id", "user_id", name="uq_project_recruiter"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="recruitment_project.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)


class ProjectEvent(SQLModel, table=True):
    """One line of a project's history: created, edited (which fields), published, closed, reopened."""

    __tablename__ = "project_event"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="recruitment_project.id", index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    kind: str = Field(max_length=50)
    payload: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = created_field()
