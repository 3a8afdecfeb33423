"""Employment contracts: templates with versions, and the contracts produced from them."""

from datetime import datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class ContractTemplate(SQLModel, table=True):
    """A contract template of a department (None: the whole organisation) in one language."""

    __tablename__ = "contract_template"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    language: str = Field(default="en", max_length=5)
    created_at: datetime = created_field()
    archived_at: datetime | None = Field(default=None)  # no longer offered; kept for the contracts made from it


class ContractTemplateVersion(SQLModel, table=True):
    """One saved version of a template: the document and its self-defined variables. Never changed once a
    contract was made from it; an edit saves a new version."""

    __tablename__ = "contract_template_version"
    __table_args__ = (UniqueConstraint("template_id", "version", name="uq_contract_template_version"),)

    id: int | None = Field(default=None, primary_key=True)
    template_id: int = Field(foreign_key="contract_template.id", index=True)
    version: int
    body_html: str  # the editor's safe format, stored clean (mail.markup)
    # Self-defined variables: [{"key": "probation_months", "label": "Probation (months)", "type": "number"}]
    variables: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = created_field()


class Contract(SQLModel, table=True):
    """A contract produced for one application from one template version, its PDF kept privately, and the
    candidate's acknowledgement from their sealed link."""

    id: int | None = Field(default=None, primary_key=True)
    # Empty once the application was deleted permanently and the contract stayed with its employee.
    application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    template_version_id: int = Field(foreign_key="contract_template_version.id")
    offer_id: int | None = Field(default=None, foreign_key="offer.id")
    values: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))  # the self-defined values
    file_key: str = Field(max_length=200)
    filename: str = Field(max_length=200)
    language: str = Field(default="en", max_length=5)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = created_field()
    token_hash: str = Field(max_length=64, unique=True)
    acknowledged_at: datetime | None = Field(default=None)
    acknowledged_name: str | None = Field(default=None, max_length=200)  # the name the candidate typed
    employee_id: int | None = Field(default=None, foreign_key="employee.id", index=True)
