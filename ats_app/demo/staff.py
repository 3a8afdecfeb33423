"""The demo's employees: everyone hired in the demo data becomes an employee of the project's department and
position, with their mobile, the application they came from and the first line of their own history. A few
people who were employed before the ATS are added by hand (one of them in Technology, the demo hiring manager's
department), and one has already left (resigned), so the register shows current and ended employment."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import insert
from sqlmodel import Session, select

from ats_app.demo import people
from ats_app.demo.bulk import CHUNK, _next_id
from ats_app.models import Department, Employee, EmployeeEvent, Position

# Employed before the ATS: (first, last, email, mobile, track, years employed, left: end reason or None)
BY_HAND = (
    ("Eirik", "Solberg", "eirik.solberg@nordlys.example", "+4791234001", "dev", 6, None),
    ("Maja", "Lindgren", "maja.lindgren@nordlys.example", "+46701234002", "support", 3, None),
    ("Sander", "de Boer", "sander.deboer@nordlys.example", "+31612345003", "dev", 4, "resigned"),
)


def _employees(session: Session, hired: list) -> int:
    """Hired applicants become employees, and BY_HAND are added; returns how many employees there are."""
    rows, events = [], []
    next_id = _next_id(session, Employee)
    for app, person in hired:
        at = datetime.fromtimestamp(app["updated"], timezone.utc)
        plan = app["plan"]
        rows.append({"id": next_id, "candidate_id": app["candidate"], "application_id": app["id"],
                     "first_name": person["first"], "last_name": person["last"], "email": person["email"],
                     "mobile": person.get("mobile"), "position_id": plan.position_id,
                     "position_title": people.POSITIONS.get(plan.track), "department_id": plan.department_id,
                     "start_date": (at + timedelta(days=45)).date(), "end_date": None, "end_reason": None,
                     "hired_from_project_id": app["project"], "created_at": at, "updated_at": None})
        events.append({"employee_id": next_id, "actor_id": None, "kind": "hired", "message_id": None, "created_at": at,
                       "payload": {"application_id": app["id"], "project_id": app["project"], "contract_ids": []}})
        next_id += 1
    now = datetime.now(timezone.utc)
    known = set(session.exec(select(Employee.email)).all())  # demo-data --force only adds
    for first, last, email, mobile, track, years, left in (row for row in BY_HAND if row[2] not in known):
        department = session.exec(select(Department).where(Department.name == people.DEPARTMENTS[track])).first()
        position = session.exec(select(Position).where(Position.title == people.POSITIONS[track])).first()
        added = now - timedelta(days=90)
        end = (now - timedelta(days=30)).date() if left else None
        rows.append({"id": next_id, "candidate_id": None, "application_id": None, "first_name": first,
                     "last_name": last, "email": email, "mobile": mobile,
                     "position_id": position.id if position else None, "position_title": people.POSITIONS[track],
                     "department_id": department.id if department else None,
                     "start_date": (now - timedelta(days=365 * years)).date(), "end_date": end, "end_reason": left,
                     "hired_from_project_id": None, "created_at": added, "updated_at": now - timedelta(days=31)})
        events.append({"employee_id": next_id, "actor_id": None, "kind": "added", "message_id": None,
                       "created_at": added, "payload": {}})
        if left:
            events.append({"employee_id": next_id, "actor_id": None, "kind": "employment_ended", "message_id": None,
                           "created_at": now - timedelta(days=31),
                           "payload": {"end_date": end.isoformat() if end else None, "reason": left,
                                       "note": "Moved abroad", "previous": None}})
        next_id += 1
    for start in range(0, len(rows), CHUNK):
        session.connection().execute(insert(Employee.__table__), rows[start:start + CHUNK])
    for start in range(0, len(events), CHUNK):
        session.connection().execute(insert(EmployeeEvent.__table__), events[start:start + CHUNK])
    return len(rows)
