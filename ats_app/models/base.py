"""Shared column helpers: every timestamp is timezone-aware UTC."""

from datetime import datetime, timezone

from sqlmodel import Field


def utcnow() -> datetime:
    """Now, in UTC, aware (sqlmodel 0.0.50 refuses naive datetimes)."""
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """A stored timestamp as aware UTC: SQLite hands timestamps back without their zone, and they are UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def created_field() -> datetime:
    """A creation timestamp column that defaults to now."""
    return Field(default_factory=utcnow, nullable=False)
