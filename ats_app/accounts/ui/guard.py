"""The server-side check in front of every event handler.

Reflex lets any browser call any registered handler over the websocket, so hiding a button is not a
check. Each handler is wrapped in `requires(...)` (the user must be logged in and hold the right) or
marked `public` on purpose; a test enumerates every handler and proves an anonymous call is refused.
Every refusal is logged (`ats_app.accounts.ui.guard`), which is also how that test sees it.
"""

import asyncio
import functools
import inspect
import logging
from contextvars import ContextVar

import reflex as rx

from ats_app.accounts.auth import CurrentUser
from ats_app.accounts.ui.session import resolve_user
from ats_app.core.db import session_scope
from ats_app.core.i18n import gettext

log = logging.getLogger(__name__)
# A full page load of the server's log-in page, which brings the user back here once logged in (accounts.routes
# accepts only a path on this site as next).
LOG_IN_AGAIN = ("window.location.assign('/login?next=' + "
                "encodeURIComponent(window.location.pathname + window.location.search))")
_current_user: ContextVar[CurrentUser | None] = ContextVar("ats_current_user", default=None)


def current_user() -> CurrentUser:
    """The user checked by the guard for the handler now running."""
    user = _current_user.get()
    if user is None:
        raise RuntimeError("current_user() called outside a guarded handler")
    return user


def public(fn):
    """Mark a handler as open to anonymous clients on purpose (the language switch)."""
    fn._ats_public = True
    return fn


def _refuse(fn_name: str, user: CurrentUser | None):
    if user is None:
        log.info("refused anonymous call to %s", fn_name)
        # A full page load: the log-in page is a server route, which Reflex's client-side redirect would miss.
        return rx.call_script(LOG_IN_AGAIN)
    log.warning("refused %s to user %s", fn_name, user.id)
    return rx.toast.error(gettext(user.language, "You do not have the right to do this."))


def requires(right: str | None = None, *, roles: tuple[str, ...] = ()):
    """Run the handler only for a logged-in user holding `right` (and one of `roles`, when given)."""

    def decorate(fn):
        def allowed(user: CurrentUser | None) -> bool:
            return user is not None and (right is None or user.has(right)) and (not roles or user.role in roles)

        if inspect.isasyncgenfunction(fn):
            @functools.wraps(fn)
            async def gen_wrapper(self, *args, **kwargs):
                user = await resolve_user(self)
                if not allowed(user):
                    yield _refuse(fn.__qualname__, user)
                    return
                token = _current_user.set(user)
                try:
                    async for update in fn(self, *args, **kwargs):
                        yield update
                finally:
                    _current_user.reset(token)

            return gen_wrapper

        @functools.wraps(fn)
        async def wrapper(self, *args, **kwargs):
            user = await resolve_user(self)
            if not allowed(user):
                return _refuse(fn.__qualname__, user)
            token = _current_user.set(user)
            try:
                result = fn(self, *args, **kwargs)
                return await result if inspect.isawaitable(result) else result
            finally:
                _current_user.reset(token)

        return wrapper

    return decorate


def requires_in_background(right: str | None = None):
    """requires() for background events: the session is read under the state lock, then the
    handler runs unlocked (it must take `async with self` to change state)."""

    def decorate(fn):
        @functools.wraps(fn)
        async def wrapper(self, *args, **kwargs):
            async with self:
                user = await resolve_user(self)
            if user is None or (right is not None and not user.has(right)):
                return _refuse(fn.__qualname__, user)
            token = _current_user.set(user)
            try:
                return await fn(self, *args, **kwargs)
            finally:
                _current_user.reset(token)

        return wrapper

    return decorate


async def run_in_session(fn, *args, **kwargs):
    """Run a service function `fn(session, *args)` in a worker thread with its own transaction."""

    def call():
        with session_scope() as session:
            return fn(session, *args, **kwargs)

    return await asyncio.to_thread(call)
