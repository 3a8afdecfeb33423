"""SMS: numbers, lengths and delivery. Every SMS is an outbox row (channel "sms") before it leaves.

The backend is chosen by ATS_SMS_BACKEND: unset means nothing leaves the machine (due messages become
held, readable on the Outbox page); "46elks" posts to the 46elks REST API (or any gateway speaking its
form protocol, e.g. the local fake in `ats_devtools.fake_sms`). A backend answers with the provider's id or
an SmsError saying whether a later attempt can help.
"""

import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import httpx
from sqlalchemy import Engine
from sqlmodel import Session

from ats_app.core.db import get_engine
from ats_app.core.errors import SmsError
from ats_app.core.phones import normalise_number
from ats_app.delivery import outbox, sealed_links
from ats_app.models import Message, MessageStatus
from ats_app.models.base import utcnow

log = logging.getLogger(__name__)

DEFAULT_SENDER = "Nordlys"
ELKS_API_URL = "https://api.46elks.com/a1"
NO_PROVIDER = "held: no SMS provider configured"

# --- length and parts ------------------------------------------------------------------------------------

# GSM 03.38: the basic table (one septet each; ESC itself left out) and the extension table (ESC + one).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")


@dataclass(frozen=True)
class SmsParts:
    """How long a text is as an SMS: what the recruiter sees under the text box."""

    encoding: str  # "GSM-7" or "UCS-2"
    characters: int  # septets (extension characters count 2) or UTF-16 units (an emoji counts 2)
    parts: int  # SMS billed; 0 for an empty text
    per_part: int  # 160/153 (GSM-7) or 70/67 (UCS-2)

    @property
    def remaining(self) -> int:
        """Characters left before another part is needed."""
        return self.parts * self.per_part - self.characters if self.parts else self.per_part


def _pack(costs: list[int], size: int) -> int:
    """Parts needed when no character is split between two parts (an escape pair, a surrogate pair)."""
    parts, used = 1, 0
    for cost in costs:
        if used + cost > size:
            parts, used = parts + 1, 0
        used += cost
    return parts


def sms_parts(text: str | None) -> SmsParts:
    """GSM-7 when every character is in the GSM alphabet (æøå and äö are), else UCS-2."""
    text = text or ""
    if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text):
        encoding, single, multi = "GSM-7", 160, 153
        costs = [2 if c in GSM7_EXTENSION else 1 for c in text]
    else:
        encoding, single, multi = "UCS-2", 70, 67
        costs = [2 if ord(c) > 0xFFFF else 1 for c in text]
    characters = sum(costs)
    if characters == 0:
        return SmsParts(encoding, 0, 0, single)
    if characters <= single:
        return SmsParts(encoding, characters, 1, single)
    return SmsParts(encoding, characters, _pack(costs, multi), multi)


# --- senders and the outbox ------------------------------------------------------------------------------

_ALPHA_SENDER = re.compile(r"^[A-Za-z][A-Za-z0-9]{1,10}$")
_NUMBER_SENDER = re.compile(r"^\+[1-9][0-9]{5,14}$")


def valid_sender(sender: str | None) -> bool:
    """An SMS sender: letters and digits, starting with a letter, at most 11; or a number in E.164."""
    return bool(sender) and bool(_ALPHA_SENDER.match(sender) or _NUMBER_SENDER.match(sender))


def sms_from() -> str:
    """The sender shown on the candidate's phone (ATS_SMS_FROM, default "Nordlys")."""
    return os.environ.get("ATS_SMS_FROM") or DEFAULT_SENDER


def queue_sms(session: Session, *, recipient: str, text: str, purpose: str, application_id: int | None = None,
              interview_id: int | None = None, created_by_id: int | None = None,
              scheduled_at: datetime | None = None, sender: str | None = None,
              language: str | None = None) -> Message:
    """Add an SMS to the outbox (flushed, so its id can go in the history); the caller commits.

    recipient should already be E.164 (normalise_number); an invalid number or sender, or an empty
    text, is refused with ValueError rather than queued to fail later."""
    number = normalise_number(recipient, None)
    if number is None:
        raise ValueError(f"not a valid phone number: {recipient!r}")
    if not (text or "").strip():
        raise ValueError("an SMS needs a text")
    if sender is not None and not valid_sender(sender):
        raise ValueError(f"not a valid SMS sender (letters and digits, at most 11, or a number): {sender!r}")
    message = Message(
        channel="sms", recipient=number, body_text=text, sender=sender, purpose=purpose, language=language,
        application_id=application_id, interview_id=interview_id, created_by_id=created_by_id,
        scheduled_at=scheduled_at or utcnow(), attachments=[], status=MessageStatus.QUEUED,
        idempotency_key=outbox.new_key("sms"))
    session.add(message)
    session.flush()
    return message


# --- backends --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmsMessage:
    """One SMS as the gateway needs it."""

    message_id: int
    sender: str
    to: str
    text: str


@dataclass(frozen=True)
class SmsResult:
    """The gateway's answer to an accepted SMS."""

    provider_id: str | None
    parts: int | None = None


class SmsBackend(Protocol):
    name: str
    sends: bool

    def send(self, sms: SmsMessage) -> SmsResult: ...


class HeldSms:
    """No SMS provider configured: due messages are marked held; nothing leaves the machine."""

    name = "held"
    sends = False

    def send(self, sms: SmsMessage) -> SmsResult:  # never called by deliver_due_sms
        raise SmsError(NO_PROVIDER, retryable=False)


class Elks46Sms:
    """46elks: a form POST to {api_url}/sms with Basic auth. 46elks has no idempotency key, so a timeout
    after the gateway took the SMS can, on retry, send it twice; refusals are never retried."""

    name = "46elks"
    sends = True

    def __init__(self, username: str, password: str, api_url: str = ELKS_API_URL, timeout: float = 15.0):
        self.auth = (username, password)
        self.url = api_url.rstrip("/") + "/sms"
        self.timeout = timeout

    def send(self, sms: SmsMessage) -> SmsResult:
        form = {"from": sms.sender, "to": sms.to, "message": sms.text}
        try:
            response = httpx.post(self.url, data=form, auth=self.auth, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise SmsError(f"could not reach 46elks: {exc.__class__.__name__}: {exc}", retryable=True) from exc
        code = response.status_code
        if 200 <= code < 300:
            try:
                answer = response.json()
            except ValueError:
                answer = {}
            answer = answer if isinstance(answer, dict) else {}
            parts = answer.get("parts")
            return SmsResult(answer.get("id"), parts if isinstance(parts, int) else None)
        reason = " ".join(response.text.split())[:300] or response.reason_phrase
        if code == 429:
            try:
                retry_after = float(response.headers.get("retry-after", ""))
            except ValueError:
                retry_after = None
            raise SmsError(f"46elks {code}: {reason}", retryable=True, retry_after=retry_after, rate_limited=True)
        # 5xx and a request timeout may pass; any other refusal (400, 401, 403, …) is not mended by waiting.
        raise SmsError(f"46elks {code}: {reason}", retryable=code >= 500 or code == 408)


def backend_from_env() -> HeldSms | Elks46Sms:
    """ATS_SMS_BACKEND: unset or "held" keeps messages held; "46elks" needs ATS_SMS_USERNAME and
    ATS_SMS_PASSWORD (ATS_SMS_API_URL points it elsewhere). A wrong setting is a ValueError, not a guess."""
    choice = (os.environ.get("ATS_SMS_BACKEND") or "held").strip().lower()
    if choice in ("held", "none", "outbox"):
        return HeldSms()
    if choice in ("46elks", "elks46", "elks"):
        username, password = os.environ.get("ATS_SMS_USERNAME"), os.environ.get("ATS_SMS_PASSWORD")
        if not username or not password:
            raise ValueError("ATS_SMS_BACKEND=46elks needs ATS_SMS_USERNAME and ATS_SMS_PASSWORD")
        if not valid_sender(sms_from()):
            raise ValueError(f"ATS_SMS_FROM must be letters and digits (at most 11) or a number: {sms_from()!r}")
        return Elks46Sms(username, password, os.environ.get("ATS_SMS_API_URL") or ELKS_API_URL)
    raise ValueError(f"unknown ATS_SMS_BACKEND {choice!r} (use 46elks, or leave it unset)")


# --- delivery --------------------------------------------------------------------------------------------


def _text(session: Session, message: Message) -> str:
    """The text as the candidate gets it: sealed links (confirm, portal) revealed only now."""
    return sealed_links.reveal(session, message.body_text or "", message)


def _hold(session: Session, message_id: int, worker: str) -> None:
    outbox.mark_held(session, message_id, worker)
    message = session.get(Message, message_id)
    if message is not None and message.status == MessageStatus.HELD:
        message.last_error = NO_PROVIDER  # the outbox's own words speak of email
        session.add(message)


def _mark(engine: Engine, worker: str, message_id: int, result: SmsResult | SmsError) -> None:
    with Session(engine) as session:
        if isinstance(result, SmsResult):
            outbox.mark_sent(session, message_id, worker, result.provider_id)
        elif result.retryable:
            outbox.mark_retry(session, message_id, worker, str(result), result.retry_after,
                              counts=not result.rate_limited)
        else:
            outbox.mark_failed(session, message_id, worker, str(result))
        session.commit()


def deliver_due_sms(engine: Engine | None = None, backend: SmsBackend | None = None, worker: str | None = None,
                    limit: int = 100) -> int:
    """Claim the due SMS and send them one by one outside any transaction; the number claimed."""
    engine = engine or get_engine()
    backend = backend or backend_from_env()
    worker = worker or outbox.worker_name()
    ids = outbox.claim_due(engine, worker, limit, channel="sms")
    if not ids:
        return 0
    ready: list[SmsMessage] = []
    with Session(engine, expire_on_commit=False) as session:
        for message in outbox.load(session, ids):
            if not backend.sends:
                _hold(session, message.id, worker)
            elif message.attempts > outbox.MAX_ATTEMPTS:  # its workers kept dying on it: stop trying
                outbox.mark_failed(session, message.id, worker, f"gave up after {outbox.MAX_ATTEMPTS} attempts")
            else:
                try:
                    ready.append(SmsMessage(message.id, message.sender or sms_from(), message.recipient,
                                            _text(session, message)))
                except Exception as exc:  # noqa: BLE001  (one broken row must not hold up the others)
                    log.exception("SMS %s cannot be prepared", message.id)
                    outbox.mark_failed(session, message.id, worker, f"cannot be prepared: {exc}")
        session.commit()
    for sms in ready:
        if not outbox.hold_for_sending(engine, [sms.message_id], worker):
            continue  # the lease went to another worker meanwhile: it sends this one
        try:
            result: SmsResult | SmsError = backend.send(sms)
        except SmsError as exc:
            result = exc
        except Exception as exc:  # noqa: BLE001  (a backend bug must not end the worker's run)
            log.exception("SMS %s: unexpected error from %s", sms.message_id, backend.name)
            result = SmsError(f"{backend.name}: {exc}", retryable=True)
        _mark(engine, worker, sms.message_id, result)
    return len(ids)
