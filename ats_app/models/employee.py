"""Employees: hired people, no longer candidates, and what happened to their record."""

from datetime import date, datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class Employee(SQLModel, table=True):
    """A person hired through a project, or added by hand."""

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int | None = Field(default=None, foreign_key="candidate.id", index=True)
    application_id: int | None = Field(default=None, foreign_key="application.id")  # the hire, when hired here
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    email: str | None = Field(default=None, max_length=254)
    mobile: str | None = Field(default=None, max_length=40)
    position_id: int | None = Field(default=None, foreign_key="position.id")
    position_title: str | None = Field(default=None, max_length=200)  # as hired (a position, or its own words)
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    start_date: date | None = Field(default=None)
    end_date: date | None = Field(default=None)  # employment ended (or ends) on this day
    end_reason: str | None = Field(default=None, max_length=40)  # resigned, dismissed, contract_ended, retired, other
    hired_from_project_id: int | None = Field(default=None, foreign_key="recruitment_project.id")
    created_at: datetime = created_field()
    updated_at: datetime | None = Field(default=None)


class EmployeeEvent(SQLModel, table=True):
    """One line of an employee record's history (added, edited, employment ended, emailed)."""

    __tablename__ = "employee_event"

    id: int | None = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    kind: str = Field(max_length=40)
    payload: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    message_id: int | None = Field(default=None, foreign_key="message.id")
    created_at: datetime = created_field()
