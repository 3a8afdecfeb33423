"""An employee's own history in words: added, hired (and the contract linked), edited with each field's old and
new value, employment ended or resumed, emailed. The application's history stays on the application."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from ats_app.core.i18n import N_, format_day, gettext
from ats_app.core.phones import readable_phone
from ats_app.models import Department, EmployeeEvent, Message, Position, RecruitmentProject, User

# Why an employment ended (Employee.end_reason), in the order the form offers them.
END_REASONS = {
    "resigned": N_("Resigned"),
    "contract_ended": N_("Fixed-term contract ended"),
    "dismissed": N_("Dismissed"),
    "retired": N_("Retired"),
    "other": N_("Other reason"),
}
FIELD_LABELS = {
    "first_name": N_("First name"), "last_name": N_("Last name"), "email": N_("Email"), "mobile": N_("Mobile"),
    "position_title": N_("Position"), "position_id": N_("Position"), "department_id": N_("Department"),
    "start_date": N_("Start date"), "end_date": N_("End date"), "end_reason": N_("Reason"),
}
KINDS = {
    "added": N_("Added to Employees by hand"),
    "hired": N_("Hired from {project}"),
    "edited": N_("Edited"),
    "employment_ended": N_("Employment ended on {date}"),
    "employment_resumed": N_("End of employment undone"),
    "emailed": N_("Email sent"),
    "contract_linked": N_("Contract linked: {filename}"),
}


@dataclass
class EmployeeHistoryLine:
    """One line: when, who, and what in words."""

    at: datetime
    actor: str
    text: str


def _names(session: Session, events: list[EmployeeEvent]) -> dict[str, dict[int, str]]:
    """Department, project and (standard) position names the lines point at, in one query each."""
    wanted: dict[str, set[int]] = {"department_id": set(), "project_id": set(), "position_id": set()}
    for event in events:
        changes = event.payload.get("changes") or {}
        for key in ("department_id", "position_id"):
            for value in changes.get(key, []):
                if isinstance(value, int):
                    wanted[key].add(value)
        if isinstance(event.payload.get("project_id"), int):
            wanted["project_id"].add(event.payload["project_id"])
    found: dict[str, dict[int, str]] = {}
    for key, model, name in (("department_id", Department, Department.name), ("project_id", RecruitmentProject,
                                                                              RecruitmentProject.title),
                             ("position_id", Position, Position.title)):
        ids = wanted[key]
        found[key] = dict(session.exec(select(model.id, name).where(col(model.id).in_(ids))).all()) if ids else {}
    return found


def _value(field: str, value, language: str, names: dict[str, dict[int, str]]) -> str:
    if value in (None, ""):
        return "–"
    if field in ("department_id", "position_id"):
        return names[field].get(value, "?")
    if field in ("start_date", "end_date"):
        try:
            return format_day(date.fromisoformat(str(value)), language)
        except ValueError:
            return str(value)
    if field == "end_reason":
        return gettext(language, END_REASONS.get(value, value))
    if field == "mobile":
        return readable_phone(value)
    return str(value)


def describe(event: EmployeeEvent, language: str, names: dict[str, dict[int, str]]) -> str:
    """One line in words (an edit lists "Field: old → new" for each field it changed)."""
    _ = lambda message: gettext(language, message)  # noqa: E731
    payload = event.payload
    text = _(KINDS.get(event.kind, event.kind))
    if event.kind == "hired":
        text = text.format(project=names["project_id"].get(payload.get("project_id"), "?"))
    elif event.kind == "employment_ended":
        text = text.format(date=_value("end_date", payload.get("end_date"), language, names))
        text += " · " + _value("end_reason", payload.get("reason"), language, names)
        if payload.get("note"):
            text += " · " + str(payload["note"])
    elif event.kind == "contract_linked":
        text = text.format(filename=payload.get("filename", "?"))
    changes = payload.get("changes") or {}
    if changes:
        parts = [f"{_(FIELD_LABELS.get(f, f))}: {_value(f, old, language, names)} → {_value(f, new, language, names)}"
                 for f, (old, new) in changes.items() if f != "position_id" or "position_title" not in changes]
        text += ": " + "; ".join(parts)
    return text


def employee_history(session: Session, employee_id: int, language: str) -> list[EmployeeHistoryLine]:
    """The employee's history, newest first (an email line names its subject)."""
    found = session.exec(
        select(EmployeeEvent, User.name, Message.subject)
        .join(User, col(User.id) == EmployeeEvent.actor_id, isouter=True)
        .join(Message, col(Message.id) == EmployeeEvent.message_id, isouter=True)
        .where(EmployeeEvent.employee_id == employee_id)
        .order_by(col(EmployeeEvent.created_at).desc(), col(EmployeeEvent.id).desc())).all()
    names = _names(session, [event for event, _, _ in found])
    lines = []
    for event, actor, subject in found:
        text = describe(event, language, names)
        if subject:
            text += " · " + gettext(language, "Email: {subject}").format(subject=subject)
        lines.append(EmployeeHistoryLine(event.created_at, actor or gettext(language, "System"), text))
    return lines

