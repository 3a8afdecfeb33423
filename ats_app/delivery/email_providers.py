"""Email providers: Resend through its SDK, or none (messages are held in the outbox, nothing leaves).

The worker hands over outbox rows as plain dicts; a backend answers with Resend's id or a
DeliveryError that says whether trying again later can help (rate limit, 5xx, network) or not (the
provider refused the message as invalid).
"""

import base64
from dataclasses import dataclass
from typing import cast

import resend
from resend import exceptions as rx_errors

from ats_app.core import config, files
from ats_app.core.errors import DeliveryError
from ats_app.delivery import sealed_links
from ats_app.models import Message

BATCH_LIMIT = 100  # Resend's batch endpoint takes at most 100 emails, none with attachments


@dataclass(frozen=True)
class Outgoing:
    """One message as the provider needs it."""

    message_id: int
    idempotency_key: str
    params: dict
    has_attachments: bool


def outgoing(message: Message, session=None) -> Outgoing:
    """The provider's request for an outbox row (attachments read from private storage; sealed links
    revealed when a session is given: the row itself only holds their placeholders)."""
    html, text = message.body_html or "", message.body_text or ""
    if session is not None:
        html, text = sealed_links.reveal(session, html, message), sealed_links.reveal(session, text, message)
    params = {"from": message.sender or config.mail_from(), "to": [message.recipient], "subject": message.subject or "",
              "html": html, "text": text,
              "tags": [{"name": "message_id", "value": str(message.id)},
                       {"name": "purpose", "value": "".join(c if c.isalnum() else "_" for c in message.purpose)}],
              "headers": {"X-Entity-Ref-ID": message.idempotency_key}}
    if message.reply_to:
        params["reply_to"] = message.reply_to
    if message.attachments:
        params["attachments"] = [
            {"filename": item["filename"], "content_type": item.get("content_type", "application/octet-stream"),
             "content": base64.b64encode(files.read_bytes(item["file_key"])).decode()}
            for item in message.attachments]
    return Outgoing(message.id, message.idempotency_key, params, bool(message.attachments))


def _delivery_error(exc: Exception) -> DeliveryError:
    if isinstance(exc, (rx_errors.ValidationError, rx_errors.MissingRequiredFieldsError)):
        return DeliveryError(f"refused by Resend: {exc.message}", retryable=False)
    if isinstance(exc, rx_errors.ResendError):
        code = int(exc.code) if str(exc.code).isdigit() else 500
        headers = {str(k).lower(): v for k, v in (exc.headers or {}).items()}
        retry_after = None
        try:
            retry_after = float(headers.get("retry-after", ""))
        except ValueError:
            pass
        # A key problem is fixed by configuration; a request with the same key still running is answered
        # later; "same key, other content" is a mistake that retrying cannot mend.
        concurrent = code == 409 and "concurrent" in str(exc.error_type or "")
        retryable = code >= 500 or code in (401, 403, 429) or concurrent
        return DeliveryError(f"Resend {code}: {exc.message}", retryable=retryable, retry_after=retry_after,
                             rate_limited=code == 429)
    return DeliveryError(f"could not reach Resend: {exc}", retryable=True)


class HeldBackend:
    """No provider configured: the worker marks due messages held; nothing leaves the machine."""

    name = "held"
    sends = False


class ResendBackend:
    """Resend's SDK (RESEND_API_KEY; RESEND_API_URL points it elsewhere, e.g. the local fake)."""

    name = "resend"
    sends = True

    def __init__(self, api_key: str, api_url: str):
        resend.api_key, resend.api_url = api_key, api_url  # the SDK reads module globals at call time

    def send_one(self, item: Outgoing) -> str:
        """Send one message under its own Idempotency-Key; its Resend id."""
        try:
            answer = resend.Emails.send(item.params, {"idempotency_key": item.idempotency_key})
        except Exception as exc:  # noqa: BLE001  (every failure is classified, none escapes the worker)
            raise _delivery_error(exc) from exc
        return answer["id"]

    def send_batch(self, items: list[Outgoing], key: str) -> list[str | DeliveryError]:
        """Send up to 100 messages in one request; per message its id or its own refusal."""
        try:
            answer = resend.Batch.send([cast(resend.Emails.SendParams, item.params) for item in items],
                                       {"idempotency_key": key, "batch_validation": "permissive"})
        except Exception as exc:  # noqa: BLE001
            raise _delivery_error(exc) from exc
        results: list[str | DeliveryError] = [DeliveryError("no answer for this message", retryable=True)] * len(items)
        ids = iter(answer.get("data") or [])
        refused = {error["index"]: error.get("message", "invalid") for error in answer.get("errors") or []}
        for index in range(len(items)):
            if index in refused:
                results[index] = DeliveryError(f"refused by Resend: {refused[index]}", retryable=False)
            else:
                entry = next(ids, None)
                if entry:
                    results[index] = entry["id"]
        return results


def backend_from_env() -> HeldBackend | ResendBackend:
    """Resend when RESEND_API_KEY is set, else the held backend."""
    key = config.resend_api_key()
    return ResendBackend(key, config.resend_api_url()) if key else HeldBackend()
