"""The Outbox page and an application's messages: reading, cancelling and resending outbox rows.

Admins see every message; recruiters and department admins those about applications to the projects they may
see (accounts.access) and those they wrote themselves; hiring managers none (messages hold candidates' mail).
Cancelling works while a message waits (queued, scheduled or held) and never undoes the action that
wrote it; resending makes a new row with a new Idempotency-Key, so the old record stays as it was.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import CursorResult, func, or_, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from ats_app.accounts.access import may_act, visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.core.i18n import N_, NC_
from ats_app.delivery.outbox import CANCELLABLE, RESENDABLE, may_cancel, may_resend, new_key, shown_status
from ats_app.models import Application, ApplicationEvent, Message, MessageStatus, RecruitmentProject, Role
from ats_app.models.base import utcnow

PAGE_SIZE = 50
# What a person may filter on; "scheduled" is a queued message whose time is ahead.
FILTERS = ("all", "queued", "scheduled", "sent", "delivered", "bounced", "failed", "cancelled", "held")


@dataclass
class MessageRow:
    """One line of the Outbox."""

    id: int
    recipient: str
    subject: str
    status: str
    scheduled_at: datetime
    sent_at: datetime | None
    attempts: int
    last_error: str
    application_id: int | None
    purpose: str
    cancellable: bool  # Cancel sending is offered
    resendable: bool  # Send again is offered


def _require(user: CurrentUser) -> None:
    if not may_act(user):
        raise NotAllowed("outbox")


def visible_messages(user: CurrentUser) -> ColumnElement[bool]:
    """A WHERE clause for the outbox rows user may see (deleted projects' included: their mail still went)."""
    if user.role == Role.ADMIN:
        return col(Message.id).is_not(None)
    about_visible = col(Message.application_id).in_(
        select(Application.id).join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
        .where(visible_projects(user, include_deleted=True)))
    return or_(col(Message.created_by_id) == user.id, about_visible)


def _row(message: Message, now: datetime) -> MessageRow:
    return MessageRow(message.id, message.recipient, message.subject or "", shown_status(message, now),
                      message.scheduled_at, message.sent_at, message.attempts, message.last_error or "",
                      message.application_id, message.purpose, may_cancel(message), may_resend(message))


def list_messages(session: Session, user: CurrentUser, *, status: str = "all", search: str = "", offset: int = 0,
                  limit: int = PAGE_SIZE) -> tuple[list[MessageRow], int]:
    """One page of the outbox, newest first, and how many match."""
    _require(user)
    now = utcnow()
    where: list[ColumnElement[bool]] = [col(Message.channel) == "email", visible_messages(user)]
    if status == "scheduled":
        where += [col(Message.status) == MessageStatus.QUEUED, col(Message.scheduled_at) > now]
    elif status == "queued":
        where += [col(Message.status).in_([MessageStatus.QUEUED, MessageStatus.SENDING]),
                  col(Message.scheduled_at) <= now]
    elif status in FILTERS and status != "all":
        where.append(col(Message.status) == status)
    needle = search.strip()
    if needle:
        needle = needle.lower()
        where.append(or_(func.lower(Message.recipient).contains(needle, autoescape=True),
                         func.lower(Message.subject).contains(needle, autoescape=True)))
    total = session.exec(select(func.count(Message.id)).where(*where)).one()
    found = session.exec(select(Message).where(*where).order_by(col(Message.id).desc())
                         .offset(offset).limit(limit)).all()
    return [_row(m, now) for m in found], total


def messages_for_application(session: Session, user: CurrentUser, application_id: int) -> list[MessageRow]:
    """The application's messages with their status, newest first (empty for hiring managers)."""
    if not may_act(user):
        return []
    now = utcnow()
    found = session.exec(select(Message).where(Message.application_id == application_id, visible_messages(user))
                         .order_by(col(Message.created_at).desc(), col(Message.id).desc()).limit(200)).all()
    return [_row(m, now) for m in found]


def get_message(session: Session, user: CurrentUser, message_id: int) -> Message:
    """One message to read in full (ActionRefused "not found" when there is none)."""
    _require(user)
    message = session.exec(select(Message).where(Message.id == message_id, visible_messages(user))).first()
    if message is None:
        raise ActionRefused(N_("not found"))
    return message


def _history(session: Session, user: CurrentUser, message: Message, kind: str, **payload) -> None:
    if message.application_id:
        application = session.get(Application, message.application_id)
        session.add(ApplicationEvent(application_id=message.application_id,
                                     project_id=application.project_id if application else None,
                                     actor_id=user.id, kind=kind, message_id=message.id, payload=payload))


def cancel_message(session: Session, user: CurrentUser, message_id: int) -> Message:
    """Stop a waiting message from leaving. What the action changed (a status) stays changed.

    One conditional UPDATE, so a worker that claimed the message a moment ago keeps it (and it leaves);
    a message already handed to the provider once in a batch is on its way and cannot be cancelled."""
    message = get_message(session, user, message_id)
    done = session.execute(
        update(Message)
        .where(col(Message.id) == message_id, col(Message.status).in_(CANCELLABLE), col(Message.batch_key).is_(None))
        .values(status=MessageStatus.CANCELLED, locked_until=None, locked_by=None)
        .execution_options(synchronize_session=False))
    if cast(CursorResult, done).rowcount != 1:
        raise ActionRefused(N_("only a message that has not left yet can be cancelled"))
    session.refresh(message)
    _history(session, user, message, "email_cancelled")
    return message


def resend_message(session: Session, user: CurrentUser, message_id: int) -> Message:
    """Queue a copy of a failed, bounced, held or cancelled message to leave now (a new record)."""
    old = get_message(session, user, message_id)
    if not may_resend(old):
        raise ActionRefused(N_("only a failed, bounced, held or cancelled message can be sent again"))
    prefix = f"ats/resend-{old.id}/"
    waiting = session.exec(select(Message.id).where(col(Message.idempotency_key).startswith(prefix),
                                                    col(Message.status).not_in(RESENDABLE))).first()
    if waiting is not None:  # a second click, or a second recruiter: one copy on its way is enough
        raise ActionRefused(N_("this message has already been sent again"))
    copy = Message(**{k: getattr(old, k) for k in (
        "channel", "application_id", "interview_id", "reviewer_id", "offer_id", "contract_id", "user_link_id",
        "purpose", "kind", "language", "sender", "recipient", "reply_to", "subject", "body_html", "body_text",
        "attachments")},
                   status=MessageStatus.QUEUED, scheduled_at=utcnow(), idempotency_key=new_key(f"resend-{old.id}"),
                   created_by_id=user.id)
    session.add(copy)
    session.flush()
    _history(session, user, copy, "email_resent", original_id=old.id)
    return copy


# The statuses a person reads, in the words of the Outbox page (a context: "Sent" of a message).
MESSAGE_STATUS_LABELS = {
    "all": NC_("message", "All"), "queued": NC_("message", "Queued"), "scheduled": NC_("message", "Scheduled"),
    "sending": NC_("message", "Sending"), "sent": NC_("message", "Sent"), "delivered": NC_("message", "Delivered"),
    "bounced": NC_("message", "Bounced"), "complained": NC_("message", "Marked as spam"),
    "failed": NC_("message", "Failed"), "cancelled": NC_("message", "Cancelled"),
    "held": NC_("message", "Held (no email provider configured)"),
}
MESSAGE_STATUS_COLOURS = {"queued": "gray", "scheduled": "blue", "sending": "gray", "sent": "teal",
                          "delivered": "green", "bounced": "red", "complained": "red", "failed": "red",
                          "cancelled": "gray", "held": "amber"}
