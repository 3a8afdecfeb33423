"""Driving Reflex State classes as plain Python, in one client's state tree."""

import inspect

import reflex as rx

import ats_app.ats_app  # noqa: F401  (registers every page and state)
from ats_app.accounts.ui.auth_state import AuthState


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
    """Log root's client in as email (how a browser's session reaches the state is accounts' business);
    new tests use this rather than a log-in handler, so they keep working when the log-in moves."""
    auth = state_of(root, AuthState)
    await call(auth, "log_in", {"email": email, "password": password})
    assert auth.session_token, auth.login_error
    return root
