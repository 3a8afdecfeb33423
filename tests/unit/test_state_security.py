"""Every event handler is a public entry point: an anonymous client must be refused by each one."""

import inspect
import logging

import pytest
import reflex as rx

from ats_app.accounts.ui import guard
from tests.unit.state_helpers import call, client, our_states, state_of

# Handlers that anonymous clients may call on purpose, and nothing else.
PUBLIC = {"LocaleState.switch_language"}
BUILT_IN = set(rx.State.event_handlers)


def _handlers():
    for cls in our_states():
        for name, handler in cls.event_handlers.items():
            if name not in BUILT_IN:
                yield cls, name, handler


def _dummy(param: inspect.Parameter):
    annotation = str(param.annotation)
    if "dict" in annotation:
        return {"email": "x@example.com", "password": "x"}
    if "list" in annotation and "str" not in annotation:
        return []
    if "int" in annotation:
        return 1
    return "x"


def test_the_app_has_handlers_to_check():
    names = {f"{cls.__name__}.{name}" for cls, name, _ in _handlers()}
    assert {"OverviewState.load", "AuthState.require_login"} <= names
    assert PUBLIC <= names


def test_only_the_listed_handlers_are_public():
    public = {f"{cls.__name__}.{name}" for cls, name, h in _handlers() if getattr(h.fn, "_ats_public", False)}
    assert public == PUBLIC


@pytest.mark.parametrize(("cls", "name"), [(c, n) for c, n, h in _handlers()
                                           if not getattr(h.fn, "_ats_public", False)],
                         ids=lambda v: v if isinstance(v, str) else v.__name__)
async def test_anonymous_client_is_refused(cls, name, caplog):
    state = state_of(client(), cls)
    fn = cls.event_handlers[name].fn
    params = list(inspect.signature(fn).parameters.values())[1:]
    snapshot = {var: getattr(state, var) for var in cls.base_vars}
    with caplog.at_level(logging.INFO, logger=guard.__name__):
        result = await call(state, name, *[_dummy(p) for p in params])
    refusals = [r for r in caplog.records
                if r.name == guard.__name__ and r.getMessage().startswith("refused anonymous")]
    assert len(refusals) == 1, f"{cls.__name__}.{name} ran for an anonymous client"
    assert "/login" in str(result)
    assert {var: getattr(state, var) for var in cls.base_vars} == snapshot


@pytest.mark.parametrize("cls", our_states(), ids=lambda c: c.__name__)
@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # async setters are never run by setvar
async def test_setvar_cannot_bypass_the_guard(cls):
    state = state_of(client(), cls)
    for var in cls.base_vars:
        if var in rx.State.base_vars:
            continue
        before = getattr(state, var)
        try:
            await call(state, "setvar", var, "x")
        except (AttributeError, TypeError, NotImplementedError):
            pass
        assert getattr(state, var) == before, f"setvar changed {cls.__name__}.{var} for an anonymous client"
