"""The outbox: every email is a row first, in the transaction of the action that caused it.

A row is queued (or scheduled, while its time is ahead), claimed by one worker with a lease, sent
outside any transaction, then marked. The claim is one atomic statement (PostgreSQL: FOR UPDATE SKIP
LOCKED; SQLite: a single UPDATE … RETURNING under its one writer), so several workers never take the
same row; a worker that dies mid-send leaves a lease that runs out, and the row is sent again under
the same Idempotency-Key, which Resend answers from its cache instead of sending twice.
"""

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import Engine, bindparam, inspect, text
from sqlmodel import Session, col, select

from ats_app.models import Message, MessageStatus
from ats_app.models.base import utcnow

LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 8
CANCELLABLE = (MessageStatus.QUEUED, MessageStatus.HELD)
RESENDABLE = (MessageStatus.FAILED, MessageStatus.BOUNCED, MessageStatus.HELD, MessageStatus.CANCELLED)
NO_PROVIDER = "held: no email provider configured"
_STAMP = inspect(Message).columns["scheduled_at"].type  # raw statements bind datetimes as the column stores them


def worker_name() -> str:
    """A name for a delivering worker in the rows it holds (host, process, random)."""
    return f"{socket.gethostname()[:40]}/{os.getpid()}/{uuid.uuid4().hex[:8]}"


def new_key(prefix: str = "msg") -> str:
    """A fresh Idempotency-Key for one message (≤ 256 characters, ASCII)."""
    return f"ats/{prefix}/{uuid.uuid4().hex}"


def queue_email(session: Session, *, recipient: str, subject: str, html: str, text: str,
                sender: str, purpose: str, kind: str | None = None, language: str | None = None,
                application_id: int | None = None, interview_id: int | None = None,
                created_by_id: int | None = None, scheduled_at: datetime | None = None,
                attachments: list[dict] | None = None, reply_to: str | None = None,
                reviewer_id: int | None = None, offer_id: int | None = None,
                contract_id: int | None = None, user_link_id: int | None = None) -> Message:
    """Add an email to the outbox (flushed, so its id can go in the history); the caller commits."""
    message = Message(
        channel="email", recipient=recipient, subject=subject, body_html=html, body_text=text, sender=sender,
        reply_to=reply_to, purpose=purpose, kind=kind, language=language, application_id=application_id,
        interview_id=interview_id, reviewer_id=reviewer_id, offer_id=offer_id, contract_id=contract_id,
        user_link_id=user_link_id, created_by_id=created_by_id,
        scheduled_at=scheduled_at or utcnow(),
        attachments=attachments or [], status=MessageStatus.QUEUED, idempotency_key=new_key(purpose))
    session.add(message)
    session.flush()
    return message


def cancel_waiting(session: Session, *, interview_id: int, purposes: tuple[str, ...]) -> None:
    """Cancel an interview's messages of these purposes that have not left (queued, scheduled or held),
    except those already handed to the provider once in a batch: those are on their way."""
    for message in session.exec(select(Message).where(Message.interview_id == interview_id,
                                                      col(Message.purpose).in_(purposes),
                                                      col(Message.status).in_(list(CANCELLABLE)),
                                                      col(Message.batch_key).is_(None))):
        message.status = MessageStatus.CANCELLED
        session.add(message)


def may_cancel(message: Message) -> bool:
    """A message can be cancelled while it waits (queued, scheduled or held), unless it was handed to the
    provider once in a batch: that one is on its way."""
    return message.status in CANCELLABLE and message.batch_key is None


def may_resend(message: Message) -> bool:
    """A failed, bounced, held or cancelled message can be sent again (as a new message)."""
    return message.status in RESENDABLE


def shown_status(message: Message, now: datetime | None = None) -> str:
    """The status a person reads: a queued message whose time is ahead is "scheduled"."""
    status = MessageStatus(message.status)
    if status == MessageStatus.QUEUED and message.scheduled_at > (now or utcnow()):
        return "scheduled"
    return status.value


def claim_due(engine: Engine, worker: str, limit: int = 100, now: datetime | None = None,
              channel: str = "email") -> list[int]:
    """Take up to limit due messages for worker (status sending, a lease, one more attempt).

    Due: queued with its time reached, or sending with a lapsed lease (its worker died). Members of a
    batch that comes back are claimed together, so the batch is re-sent whole under its own key.
    """
    now = now or utcnow()
    params = {"now": now, "until": now + LEASE, "worker": worker, "limit": limit, "channel": channel}
    lock = " FOR UPDATE SKIP LOCKED" if engine.dialect.name == "postgresql" else ""
    claim = text(
        "UPDATE message SET status = 'sending', locked_until = :until, locked_by = :worker, "
        "attempts = attempts + 1 WHERE id IN (SELECT id FROM message WHERE channel = :channel AND "
        "((status = 'queued' AND scheduled_at <= :now) OR (status = 'sending' AND locked_until < :now)) "
        f"ORDER BY scheduled_at, id LIMIT :limit{lock}) RETURNING id, batch_key")
    claim = claim.bindparams(bindparam("now", type_=_STAMP), bindparam("until", type_=_STAMP))
    with engine.begin() as conn:
        rows = conn.execute(claim, params).all()
        keys = sorted({key for _id, key in rows if key})
        ids = [row_id for row_id, _key in rows]
        if keys:
            more = text(
                "UPDATE message SET status = 'sending', locked_until = :until, locked_by = :worker, "
                "attempts = attempts + 1 WHERE ((status = 'queued' AND scheduled_at <= :now) OR "
                "(status = 'sending' AND locked_until < :now)) AND batch_key IN ("
                + ", ".join(f":k{i}" for i in range(len(keys))) + ") RETURNING id"
            ).bindparams(bindparam("now", type_=_STAMP), bindparam("until", type_=_STAMP))
            ids += [r[0] for r in conn.execute(more, {**params, **{f"k{i}": k for i, k in enumerate(keys)}})]
    return sorted(ids)


def load(session: Session, ids: list[int]) -> list[Message]:
    """The claimed messages, in id order."""
    if not ids:
        return []
    return list(session.exec(select(Message).where(col(Message.id).in_(ids)).order_by(Message.id)).all())


def _owned(session: Session, message_id: int, worker: str) -> Message | None:
    """The message if worker still holds it (a lapsed lease may have gone to another worker)."""
    message = session.get(Message, message_id)
    if message is None or message.status != MessageStatus.SENDING or message.locked_by != worker:
        return None
    return message


def hold_for_sending(engine: Engine, ids: list[int], worker: str, batch_key: str | None = None) -> list[int]:
    """Renew worker's lease on ids just before a request leaves (and, for a new batch, store its key);
    returns the ids worker still holds: only those may be sent. A slow provider cannot make a lease run
    out under a long run, and a row another worker took over is never sent twice."""
    if not ids:
        return []
    key_part = ", batch_key = :key" if batch_key else ""
    renew = text(
        f"UPDATE message SET locked_until = :until{key_part} WHERE status = 'sending' AND locked_by = :worker "
        "AND id IN (" + ", ".join(f":i{n}" for n in range(len(ids))) + ") RETURNING id"
    ).bindparams(bindparam("until", type_=_STAMP))
    params = {"until": utcnow() + LEASE, "worker": worker, **{f"i{n}": i for n, i in enumerate(ids)}}
    if batch_key:
        params["key"] = batch_key
    with engine.begin() as conn:
        return sorted(row[0] for row in conn.execute(renew, params))


def clear_batch_key(session: Session, message_id: int) -> None:
    """The batch request was answered and this row was not in it: it may go out in a new batch."""
    message = session.get(Message, message_id)
    if message is not None:
        message.batch_key = None
        session.add(message)


def mark_sent(session: Session, message_id: int, worker: str, provider_id: str | None) -> None:
    """Sent: Resend accepted it; delivery events may follow through the webhook."""
    message = _owned(session, message_id, worker)
    if message:
        message.status, message.provider_id, message.sent_at = MessageStatus.SENT, provider_id, utcnow()
        message.locked_until = message.locked_by = None
        message.last_error = None
        session.add(message)


def mark_held(session: Session, message_id: int, worker: str) -> None:
    """Held: no provider is configured, so the message stays here, readable in the app."""
    message = _owned(session, message_id, worker)
    if message:
        message.status, message.last_error = MessageStatus.HELD, NO_PROVIDER
        message.locked_until = message.locked_by = None
        message.attempts = max(0, message.attempts - 1)  # not a delivery attempt
        session.add(message)


def mark_retry(session: Session, message_id: int, worker: str, error: str, retry_after: float | None = None,
               counts: bool = True) -> None:
    """A passing problem (5xx, network): back to the queue with exponential backoff. A rate limit
    (counts=False) is not the message's fault: it waits as told and keeps its attempts."""
    message = _owned(session, message_id, worker)
    if not message:
        return
    message.last_error = error[:1000]
    message.locked_until = message.locked_by = None
    if not counts:
        message.attempts = max(0, message.attempts - 1)
        wait = timedelta(seconds=max(retry_after or 0, 2))
        message.status, message.scheduled_at = MessageStatus.QUEUED, utcnow() + wait
        session.add(message)
        return
    if message.attempts >= MAX_ATTEMPTS:
        message.status = MessageStatus.FAILED
    else:
        delay = max(retry_after or 0, min(3600, 5 * 2 ** (message.attempts - 1)))
        message.status, message.scheduled_at = MessageStatus.QUEUED, utcnow() + timedelta(seconds=delay)
    session.add(message)


def mark_failed(session: Session, message_id: int, worker: str, error: str) -> None:
    """A problem that retrying cannot fix (the provider refused the message): failed at once."""
    message = _owned(session, message_id, worker)
    if message:
        message.status, message.last_error = MessageStatus.FAILED, error[:1000]
        message.locked_until = message.locked_by = None
        session.add(message)
