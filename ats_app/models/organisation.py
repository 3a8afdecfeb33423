"""The organisation's structure and settings: departments, positions, key/value settings."""

from sqlmodel import Field, SQLModel


class Department(SQLModel, table=True):
    """A department that owns recruitment projects and employees."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)


class Position(SQLModel, table=True):
    """A job title that projects recruit for and employees hold."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)


class Setting(SQLModel, table=True):
    """Organisation-wide settings (company name, time zone, rejection delays), each a plain text value."""

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(default="")
