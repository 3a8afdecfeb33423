"""A database without users has no one to log in: the app then says how to create the first admin."""

from sqlmodel import Session, select

from ats_app.models import User


def needs_first_admin(session: Session) -> bool:
    """True while the database holds no user at all (no demo data and no `ats create-admin` yet)."""
    return session.exec(select(User.id).limit(1)).first() is None
