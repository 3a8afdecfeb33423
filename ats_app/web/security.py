"""The ASGI middleware in front of everything on the port (Reflex's pages and events, our routes).

- The staff session reaches Reflex from the server side only. On a request to Reflex's event endpoint
  (/_event: the websocket handshake, or socket.io's polling), the `ats_session` cookie is taken out of the
  Cookie header and its SHA-256 put in the `Authorization` header (one Reflex never sends to the page); a client's own
  Authorization header is always dropped (nothing here uses one).
  Reflex copies the handshake's headers into every event's router data on the server, so the guard reads the
  hash there and the token itself never enters Reflex's state (nor its state store).
- Security headers on every HTTP response: a Content-Security-Policy when the response has none of its own
  (the server-rendered pages set a full one; Reflex's pages need inline scripts, eval and the websocket, so
  theirs forbids framing, <base> and plugins), X-Frame-Options, X-Content-Type-Options, Referrer-Policy, and
  Strict-Transport-Security when the request came over https.
- A body-size limit on POST, PUT and PATCH (413): ATS_MAX_UPLOAD_BYTES (26 MB) for the application form and
  Reflex's upload endpoint, ATS_MAX_BODY_BYTES (64 KB) elsewhere; the event endpoint has Reflex's own cap.
"""

import os
import re
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any

from ats_app.accounts.auth import SESSION_COOKIE
from ats_app.core import tokens

SESSION_HEADER = b"authorization"  # one of the headers Reflex never sends to the page
EVENT_PATH = "/_event"
REFLEX_CSP = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'"
DEFAULT_MAX_BODY = 64 * 1024
DEFAULT_MAX_UPLOAD = 26 * 1024 * 1024  # intake's own rule: 25 MB of files in all, 10 MB each (its friendly 413)
UPLOAD_PATHS = re.compile(r"^/(jobs/[0-9]{1,9}/apply|_upload)/?$")
LIMITED_METHODS = ("POST", "PUT", "PATCH")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _limit(setting: str, default: int) -> int:
    value = os.environ.get(setting, "").strip()
    return int(value) if value.isdigit() else default


def body_limit(path: str) -> int:
    """The most bytes a request body to path may hold."""
    if UPLOAD_PATHS.match(path):
        return _limit("ATS_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD)
    return _limit("ATS_MAX_BODY_BYTES", DEFAULT_MAX_BODY)


def is_https(scope: Scope) -> bool:
    """Whether the request came over https (directly, or through a proxy that says so)."""
    if scope.get("scheme") in ("https", "wss"):
        return True
    return any(k == b"x-forwarded-proto" and v.strip().lower() == b"https" for k, v in scope.get("headers", []))


def session_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The headers Reflex's event endpoint gets: no session cookie and no client-sent Authorization, but the
    session token's hash in Authorization when the cookie is there."""
    kept, token = [], ""
    for name, value in headers:
        if name == SESSION_HEADER:
            continue
        if name == b"cookie":
            others = []
            for part in value.decode("latin-1").split(";"):
                key, _, morsel = part.strip().partition("=")
                if key == SESSION_COOKIE:
                    token = token or _cookie_value(morsel)
                elif part.strip():
                    others.append(part.strip())
            if others:
                kept.append((b"cookie", "; ".join(others).encode("latin-1")))
            continue
        kept.append((name, value))
    if token:
        kept.append((SESSION_HEADER, tokens.token_hash(token).encode()))
    return kept


def _cookie_value(raw: str) -> str:
    if raw.startswith('"'):
        parsed: SimpleCookie = SimpleCookie()
        parsed.load(f"{SESSION_COOKIE}={raw}")
        return parsed[SESSION_COOKIE].value if SESSION_COOKIE in parsed else ""
    return raw


def response_headers(scope: Scope, existing: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """existing with the security headers added (a page's own CSP and Referrer-Policy are kept)."""
    names = {name.lower() for name, _ in existing}
    added = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff")]
    if b"content-security-policy" not in names:
        added.append((b"content-security-policy", REFLEX_CSP.encode()))
    if b"referrer-policy" not in names:
        added.append((b"referrer-policy", b"same-origin"))
    if is_https(scope):
        added.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
    return [(n, v) for n, v in existing if n.lower() not in (b"x-frame-options", b"x-content-type-options")] + added


def _too_large() -> list[Message]:
    body = b"The request is too large."
    return [{"type": "http.response.start", "status": 413,
             "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                         (b"connection", b"close")]},
            {"type": "http.response.body", "body": body}]


def security_middleware(app: ASGIApp) -> ASGIApp:
    """Wrap app (Reflex's whole ASGI app with our routes): see the module docstring."""

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await app(scope, receive, send)
            return
        path = scope.get("path", "")
        headers = list(scope.get("headers", []))
        if path == EVENT_PATH or path.startswith(EVENT_PATH + "/"):
            headers = session_headers(headers)
        else:
            headers = [(n, v) for n, v in headers if n != SESSION_HEADER]
        scope = {**scope, "headers": headers}
        if scope["type"] == "websocket":
            await app(scope, receive, send)
            return
        await _http(app, scope, receive, send, path)

    return guarded


async def _http(app: ASGIApp, scope: Scope, receive: Receive, send: Send, path: str) -> None:
    limited = scope.get("method") in LIMITED_METHODS and not path.startswith(EVENT_PATH)
    limit = body_limit(path)
    if limited:
        declared = next((v for n, v in scope["headers"] if n == b"content-length"), b"")
        if declared.isdigit() and int(declared) > limit:
            for message in _too_large():
                await send(message)
            return
    state = {"read": 0, "over": False, "started": False}

    async def counted_receive() -> Message:
        message = await receive()
        if limited and message["type"] == "http.request":
            state["read"] += len(message.get("body", b""))
            if state["read"] > limit:
                state["over"] = True
                return {"type": "http.disconnect"}  # the app stops reading; its answer becomes the 413 below
        return message

    async def secured_send(message: Message) -> None:
        if message["type"] == "http.response.start":
            if state["over"]:
                state["started"] = True
                for refusal in _too_large():
                    await send(refusal)
                return
            message = {**message, "headers": response_headers(scope, list(message.get("headers", [])))}
        elif state["over"]:
            return
        await send(message)

    try:
        await app(scope, counted_receive, secured_send)
    except Exception:
        if not state["over"]:
            raise
    if state["over"] and not state["started"]:
        for refusal in _too_large():
            await send(refusal)
