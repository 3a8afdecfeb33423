"""Deployment settings read from the environment: public address, senders, email provider, worker.

Read at call time (not import time), so tests and `ats` commands can point them elsewhere.
"""

import hmac
import ipaddress
import os
import secrets
from urllib.parse import urlsplit

from ats_app.core.files import files_dir

DEFAULT_MAIL_FROM = "Nordlys Recruitment <recruitment@example.com>"


def public_url() -> str:
    """Where candidates and reviewers reach the app: links in emails are built on it (no trailing /)."""
    url = os.environ.get("ATS_PUBLIC_URL")
    if not url:
        port = os.environ.get("PORT") or os.environ.get("ATS_PORT") or "3000"
        url = f"http://127.0.0.1:{port}"
    return url.rstrip("/")


def link(path: str) -> str:
    """An absolute link to path on the public address."""
    return f"{public_url()}/{path.lstrip('/')}"


def mail_from(purpose: str | None = None) -> str:
    """The sender for purpose: ATS_MAIL_FROM_<PURPOSE> (e.g. ATS_MAIL_FROM_OFFER), else ATS_MAIL_FROM."""
    if purpose:
        specific = os.environ.get(f"ATS_MAIL_FROM_{purpose.upper().replace('.', '_')}")
        if specific:
            return specific
    return os.environ.get("ATS_MAIL_FROM") or DEFAULT_MAIL_FROM


def resend_api_key() -> str | None:
    """The Resend key; without one nothing leaves the machine (messages are held)."""
    return os.environ.get("RESEND_API_KEY") or None


def resend_api_url() -> str:
    """Resend's address; the tests point it at the local fake server."""
    return os.environ.get("RESEND_API_URL") or "https://api.resend.com"


def webhook_secret() -> str | None:
    """The signing secret of the Resend webhook (whsec_…)."""
    return os.environ.get("RESEND_WEBHOOK_SECRET") or None


def rate_limit_per_second() -> float:
    """Requests per second to the email provider (ATS_MAIL_RATE_LIMIT, default 2; 0 = no limit)."""
    try:
        return max(0.0, float(os.environ.get("ATS_MAIL_RATE_LIMIT", "2")))
    except ValueError:
        return 2.0


def worker_in_app() -> bool:
    """Whether the web app runs the delivery worker itself (ATS_WORKER_IN_APP, default yes)."""
    return os.environ.get("ATS_WORKER_IN_APP", "1").lower() not in ("0", "false", "no")


def secret_key() -> bytes:
    """The server's secret (ATS_SECRET_KEY, else a random one kept in the private files folder).

    It seals the links put in outgoing email, so a database (or backup) alone cannot rebuild them.
    """
    configured = os.environ.get("ATS_SECRET_KEY")
    if configured:
        return configured.encode()
    path = files_dir() / ".secret_key"
    if not path.exists():
        draft = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
        try:
            os.link(draft, path)  # atomic: a process never reads a half-written key
        except FileExistsError:  # another process made it first: use theirs
            pass
        finally:
            draft.unlink(missing_ok=True)
    return path.read_text().strip().encode()


DEMO_PASSWORD = "demo"


def demo_password() -> str:
    """The fixed password of the demo users (ATS_DEMO_PASSWORD, else "demo"): for a server on this machine only."""
    return os.environ.get("ATS_DEMO_PASSWORD") or DEMO_PASSWORD


def listens_on_loopback() -> bool:
    """Whether the server listens only on this machine (ATS_LISTEN_HOST: 127.0.0.0/8, ::1 or localhost) and
    is not published elsewhere: an ATS_PUBLIC_URL on another host means a proxy or tunnel in front of it.

    Unset, empty or anything else (0.0.0.0, a public name) counts as reachable from outside: the safe default.
    """
    if not _is_loopback(os.environ.get("ATS_LISTEN_HOST") or ""):
        return False
    public = (os.environ.get("ATS_PUBLIC_URL") or "").strip()
    return not public or _is_loopback(urlsplit(public).hostname or "")


def _is_loopback(host: str) -> bool:
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refuses_demo_password(password: str) -> bool:
    """True when password is the fixed demo password and the server may be reached from other machines
    (a real password never is: the password rule asks for 10 characters or more). "demo" itself is refused too
    when ATS_DEMO_PASSWORD names another: demo users loaded earlier with "demo" keep it."""
    if listens_on_loopback():
        return False
    given = (password or "").encode()
    return any(hmac.compare_digest(given, fixed.encode()) for fixed in {DEMO_PASSWORD, demo_password()})
