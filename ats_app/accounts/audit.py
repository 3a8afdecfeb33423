"""The audit log: who did what and when, for admins (log-ins, failed log-ins, locks, users and rights changed,
exports, permanent deletions). Lines are written in the same transaction as what they record, so a change
and its line land together; they hold names and counts, never a password, a token or a candidate's data."""

from datetime import datetime

from sqlmodel import Session

from ats_app.models import AuditEvent
from ats_app.models.base import utcnow

# The kinds of line (AuditEvent.kind); the audit page names each one in the user's language.
LOGIN = "login"
LOGIN_FAILED = "login_failed"
ACCOUNT_LOCKED = "account_locked"
LOGOUT = "logout"
USER_INVITED = "user_invited"
USER_CHANGED = "user_changed"  # name, email, role, department
RIGHTS_CHANGED = "rights_changed"
USER_DEACTIVATED = "user_deactivated"
USER_REACTIVATED = "user_reactivated"
PASSWORD_CHANGED = "password_changed"
PASSWORD_RESET_REQUESTED = "password_reset_requested"
DEPARTMENT_CHANGED = "department_changed"
POSITION_CHANGED = "position_changed"
EXPORT = "export"
PERMANENT_DELETION = "permanent_deletion"
ADMIN_CREATED = "admin_created"

KINDS = (LOGIN, LOGIN_FAILED, ACCOUNT_LOCKED, LOGOUT, USER_INVITED, USER_CHANGED, RIGHTS_CHANGED, USER_DEACTIVATED,
         USER_REACTIVATED, PASSWORD_CHANGED, PASSWORD_RESET_REQUESTED, DEPARTMENT_CHANGED, POSITION_CHANGED, EXPORT,
         PERMANENT_DELETION, ADMIN_CREATED)


def record(session: Session, kind: str, *, actor_id: int | None = None, actor_name: str = "", subject: str = "",
           details: dict | None = None, client_ip: str = "", at: datetime | None = None) -> AuditEvent:
    """Add one audit line to the caller's transaction (nothing commits here)."""
    if kind not in KINDS:
        raise ValueError(f"unknown audit kind {kind!r}")
    event = AuditEvent(at=at or utcnow(), kind=kind, actor_id=actor_id, actor_name=actor_name[:200],
                       subject=subject[:300], details=details or {}, client_ip=(client_ip or "")[:45])
    session.add(event)
    return event
