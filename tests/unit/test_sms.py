"""SMS: numbers normalised per country, length and parts (GSM-7 vs UCS-2), the held default, and the
46elks backend against the local fake: what arrives, sent, refused, retried, and not sent before its time."""

from datetime import timedelta

import pytest

from ats_app.core.db import get_engine
from ats_app.core.phones import is_mobile, normalise_number
from ats_app.delivery import outbox, sms
from ats_app.delivery.sms import Elks46Sms, HeldSms, sms_parts
from ats_app.models import Message
from ats_app.models import MessageStatus as M
from ats_app.models.base import utcnow
from ats_devtools.fake_sms import FakeSms
from tests.unit.conftest import DB_URL


@pytest.fixture
def fake():
    with FakeSms() as server:
        yield server


@pytest.fixture(autouse=True)
def _sender(monkeypatch):
    monkeypatch.setenv("ATS_SMS_FROM", "Nordlys")


def _elks(fake, password: str | None = None) -> Elks46Sms:
    return Elks46Sms(fake.username, password or fake.password, fake.url, timeout=5)


def _queue(session, text: str = "Hei Kari! Påminnelse: intervju i morgen kl. 10:00.", **more) -> Message:
    message = sms.queue_sms(session, recipient="+4791234567", text=text, purpose="interview_reminder", **more)
    session.commit()
    return message


def _deliver(backend) -> int:
    return sms.deliver_due_sms(get_engine(DB_URL), backend, "w-sms")


def _reload(session, message_id: int) -> Message:
    session.expire_all()
    return session.get(Message, message_id)


def _make_due(session, message_id: int) -> None:
    message = session.get(Message, message_id)
    message.scheduled_at = utcnow() - timedelta(seconds=1)
    session.add(message)
    session.commit()


# --- numbers ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, country, expected", [
    ("912 34 567", "NO", "+4791234567"),
    ("912 34 567", None, "+4791234567"),  # no country: Norway
    ("+47 912 34 567", "SE", "+4791234567"),  # an international number keeps its own country
    ("0047 91234567", "no", "+4791234567"),
    ("070-123 45 67", "SE", "+46701234567"),
    ("20 12 34 56", "DK", "+4520123456"),
    ("040 123 4567", "FI", "+358401234567"),
    ("06 12345678", "NL", "+31612345678"),
    ("+31 6 1234 5678", None, "+31612345678"),
])
def test_numbers_are_normalised_to_e164(raw, country, expected):
    assert normalise_number(raw, country) == expected


@pytest.mark.parametrize("raw, country", [
    ("070-123 45 67", None),  # a Swedish number read as Norwegian is no number
    ("123", "NO"), ("+47 123", None), ("not a number", "NO"), ("", "NO"), ("   ", None), ("91234567890123", "NO"),
])
def test_invalid_numbers_are_rejected(raw, country):
    assert normalise_number(raw, country) is None


def test_mobiles_are_told_from_landlines():
    assert is_mobile("+4791234567") and is_mobile("+46701234567") and is_mobile("+31612345678")
    assert not is_mobile("+4722123456")  # an Oslo landline
    assert not is_mobile("+31201234567")  # an Amsterdam landline
    assert not is_mobile("nonsense")


# --- length and parts ------------------------------------------------------------------------------------

def test_pure_gsm7_is_160_in_one_part_and_153_per_part_beyond():
    assert sms_parts("a" * 160) == sms.SmsParts("GSM-7", 160, 1, 160)
    assert sms_parts("a" * 161) == sms.SmsParts("GSM-7", 161, 2, 153)
    assert sms_parts("a" * 306).parts == 2 and sms_parts("a" * 307).parts == 3
    assert sms_parts("").parts == 0


def test_nordic_letters_stay_gsm7():
    text = "Hei Åse! Møt opp på kontoret i Tromsø. Hälsningar, Örjan. ÆØÅæøåÄÖäö"
    parts = sms_parts(text)
    assert parts.encoding == "GSM-7" and parts.characters == len(text) and parts.parts == 1
    assert sms_parts("æøå" * 60) == sms.SmsParts("GSM-7", 180, 2, 153)


def test_extension_characters_count_two():
    assert sms_parts("Pris: 10 €") == sms.SmsParts("GSM-7", 11, 1, 160)
    assert sms_parts("€" * 80) == sms.SmsParts("GSM-7", 160, 1, 160)
    assert sms_parts("[" * 81).parts == 2
    # an escape pair is never split between two parts: 152 + 2 does not fit in 153
    assert sms_parts("a" * 152 + "€" + "a" * 152).parts == 3


def test_an_emoji_or_a_non_gsm_letter_switches_to_ucs2():
    assert sms_parts("Vi ses i morgen 🙂") == sms.SmsParts("UCS-2", 18, 1, 70)  # the emoji counts 2
    assert sms_parts("a" * 69 + "ŝ") == sms.SmsParts("UCS-2", 70, 1, 70)
    assert sms_parts("a" * 70 + "ŝ") == sms.SmsParts("UCS-2", 71, 2, 67)
    assert sms_parts("ŝ" * 134).parts == 2 and sms_parts("ŝ" * 135).parts == 3


# --- the outbox ------------------------------------------------------------------------------------------

def test_queue_sms_adds_an_sms_row(session):
    message = _queue(session)
    assert message.id and message.channel == "sms" and message.status == M.QUEUED
    assert message.recipient == "+4791234567" and message.purpose == "interview_reminder"
    assert message.idempotency_key.startswith("ats/sms/")


def test_queue_sms_refuses_what_cannot_be_sent(session):
    with pytest.raises(ValueError):
        sms.queue_sms(session, recipient="123", text="Hei", purpose="test")
    with pytest.raises(ValueError):
        sms.queue_sms(session, recipient="+4791234567", text="  ", purpose="test")
    with pytest.raises(ValueError):
        sms.queue_sms(session, recipient="+4791234567", text="Hei", purpose="test", sender="Far too long name")


def test_the_held_backend_keeps_messages_held(session, monkeypatch):
    monkeypatch.delenv("ATS_SMS_BACKEND", raising=False)
    assert isinstance(sms.backend_from_env(), HeldSms)
    message = _queue(session)
    assert _deliver(HeldSms()) == 1
    held = _reload(session, message.id)
    assert held.status == M.HELD and held.last_error == sms.NO_PROVIDER and held.attempts == 0
    assert _deliver(HeldSms()) == 0  # held rows are not claimed again


def test_backend_from_env_builds_46elks(monkeypatch):
    monkeypatch.setenv("ATS_SMS_BACKEND", "46elks")
    monkeypatch.setenv("ATS_SMS_USERNAME", "u1")
    monkeypatch.delenv("ATS_SMS_PASSWORD", raising=False)
    with pytest.raises(ValueError):
        sms.backend_from_env()
    monkeypatch.setenv("ATS_SMS_PASSWORD", "p1")
    monkeypatch.delenv("ATS_SMS_API_URL", raising=False)
    backend = sms.backend_from_env()
    assert isinstance(backend, Elks46Sms) and backend.url == "https://api.46elks.com/a1/sms"
    assert backend.auth == ("u1", "p1")
    monkeypatch.setenv("ATS_SMS_API_URL", "http://127.0.0.1:8026/a1/")
    assert sms.backend_from_env().url == "http://127.0.0.1:8026/a1/sms"
    monkeypatch.setenv("ATS_SMS_FROM", "Nordlys Recruitment")  # 19 characters: no phone shows that
    with pytest.raises(ValueError):
        sms.backend_from_env()
    monkeypatch.setenv("ATS_SMS_BACKEND", "carrier-pigeon")
    with pytest.raises(ValueError):
        sms.backend_from_env()


# --- 46elks against the fake -----------------------------------------------------------------------------

def test_46elks_gets_the_form_with_basic_auth_and_the_id_is_stored(session, fake):
    message = _queue(session)
    assert _deliver(_elks(fake)) == 1
    [received] = fake.messages()
    assert received["from"] == "Nordlys" and received["to"] == "+4791234567"
    assert received["message"] == "Hei Kari! Påminnelse: intervju i morgen kl. 10:00."
    assert received["username"] == fake.username and received["encoding"] == "GSM-7"
    sent = _reload(session, message.id)
    assert sent.status == M.SENT and sent.provider_id == received["id"] and sent.provider_id.startswith("s")
    assert sent.sent_at and sent.attempts == 1 and sent.last_error is None
    assert _deliver(_elks(fake)) == 0 and len(fake.messages()) == 1  # sent once


def test_the_message_sender_wins_over_the_setting(session, fake):
    _queue(session, sender="+4740000000")
    _deliver(_elks(fake))
    assert fake.messages()[0]["from"] == "+4740000000"


def test_wrong_credentials_fail_at_once(session, fake):
    message = _queue(session)
    _deliver(_elks(fake, password="wrong"))
    failed = _reload(session, message.id)
    assert failed.status == M.FAILED and "401" in failed.last_error and not fake.messages()


def test_403_fails_at_once_with_the_reason(session, fake):
    message = _queue(session)
    fake.fail_next(403)
    _deliver(_elks(fake))
    failed = _reload(session, message.id)
    assert failed.status == M.FAILED and failed.last_error.startswith("46elks 403")
    assert not fake.messages()


def test_a_refused_sender_is_failed_with_46elks_reason(session, fake, monkeypatch):
    monkeypatch.setenv("ATS_SMS_FROM", "1nvalid")  # the fake checks senders as 46elks does
    message = _queue(session)
    _deliver(_elks(fake))
    failed = _reload(session, message.id)
    assert failed.status == M.FAILED and "Invalid from" in failed.last_error


def test_503_is_queued_for_a_retry_and_then_sent(session, fake):
    message = _queue(session)
    fake.fail_next(503)
    _deliver(_elks(fake))
    waiting = _reload(session, message.id)
    assert waiting.status == M.QUEUED and "503" in waiting.last_error and waiting.attempts == 1
    assert waiting.scheduled_at > utcnow().replace(tzinfo=waiting.scheduled_at.tzinfo)
    assert _deliver(_elks(fake)) == 0  # not before its backoff
    _make_due(session, message.id)
    assert _deliver(_elks(fake)) == 1
    sent = _reload(session, message.id)
    assert sent.status == M.SENT and sent.attempts == 2 and len(fake.messages()) == 1


def test_a_rate_limit_waits_without_using_an_attempt(session, fake):
    message = _queue(session)
    fake.fail_next(429)
    _deliver(_elks(fake))
    waiting = _reload(session, message.id)
    assert waiting.status == M.QUEUED and waiting.attempts == 0 and "429" in waiting.last_error


def test_an_unreachable_gateway_is_retried(session):
    with FakeSms() as gone:
        url = gone.url
    message = _queue(session)
    _deliver(Elks46Sms("u", "p", url, timeout=2))
    waiting = _reload(session, message.id)
    assert waiting.status == M.QUEUED and "could not reach 46elks" in waiting.last_error


def test_a_scheduled_sms_is_not_sent_before_its_time(session, fake):
    message = _queue(session, scheduled_at=utcnow() + timedelta(hours=1))
    assert _deliver(_elks(fake)) == 0 and not fake.messages()
    assert outbox.shown_status(_reload(session, message.id)) == "scheduled"
    _make_due(session, message.id)
    assert _deliver(_elks(fake)) == 1 and len(fake.messages()) == 1


def test_sms_delivery_leaves_email_alone(session, fake):
    email = outbox.queue_email(session, recipient="kari@example.com", subject="Hei", html="<p>Hei</p>", text="Hei",
                               sender="Team <team@example.com>", purpose="test")
    session.commit()
    message = _queue(session)
    assert _deliver(_elks(fake)) == 1
    assert _reload(session, email.id).status == M.QUEUED
    assert _reload(session, message.id).status == M.SENT
