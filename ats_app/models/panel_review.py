"""Panel reviews: people inside or outside the organisation rate a shortlist 1–7 from a link."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class PanelReview(SQLModel, table=True):
    """A request to a panel to rate some of a project's applicants, with what the panel may see."""

    __tablename__ = "panel_review"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="recruitment_project.id", index=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    allow_rating: bool = Field(default=True)
    allow_comments: bool = Field(default=True)
    notify_on_completion: bool = Field(default=False)
    share_cv: bool = Field(default=True)
    share_cover_letter: bool = Field(default=True)
    share_answers: bool = Field(default=True)
    anonymise: bool = Field(default=False)  # the candidates' personal data hidden from this panel
    due_date: date | None = Field(default=None)  # ratings can change until the end of this day (organisation time)
    created_at: datetime = created_field()
    closes_at: datetime | None = Field(default=None)  # the links stop working (the due date plus a grace period)
    revoked_at: datetime | None = Field(default=None)
    revoked_by_id: int | None = Field(default=None, foreign_key="user.id")


class PanelReviewApplication(SQLModel, table=True):
    """An application included in a panel review."""

    __tablename__ = "panel_review_application"

    panel_review_id: int = Field(foreign_key="panel_review.id", primary_key=True)
    application_id: int = Field(foreign_key="application.id", primary_key=True)
    position: int = Field(default=0)  # the order the reviewers meet the candidates in


class Reviewer(SQLModel, table=True):
    """One person on a panel (a user or an outside email), with their own link."""

    id: int | None = Field(default=None, primary_key=True)
    panel_review_id: int = Field(foreign_key="panel_review.id", index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    email: str = Field(max_length=254)
    name: str | None = Field(default=None, max_length=200)
    language: str = Field(default="en", max_length=5)
    token_hash: str = Field(max_length=64, unique=True)
    completed_at: datetime | None = Field(default=None)
    revoked_at: datetime | None = Field(default=None)
    reminded_at: datetime | None = Field(default=None)  # the day-before reminder was queued
    opened_at: datetime | None = Field(default=None)  # first opened the review page


class Rating(SQLModel, table=True):
    """One reviewer's 1–7 rating and comment on one application."""

    __table_args__ = (UniqueConstraint("reviewer_id", "application_id", name="uq_rating_reviewer_application"),)

    id: int | None = Field(default=None, primary_key=True)
    reviewer_id: int = Field(foreign_key="reviewer.id", index=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    score: int | None = Field(default=None)  # 1–7
    comment: str | None = Field(default=None)
    created_at: datetime = created_field()
    updated_at: datetime | None = Field(default=None)


class PanelContact(SQLModel, table=True):
    """An outside reviewer's address remembered per project, offered the next time a panel is sent."""

    __tablename__ = "panel_contact"
    __table_args__ = (UniqueConstraint("project_id", "email", name="uq_panel_contact_project_email"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="recruitment_project.id", index=True)
    email: str = Field(max_length=254)
    name: str | None = Field(default=None, max_length=200)
    language: str = Field(default="en", max_length=5)
    last_used_at: datetime = created_field()
