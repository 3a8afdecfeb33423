"""How many wrong passwords an account and a client address may try, checked before any hashing.

Per account (the normalised email, whether or not a user has it, so the answers never tell them apart):
ATS_LOGIN_DELAY_AFTER (3) wrong passwords are free, then each one makes the next attempt wait 1, 2, 4, …
seconds (at most 5 minutes); ATS_LOGIN_LOCK_AFTER (10) within ATS_LOGIN_LOCK_MINUTES (15) lock it for those
minutes. Per client address: ATS_LOGIN_ADDRESS_LIMIT ("20 per minute; 200 per hour", `limits` notation)
wrong passwords, then refused. A refused attempt is not counted and costs no hash. The counts live where
core.throttle keeps its own (memory, or Redis when REFLEX_REDIS_URL is set, so every worker sees them); a
success clears the account's. Staff (scope "staff") and the candidate portal ("portal") count apart.

Parallel guesses would all pass the check before the first of them is counted, so an attempt takes a turn
(turn()): one at a time per account, ADDRESS_AT_ONCE at a time per address, checked and counted within it.
"""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from limits import RateLimitItem, parse_many, storage, strategies

from ats_app.core import throttle

MAX_DELAY = 300  # seconds
DEFAULT_ADDRESS_LIMIT = "20 per minute; 200 per hour"
ADDRESS_AT_ONCE = 4  # attempts from one address being checked at the same moment
TURN_SECONDS = 60  # a turn a crashed worker never gave back frees itself
TURN_WAIT = 1.0  # seconds an attempt waits for its turn: enough for a double click, short for a worker thread


@dataclass(frozen=True)
class Rules:
    """The numbers, read from the environment (defaults in the module docstring)."""

    delay_after: int
    lock_after: int
    lock_minutes: int
    address_limits: tuple[RateLimitItem, ...]


def rules() -> Rules:
    """Today's numbers."""
    address = os.environ.get("ATS_LOGIN_ADDRESS_LIMIT", DEFAULT_ADDRESS_LIMIT).strip()
    return Rules(delay_after=int(os.environ.get("ATS_LOGIN_DELAY_AFTER", "3")),
                 lock_after=int(os.environ.get("ATS_LOGIN_LOCK_AFTER", "10")),
                 lock_minutes=int(os.environ.get("ATS_LOGIN_LOCK_MINUTES", "15")),
                 address_limits=() if address.lower() in ("0", "off", "none", "") else _parse(address))


@lru_cache(maxsize=8)
def _parse(text: str) -> tuple[RateLimitItem, ...]:
    return tuple(parse_many(text))


@lru_cache(maxsize=4)
def _store(url: str) -> storage.Storage:
    found = storage.storage_from_string(url)
    assert isinstance(found, storage.Storage)  # a synchronous one (no async: prefix in the URL)
    return found


def _storage() -> storage.Storage:
    return _store(throttle.storage_url())


def _window() -> strategies.MovingWindowRateLimiter:
    return strategies.MovingWindowRateLimiter(_storage())


def _key(scope: str, what: str, value: str) -> str:
    return f"ats-login/{scope}/{what}/{value}"


def may_try(scope: str, email: str, client: str) -> bool:
    """True when this account and address may try a password now (nothing is counted here)."""
    store, account = _storage(), email or "-"
    if store.get(_key(scope, "wait", account)) > 0 or store.get(_key(scope, "locked", account)) > 0:
        return False
    return all(_window().test(limit, "ats-login", scope, client or "unknown") for limit in rules().address_limits)


@contextmanager
def turn(scope: str, email: str, client: str) -> Iterator[bool]:
    """Within: True when this attempt may check a password now (may_try), holding the account's only turn and
    one of the address's ADDRESS_AT_ONCE until the attempt is counted; False when it must wait, or no turn came
    free within TURN_WAIT seconds."""
    store = _storage()
    held: list[str] = []
    try:
        for key, most in ((_key(scope, "trying", email or "-"), 1),
                          (_key(scope, "trying-from", client or "unknown"), ADDRESS_AT_ONCE)):
            if not _wait_for(store, key, most):
                break
            held.append(key)
        else:
            if may_try(scope, email, client):
                yield True
                return
        yield False
    finally:
        for key in held:
            store.incr(key, TURN_SECONDS, -1)


def _wait_for(store: storage.Storage, key: str, most: int) -> bool:
    """Take one of key's `most` places, waiting up to TURN_WAIT seconds (a double-clicked Log in waits for the
    first click's answer); False when none came free."""
    deadline = time.monotonic() + TURN_WAIT
    while True:
        if store.incr(key, TURN_SECONDS) <= most:
            return True
        store.incr(key, TURN_SECONDS, -1)
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


def wrong_password(scope: str, email: str, client: str) -> bool:
    """Count one wrong password; True when it is the one that locks the account (exactly once per lock)."""
    store, account, numbers = _storage(), email or "-", rules()
    for limit in numbers.address_limits:
        _window().hit(limit, "ats-login", scope, client or "unknown")
    failures = store.incr(_key(scope, "failures", account), numbers.lock_minutes * 60)
    if failures > numbers.delay_after:
        store.incr(_key(scope, "wait", account), min(2 ** (failures - numbers.delay_after - 1), MAX_DELAY))
    if failures == numbers.lock_after:
        store.incr(_key(scope, "locked", account), numbers.lock_minutes * 60)
        return True
    return False


def wait_seconds(scope: str, email: str) -> int:
    """How long the account must wait before its next try (0: it may try now)."""
    store, account = _storage(), email or "-"
    until = max(store.get_expiry(_key(scope, what, account)) if store.get(_key(scope, what, account)) else 0
                for what in ("wait", "locked"))
    return max(0, int(until - time.time() + 0.999))


def logged_in(scope: str, email: str) -> None:
    """A right password: the account's count starts afresh (the address's does not)."""
    store, account = _storage(), email or "-"
    for what in ("failures", "wait", "locked"):
        store.clear(_key(scope, what, account))


def forget() -> None:
    """Start counting afresh (tests)."""
    for url in {throttle.storage_url(), "memory://"}:
        _store(url).reset()
    _store.cache_clear()
