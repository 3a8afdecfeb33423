"""Random tokens for links and sessions: the URL carries the token, the database only its hash."""

import base64
import hashlib
import hmac
import secrets
import time

FILE_LINK_LIFETIME = 24 * 3600  # seconds a signed link to a private file (letters, a contract preview) works


def new_token() -> str:
    """A fresh URL-safe random token (256 bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The SHA-256 hex digest stored in place of token."""
    return hashlib.sha256(token.encode()).hexdigest()


def sealed_token(secret: bytes, *parts: object) -> str:
    """A token derived from parts with the server's secret (HMAC-SHA256): rebuilt at send time, so the
    outbox keeps a placeholder instead of the token, and a retry sends exactly the same email."""
    digest = hmac.new(secret, ":".join(str(p) for p in parts).encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def file_link_expiry(now: float | None = None) -> int:
    """The moment (Unix seconds, the link's ?exp=) a signed file link made now stops working."""
    return int(time.time() if now is None else now) + FILE_LINK_LIFETIME
