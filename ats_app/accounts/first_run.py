"""A safe first start. Demo data (users with a known password) belongs to the embedded default database only;
a database without users has no one to log in, so the app says how to create the first admin, and
`ats create-admin` makes one without a password plus a one-time set-up link. (The fixed demo password works
only on a server listening on this machine alone: core.config.refuses_demo_password.)"""

import re

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session, select

from ats_app.accounts import audit, password_links
from ats_app.core.db import DEFAULT_DB_URL
from ats_app.core.i18n import LANGUAGES
from ats_app.models import Role, User

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")


class AdminRefused(Exception):
    """`ats create-admin` cannot do what was asked (the message says why, for the terminal)."""


def needs_first_admin(session: Session) -> bool:
    """True while the database holds no user at all (no demo data and no `ats create-admin` yet)."""
    return session.exec(select(User.id).limit(1)).first() is None


def is_embedded_default(url: str) -> bool:
    """True for the embedded default database (the SQLite file ats.db beside the app, as `make run` uses)."""
    try:
        parsed, default = make_url(url), make_url(DEFAULT_DB_URL)
    except ArgumentError:
        return False
    return parsed.get_backend_name() == "sqlite" and parsed.database == default.database


def printable_url(url: str) -> str:
    """A database URL fit to print: its password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable database URL)"


def create_admin(session: Session, email: str, *, name: str = "", language: str = "en") -> tuple[User, str]:
    """A new admin without a password, and the one-time set-up link's URL (it carries the token: shown once).

    Raises AdminRefused for a malformed email, an unknown language, or an email that already has a user.
    """
    email = (email or "").strip().lower()
    if len(email) > 254 or not _EMAIL.fullmatch(email):
        raise AdminRefused(f"{email!r} is not an email address.")
    if language not in LANGUAGES:
        raise AdminRefused(f"Unknown language {language!r}: one of {', '.join(LANGUAGES)}.")
    if session.exec(select(User.id).where(User.email == email)).first() is not None:
        raise AdminRefused(f"{email} already has a user. For an admin, --reissue prints a fresh set-up link.")
    user = User(email=email, name=(name or "").strip()[:200] or email.split("@")[0], password_hash="",
                role=Role.ADMIN, language=language)
    session.add(user)
    session.flush()
    _, url = password_links.issue_link(session, user, password_links.SETUP)
    audit.record(session, audit.ADMIN_CREATED, actor_name="ats create-admin", subject=user.email,
                 details={"user_id": user.id})
    return user, url


def reissue_setup_link(session: Session, email: str) -> tuple[User, str]:
    """A fresh set-up link for an existing, active admin (the older links stop working)."""
    email = (email or "").strip().lower()
    user = session.exec(select(User).where(User.email == email)).first()
    if user is None or user.role != Role.ADMIN:
        raise AdminRefused(f"{email} is not an admin.")
    if not user.active or user.deactivated_at is not None:
        raise AdminRefused(f"{email} is deactivated.")
    _, url = password_links.issue_link(session, user, password_links.SETUP)
    audit.record(session, audit.ADMIN_CREATED, actor_name="ats create-admin", subject=user.email,
                 details={"user_id": user.id, "reissued": True})
    return user, url
