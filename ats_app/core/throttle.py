"""How many applications one client address may send (and, with allow(), how many forms another public page
takes): a moving window kept by the `limits` library, in memory by default, in Redis when REFLEX_REDIS_URL is
set (so several workers share one count).

ATS_APPLY_RATE_LIMIT sets it in `limits`' notation ("20 per 10 minutes", the default; "50/hour"); "0" or "off"
turns it off (the benchmark does, as one client sends thousands).
"""

import os
from functools import lru_cache

from limits import RateLimitItem, parse, storage, strategies

DEFAULT_LIMIT = "20 per 10 minutes"


@lru_cache(maxsize=4)
def _limiter(url: str) -> strategies.MovingWindowRateLimiter:
    return strategies.MovingWindowRateLimiter(storage.storage_from_string(url))


@lru_cache(maxsize=16)
def _limit(text: str) -> RateLimitItem | None:
    return None if text.strip().lower() in ("0", "off", "none", "") else parse(text)


def storage_url() -> str:
    """Where the counts live: Redis when the app runs with it, else this process's memory."""
    return os.environ.get("REFLEX_REDIS_URL") or "memory://"


def allow_application(client: str) -> bool:
    """Count one application sent from client; False when it is over the limit (then nothing is stored)."""
    return allow("apply", "ATS_APPLY_RATE_LIMIT", DEFAULT_LIMIT, client or "unknown")


def allow(scope: str, setting: str, default: str, *keys: str) -> bool:
    """Count one request of scope for keys against the limit in the environment variable setting (default
    when unset); False when it is over the limit."""
    limit = _limit(os.environ.get(setting, default))
    if limit is None:
        return True
    return _limiter(storage_url()).hit(limit, scope, *keys)


def forget() -> None:
    """Start counting afresh (tests)."""
    _limiter.cache_clear()
