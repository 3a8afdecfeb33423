"""POST /webhooks/resend: Resend's delivery events (delivered, bounced, ...) reach our outbox rows here.

Only a request signed with our webhook secret is believed (Svix signature over the raw body, 5-minute
tolerance), so nobody can mark a candidate's email as bounced from outside.
"""

import asyncio

import resend
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from ats_app.core import config
from ats_app.core.db import session_scope
from ats_app.delivery import webhook_events


def _signature_headers(request: Request) -> resend.WebhookHeaders:
    """The Svix headers in the shape resend.Webhooks.verify wants (Standard Webhooks names accepted too)."""
    get = request.headers.get
    return resend.WebhookHeaders(id=get("svix-id") or get("webhook-id") or "",
                                 timestamp=get("svix-timestamp") or get("webhook-timestamp") or "",
                                 signature=get("svix-signature") or get("webhook-signature") or "")


async def resend_webhook(request: Request) -> Response:
    """Verify and apply one Resend event: 200 {"ok", "repeated"}, 400 when unsigned, 503 without a secret."""
    secret = config.webhook_secret()
    if not secret:
        return PlainTextResponse("The Resend webhook is not configured (RESEND_WEBHOOK_SECRET).", status_code=503)
    raw = await request.body()
    headers = _signature_headers(request)
    try:
        event = resend.Webhooks.verify({"payload": raw.decode("utf-8"), "headers": headers,
                                        "webhook_secret": secret})
    except (ValueError, UnicodeDecodeError):  # UnicodeDecodeError is a ValueError too; named for the reader
        return PlainTextResponse("Invalid webhook signature.", status_code=400)
    if not isinstance(event, dict):
        return PlainTextResponse("The event must be a JSON object.", status_code=400)

    def apply() -> bool:
        with session_scope() as session:
            return webhook_events.apply_event(session, headers["id"], event)

    applied = await asyncio.to_thread(apply)
    return JSONResponse({"ok": True, "repeated": not applied})
