"""The session cookie, and the user behind it.

Its own small state, under which AuthState sits: the guard reads the cookie before every handler
without loading the shell's state, and without AuthState (whose handlers the guard protects)."""

import asyncio

import reflex as rx

from ats_app.accounts import auth
from ats_app.accounts.auth import CurrentUser
from ats_app.core.db import session_scope


class SessionState(rx.State):
    """This browser's session token (only its SHA-256 is stored on the server)."""

    session_token: str = rx.Cookie("", name=auth.SESSION_COOKIE, max_age=14 * 24 * 3600, same_site="lax")


async def resolve_user(state: rx.State) -> CurrentUser | None:
    """The user behind this client's session cookie, looked up in a worker thread."""
    cookie = state if isinstance(state, SessionState) else await state.get_state(SessionState)
    token = cookie.session_token
    if not token:
        return None

    def lookup() -> CurrentUser | None:
        with session_scope() as session:
            return auth.user_for_token(session, token)

    return await asyncio.to_thread(lookup)
