"""What every user does with their own account: their name, their UI language, their password (the current
one asked first; their other sessions end, this one stays), and "forgot password" by email."""

from sqlmodel import Session, select

from ats_app.accounts import audit, auth, login, login_throttle, password_links
from ats_app.accounts.link_emails import queue_link_email
from ats_app.accounts.users import clean_name
from ats_app.core import passwords
from ats_app.core.errors import InvalidInput
from ats_app.core.i18n import N_
from ats_app.models import User
from ats_app.models.base import utcnow

WRONG_PASSWORD = N_("This is not your current password.")
NOT_THE_SAME = N_("The two passwords are not the same.")
TOO_MANY = N_("Too many attempts. Wait a minute and try again.")


def _me(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise InvalidInput({"form": N_("You do not have the right to do this.")})
    return user


def rename_me(session: Session, user_id: int, name: str) -> str:
    """Change one's own name (shown in the app and in emails to colleagues)."""
    user = _me(session, user_id)
    errors: dict[str, str] = {}
    new = clean_name(name, errors)
    if errors:
        raise InvalidInput(errors)
    if new != user.name:
        audit.record(session, audit.USER_CHANGED, actor_id=user.id, actor_name=new, subject=new,
                     details={"user_id": user.id, "changes": {"name": [user.name, new]}})
        user.name = new
        session.add(user)
        session.commit()
    return new


def change_password(session: Session, user_id: int, current: str, new: str, again: str, *,
                    keep_token_hash: str | None = None, client_ip: str = "") -> None:
    """Set a new password after checking the current one; every other session of the user ends."""
    user = _me(session, user_id)
    # The current password is a log-in by another door: the same throttle, checked before any hashing, so a
    # borrowed session cannot guess it (nor tie up the hashing slots) without limit.
    with login_throttle.turn(login.SCOPE, user.email, client_ip) as may_try:
        if not may_try:
            raise InvalidInput({"current_password": TOO_MANY})
        if not passwords.verify_password(user.password_hash, current or ""):
            if login_throttle.wrong_password(login.SCOPE, user.email, client_ip):
                login.lock_account(session, user, client_ip)
                session.commit()
            raise InvalidInput({"current_password": WRONG_PASSWORD})
    problem = passwords.password_problem(new or "", user.email)
    if problem:
        raise InvalidInput({"new_password": problem})
    if new != again:
        raise InvalidInput({"new_password_again": NOT_THE_SAME})
    user.password_hash = passwords.hash_password(new)
    user.password_changed_at = utcnow()
    session.add(user)
    auth.revoke_sessions(session, int(user.id), keep_token_hash=keep_token_hash)
    audit.record(session, audit.PASSWORD_CHANGED, actor_id=user.id, actor_name=user.name, subject=user.name,
                 details={"user_id": user.id}, client_ip=client_ip)
    session.commit()


def request_reset(session: Session, email: str, *, client_ip: str = "") -> bool:
    """Forgot password: an active user with this address gets a one-time link by email. Returns whether one was
    queued (the page never says: it gives the same answer for every address)."""
    user = session.exec(select(User).where(User.email == auth.normalise_email(email))).first()
    if user is None or not user.active or user.deactivated_at is not None:
        return False
    link, _ = password_links.issue_link(session, user, password_links.RESET)
    queue_link_email(session, user, link)
    audit.record(session, audit.PASSWORD_RESET_REQUESTED, actor_id=user.id, actor_name=user.name,
                 subject=user.name, details={"user_id": user.id}, client_ip=client_ip)
    session.commit()
    return True


def set_password_from_link(session: Session, token: str, password: str, *, client_ip: str = "") -> str:
    """Choose a password from an invitation or reset link (password_links redeems it), with its audit line;
    returns the user's email."""
    holder = password_links.set_password_from_link(session, token, password)
    audit.record(session, audit.PASSWORD_CHANGED, actor_id=holder.user_id, actor_name=holder.name,
                 subject=holder.name, details={"user_id": holder.user_id, "link": holder.purpose},
                 client_ip=client_ip)
    session.commit()
    login_throttle.logged_in(login.SCOPE, holder.email)  # a new password: the wrong ones before it no longer count
    return holder.email
