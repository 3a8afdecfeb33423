"""Driving Reflex State classes as plain Python, in one client's state tree."""

import inspect

import reflex as rx
from reflex.istate.data import HeaderData

import ats_app.ats_app  # noqa: F401  (registers every page and state)
from ats_app.accounts import auth
from ats_app.accounts.ui.session import SESSION_HEADER
from ats_app.core import tokens
from ats_app.core.db import session_scope


def our_states() -> list[type[rx.State]]:
    """Every State class the app defines."""
    found, stack = [], [rx.State]
    while stack:
        cls = stack.pop()
        for sub in cls.get_substates():
            stack.append(sub)
            if sub.__module__.startswith("ats_app."):
                found.append(sub)
    return sorted(found, key=lambda c: c.get_full_name())


def client(root: rx.State | None = None) -> rx.State:
    """A fresh state tree, as one browser tab would have."""
    return root or rx.State()


def state_of(root: rx.State, cls: type[rx.State]):
    """The instance of cls inside root's tree."""
    return root.get_substate(cls.get_full_name().split(".")[1:])


async def call(state: rx.State, handler_name: str, *args):
    """Run one handler the way Reflex would, draining generators; returns the last value it gave back."""
    fn = type(state).event_handlers[handler_name].fn
    result = fn(state, *args)
    if inspect.isasyncgen(result):
        last = None
        async for last in result:
            pass
        return last
    if inspect.isawaitable(result):
        return await result
    if inspect.isgenerator(result):
        return list(result)[-1] if result else None
    return result


async def log_in(root: rx.State, email: str = "admin@example.com", password: str = "demo") -> rx.State:
    """Log root's client in as email: a session opened as the log-in page opens it (accounts.auth.log_in), its
    hash put where web.security puts it for a real browser (the handshake's Authorization header)."""
    with session_scope() as session:
        token = auth.log_in(session, email, password)
    assert token, f"could not log in as {email}"
    return with_session(root, tokens.token_hash(token))


def with_session(root: rx.State, token_hash: str) -> rx.State:
    """root's client with token_hash as the session its handshake carries ("" for none)."""
    headers = {k: v for k, v in root.router_data.get("headers", {}).items() if k != SESSION_HEADER}
    if token_hash:
        headers[SESSION_HEADER] = token_hash
    root.router_data = {**root.router_data, "headers": headers}
    root.rx_router_headers = HeaderData.from_router_data(root.router_data)
    return root
