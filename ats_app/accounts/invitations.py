"""Inviting a colleague: the user is created without a password (nobody can log in with it), gets the role,
department, language and rights chosen, and an email with a one-time link to choose a password. An invitation
can be sent again (the older link stops working), and one never accepted, with nothing else referring to the
user, can be deleted; anyone who acted is deactivated instead, so the history keeps their name."""

from sqlalchemy import delete, update
from sqlmodel import Session, SQLModel, col, func, select

from ats_app.accounts import audit, auth, password_links
from ats_app.accounts.access import may_administer_users
from ats_app.accounts.auth import RIGHTS, CurrentUser
from ats_app.accounts.link_emails import queue_link_email
from ats_app.accounts.users import (
    DEFAULT_RIGHTS,
    INVITED,
    TOO_LONG,
    check_role_and_department,
    chosen_rights,
    clean_name,
    find_user,
    status_of,
)
from ats_app.core.errors import ActionRefused, InvalidInput, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.mail.compose import valid_address
from ats_app.models import Message, MessageStatus, Role, User, UserLink

BAD_EMAIL = N_("Please write a valid email address, for example name@example.com.")
EMAIL_TAKEN = N_("There is already a user with this email address.")
NO_LANGUAGE = N_("Choose a language.")
NOT_INVITED = N_("This user has already chosen a password.")
NOT_DELETABLE = N_("This user has done things in the system, so they cannot be deleted. Deactivate them instead.")
# The references that do not count as having acted: the invitee's own links and sessions.
_OWN_ROWS = {("user_link", "user_id"), ("user_session", "user_id")}


def default_rights(role: str) -> list[str]:
    """The rights ticked for a new user of role."""
    return [r for r in RIGHTS if r in DEFAULT_RIGHTS.get(role, frozenset())]


def invite_user(session: Session, actor: CurrentUser, form: dict) -> User:
    """Create the invited user and queue their invitation; InvalidInput names each wrong field (nothing made)."""
    if not may_administer_users(actor):
        raise NotAllowed()
    errors: dict[str, str] = {}
    email = auth.normalise_email(str(form.get("email") or ""))
    if not email:
        errors["email"] = N_("Please fill in this field.")
    elif len(email) > 254:
        errors["email"] = TOO_LONG
    elif not valid_address(email):
        errors["email"] = BAD_EMAIL
    elif session.exec(select(User.id).where(func.lower(User.email) == email)).first() is not None:
        errors["email"] = EMAIL_TAKEN
    name = clean_name(form.get("name"), errors)
    role, department_id = check_role_and_department(session, actor, form, errors)
    language = str(form.get("language") or "")
    if language not in LANGUAGES:
        errors["language"] = NO_LANGUAGE
    if errors:
        raise InvalidInput(errors)
    rights = chosen_rights(form) if "rights" in form else frozenset(default_rights(role))
    user = User(email=email, name=name, password_hash="", role=Role(role), department_id=department_id,
                language=language, created_by_id=actor.id, **{r: r in rights for r in RIGHTS})
    session.add(user)
    session.flush()
    audit.record(session, audit.USER_INVITED, actor_id=actor.id, actor_name=actor.name, subject=name,
                 details={"user_id": user.id, "email": email, "role": role, "department_id": department_id,
                          "rights": [r for r in RIGHTS if r in rights]})
    _send(session, actor, user)
    session.commit()
    return user


def _send(session: Session, actor: CurrentUser, user: User) -> Message:
    link, _ = password_links.issue_link(session, user, password_links.INVITE, created_by_id=actor.id)
    return queue_link_email(session, user, link, inviter=actor.name, created_by_id=actor.id)


def resend_invitation(session: Session, actor: CurrentUser, user_id: int) -> Message:
    """A fresh invitation link by email; the earlier one stops working."""
    user = find_user(session, actor, user_id)
    if status_of(user) != INVITED:
        raise ActionRefused(NOT_INVITED)
    message = _send(session, actor, user)
    audit.record(session, audit.USER_INVITED, actor_id=actor.id, actor_name=actor.name, subject=user.name,
                 details={"user_id": user.id, "email": user.email, "again": True})
    session.commit()
    return message


def _references(session: Session, user_id: int) -> int:
    """How many rows anywhere name the user (beyond their own links and sessions)."""
    count = 0
    for table in SQLModel.metadata.sorted_tables:
        for column in table.columns:
            if (table.name, column.name) in _OWN_ROWS:
                continue
            if any(fk.column.table.name == "user" and fk.column.name == "id" for fk in column.foreign_keys):
                count += session.exec(select(func.count()).select_from(table).where(column == user_id)).one()
    return count


def may_delete(session: Session, user: User) -> bool:
    """Only an invitation never accepted, with nothing referring to the user, may be deleted."""
    return (not user.password_hash and user.last_login_at is None and user.password_changed_at is None
            and _references(session, int(user.id)) == 0)


def delete_invitation(session: Session, actor: CurrentUser, user_id: int) -> None:
    """Remove an invitation never accepted (its links go, its unsent emails are cancelled)."""
    user = find_user(session, actor, user_id)
    if not may_delete(session, user):
        raise ActionRefused(NOT_DELETABLE)
    links = select(UserLink.id).where(col(UserLink.user_id) == user.id)
    session.exec(update(Message).where(col(Message.user_link_id).in_(links),
                                       col(Message.status).in_([MessageStatus.QUEUED, MessageStatus.HELD]))
                 .values(status=MessageStatus.CANCELLED))
    session.exec(update(Message).where(col(Message.user_link_id).in_(links)).values(user_link_id=None))
    session.exec(delete(UserLink).where(col(UserLink.user_id) == user.id))
    audit.record(session, audit.USER_CHANGED, actor_id=actor.id, actor_name=actor.name, subject=user.name,
                 details={"user_id": user.id, "email": user.email, "invitation_deleted": True})
    session.delete(user)
    session.commit()
