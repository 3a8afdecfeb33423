"""The Employees page through its States: the list reads the scope, Add shows errors by field in the user's
language and changes nothing, End employment and Email reach the rules, and a hiring manager cannot open
another department's employee in any dialog."""

from sqlmodel import select

from ats_app.employees.ui.email_employees import EmployeeEmailState
from ats_app.employees.ui.employee_form import EmployeeFormState
from ats_app.employees.ui.employees_state import EmployeesState
from ats_app.employees.ui.end_employment import EndEmploymentState
from ats_app.models import Employee, Message, Role
from tests.unit.factories import make_department, make_user
from tests.unit.state_helpers import call, state_of
from tests.unit.test_state_flows import _logged_in


async def _add(root, department, **fields):
    form = state_of(root, EmployeeFormState)
    await call(form, "open_add")
    values = {"first_name": "Ola", "last_name": "Hansen", "email": "ola@example.com", "position": "Tester",
              "department_id": str(department.id), "start_date": "2025-01-06", **fields}
    for name, value in values.items():
        await call(form, "set_field", name, value)
    await call(form, "save")
    return form


async def test_add_edit_end_and_email_through_the_states(session):
    engineering, sales = make_department(session), make_department(session, "Sales")
    make_user(session, language="nb")
    make_user(session, "boss@example.com", role=Role.HIRING_MANAGER, department_id=engineering.id)
    root = await _logged_in()
    listing = state_of(root, EmployeesState)
    await call(listing, "load")
    form = await _add(root, engineering, email="nope")
    assert form.open and form.errors["email"].startswith("Skriv en gyldig e-postadresse")
    assert session.exec(select(Employee)).all() == []
    await call(form, "set_field", "email", "ola@example.com")
    await call(form, "save")
    assert not form.open and [r.name for r in listing.rows] == ["Ola Hansen"]
    await _add(root, sales, first_name="Siri", email="siri@example.com")
    ola, siri = (r.id for r in listing.rows)

    end = state_of(root, EndEmploymentState)
    await call(end, "open_for", siri)
    assert end.name == "Siri Hansen"
    await call(end, "set_value", "end_date", "2025-12-31")
    await call(end, "save")
    assert end.open and "end_reason" in end.errors
    await call(end, "set_value", "reason", "retired")
    await call(end, "save")
    assert not end.open and [r.name for r in listing.rows] == ["Ola Hansen"]  # the list shows current ones
    await call(listing, "set_shown", "ended")
    assert listing.rows[0].ended_line.startswith("Sluttet")

    await call(listing, "set_shown", "all")
    await call(listing, "tick_all_on_page", True)
    mail = state_of(root, EmployeeEmailState)
    await call(mail, "open_for_ticked")
    assert mail.open and sorted(mail.employee_ids) == sorted([ola, siri])
    await call(mail, "set_value", "subject", "Hei {firstname}")
    await call(mail, "set_value", "body", "Hei {fullname}")
    await call(mail, "send")
    assert not mail.open and len(session.exec(select(Message)).all()) == 2

    boss = await _logged_in("boss@example.com")
    boss_form = state_of(boss, EmployeeFormState)
    await call(boss_form, "open_edit", siri)
    assert not boss_form.open
    await call(boss_form, "open_edit", ola)
    assert boss_form.open and boss_form.fields["last_name"] == "Hansen"
    assert [c.label for c in boss_form.departments] == ["Engineering"]
    boss_end, boss_mail = state_of(boss, EndEmploymentState), state_of(boss, EmployeeEmailState)
    for employee_id in (siri, 10**20):  # another department's employee, or an id no row can have: refused
        await call(boss_end, "open_for", employee_id)
        await call(boss_mail, "open_for_one", employee_id)
        assert not boss_end.open and not boss_mail.open
    await call(boss_end, "open_for", ola)
    await call(boss_mail, "open_for_one", ola)
    assert boss_end.open and boss_end.name == "Ola Hansen" and boss_mail.employee_ids == [ola]
