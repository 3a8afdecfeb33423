"""An employee's record: added by hand, edited, employment ended (and undone by editing), each change a line
of the employee's own history with the old and new values.

Everything is checked before anything changes; a wrong field comes back as InvalidInput naming it.
A hiring manager may only add and edit employees of their own department (register.visible_employees).
"""

from datetime import date
from typing import TypedDict

from sqlmodel import Session, col, func, select

from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import InvalidInput
from ats_app.core.i18n import N_
from ats_app.core.phones import normalise_number
from ats_app.employees.history import END_REASONS
from ats_app.employees.register import find_employee, is_row_id, may_use_department
from ats_app.mail.compose import valid_address
from ats_app.models import Department, Employee, EmployeeEvent, Position
from ats_app.models.base import utcnow

REQUIRED = N_("Please fill in this field.")
TOO_LONG = N_("This is longer than the field can hold. Please shorten it.")
BAD_EMAIL = N_("Please write a valid email address, for example name@example.com.")
BAD_MOBILE = N_("Please write a valid phone number, for example +47 912 34 567.")
BAD_DATE = N_("Enter the date as a date.")
NO_DEPARTMENT = N_("Choose the department the person works in.")
END_BEFORE_START = N_("The end date cannot be before the start date.")
NO_REASON = N_("Choose why the employment ended.")
NOTE_MAX = 500

TEXT_FIELDS = {"first_name": 100, "last_name": 100, "email": 254, "mobile": 40, "position": 200}
# The fields an edit may change, as the history names them.
TRACKED = ("first_name", "last_name", "email", "mobile", "position_title", "position_id", "department_id",
           "start_date", "end_date", "end_reason")


class EmployeeForm(TypedDict, total=False):
    """The Add and Edit employee form as the UI sends it (dates ISO, ids as text; position chosen or typed)."""

    first_name: str
    last_name: str
    email: str
    mobile: str
    position: str
    department_id: str | int | None
    start_date: str
    end_date: str
    end_reason: str


def _date(value, field: str, errors: dict[str, str]) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors[field] = BAD_DATE
        return None


def _department(session: Session, user: CurrentUser, raw, errors: dict[str, str]) -> int | None:
    try:
        department_id = int(raw) if raw not in (None, "") else None
    except (TypeError, ValueError):
        department_id = None
    if department_id is None or not is_row_id(department_id) or session.get(Department, department_id) is None \
            or not may_use_department(user, department_id):
        errors["department_id"] = NO_DEPARTMENT
        return None
    return department_id


def _position(session: Session, title: str) -> tuple[int | None, str]:
    """A typed position that is one of the organisation's positions is that position; else its own words."""
    found = session.exec(select(Position.id, Position.title)
                         .where(func.lower(Position.title) == title.lower()).order_by(col(Position.id))).first()
    return (int(found[0]), found[1]) if found else (None, title)


def check_form(session: Session, user: CurrentUser, form: EmployeeForm, *, with_end: bool = False) -> dict:
    """The form's values cleaned, or InvalidInput naming every wrong field."""
    errors: dict[str, str] = {}
    text: dict[str, str] = {}
    for field, limit in TEXT_FIELDS.items():
        value = " ".join(str(form.get(field) or "").split())
        if len(value) > limit:
            errors[field] = TOO_LONG
        text[field] = value
    for field in ("first_name", "last_name", "email", "position"):
        if not text[field] and field not in errors:
            errors[field] = REQUIRED
    email = text["email"].lower()
    if email and "email" not in errors and not valid_address(email):
        errors["email"] = BAD_EMAIL
    mobile = None
    if text["mobile"] and "mobile" not in errors:
        mobile = normalise_number(text["mobile"])
        if mobile is None:
            errors["mobile"] = BAD_MOBILE
    department_id = _department(session, user, form.get("department_id"), errors)
    start = _date(form.get("start_date"), "start_date", errors)
    if start is None and "start_date" not in errors:
        errors["start_date"] = REQUIRED
    values = {"first_name": text["first_name"], "last_name": text["last_name"], "email": email, "mobile": mobile,
              "department_id": department_id, "start_date": start}
    if with_end:
        end = _date(form.get("end_date"), "end_date", errors)
        reason = str(form.get("end_reason") or "") if end else ""
        if end and reason not in END_REASONS:
            errors["end_reason"] = NO_REASON
        if end and start and end < start:
            errors["end_date"] = END_BEFORE_START
        values |= {"end_date": end, "end_reason": reason or None}
    if errors:
        raise InvalidInput(errors)
    values["position_id"], values["position_title"] = _position(session, text["position"])
    return values


def _plain(value) -> str | int | None:
    return value.isoformat() if isinstance(value, date) else value


def log(session: Session, user: CurrentUser | None, employee: Employee, kind: str, *, message_id: int | None = None,
        **payload) -> EmployeeEvent:
    """One line of the employee's history."""
    event = EmployeeEvent(employee_id=int(employee.id), actor_id=user.id if user else None, kind=kind,
                          message_id=message_id, payload=payload)
    session.add(event)
    return event


def add_employee(session: Session, user: CurrentUser, form: EmployeeForm) -> Employee:
    """Add someone to the register by hand (not hired through a project)."""
    values = check_form(session, user, form)
    employee = Employee(**values)
    session.add(employee)
    session.flush()
    log(session, user, employee, "added")
    session.commit()
    return employee


def edit_employee(session: Session, user: CurrentUser, employee_id: int, form: EmployeeForm) -> list[str]:
    """Save an edit (the end of employment too: clearing the end date undoes it); returns the fields changed,
    each in the history line as [old, new]."""
    employee = find_employee(session, user, employee_id)
    values = check_form(session, user, form, with_end=True)
    changes = {field: [_plain(getattr(employee, field)), _plain(values[field])] for field in TRACKED
               if getattr(employee, field) != values[field]}
    if not changes:
        return []
    for field in changes:
        setattr(employee, field, values[field])
    employee.updated_at = utcnow()
    session.add(employee)
    resumed = "end_date" in changes and values["end_date"] is None
    log(session, user, employee, "employment_resumed" if resumed else "edited", changes=changes)
    session.commit()
    return list(changes)


def end_employment(session: Session, user: CurrentUser, employee_id: int, end_date: str | date | None,
                   reason: str, note: str = "") -> Employee:
    """Employment ends on end_date for reason (one of END_REASONS), with an optional note in the history."""
    employee = find_employee(session, user, employee_id)
    errors: dict[str, str] = {}
    end = _date(end_date, "end_date", errors)
    if end is None and "end_date" not in errors:
        errors["end_date"] = REQUIRED
    if end and employee.start_date and end < employee.start_date:
        errors["end_date"] = END_BEFORE_START
    if reason not in END_REASONS:
        errors["end_reason"] = NO_REASON
    note = " ".join((note or "").split())
    if len(note) > NOTE_MAX:
        errors["note"] = TOO_LONG
    if errors:
        raise InvalidInput(errors)
    old = [_plain(employee.end_date), employee.end_reason]
    employee.end_date, employee.end_reason, employee.updated_at = end, reason, utcnow()
    session.add(employee)
    log(session, user, employee, "employment_ended", end_date=_plain(end), reason=reason, note=note,
        previous=old if old != [None, None] else None)
    session.commit()
    return employee
