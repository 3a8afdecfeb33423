"""Resend's delivery events applied to our outbox: delivered, bounced, complained, opened, failed.

Resend delivers each webhook at least once and in no particular order. So every event is recorded by its
svix-id first (a repeat changes nothing), and a message's status only moves up a rank: a late "delivered"
never hides a bounce or a complaint. Bounces and complaints also go on the application's history, so the
recruiter learns the candidate's address is bad.
"""

from datetime import datetime, timezone

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ats_app.models import Application, ApplicationEvent, Message, MessageStatus, WebhookEvent
from ats_app.models.base import utcnow

# How far along a message is: an event may only keep or raise it (events arrive out of order).
STATUS_RANK = {
    MessageStatus.HELD: 0, MessageStatus.QUEUED: 0, MessageStatus.SENDING: 0, MessageStatus.CANCELLED: 0,
    MessageStatus.SENT: 1, MessageStatus.FAILED: 1,
    MessageStatus.DELIVERED: 2,
    MessageStatus.BOUNCED: 3,
    MessageStatus.COMPLAINED: 4,
}
_STATUS_FOR_EVENT = {
    "email.delivered": MessageStatus.DELIVERED,
    "email.bounced": MessageStatus.BOUNCED,
    "email.complained": MessageStatus.COMPLAINED,
    "email.failed": MessageStatus.FAILED,
}
# Events the recruiter should see on the application's history.
HISTORY_KINDS = {"email.bounced": "email_bounced", "email.complained": "email_complained"}


def _tagged_message_id(data: dict) -> int | None:
    """Our outbox id from the email's tags (the worker tags every email with message_id)."""
    tags = data.get("tags")
    if isinstance(tags, dict):
        value = tags.get("message_id")
    elif isinstance(tags, list):
        value = next((t.get("value") for t in tags if isinstance(t, dict) and t.get("name") == "message_id"), None)
    else:
        value = None
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _part(event: dict, key: str) -> dict:
    """A nested object of the event, or an empty one when it is missing or not an object."""
    value = event.get(key)
    return value if isinstance(value, dict) else {}


def apply_event(session: Session, event_id: str, event: dict) -> bool:
    """Apply one verified Resend webhook event; False when this event id was applied before (nothing changes).

    The caller commits. The WebhookEvent row is written first, in the same transaction as the message change,
    so a failure leaves neither and Resend's retry is applied in full.
    """
    event_type = str(event.get("type") or "unknown")
    data = _part(event, "data")
    email_id = data.get("email_id") if isinstance(data.get("email_id"), str) else None
    if not _record_once(session, event_id, event_type, email_id):
        return False
    if not email_id:
        return True
    message = session.exec(select(Message).where(Message.provider_id == email_id).with_for_update()).first()
    tagged = _tagged_message_id(data)
    if message is None and tagged is not None:  # it left, but its worker has not recorded Resend's id yet
        message = session.exec(select(Message).where(Message.id == tagged).with_for_update()).first()
        if message is not None and message.provider_id not in (None, email_id):
            message = None  # an earlier copy's event: not this row's
    if message is None:  # not ours (or already purged): recorded, nothing to change
        return True
    at = _event_time(data.get("created_at") or event.get("created_at"))
    if event_type == "email.opened":
        if message.opened_at is None:
            message.opened_at = at
            session.add(message)
        return True
    status = _STATUS_FOR_EVENT.get(event_type)
    if status is None:  # email.sent, email.delivery_delayed, email.clicked, ...: recorded only
        return True
    _move_status(message, status, at, data)
    session.add(message)
    if event_type in HISTORY_KINDS and message.application_id is not None:
        _add_history(session, message, HISTORY_KINDS[event_type], data)
    return True


def _record_once(session: Session, event_id: str, event_type: str, email_id: str | None) -> bool:
    """Insert the WebhookEvent; False when its event id is already there. The session stays usable.

    SQLite and PostgreSQL use INSERT ... ON CONFLICT DO NOTHING: on SQLite a SAVEPOINT opened before any
    write is released as a COMMIT by the pysqlite driver, which would keep the event even when the rest of
    the transaction rolls back. Other databases use a SAVEPOINT and the unique index's IntegrityError.
    """
    values = {"event_id": event_id[:200], "event_type": event_type[:60],
              "provider_id": email_id[:100] if email_id else None, "received_at": utcnow()}
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
        statement = (insert(WebhookEvent).values(**values).on_conflict_do_nothing(index_elements=["event_id"])
                     .returning(WebhookEvent.id))
        return session.connection().execute(statement).first() is not None
    try:
        with session.begin_nested():
            session.add(WebhookEvent(**values))
    except IntegrityError:
        return False
    return True


def _move_status(message: Message, status: MessageStatus, at: datetime, data: dict) -> None:
    """Set the event's status unless the message already went further (delivered never hides a bounce)."""
    current = _rank(message.status)
    if status == MessageStatus.DELIVERED and message.delivered_at is None and current != _rank("bounced"):
        message.delivered_at = at  # also under a complaint: a complaint implies the email arrived
    if STATUS_RANK[status] < current:
        return
    message.status = status
    reason = _reason(status, data)
    if reason:
        message.last_error = reason


def _rank(status) -> int:
    try:
        return STATUS_RANK[MessageStatus(status)]
    except ValueError:
        return 0


def _reason(status: MessageStatus, data: dict) -> str | None:
    """The provider's words for a bounce or failure, for last_error."""
    if status == MessageStatus.BOUNCED:
        bounce = _part(data, "bounce")
        kind = "/".join(str(bounce[k]) for k in ("type", "subType") if bounce.get(k))
        detail = ": ".join(part for part in (kind, str(bounce.get("message") or "")) if part)
        return f"Bounced: {detail}" if detail else "Bounced"
    if status == MessageStatus.FAILED:
        failed = _part(data, "failed")
        return f"Failed: {failed['reason']}" if failed.get("reason") else "Failed at the provider"
    if status == MessageStatus.COMPLAINED:
        return "The recipient marked the email as spam"
    return None


def _add_history(session: Session, message: Message, kind: str, data: dict) -> None:
    """A history line on the application. Codes only: the subject and address stay on the Message row
    (message_id), because history payloads outlive a purged application and must hold no personal data."""
    application = session.get(Application, message.application_id)
    bounce = _part(data, "bounce")
    payload = {"purpose": message.purpose, "kind": message.kind, "channel": message.channel}
    if bounce.get("type"):
        payload["bounce_type"] = str(bounce["type"])[:40]
    session.add(ApplicationEvent(application_id=message.application_id,
                                 project_id=application.project_id if application else None,
                                 kind=kind, payload=payload, message_id=message.id))


def _event_time(value) -> datetime:
    """The event's own time (aware UTC) when it is readable, else now."""
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace(" ", "T", 1))
        except ValueError:
            return utcnow()
        return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed.astimezone(timezone.utc)
    return utcnow()
