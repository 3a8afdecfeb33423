"""The audit page's rules: the audit lines newest first, filtered by kind, by who did it, by a date range (days
in the admin's time zone) and by text in what it was done to, a page at a time; each kind in words; and the
filtered lines as a CSV file (its own EXPORT line). Admins only: everyone else is refused (NotAllowed)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from ats_app.accounts import audit, audit_words
from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import NotAllowed
from ats_app.core.i18n import N_, gettext
from ats_app.core.spreadsheet import csv_text, text_cell
from ats_app.models import AuditEvent, Role, User
from ats_app.models.base import as_utc

PAGE_SIZE = 50
FILENAME = "audit-log.csv"
TEXT_MAX = 200
KIND_LABELS = {
    audit.LOGIN: N_("Logged in"),
    audit.LOGIN_FAILED: N_("Log-in failed"),
    audit.ACCOUNT_LOCKED: N_("Account locked"),
    audit.LOGOUT: N_("Logged out"),
    audit.USER_INVITED: N_("User invited"),
    audit.USER_CHANGED: N_("User changed"),
    audit.RIGHTS_CHANGED: N_("Rights changed"),
    audit.USER_DEACTIVATED: N_("User deactivated"),
    audit.USER_REACTIVATED: N_("User reactivated"),
    audit.PASSWORD_CHANGED: N_("Password changed"),
    audit.PASSWORD_RESET_REQUESTED: N_("Password reset requested"),
    audit.DEPARTMENT_CHANGED: N_("Department changed"),
    audit.POSITION_CHANGED: N_("Position changed"),
    audit.EXPORT: N_("Export"),
    audit.PERMANENT_DELETION: N_("Deleted permanently"),
    audit.ADMIN_CREATED: N_("Admin created"),
}
COLUMNS = (N_("When"), N_("What"), N_("Who"), N_("Done to"), N_("Details"), N_("Client address"))


@dataclass(frozen=True)
class Filters:
    """What the admin narrowed the log to ("" / None: everything)."""

    kind: str = ""
    actor_id: int | None = None
    since: date | None = None  # from this day, in the admin's time zone
    until: date | None = None  # to this day, inclusive
    text: str = ""  # in what it was done to


@dataclass(frozen=True)
class AuditLine:
    """One line as the page and the CSV show it (no password or token is ever in an audit line)."""

    id: int
    at: datetime
    kind: str
    actor_name: str
    subject: str
    details: dict
    client_ip: str


def filters_from(values: Mapping[str, str]) -> Filters | None:
    """Filters from the page's fields or the download's query (kind, actor, since, until, q); None when a
    value is malformed (an unknown kind, an id or a date that is not one)."""
    kind, actor = values.get("kind", "").strip(), values.get("actor", "").strip()
    if (kind and kind not in audit.KINDS) or (actor and not (actor.isdigit() and len(actor) <= 9)):
        return None
    try:
        since, until = (date.fromisoformat(v) if v else None
                        for v in (values.get("since", "").strip(), values.get("until", "").strip()))
    except ValueError:
        return None
    return Filters(kind, int(actor) if actor else None, since, until, values.get("q", "")[:TEXT_MAX])


def may_see(user: CurrentUser) -> bool:
    """Only admins read the audit log."""
    return user.role == Role.ADMIN


def _require(user: CurrentUser) -> None:
    if not may_see(user):
        raise NotAllowed("audit log")


def kind_label(kind: str, language: str) -> str:
    """The kind in words in language (an unknown kind as it is stored)."""
    return gettext(language, KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def kind_choices(language: str) -> list[tuple[str, str]]:
    """(kind, words) for the kind filter, in the order audit.KINDS lists them."""
    return [(kind, kind_label(kind, language)) for kind in audit.KINDS]


def actors(session: Session, user: CurrentUser) -> list[tuple[int, str]]:
    """(id, name) of every user, for the "who" filter, by name."""
    _require(user)
    return [(i, name) for i, name in session.exec(select(User.id, User.name).order_by(User.name, User.id))
            if i is not None]


def _day_start(day: date, time_zone: str) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(time_zone)).astimezone(timezone.utc)


def _where(user: CurrentUser, filters: Filters) -> list:
    where = []
    if filters.kind:
        where.append(AuditEvent.kind == filters.kind)
    if filters.actor_id is not None:
        where.append(AuditEvent.actor_id == filters.actor_id)
    if filters.since:
        where.append(col(AuditEvent.at) >= _day_start(filters.since, user.time_zone))
    if filters.until:
        where.append(col(AuditEvent.at) < _day_start(filters.until + timedelta(days=1), user.time_zone))
    text = filters.text.strip()[:TEXT_MAX]
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(col(AuditEvent.subject).ilike(f"%{escaped}%", escape="\\"))
    return where


def _line(event: AuditEvent) -> AuditLine:
    assert event.id is not None
    return AuditLine(event.id, event.at, event.kind, event.actor_name, event.subject, event.details or {},
                     event.client_ip)


def list_lines(session: Session, user: CurrentUser, filters: Filters, *, offset: int = 0,
               limit: int = PAGE_SIZE) -> tuple[list[AuditLine], int]:
    """One page of lines newest first, and how many match in all."""
    _require(user)
    where = _where(user, filters)
    total = session.exec(select(func.count()).select_from(AuditEvent).where(*where)).one()
    events = session.exec(select(AuditEvent).where(*where).order_by(col(AuditEvent.at).desc(),
                                                                    col(AuditEvent.id).desc())
                          .offset(max(offset, 0)).limit(limit)).all()
    return [_line(e) for e in events], total


def record_export(session: Session, user: CurrentUser, what: str, *, rows: int, client_ip: str = "",
                  **details) -> None:
    """The audit line of a download: who exported what, how many rows, with which filters (ids, no names)."""
    audit.record(session, audit.EXPORT, actor_id=user.id, actor_name=user.name, subject=what,
                 details={"rows": rows, **{k: v for k, v in details.items() if v not in (None, "")}},
                 client_ip=client_ip)


def export_csv(session: Session, user: CurrentUser, filters: Filters, *, client_ip: str = "") -> str:
    """Every line matching filters (newest first) as CSV in the admin's language, times in their time zone
    (ISO 8601 with the offset); the download itself adds an EXPORT line."""
    _require(user)
    events = session.exec(select(AuditEvent).where(*_where(user, filters))
                          .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())).all()
    zone = ZoneInfo(user.time_zone)
    rows = [[as_utc(e.at).astimezone(zone).isoformat(timespec="seconds"), kind_label(e.kind, user.language),
             text_cell(e.actor_name), text_cell(audit_words.subject_text(e.kind, e.subject, user.language)),
             text_cell(audit_words.details_text(e.details or {}, user.language)),
             text_cell(e.client_ip)] for e in events]
    record_export(session, user, "Audit log CSV", rows=len(rows), client_ip=client_ip, kind=filters.kind,
                  actor_id=filters.actor_id, since=filters.since.isoformat() if filters.since else None,
                  until=filters.until.isoformat() if filters.until else None, text=filters.text.strip()[:TEXT_MAX])
    return csv_text([gettext(user.language, c) for c in COLUMNS], rows)

