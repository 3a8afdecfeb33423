"""Random tokens for links and sessions: the URL carries the token, the database only its hash."""

import hashlib
import secrets


def new_token() -> str:
    """A fresh URL-safe random token (256 bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The SHA-256 hex digest stored in place of token."""
    return hashlib.sha256(token.encode()).hexdigest()
