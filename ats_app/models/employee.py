"""Employees: hired people, no longer candidates."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class Employee(SQLModel, table=True):
    """A person hired through a project."""

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int | None = Field(default=None, foreign_key="candidate.id", index=True)
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    email: str | None = Field(default=None, max_length=254)
    position_id: int | None = Field(default=None, foreign_key="position.id")
    department_id: int | None = Field(default=None, foreign_key="department.id")
    start_date: date | None = Field(default=None)
    hired_from_project_id: int | None = Field(default=None, foreign_key="recruitment_project.id")
    created_at: datetime = created_field()
