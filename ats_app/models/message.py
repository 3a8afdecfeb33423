"""The outbox: every email, SMS and letter is a row before it leaves."""

from datetime import datetime
from enum import Enum

from sqlalchemy import JSON, Column, Index, String
from sqlmodel import Field, SQLModel

from ats_app.models.base import created_field


class MessageStatus(str, Enum):
    """Where a message is on its way out."""

    HELD = "held"  # no provider configured: kept, readable in the app
    QUEUED = "queued"  # waiting for its scheduled time ("scheduled" while that is in the future)
    SENDING = "sending"  # claimed by a worker until locked_until
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
    reviewer_id: int | None = Field(default=None, foreign_key="reviewer.id")  # a panel email: its link is theirs
    offer_id: int | None = Field(default=None, foreign_key="offer.id")  # an offer email: its answer link
    contract_id: int | None = Field(default=None, foreign_key="contract.id")  # a contract email: its link
    # A user's invitation or "forgot password" email: its one-time set-password link (sealed, as a candidate's).
    user_link_id: int | None = Field(default=None, foreign_key="user_link.id")
    purpose: str = Field(default="general", max_length=60)  # e.g. rejection, interview_reminder
    kind: str | None = Field(default=None, max_length=60)  # the template kind it was written from
    language: str | None = Field(default=None, max_length=5)
    sender: str | None = Field(default=None, max_length=300)
    recipient: str = Field(max_length=300)
    reply_to: str | None = Field(default=None, max_length=300)
    subject: str | None = Field(default=None, max_length=300)
    body_html: str | None = Field(default=None)
    body_text: str | None = Field(default=None)
    # [{"filename": "invite.ics", "content_type": "text/calendar", "file_key": "..."}]
    attachments: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    scheduled_at: datetime = created_field()
    status: MessageStatus = Field(default=MessageStatus.QUEUED, sa_type=String(20))
    attempts: int = Field(default=0)
    last_error: str | None = Field(default=None)
    locked_until: datetime | None = Field(default=None)
    locked_by: str | None = Field(default=None, max_length=100)
    # Set when the row first goes out in a Resend batch: a retry after a crash re-sends the same group
    # under the same Idempotency-Key, so Resend answers from its cache instead of sending again.
    batch_key: str | None = Field(default=None, max_length=100, index=True)
    provider_id: str | None = Field(default=None, max_length=100, index=True)
    idempotency_key: str = Field(max_length=200, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = created_field()
    sent_at: datetime | None = Field(default=None)
    delivered_at: datetime | None = Field(default=None)
    opened_at: datetime | None = Field(default=None)


class WebhookEvent(SQLModel, table=True):
    """A delivery event from the email provider, kept by its id so a repeated event is ignored."""

    __tablename__ = "webhook_event"

    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(max_length=200, unique=True)  # the svix-id header
    event_type: str = Field(max_length=60)
    provider_id: str | None = Field(default=None, max_length=100)
    received_at: datetime = created_field()
