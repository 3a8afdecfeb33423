"""POST /webhooks/resend: signed delivery events update the outbox once, in rank order, and bounces reach history."""

import base64
import json
import time
import uuid

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.delivery.webhook_events import apply_event
from ats_app.models import ApplicationEvent, Message, MessageStatus, WebhookEvent
from ats_app.web.routes import api
from ats_devtools.fake_resend import delivery_event, sign_webhook
from tests.unit.factories import make_application, make_project

SECRET = "whsec_" + base64.b64encode(b"nordlys-webhook-secret-for-tests").decode()
URL = "/webhooks/resend"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("RESEND_WEBHOOK_SECRET", SECRET)
    return TestClient(api)


@pytest.fixture
def message(session):
    """A sent rejection email to an applicant, known to Resend as re-1."""
    application = make_application(session, make_project(session))
    row = Message(application_id=application.id, purpose="rejection", kind="rejection", recipient="kari@example.com",
                  subject="Your application", idempotency_key="rejection/1", status=MessageStatus.SENT,
                  provider_id="re-1")
    session.add(row)
    session.commit()
    return row


def post(client, event: dict, event_id: str | None = None, *, body: str | None = None, secret: str = SECRET,
         timestamp: int | None = None):
    """Sign event (as Resend would) and post it; body replaces the signed text when given (tampering)."""
    signed = json.dumps(event)
    headers = sign_webhook(secret, event_id or f"msg_{uuid.uuid4().hex}", timestamp or int(time.time()), signed)
    return client.post(URL, content=body if body is not None else signed,
                       headers={**headers, "Content-Type": "application/json"})


def event(event_type: str, email_id: str = "re-1", at: str | None = None, **data) -> dict:
    made = delivery_event(event_type, email_id, to="kari@example.com", subject="Your application", data=data)
    if at:
        made["data"]["created_at"] = at
    return made


def reread(session, row: Message) -> Message:
    session.rollback()  # a fresh read of what the endpoint committed (a new SQLite snapshot, no cached row)
    session.expire_all()
    return session.get(Message, row.id)


def history(session) -> list[ApplicationEvent]:
    return list(session.exec(select(ApplicationEvent).order_by(ApplicationEvent.id)))


def test_delivered_updates_the_message_and_a_repeat_changes_nothing(client, session, message):
    response = post(client, event("email.delivered", at="2026-03-02T10:15:00.123Z"), "msg_delivered")
    assert response.status_code == 200 and response.json() == {"ok": True, "repeated": False}
    delivered = reread(session, message)
    assert delivered.status == MessageStatus.DELIVERED
    assert delivered.delivered_at.isoformat().startswith("2026-03-02T10:15:00.123")

    again = post(client, event("email.bounced"), "msg_delivered")  # same svix-id, different (signed) body
    assert again.status_code == 200 and again.json() == {"ok": True, "repeated": True}
    assert reread(session, message).status == MessageStatus.DELIVERED
    assert history(session) == []
    assert [e.event_id for e in session.exec(select(WebhookEvent))] == ["msg_delivered"]


def test_tampered_or_unsigned_requests_are_refused(client, session, message):
    signed = event("email.delivered")
    tampered = json.dumps(event("email.bounced"))
    assert post(client, signed, body=tampered).status_code == 400
    assert post(client, signed, secret="whsec_" + base64.b64encode(b"someone else's secret").decode()).status_code \
        == 400
    assert post(client, signed, timestamp=int(time.time()) - 3600).status_code == 400  # replayed an hour later
    missing = client.post(URL, content=json.dumps(signed), headers={"Content-Type": "application/json"})
    assert missing.status_code == 400
    assert reread(session, message).status == MessageStatus.SENT
    assert list(session.exec(select(WebhookEvent))) == []


def test_without_a_secret_the_webhook_is_unavailable(client, session, message, monkeypatch):
    monkeypatch.delenv("RESEND_WEBHOOK_SECRET")
    response = post(client, event("email.bounced"))
    assert response.status_code == 503 and "RESEND_WEBHOOK_SECRET" in response.text
    assert reread(session, message).status == MessageStatus.SENT


def test_a_bounce_goes_on_the_application_history(client, session, message):
    assert post(client, event("email.bounced")).status_code == 200
    bounced = reread(session, message)
    assert bounced.status == MessageStatus.BOUNCED
    assert "mailbox does not exist" in bounced.last_error and "Permanent" in bounced.last_error
    [line] = history(session)
    assert (line.kind, line.application_id, line.message_id) == ("email_bounced", message.application_id, message.id)
    assert line.project_id is not None and line.payload["purpose"] == "rejection"
    assert "kari@example.com" not in json.dumps(line.payload)  # history payloads hold no personal data


def test_a_late_delivered_does_not_hide_a_bounce_but_a_complaint_outranks_delivered(client, session, message):
    post(client, event("email.bounced"))
    post(client, event("email.delivered"))
    kept = reread(session, message)
    assert kept.status == MessageStatus.BOUNCED and kept.delivered_at is None

    second = Message(application_id=message.application_id, recipient="kari@example.com", idempotency_key="offer/1",
                     status=MessageStatus.SENT, provider_id="re-2")
    session.add(second)
    session.commit()
    post(client, event("email.delivered", "re-2"))
    post(client, event("email.complained", "re-2"))
    post(client, event("email.delivered", "re-2"))
    complained = reread(session, second)
    assert complained.status == MessageStatus.COMPLAINED and complained.delivered_at is not None
    assert [line.kind for line in history(session)] == ["email_bounced", "email_complained"]


def test_opened_sets_opened_at_once_and_keeps_the_status(client, session, message):
    post(client, event("email.delivered"))
    post(client, event("email.opened", at="2026-03-02T11:00:00Z"))
    post(client, event("email.opened", at="2026-03-03T09:30:00Z"))
    opened = reread(session, message)
    assert opened.status == MessageStatus.DELIVERED
    assert opened.opened_at.isoformat().startswith("2026-03-02T11:00:00")


def test_failed_and_other_events(client, session, message):
    assert post(client, event("email.sent")).json() == {"ok": True, "repeated": False}
    assert post(client, event("email.delivery_delayed")).status_code == 200
    assert reread(session, message).status == MessageStatus.SENT
    post(client, event("email.failed"))
    failed = reread(session, message)
    assert failed.status == MessageStatus.FAILED and "reached_daily_quota" in failed.last_error
    unknown = post(client, event("email.bounced", "not-ours"), "msg_unknown")
    assert unknown.status_code == 200 and unknown.json()["repeated"] is False
    assert session.exec(select(WebhookEvent).where(WebhookEvent.event_id == "msg_unknown")).one().provider_id \
        == "not-ours"
    assert [line.kind for line in history(session)] == []


def test_the_event_record_rolls_back_with_the_rest(session, message):
    """A failure after apply_event must let Resend's retry apply the event again (not mark it as seen)."""
    assert apply_event(session, "msg_rolled_back", event("email.delivered")) is True
    session.rollback()
    assert list(session.exec(select(WebhookEvent))) == []
    assert reread(session, message).status == MessageStatus.SENT
    assert apply_event(session, "msg_rolled_back", event("email.delivered")) is True
    assert apply_event(session, "msg_rolled_back", event("email.bounced")) is False  # session still usable
    session.commit()
    assert reread(session, message).status == MessageStatus.DELIVERED


def test_an_event_that_outruns_the_worker_finds_its_message_by_tag(session):
    from ats_app.delivery import outbox
    from ats_app.delivery.webhook_events import apply_event

    message = outbox.queue_email(session, recipient="a@example.com", subject="s", html="<p>x</p>", text="x",
                                 sender="t@example.com", purpose="test")
    session.commit()
    event = {"type": "email.bounced", "created_at": "2026-11-23T10:00:00Z",
             "data": {"email_id": "re-123", "tags": {"message_id": str(message.id)}, "bounce": {"message": "no"}}}
    assert apply_event(session, "evt-tag-1", event)
    session.commit()
    session.expire_all()
    assert session.get(type(message), message.id).status == "bounced"
