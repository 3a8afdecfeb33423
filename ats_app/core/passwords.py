"""Password hashing with argon2id (argon2-cffi), at most a few at once.

Each hash costs about 170 ms of CPU: unlimited parallel log-in guesses would tie up every core. A process-wide
bounded semaphore lets ATS_HASHING_AT_ONCE (default 2) run at once; a caller waits up to HASHING_WAIT seconds
for a turn, then gets HashingBusy ("try again in a moment"). Callers run in worker threads, never on the event
loop, so the wait blocks no one else.
"""

import os
import threading
from contextlib import contextmanager
from functools import lru_cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ats_app.core.i18n import N_

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1000  # hashing a megabyte of "password" is a cheap way to tie up the server
HASHING_WAIT = 3.0  # seconds a caller waits for a free hashing slot


class HashingBusy(Exception):
    """Every hashing slot stayed taken while the caller waited: try again in a moment."""


@lru_cache(maxsize=1)
def _slots() -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(max(1, int(os.environ.get("ATS_HASHING_AT_ONCE", "2") or 2)))


@contextmanager
def _hashing_slot():
    if not _slots().acquire(timeout=HASHING_WAIT):
        raise HashingBusy()
    try:
        yield
    finally:
        _slots().release()


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    # ATS_FAST_HASHING=1 (tests, demo data) uses the cheapest argon2id profile; production keeps RFC 9106's.
    if os.environ.get("ATS_FAST_HASHING") == "1":
        return PasswordHasher.from_parameters(profiles.CHEAPEST)
    return PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of password (raises HashingBusy when no slot came free in time)."""
    with _hashing_slot():
        return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when password matches password_hash; never raises on a bad hash (HashingBusy when no slot came
    free in time)."""
    with _hashing_slot():
        try:
            return _hasher().verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    try:
        return _hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def password_problem(password: str, email: str) -> str | None:
    """Why password is not good enough for the owner of email (a message to translate), or None when it is.
    The same rule for staff and candidates."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return N_("Use at least 10 characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        return N_("Use at most 1000 characters.")
    if password.strip().lower() == (email or "").strip().lower():
        return N_("Do not use your email address as your password.")
    return None
