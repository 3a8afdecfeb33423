"""Offers: the terms a candidate is offered and their answer."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class Offer(SQLModel, table=True):
    """The terms of one offer to one application (a new offer to the same application replaces the current one:
    superseded_at is set on the old), the candidate's answer from their sealed link, and its expiry."""

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True)
    position_title: str = Field(max_length=200)
    department_id: int | None = Field(default=None, foreign_key="department.id")
    start_date: date | None = Field(default=None)
    salary: str | None = Field(default=None, max_length=40)  # as written: "52 000" (a number, kept as typed)
    salary_currency: str = Field(default="NOK", max_length=3)
    salary_period: str = Field(default="month", max_length=10)  # hour, month, year
    hours: str | None = Field(default=None, max_length=100)  # "37.5 hours a week", "Full time"
    place_of_work: str | None = Field(default=None, max_length=200)
    valid_until: date | None = Field(default=None)  # the candidate may answer until the end of this day
    terms: str | None = Field(default=None)  # free text, the editor's safe format
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = created_field()
    token_hash: str = Field(max_length=64, unique=True)
    answer: str | None = Field(default=None, max_length=20)  # accepted, declined, question
    answered_at: datetime | None = Field(default=None)
    answer_note: str | None = Field(default=None)  # the reason for declining, or the question asked
    expired_at: datetime | None = Field(default=None)  # past valid_until without an answer
    superseded_at: datetime | None = Field(default=None)
