"""The outbox and its delivery worker against the local fake Resend: sent, retried, failed, held, batched,
idempotent across a crash, and never sent twice by four workers at once."""

import json
import multiprocessing
from datetime import timedelta

import pytest
from sqlmodel import select

from ats_app.core.db import get_engine
from ats_app.core.errors import ActionRefused
from ats_app.delivery import outbox
from ats_app.delivery import worker as delivery_worker
from ats_app.delivery.email_providers import HeldBackend, ResendBackend, outgoing
from ats_app.models import Message
from ats_app.models import MessageStatus as M
from ats_app.models.base import utcnow
from ats_devtools.fake_resend import FakeResend
from tests.unit.conftest import DB_URL
from tests.unit.outbox_workers import worker_process


@pytest.fixture
def fake():
    import resend

    saved = resend.api_key, resend.api_url
    with FakeResend() as server:
        yield server
    resend.api_key, resend.api_url = saved


@pytest.fixture
def admin_user(session):
    from tests.unit.factories import login_as, make_user

    make_user(session, "admin@example.com")
    return login_as(session)


def _backend(fake) -> ResendBackend:
    return ResendBackend("re_test", fake.url)


def _queue(session, count: int = 1, **more) -> list[Message]:
    messages = [outbox.queue_email(session, recipient=f"person{i}@example.com", subject=f"Hello {i}",
                                   html=f"<p>Hello {i}</p>", text=f"Hello {i}", sender="Team <team@example.com>",
                                   purpose="test", **more) for i in range(count)]
    session.commit()
    return messages


def _deliver(fake, **more) -> int:
    return delivery_worker.deliver_due(get_engine(DB_URL), _backend(fake), "w-test",
                                       throttle=delivery_worker.Throttle(0), **more)


def _requests(fake, route: str, status: int = 200) -> int:
    """How many requests to route the fake answered with status."""
    answered = fake.stats()["requests"].get(route, {})
    return answered.get(status, 0) or answered.get(str(status), 0)


def _reload(session, message_id: int) -> Message:
    session.expire_all()
    return session.get(Message, message_id)


def _make_due(session, message_id: int) -> None:
    message = session.get(Message, message_id)
    message.scheduled_at = utcnow() - timedelta(seconds=1)
    session.add(message)
    session.commit()


def test_a_message_is_sent_once_with_its_idempotency_key(session, fake):
    [message] = _queue(session)
    assert _deliver(fake) == 1
    sent = _reload(session, message.id)
    assert sent.status == M.SENT and sent.provider_id and sent.sent_at and sent.attempts == 1
    [received] = fake.emails()
    assert received["id"] == sent.provider_id
    assert received["idempotency_key"] == message.idempotency_key
    assert received["body"]["subject"] == "Hello 0" and received["body"]["to"] == ["person0@example.com"]
    assert _deliver(fake) == 0  # nothing is due any more: a record never sends twice


@pytest.mark.parametrize("status", [429, 500, 503])
def test_passing_problems_are_retried_later(session, fake, status):
    [message] = _queue(session)
    fake.fail_next(status)
    _deliver(fake)
    waiting = _reload(session, message.id)
    # A rate limit is the provider's pace, not the message's fault: it does not use up an attempt.
    assert waiting.status == M.QUEUED and waiting.attempts == (0 if status == 429 else 1)
    assert str(status) in waiting.last_error
    assert waiting.scheduled_at > utcnow()  # backoff
    assert _deliver(fake) == 0  # not yet due
    _make_due(session, message.id)
    _deliver(fake)
    assert _reload(session, message.id).status == M.SENT and len(fake.emails()) == 1


def test_a_refused_message_fails_at_once_with_the_reason(session, fake):
    [message] = _queue(session)
    fake.fail_next(422)
    _deliver(fake)
    failed = _reload(session, message.id)
    assert failed.status == M.FAILED and "refused" in failed.last_error and failed.attempts == 1
    assert fake.emails() == []


def test_after_too_many_attempts_a_message_fails(session, fake):
    [message] = _queue(session)
    for _ in range(outbox.MAX_ATTEMPTS):
        fake.fail_next(500)
        _make_due(session, message.id)
        _deliver(fake)
    assert _reload(session, message.id).status == M.FAILED


def test_a_crash_between_send_and_mark_does_not_send_twice(session, fake):
    [message] = _queue(session)
    engine = get_engine(DB_URL)
    [claimed] = outbox.claim_due(engine, "crashing-worker")
    _backend(fake).send_one(outgoing(_reload(session, claimed)))  # sent, then the worker dies before marking
    assert _reload(session, message.id).status == M.SENDING
    assert outbox.claim_due(engine, "other") == []  # the lease still holds
    later = utcnow() + outbox.LEASE + timedelta(seconds=1)
    assert outbox.claim_due(engine, "other", now=later) == [message.id]  # the lease ran out
    backend = _backend(fake)
    provider_id = backend.send_one(outgoing(_reload(session, message.id)))
    assert len(fake.emails()) == 1 and provider_id == fake.emails()[0]["id"]  # Resend answered from its cache


def test_an_answer_lost_on_the_way_back_is_retried_without_a_duplicate(session, fake):
    [message] = _queue(session)
    fake.drop_after_accept()
    _deliver(fake)
    assert _reload(session, message.id).status == M.QUEUED
    _make_due(session, message.id)
    _deliver(fake)
    assert _reload(session, message.id).status == M.SENT and len(fake.emails()) == 1


def test_bulk_mail_goes_in_batches_of_at_most_100(session, fake):
    messages = _queue(session, 250)
    assert _deliver(fake) == 250
    assert _requests(fake, "POST /emails/batch") == 3
    assert len(fake.emails()) == 250
    session.expire_all()
    assert {m.status for m in session.exec(select(Message)).all()} == {M.SENT}
    assert len({_reload(session, m.id).provider_id for m in messages}) == 250


def test_a_batch_lost_on_the_way_back_is_resent_whole_under_its_key(session, fake):
    _queue(session, 150)
    fake.drop_after_accept(path="/emails/batch")
    _deliver(fake)
    session.expire_all()
    waiting = session.exec(select(Message).where(Message.status == M.QUEUED)).all()
    assert len(waiting) == 100 and len({m.batch_key for m in waiting}) == 1
    for m in waiting:
        _make_due(session, m.id)
    _deliver(fake)
    session.expire_all()
    assert {m.status for m in session.exec(select(Message)).all()} == {M.SENT}
    assert len(fake.emails()) == 150  # the first 100 were not delivered twice


def test_attachments_go_one_by_one(session, fake):
    from ats_app.core import files

    key = files.store_bytes(b"%PDF-1.4 test")
    _queue(session, 2, attachments=[{"filename": "cv.pdf", "content_type": "application/pdf", "file_key": key}])
    _deliver(fake)
    assert _requests(fake, "POST /emails") == 2
    assert all(e["body"]["attachments"][0]["filename"] == "cv.pdf" for e in fake.emails())


def test_without_a_provider_messages_are_held_and_nothing_leaves(session, fake):
    [message] = _queue(session)
    delivery_worker.deliver_due(get_engine(DB_URL), HeldBackend(), "w")
    held = _reload(session, message.id)
    assert held.status == M.HELD and "no email provider" in held.last_error and held.attempts == 0
    assert fake.emails() == []


def test_a_scheduled_message_waits_for_its_time(session, fake):
    [message] = _queue(session, scheduled_at=utcnow() + timedelta(days=3))
    assert _deliver(fake) == 0
    assert outbox.shown_status(_reload(session, message.id)) == "scheduled"


def test_four_workers_at_once_send_400_messages_exactly_once(session, fake, tmp_path):
    _queue(session, 400)
    context = multiprocessing.get_context("spawn")
    outs = [tmp_path / f"worker{i}.json" for i in range(4)]
    workers = [context.Process(target=worker_process, args=(DB_URL, fake.url, str(out))) for out in outs]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
        assert process.exitcode == 0
    sent = [i for out in outs for i in json.loads(out.read_text())]
    assert len(sent) == 400 and len(set(sent)) == 400  # 0 duplicates, 0 lost
    assert len(fake.emails()) == 400
    session.expire_all()
    assert {m.status for m in session.exec(select(Message)).all()} == {M.SENT}


def test_a_batch_whose_worker_died_is_claimed_whole_even_past_the_limit(session):
    first = _queue(session)[0]
    batch = _queue(session, 4)
    engine = get_engine(DB_URL)
    ids = [m.id for m in batch]
    _make_due(session, first.id)
    session.get(Message, first.id).scheduled_at = utcnow() + timedelta(minutes=10)  # waits until later
    session.commit()
    assert outbox.claim_due(engine, "dead", limit=4) == ids
    assert outbox.hold_for_sending(engine, ids, "dead", batch_key="ats/batch/k") == ids  # sent, then died
    session.get(Message, first.id).scheduled_at = utcnow() - timedelta(hours=1)  # now first in line
    session.commit()
    later = utcnow() + outbox.LEASE + timedelta(minutes=10)
    # The limit cuts through the batch (first + 2 of its rows); the rest of the group comes along.
    assert outbox.claim_due(engine, "a", limit=3, now=later) == sorted([first.id, *ids])
    assert outbox.claim_due(engine, "b", now=later) == []


def test_a_worker_that_lost_its_lease_sends_nothing(session, fake):
    [message] = _queue(session)
    engine = get_engine(DB_URL)
    assert outbox.claim_due(engine, "slow") == [message.id]
    later = utcnow() + outbox.LEASE + timedelta(seconds=1)
    assert outbox.claim_due(engine, "other", now=later) == [message.id]
    assert outbox.hold_for_sending(engine, [message.id], "slow") == []  # the slow worker must not send it
    assert outbox.hold_for_sending(engine, [message.id], "other") == [message.id]


def test_cancelling_a_message_a_worker_just_claimed_is_refused(session, admin_user):
    from ats_app.delivery import outbox_admin

    [message] = _queue(session)
    assert outbox.claim_due(get_engine(DB_URL), "w") == [message.id]
    with pytest.raises(ActionRefused):
        outbox_admin.cancel_message(session, admin_user, message.id)
    session.commit()
    assert _reload(session, message.id).status == M.SENDING


def test_sending_again_twice_makes_one_copy(session, admin_user):
    from ats_app.delivery import outbox_admin

    [message] = _queue(session)
    message.status = M.FAILED
    session.add(message)
    session.commit()
    outbox_admin.resend_message(session, admin_user, message.id)
    session.commit()
    with pytest.raises(ActionRefused):
        outbox_admin.resend_message(session, admin_user, message.id)
