"""Log-in, sessions and rights. Sessions are random tokens; only their SHA-256 is stored."""

from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from sqlalchemy import update
from sqlmodel import Session, col, select

from ats_app.core import config, passwords, tokens
from ats_app.core.i18n import LANGUAGES
from ats_app.models import Role, User, UserSession
from ats_app.models.base import utcnow

SESSION_LIFETIME = timedelta(days=14)
SESSION_COOKIE = "ats_session"  # the browser cookie holding the session token

# The per-user rights a handler can require (column names on User).
RIGHTS = (
    "can_send_sms", "can_reject", "can_make_offers", "can_transfer", "can_delete", "can_see_deleted",
    "can_edit_templates", "can_merge_candidates", "can_send_to_panel", "can_manage_contracts", "can_send_email",
    "can_search_cv_database", "can_see_department_projects",
)


@dataclass(frozen=True)
class CurrentUser:
    """What the UI layer may know about the logged-in user: no hash, no token."""

    id: int
    email: str
    name: str
    role: str
    language: str
    time_zone: str
    department_id: int | None
    rights: frozenset[str]

    def has(self, right: str) -> bool:
        """True when the user holds right (admins and department admins hold every right; a department
        admin's reach is still their department, which the access rule decides)."""
        return self.role in (Role.ADMIN, Role.DEPARTMENT_ADMIN) or right in self.rights


def _current(user: User) -> CurrentUser:
    return CurrentUser(
        id=user.id, email=user.email, name=user.name, role=Role(user.role).value,
        language=user.language, time_zone=user.time_zone, department_id=user.department_id,
        rights=frozenset(r for r in RIGHTS if getattr(user, r)),
    )


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively and without surrounding blanks."""
    return (email or "").strip().lower()


def log_in(session: Session, email: str, password: str) -> str | None:
    """Check the credentials; on success open a session and return its token, else None.

    A wrong email still costs one hash verification, so timing does not reveal which emails exist; so does a
    user without a password yet (an invitation not accepted: an empty hash would be refused at once).
    """
    if config.refuses_demo_password(password):  # the fixed demo password works on a loopback-only server alone
        return None
    user = session.exec(select(User).where(User.email == normalise_email(email))).first()
    if user is None or not user.active or not user.password_hash:
        passwords.verify_password(_dummy_hash(), password)
        return None
    if not passwords.verify_password(user.password_hash, password):
        return None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    token = tokens.new_token()
    now = utcnow()
    session.add(UserSession(token_hash=tokens.token_hash(token), user_id=user.id, created_at=now,
                            expires_at=now + SESSION_LIFETIME))
    user.last_login_at = now
    session.add(user)
    session.commit()
    return token


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return passwords.hash_password("not a real password")


def user_for_token(session: Session, token: str | None) -> CurrentUser | None:
    """The user behind a session token, or None when it is unknown, expired, revoked or the user is inactive."""
    return user_for_token_hash(session, tokens.token_hash(token)) if token else None


def user_for_token_hash(session: Session, token_hash: str | None) -> CurrentUser | None:
    """user_for_token from the token's SHA-256 (what the websocket handshake carries: web.security)."""
    if not token_hash or len(token_hash) != 64:
        return None
    row = session.exec(
        select(UserSession, User).join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == token_hash)
    ).first()
    if row is None:
        return None
    user_session, user = row
    if user_session.revoked_at is not None or user_session.expires_at <= utcnow() or not user.active:
        return None
    return _current(user)


def log_out(session: Session, token: str | None) -> None:
    """Revoke the session behind token (nothing happens for an unknown token)."""
    if not token:
        return
    user_session = session.exec(select(UserSession).where(UserSession.token_hash == tokens.token_hash(token))).first()
    if user_session and user_session.revoked_at is None:
        user_session.revoked_at = utcnow()
        session.add(user_session)
        session.commit()


def revoke_sessions(session: Session, user_id: int, *, keep_token_hash: str | None = None) -> int:
    """End every open session of user_id (deactivation, password change, lock); keep_token_hash spares the
    session the change was made from. Returns how many ended. Does not commit: the caller's change does."""
    query = update(UserSession).where(col(UserSession.user_id) == user_id, col(UserSession.revoked_at).is_(None))
    if keep_token_hash:
        query = query.where(col(UserSession.token_hash) != keep_token_hash)
    return session.exec(query.values(revoked_at=utcnow())).rowcount


def set_language(session: Session, user_id: int, language: str) -> None:
    """Remember the user's UI language."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    user = session.get(User, user_id)
    if user is not None:
        user.language = language
        session.add(user)
        session.commit()
