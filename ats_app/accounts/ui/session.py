"""The user behind this client's session, read from the websocket handshake on the server.

The session token lives in an HttpOnly cookie that accounts.routes sets. web.security takes it out of the
handshake to Reflex's event endpoint and puts its SHA-256 in the `Authorization` header (dropping any the
client sent); Reflex copies the handshake's headers into every event's router data on the server, where this
reads it. So no token is ever in Reflex's state, nor in its state store.

SessionState stays the small parent state under which AuthState sits (it holds nothing)."""

import asyncio

import reflex as rx

from ats_app.accounts import auth
from ats_app.accounts.auth import CurrentUser
from ats_app.core.db import session_scope

SESSION_HEADER = "authorization"  # web.security.SESSION_HEADER (the ui layer does not import web)


class SessionState(rx.State):
    """The parent of AuthState; the session itself is the handshake's, not a var."""


def session_hash(state: rx.State) -> str:
    """The session token's SHA-256 that the server put in this connection's handshake ('' when none)."""
    return state.router.headers.raw_headers.get(SESSION_HEADER, "")


async def resolve_user(state: rx.State) -> CurrentUser | None:
    """The user behind this client's session, looked up in a worker thread."""
    token_hash = session_hash(state)
    if not token_hash:
        return None

    def lookup() -> CurrentUser | None:
        with session_scope() as session:
            return auth.user_for_token_hash(session, token_hash)

    return await asyncio.to_thread(lookup)
