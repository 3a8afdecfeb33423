"""Candidates: the person behind one or more applications."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import created_field


class Candidate(SQLModel, table=True):
    """A person who applied. Personal data lives here, not on the application."""

    id: int | None = Field(default=None, primary_key=True)
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    email: str = Field(max_length=254, index=True)
    mobile: str | None = Field(default=None, max_length=32)  # E.164
    address: str | None = Field(default=None, max_length=300)
    postal_code: str | None = Field(default=None, max_length=20)
    city: str | None = Field(default=None, max_length=100)
    country: str | None = Field(default=None, max_length=2)
    language: str = Field(default="en", max_length=5)
    # The CV is stored privately under a server-generated key, never in Reflex's public upload folder.
    cv_file_key: str | None = Field(default=None, max_length=64)
    cv_filename: str | None = Field(default=None, max_length=200)
    cv_text: str | None = Field(default=None)  # extracted text, for the CV database search
    consent_at: datetime | None = Field(default=None)
    consent_expires_at: datetime | None = Field(default=None)
    created_at: datetime = created_field()
    anonymised_at: datetime | None = Field(default=None)
