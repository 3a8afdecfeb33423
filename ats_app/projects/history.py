"""A recruitment project's history: every change is a line (created, edited with which fields, published,
closed, reopened, deleted), read back in the reader's language with who did it and when.

Payloads hold ids, codes and the project's own scalar values (title, dates, numbers), never a candidate's
data. An edit keeps {"fields": [...], "changes": {field: [old, new]}} for the scalar fields; for the rest
(adverts, questions, languages, recruiters) only that they changed.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.core.i18n import LANGUAGES, N_, format_day, gettext
from ats_app.models import Department, Position, ProjectEvent, RecruitmentProject, User

CREATED, EDITED, PUBLISHED, CLOSED, REOPENED, DELETED = "created", "edited", "published", "closed", "reopened", \
    "deleted"
KIND_TEXTS = {
    CREATED: N_("Created the project"),
    EDITED: N_("Changed: {fields}"),
    PUBLISHED: N_("Published: the project is open for applications"),
    CLOSED: N_("Closed: the project takes no more applications"),
    REOPENED: N_("Reopened: the project is open for applications again"),
    DELETED: N_("Deleted the project"),
}
FIELD_LABELS = {
    "title": N_("Title"), "department_id": N_("Department"), "position_id": N_("Position"),
    "owner_id": N_("Responsible recruiter"), "recruiters": N_("Other recruiters"), "deadline": N_("Deadline"),
    "start_date": N_("Start date"), "positions": N_("Number of positions"), "place": N_("Place"),
    "employment_type": N_("Employment type"), "languages": N_("Languages"), "questions": N_("Screening questions"),
    "auto_reject_after_days": N_("Automatic rejection"), "advert": N_("Advert"),
}
EMPLOYMENT_TYPES = {  # schema.org JobPosting employmentType values
    "FULL_TIME": N_("Full time"), "PART_TIME": N_("Part time"), "TEMPORARY": N_("Temporary"),
    "CONTRACTOR": N_("Contractor"), "INTERN": N_("Internship"),
}
AUTO_REJECT_OFF = N_("off")
AFTER_DAYS = N_("after {days} days")


@dataclass
class ProjectHistoryLine:
    """One line as the edit page shows it."""

    at: datetime
    actor: str
    text: str


def record(session: Session, user: CurrentUser | None, project: RecruitmentProject, kind: str,
           **payload) -> ProjectEvent:
    """One history line of project (user None: the system did it)."""
    event = ProjectEvent(project_id=project.id, actor_id=user.id if user else None, kind=kind, payload=payload)
    session.add(event)
    return event


def stored_value(value):
    """A scalar field's value as a payload keeps it (dates as ISO text)."""
    return value.isoformat() if isinstance(value, date) else value


def _names(session: Session, events: list[ProjectEvent]) -> dict[str, dict]:
    ids: dict[str, set] = {"department_id": set(), "position_id": set(), "owner_id": set()}
    for event in events:
        for name, values in event.payload.get("changes", {}).items():
            if name in ids:
                ids[name].update(v for v in values if v is not None)
    return {
        "department_id": dict(session.exec(select(Department.id, Department.name)
                                           .where(col(Department.id).in_(ids["department_id"]))).all()),
        "position_id": dict(session.exec(select(Position.id, Position.title)
                                         .where(col(Position.id).in_(ids["position_id"]))).all()),
        "owner_id": dict(session.exec(select(User.id, User.name).where(col(User.id).in_(ids["owner_id"]))).all()),
    }


def _value_text(name: str, value, language: str, names: dict[str, dict]) -> str:
    if value in (None, ""):
        return "–"
    if name in names:
        return str(names[name].get(value, "–"))
    if name in ("deadline", "start_date"):
        return format_day(date.fromisoformat(value), language)
    if name == "employment_type":
        return gettext(language, EMPLOYMENT_TYPES.get(value, value))
    if name == "auto_reject_after_days":
        return gettext(language, AFTER_DAYS).format(days=value)
    return str(value)


def describe(event: ProjectEvent, language: str, names: dict[str, dict]) -> str:
    """The event in words, in language."""
    text = gettext(language, KIND_TEXTS.get(event.kind, event.kind))
    if event.kind != EDITED:
        return text
    changes = event.payload.get("changes", {})
    parts = []
    for name in event.payload.get("fields", []):
        if name.startswith("advert_"):
            code = name.removeprefix("advert_")
            parts.append(f"{gettext(language, FIELD_LABELS['advert'])} ({LANGUAGES.get(code, code)})")
            continue
        label = gettext(language, FIELD_LABELS.get(name, name))
        if name in changes:
            old, new = changes[name]
            if name == "auto_reject_after_days":
                old_text = _value_text(name, old, language, names) if old else gettext(language, AUTO_REJECT_OFF)
                new_text = _value_text(name, new, language, names) if new else gettext(language, AUTO_REJECT_OFF)
            else:
                old_text, new_text = (_value_text(name, old, language, names), _value_text(name, new, language, names))
            parts.append(f"{label} ({old_text} → {new_text})")
        else:
            parts.append(label)
    return text.format(fields=", ".join(parts))


def project_history(session: Session, project_id: int, language: str) -> list[ProjectHistoryLine]:
    """The project's history, newest first, in language (the caller has checked the user may see it)."""
    found = session.exec(
        select(ProjectEvent, User.name).join(User, User.id == ProjectEvent.actor_id, isouter=True)
        .where(ProjectEvent.project_id == project_id)
        .order_by(col(ProjectEvent.created_at).desc(), col(ProjectEvent.id).desc())).all()
    names = _names(session, [event for event, _ in found])
    return [ProjectHistoryLine(at=event.created_at, actor=actor or gettext(language, "System"),
                               text=describe(event, language, names)) for event, actor in found]
