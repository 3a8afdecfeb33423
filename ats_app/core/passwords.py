"""Password hashing with argon2id (argon2-cffi)."""

import os
from functools import lru_cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ats_app.core.i18n import N_

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1000  # hashing a megabyte of "password" is a cheap way to tie up the server


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    # ATS_FAST_HASHING=1 (tests, demo data) uses the cheapest argon2id profile; production keeps RFC 9106's.
    if os.environ.get("ATS_FAST_HASHING") == "1":
        return PasswordHasher.from_parameters(profiles.CHEAPEST)
    return PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of password."""
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when password matches password_hash; never raises on a bad hash."""
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
