"""The outbox: every email, SMS and letter is a row before it leaves."""

from datetime import datetime
from enum import Enum

from sqlalchemy import Column, Index, JSON, String
from sqlmodel import Field, SQLModel

from .base import created_field


class MessageStatus(str, Enum):
    """Where a message is on its way out."""

    HELD = "held"  # no provider configured: kept, readable in the app
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    BOUNCED = "bounced"
    COMPLAINED = "complained"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Message(SQLModel, table=True):
    """An outgoing message and its delivery record."""

    __table_args__ = (Index("ix_message_status_scheduled", "status", "scheduled_at"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(default="email", max_length=10)  # email, sms, letter
    application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    interview_id: int | None = Field(default=None, foreign_key="interview.id")
    purpose: str = Field(default="general", max_length=60)  # e.g. rejection, interview_reminder
    sender: str | None = Field(default=None, max_length=300)
    recipient: str = Field(max_length=300)
    subject: str | None = Field(default=None, max_length=300)
    body_html: str | None = Field(default=None)
    body_text: str | None = Field(default=None)
    # [{"filename": "invite.ics", "content_type": "text/calendar", "file_key": "..."}]
    attachments: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    scheduled_at: datetime = created_field()
    status: MessageStatus = Field(default=MessageStatus.PENDING, sa_type=String(20))
    attempts: int = Field(default=0)
    last_error: str | None = Field(default=None)
    locked_until: datetime | None = Field(default=None)
    provider_id: str | None = Field(default=None, max_length=100, index=True)
    idempotency_key: str = Field(max_length=200, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = created_field()
    sent_at: datetime | None = Field(default=None)
    opened_at: datetime | None = Field(default=None)
