"""One-time links with which a user chooses a password: an invitation, "forgot password", or the first
admin's set-up link (`ats create-admin`). Only the SHA-256 of a link's token is stored; a newer link of the
same user makes the older ones unusable; using one sets the password and ends the user's open sessions.
Nothing here commits: the caller's transaction holds it."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from ats_app.accounts import auth
from ats_app.core import config, passwords, tokens
from ats_app.core.errors import InvalidInput, LinkUnusable
from ats_app.core.i18n import N_
from ats_app.delivery import sealed_links
from ats_app.models import User, UserLink
from ats_app.models.base import utcnow

INVITE = "invite"
RESET = "reset"
SETUP = "setup"
LIFETIME = {INVITE: timedelta(days=7), RESET: timedelta(hours=2), SETUP: timedelta(days=1)}
LINK_UNUSABLE = N_("This link has expired or has already been used.")


@dataclass(frozen=True)
class LinkHolder:
    """Who a usable link belongs to, for the set-password page: no hash, no token."""

    user_id: int
    name: str
    email: str
    language: str
    purpose: str


def issue_link(session: Session, user: User, purpose: str, *, created_by_id: int | None = None,
               now: datetime | None = None) -> tuple[UserLink, str]:
    """A fresh one-time link for user, and its absolute URL; earlier unused links of the user stop working.

    The URL carries the token itself (for `ats create-admin`, which prints it). An email puts
    set_password_url(link, sealed=True) in its body instead, with queue_email(user_link_id=link.id), so the
    outbox holds a placeholder and the worker puts the token in as the email leaves (delivery.sealed_links).
    """
    if purpose not in LIFETIME:
        raise ValueError(f"unknown link purpose {purpose!r}")
    now = now or utcnow()
    expire_links(session, int(user.id), now)
    link = UserLink(token_hash=tokens.token_hash(tokens.new_token()), user_id=user.id, purpose=purpose,
                    created_at=now, created_by_id=created_by_id, expires_at=now + LIFETIME[purpose])
    session.add(link)
    session.flush()
    link.token_hash = tokens.token_hash(sealed_links.user_link_token(link))
    session.add(link)
    session.flush()
    return link, set_password_url(link)


def expire_links(session: Session, user_id: int, now: datetime | None = None) -> None:
    """Every unused link of the user stops working (a newer link, or the user deactivated)."""
    now = now or utcnow()
    session.exec(update(UserLink)
                 .where(col(UserLink.user_id) == user_id, col(UserLink.used_at).is_(None),
                        col(UserLink.expires_at) > now)
                 .values(expires_at=now))


def set_password_url(link: UserLink, *, sealed: bool = False) -> str:
    """The link's absolute URL; sealed: with the outbox placeholder instead of the token."""
    shown = sealed_links.USER_LINK.format(id=link.id) if sealed else sealed_links.user_link_token(link)
    return config.link(f"/set-password?token={shown}")


def holder_of(session: Session, token: str | None, now: datetime | None = None) -> LinkHolder | None:
    """Whose usable link token is, else None. Looking never uses it up."""
    if not token:
        return None
    now = now or utcnow()
    row = session.exec(select(UserLink, User).join(User, col(User.id) == UserLink.user_id)
                       .where(UserLink.token_hash == tokens.token_hash(token))).first()
    if row is None:
        return None
    link, user = row
    if link.used_at is not None or link.expires_at <= now or user.deactivated_at is not None:
        return None
    return LinkHolder(user_id=user.id, name=user.name, email=user.email, language=user.language,
                      purpose=link.purpose)



def set_password_from_link(session: Session, token: str, password: str, now: datetime | None = None) -> LinkHolder:
    """Redeem a link: the password is set, the user is active, every open session of theirs ends.

    Raises LinkUnusable for an unknown, expired or used link, InvalidInput({"password": …}) for a weak one
    (the link stays usable then). One conditional UPDATE uses the link up, so two submits cannot both win.
    """
    now = now or utcnow()
    holder = holder_of(session, token, now)
    if holder is None:
        raise LinkUnusable(LINK_UNUSABLE)
    problem = passwords.password_problem(password, holder.email)
    if problem:
        raise InvalidInput({"password": problem})
    used = session.exec(update(UserLink)
                        .where(col(UserLink.token_hash) == tokens.token_hash(token), col(UserLink.used_at).is_(None),
                               col(UserLink.expires_at) > now)
                        .values(used_at=now))
    if used.rowcount != 1:
        raise LinkUnusable(LINK_UNUSABLE)
    user = session.get(User, holder.user_id)
    assert user is not None
    user.password_hash = passwords.hash_password(password)
    user.password_changed_at = now
    user.locked_until = None
    user.active = True
    session.add(user)
    auth.revoke_sessions(session, user.id)
    session.flush()
    return holder
