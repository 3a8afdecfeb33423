"""A staff member logging in and out through the log-in page: throttled before any hashing, every attempt an
audit line, and an email to the user when repeated wrong passwords lock their account.

The answer never tells whether an email belongs to a user: a wrong password and an unknown email read the
same, and so do a throttled address, a throttled email and a locked account.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from markupsafe import Markup
from sqlmodel import Session, select

from ats_app.accounts import audit, auth, login_throttle
from ats_app.core import config, tokens
from ats_app.core.i18n import N_, format_moment, gettext
from ats_app.delivery.outbox import queue_email
from ats_app.mail.render import plain_text, wrap_in_layout
from ats_app.mail.tag_values import company_name
from ats_app.models import Message, User, UserSession
from ats_app.models.base import as_utc, utcnow

SCOPE = "staff"
LOCKED_PURPOSE = "account_locked"
OK, WRONG, THROTTLED = "ok", "wrong", "throttled"


@dataclass(frozen=True)
class Attempt:
    """How a log-in went: OK with the new session's token, WRONG or THROTTLED (then token is None)."""

    outcome: str
    token: str | None = None


def attempt(session: Session, email: str, password: str, client: str, now: datetime | None = None) -> Attempt:
    """Check the credentials unless the account or the address must wait; record the attempt; commit.

    Raises core.passwords.HashingBusy when every hashing slot stayed taken (nothing is counted then).
    """
    now = now or utcnow()
    email = auth.normalise_email(email)
    with login_throttle.turn(SCOPE, email, client) as may_try:
        user = session.exec(select(User).where(User.email == email)).first()
        if not may_try or (user is not None and user.locked_until is not None and as_utc(user.locked_until) > now):
            return Attempt(THROTTLED)
        return _check(session, user, email, password, client, now)


def _check(session: Session, user: User | None, email: str, password: str, client: str, now: datetime) -> Attempt:
    """The password checked, the attempt counted and recorded (within the account's turn)."""
    token = auth.log_in(session, email, password)
    if token is not None and user is not None:
        login_throttle.logged_in(SCOPE, email)
        audit.record(session, audit.LOGIN, actor_id=user.id, actor_name=user.name, subject=user.email,
                     client_ip=client, at=now)
        session.commit()
        return Attempt(OK, token)
    locks = login_throttle.wrong_password(SCOPE, email, client)
    audit.record(session, audit.LOGIN_FAILED, actor_id=user.id if user else None, actor_name=user.name if user else "",
                 subject=user.email if user else "", details={"email": email} if user else {}, client_ip=client,
                 at=now)
    if locks and user is not None:
        lock_account(session, user, client, now)
    session.commit()
    return Attempt(WRONG)


def lock_account(session: Session, user: User, client: str, now: datetime | None = None) -> None:
    """Too many wrong passwords: locked for ATS_LOGIN_LOCK_MINUTES, an audit line, and an email to the user
    (not committed: the caller's transaction holds it)."""
    now = now or utcnow()
    until = now + timedelta(minutes=login_throttle.rules().lock_minutes)
    user.locked_until = until
    session.add(user)
    audit.record(session, audit.ACCOUNT_LOCKED, actor_id=user.id, actor_name=user.name, subject=user.email,
                 details={"until": until.isoformat()}, client_ip=client, at=now)
    if user.active:
        queue_lock_notice(session, user, until)


def log_out(session: Session, token: str | None, client: str) -> None:
    """End the session behind token with an audit line (nothing happens for an unknown or ended one)."""
    if not token:
        return
    row = session.exec(select(UserSession, User).join(User, User.id == UserSession.user_id)
                       .where(UserSession.token_hash == tokens.token_hash(token))).first()
    if row is None or row[0].revoked_at is not None:
        return
    user = row[1]
    audit.record(session, audit.LOGOUT, actor_id=user.id, actor_name=user.name, subject=user.email, client_ip=client)
    auth.log_out(session, token)  # commits


def queue_lock_notice(session: Session, user: User, until: datetime) -> Message:
    """Tell the user, in their language, that their account is locked until when, and how to get back in."""
    language = user.language
    _ = lambda message: gettext(language, message)  # noqa: E731
    subject = _(N_("Your account has been locked for a while"))
    reset = config.link("/forgot-password")
    body = "".join(str(Markup("<p>{0}</p>").format(line)) for line in (
        _(N_("Someone, perhaps you, typed a wrong password for {email} too many times, so your account is locked "
             "until {until}.")).format(email=user.email, until=format_moment(until, language, user.time_zone)),
        _(N_("If this was you, wait until then, or choose a new password now:")),
        Markup('<a href="{0}">{0}</a>').format(reset),
        _(N_("If it was not you, your password is still safe; choosing a new one does no harm.")),
    ))
    html = wrap_in_layout(body, subject, language, company_name(session))
    return queue_email(session, recipient=user.email, subject=subject, html=html, text=plain_text(html),
                       sender=config.mail_from(LOCKED_PURPOSE), purpose=LOCKED_PURPOSE, kind=LOCKED_PURPOSE,
                       language=language)
