"""The Employees register: who sees whom, add / edit / end employment with their history, email, CSV, and Hire
linking the contract the candidate acknowledged."""

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.accounts import auth
from ats_app.core import files
from ats_app.core.errors import EmployeeNotFound, InvalidChoice, InvalidInput
from ats_app.employees import mailing, records
from ats_app.employees.export import employees_csv
from ats_app.employees.history import employee_history
from ats_app.employees.profile import contract_file, employee_detail
from ats_app.employees.register import Filters, list_employees
from ats_app.handling import further_progress as fp
from ats_app.models import (
    ApplicationStatus,
    Candidate,
    Contract,
    ContractTemplate,
    ContractTemplateVersion,
    Employee,
    EmployeeEvent,
    Message,
    Position,
    Role,
    Setting,
)
from ats_app.models.base import utcnow
from ats_app.projects.editing import organisation_today
from ats_app.web.routes import api
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user


@pytest.fixture
def world(session):
    """Two departments, an admin, a recruiter, a manager of Engineering and one without a department."""
    engineering, sales = make_department(session, "Engineering"), make_department(session, "Sales")
    make_user(session)
    make_user(session, "rec@example.com", role=Role.RECRUITER)
    make_user(session, "boss@example.com", role=Role.HIRING_MANAGER, department_id=engineering.id)
    make_user(session, "lost@example.com", role=Role.HIRING_MANAGER)
    return {"engineering": engineering, "sales": sales, "admin": login_as(session),
            "recruiter": login_as(session, "rec@example.com"), "manager": login_as(session, "boss@example.com"),
            "lost": login_as(session, "lost@example.com")}


def _form(department, **more) -> dict:
    return {"first_name": "Ola", "last_name": "Hansen", "email": "ola.hansen@example.com", "mobile": "912 34 567",
            "position": "Support engineer", "department_id": str(department.id), "start_date": "2027-01-04", **more}


def _add(session, world, department_key="engineering", **more) -> Employee:
    return records.add_employee(session, world["admin"], _form(world[department_key], **more))


def test_hiring_managers_see_their_department_only_and_without_one_none(session, world):
    mine = _add(session, world)
    other = _add(session, world, "sales", first_name="Siri", email="siri@example.com")
    names = lambda user: [r.name for r in list_employees(session, user)[0]]  # noqa: E731
    assert names(world["admin"]) == names(world["recruiter"]) == ["Ola Hansen", "Siri Hansen"]
    assert names(world["manager"]) == ["Ola Hansen"]
    assert names(world["lost"]) == []
    with pytest.raises(EmployeeNotFound):
        employee_detail(session, world["manager"], other.id)
    with pytest.raises(EmployeeNotFound):
        records.edit_employee(session, world["manager"], other.id, _form(world["sales"]))
    with pytest.raises(EmployeeNotFound):
        records.end_employment(session, world["lost"], mine.id, "2027-06-30", "resigned")
    with pytest.raises(InvalidInput) as refused:  # nor may a manager move someone to another department
        records.add_employee(session, world["manager"], _form(world["sales"]))
    assert set(refused.value.errors) == {"department_id"}
    assert employee_detail(session, world["manager"], mine.id).department == "Engineering"


def test_an_id_no_row_can_have_is_no_one_not_a_database_error(session, world):
    employee, huge = _add(session, world), 10**20  # typed into an address, or sent by a browser
    with pytest.raises(EmployeeNotFound):
        employee_detail(session, world["admin"], huge)
    with pytest.raises(EmployeeNotFound):
        contract_file(session, world["admin"], employee.id, huge)
    with pytest.raises(EmployeeNotFound):
        records.end_employment(session, world["admin"], huge, "2027-06-30", "resigned")
    assert list_employees(session, world["admin"], department_id=huge) == ([], 0)
    with pytest.raises(InvalidInput) as refused:
        records.add_employee(session, world["admin"], _form(world["engineering"], department_id=str(huge)))
    assert set(refused.value.errors) == {"department_id"}
    form = {"sender": "Recruiter <recruitment@example.com>", "subject": "Hello", "body": "Hello"}
    result = mailing.email_employees(session, world["admin"], [employee.id, huge], form)
    assert (result.queued, result.skipped) == (1, [("", mailing.NOT_VISIBLE)])


def test_search_and_filters(session, world):
    _add(session, world)
    gone = _add(session, world, "sales", first_name="Siri", email="siri@nordlys.example", position="Key account",
               start_date="2024-01-01")
    records.end_employment(session, world["admin"], gone.id, date.today() - timedelta(days=1), "resigned")
    rows = lambda **kw: [r.name for r in list_employees(session, world["admin"], **kw)[0]]  # noqa: E731
    assert rows(search="nordlys") == rows(search="key acc") == rows(search="sales") == ["Siri Hansen"]
    assert rows(search="support") == rows(shown="current") == ["Ola Hansen"]
    assert rows(shown="ended") == ["Siri Hansen"]
    assert rows(department_id=world["sales"].id, shown="current") == []
    assert list_employees(session, world["admin"], shown="ended")[0][0].ended is True


def test_an_employee_whose_end_date_is_today_is_still_employed_today(session, world):
    today = organisation_today(session)
    last_day = _add(session, world, start_date="2024-01-01")
    records.end_employment(session, world["admin"], last_day.id, today, "resigned")
    gone = _add(session, world, first_name="Siri", email="siri@example.com", start_date="2024-01-01")
    records.end_employment(session, world["admin"], gone.id, today - timedelta(days=1), "resigned")
    rows = lambda shown: [(r.name, r.ended) for r in list_employees(session, world["admin"], shown=shown)[0]]  # noqa
    assert rows("current") == [("Ola Hansen", False)]
    assert rows("ended") == [("Siri Hansen", True)]
    assert [r[0] for r in csv.reader(io.StringIO(employees_csv(session, world["admin"], Filters())))][1:] == ["Ola"]
    assert (employee_detail(session, world["admin"], last_day.id).ended,
            employee_detail(session, world["admin"], gone.id).ended) == (False, True)


def test_hired_on_is_the_organisations_date(session, world):
    project = make_project(session, "Backend developer", department=world["engineering"])
    employee = _add(session, world)
    employee.hired_from_project_id = project.id
    employee.created_at = datetime(2027, 1, 31, 23, 30, tzinfo=timezone.utc)  # 00:30 on 1 February in Oslo
    session.add(employee)
    session.commit()
    session.expire_all()  # read back as stored (SQLite: naive UTC)
    assert employee_detail(session, world["admin"], employee.id).hired_on == date(2027, 2, 1)
    session.add(Setting(key="time_zone", value="America/New_York"))
    session.commit()
    assert employee_detail(session, world["admin"], employee.id).hired_on == date(2027, 1, 31)


def test_add_checks_every_field_and_changes_nothing(session, world):
    with pytest.raises(InvalidInput) as refused:
        records.add_employee(session, world["admin"], _form(world["engineering"], email="not-an-address",
                                                            mobile="12", first_name="", start_date="soon",
                                                            department_id="999"))
    assert set(refused.value.errors) == {"email", "mobile", "first_name", "start_date", "department_id"}
    assert session.exec(select(Employee)).all() == []
    employee = _add(session, world)
    assert (employee.mobile, employee.email, employee.position_title, employee.position_id) == \
        ("+4791234567", "ola.hansen@example.com", "Support engineer", None)
    position = Position(title="Developer", department_id=world["engineering"].id)
    session.add(position)
    session.commit()
    chosen = _add(session, world, position="developer", email="dev@example.com")
    assert (chosen.position_id, chosen.position_title) == (position.id, "Developer")


def test_edit_keeps_old_and_new_values_and_bad_input_changes_nothing(session, world):
    employee = _add(session, world)
    with pytest.raises(InvalidInput) as refused:
        records.edit_employee(session, world["admin"], employee.id, _form(world["sales"], email="x@", mobile="abc"))
    assert set(refused.value.errors) == {"email", "mobile"}
    session.refresh(employee)
    assert (employee.email, employee.department_id) == ("ola.hansen@example.com", world["engineering"].id)
    changed = records.edit_employee(session, world["admin"], employee.id,
                                    _form(world["sales"], last_name="Berg", mobile="+46 70 123 45 67"))
    assert changed == ["last_name", "mobile", "department_id"]
    assert records.edit_employee(session, world["admin"], employee.id,
                                 _form(world["sales"], last_name="Berg", mobile="+46701234567")) == []
    [line, added] = employee_history(session, employee.id, "en")
    assert added.text == "Added to Employees by hand"
    assert line.actor == "Admin"
    assert line.text == ("Edited: Last name: Hansen → Berg; Mobile: +47 91 23 45 67 → +46 70 123 45 67; "
                         "Department: Engineering → Sales")


def test_end_employment_and_undo_by_editing(session, world):
    employee = _add(session, world)
    with pytest.raises(InvalidInput) as refused:
        records.end_employment(session, world["admin"], employee.id, "2026-12-01", "bored")
    assert set(refused.value.errors) == {"end_date", "end_reason"}  # before the start, and no such reason
    records.end_employment(session, world["admin"], employee.id, "2027-06-30", "resigned", note="Moved to Bergen")
    session.refresh(employee)
    assert (employee.end_date, employee.end_reason) == (date(2027, 6, 30), "resigned")
    assert employee_history(session, employee.id, "en")[0].text == \
        "Employment ended on 30 Jun 2027 · Resigned · Moved to Bergen"
    assert employee_history(session, employee.id, "nb")[0].text.startswith("Arbeidsforholdet ble avsluttet")
    records.edit_employee(session, world["admin"], employee.id, _form(world["engineering"]))  # end date cleared
    session.refresh(employee)
    assert (employee.end_date, employee.end_reason) == (None, None)
    assert employee_history(session, employee.id, "en")[0].text.startswith("End of employment undone: End date")


def test_csv_is_the_filtered_scoped_list_with_translated_headers(session, world):
    _add(session, world, first_name="Åse", position="=cmd()")
    _add(session, world, "sales", first_name="Siri", email="siri@example.com")
    text = employees_csv(session, world["manager"], Filters(shown="all"))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["First name", "Last name", "Email"]
    assert rows[1:] == [["Åse", "Hansen", "ola.hansen@example.com", "'+47 91 23 45 67", "'=cmd()", "Engineering",
                         "2027-01-04", "", "", ""]]
    nb_user = world["admin"].__class__(**{**world["admin"].__dict__, "language": "nb"})
    rows = list(csv.reader(io.StringIO(employees_csv(session, nb_user, Filters(search="siri")).lstrip("\ufeff"))))
    assert rows[0][0] == "Fornavn" and [r[0] for r in rows[1:]] == ["Siri"]
    assert len(list(csv.reader(io.StringIO(employees_csv(session, world["lost"], Filters()))))) == 1


def test_email_one_per_employee_through_the_outbox(session, world):
    ola = _add(session, world)
    siri = _add(session, world, "sales", first_name="Siri", email="siri@example.com")
    hidden_from_manager = siri.id
    form = {"sender": "Recruiter <recruitment@example.com>", "subject": "Welcome, {firstname}",
            "body": "Hi {fullname}, welcome to {department} as {position} at {companyname}."}
    with pytest.raises(InvalidChoice) as wrong:
        mailing.email_employees(session, world["admin"], [ola.id], {**form, "body": "Hi {projecttitle}"})
    assert wrong.value.field == "body"
    result = mailing.email_employees(session, world["manager"], [ola.id, hidden_from_manager, 999], form)
    assert (result.queued, result.skipped) == (1, [("", mailing.NOT_VISIBLE)] * 2)  # counted, never named
    assert mailing.result_line(result, "en") == "Emails queued: 1. Not sent to employees you may not see: 2."
    result = mailing.email_employees(session, world["admin"], [ola.id, siri.id], form)
    assert result.queued == 2
    messages = session.exec(select(Message).where(Message.recipient == "siri@example.com")).all()
    assert [m.subject for m in messages] == ["Welcome, Siri"]
    assert "Hi Siri Hansen, welcome to Sales as Support engineer" in messages[0].body_text
    events = session.exec(select(EmployeeEvent).where(EmployeeEvent.kind == "emailed")).all()
    assert len(events) == 3 and all(e.message_id for e in events)
    silent = _add(session, world, first_name="Per", email="per@example.com")
    silent.email = None  # hired from an application without an address
    session.add(silent)
    session.commit()
    result = mailing.email_employees(session, world["manager"], [silent.id, ola.id, siri.id], form)
    assert mailing.result_line(result, "nb") == ("E-poster lagt i kø: 1. Ikke sendt til: Per Hansen (ingen "
                                                 "e-postadresse). Ikke sendt til ansatte du ikke har tilgang til: 1.")
    assert employee_history(session, siri.id, "en")[0].text == "Email sent · Email: Welcome, Siri"


def _contract(session, application, **fields) -> Contract:
    template = ContractTemplate(title="Standard")
    session.add(template)
    session.flush()
    version = ContractTemplateVersion(template_id=template.id, version=1, body_html="<p>x</p>")
    session.add(version)
    session.flush()
    contract = Contract(application_id=application.id, template_version_id=version.id, file_key="a" * 32,
                        filename="contract-kari.pdf", token_hash=str(application.id) * 8 + str(len(fields)),
                        **fields)
    session.add(contract)
    session.commit()
    return contract


def test_hire_fills_the_record_and_links_the_acknowledged_contract(session, world):
    project = make_project(session, "Backend developer", department=world["engineering"])
    application = make_application(session, project, ApplicationStatus.OFFER, mobile_key=None)
    person = session.get(Candidate, application.candidate_id)
    person.mobile = "+4740324156"
    session.add(person)
    unsigned = _contract(session, application)
    signed = _contract(session, application, acknowledged_at=utcnow(), acknowledged_name="Kari Nordmann")
    position = Position(title="Developer", department_id=world["engineering"].id)
    session.add(position)
    session.commit()
    fp.run(session, world["admin"], "hire", [application.id],
           {"position_id": position.id, "department_id": world["engineering"].id, "start_date": "2027-02-01"})
    employee = session.exec(select(Employee)).one()
    assert (employee.application_id, employee.mobile, employee.position_title) == \
        (application.id, "+4740324156", "Developer")
    session.refresh(signed)
    session.refresh(unsigned)
    assert (signed.employee_id, unsigned.employee_id) == (employee.id, None)
    detail = employee_detail(session, world["manager"], employee.id)
    assert (detail.hired_from, detail.application_id, [c.filename for c in detail.contracts]) == \
        ("Backend developer", application.id, ["contract-kari.pdf"])
    assert [line.text for line in detail.history] == ["Contract linked: contract-kari.pdf",
                                                      "Hired from Backend developer"]
    assert contract_file(session, world["manager"], employee.id, signed.id).id == signed.id
    for user, contract in ((world["lost"], signed), (world["admin"], unsigned)):
        with pytest.raises(EmployeeNotFound):
            contract_file(session, user, employee.id, contract.id)


def _client(session, email=None) -> TestClient:
    if email is None:
        return TestClient(api)
    return TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, email, "demo")})


def test_the_csv_route_is_logged_in_filtered_and_scoped(session, world):
    _add(session, world)
    _add(session, world, "sales", first_name="Siri", email="siri@example.com")
    assert _client(session).get("/employees/export.csv").status_code == 401
    admin = _client(session, "admin@example.com")
    assert admin.get("/employees/export.csv", params={"shown": "nonsense"}).status_code == 400
    assert admin.get("/employees/export.csv", params={"department": "9" * 20}).status_code == 400
    response = admin.get("/employees/export.csv", params={"department": world["sales"].id})
    assert response.status_code == 200 and response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="employees.csv"'
    assert "no-store" in response.headers["cache-control"] and response.content.startswith(b"\xef\xbb\xbf")
    assert [r[0] for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))] == ["First name", "Siri"]
    managed = _client(session, "boss@example.com").get("/employees/export.csv", params={"q": "hansen"})
    assert [r[0] for r in csv.reader(io.StringIO(managed.content.decode("utf-8-sig")))] == ["First name", "Ola"]


def test_the_contract_route_serves_the_pdf_to_whoever_may_see_the_employee(session, world):
    project = make_project(session, department=world["engineering"])
    application = make_application(session, project, ApplicationStatus.OFFER)
    contract = _contract(session, application, acknowledged_at=utcnow())
    contract.file_key = files.store_bytes(b"%PDF-1.7 contract")
    session.add(contract)
    employee = _add(session, world)
    contract.employee_id = employee.id
    session.add(contract)
    session.commit()
    url = f"/employees/{employee.id}/contracts/{contract.id}"
    assert _client(session).get(url).status_code == 401
    assert _client(session, "lost@example.com").get(url).status_code == 404
    assert _client(session, "admin@example.com").get(f"/employees/{employee.id}/contracts/999").status_code == 404
    huge = "9" * 20
    for too_long in (f"/employees/{huge}/contracts/{contract.id}", f"/employees/{employee.id}/contracts/{huge}"):
        assert _client(session, "admin@example.com").get(too_long).status_code == 404  # no route, no database error
    response = _client(session, "boss@example.com").get(url)
    assert response.status_code == 200 and response.content == b"%PDF-1.7 contract"
    assert response.headers["content-type"] == "application/pdf"
    assert "contract-kari.pdf" in response.headers["content-disposition"]


def test_a_department_admin_sees_and_places_employees_of_their_department_only(session, world):
    mine = _add(session, world)
    other = _add(session, world, "sales", first_name="Siri", email="siri@example.com")
    make_user(session, "head@example.com", role=Role.DEPARTMENT_ADMIN, department_id=world["engineering"].id)
    head = login_as(session, "head@example.com")
    assert [r.name for r in list_employees(session, head)[0]] == ["Ola Hansen"]
    assert employee_detail(session, head, mine.id).department == "Engineering"
    with pytest.raises(EmployeeNotFound):
        employee_detail(session, head, other.id)
    with pytest.raises(InvalidInput):
        records.add_employee(session, head, _form(world["sales"]))


def test_the_project_hired_from_is_named_only_to_those_who_may_see_it(session, world):
    """Recruiters see every employee, but not the projects they are not on: the title (say "Replacement for our
    CFO") stays out of the list, the CSV and the employee's page."""
    project = make_project(session, "Replacement for our CFO", department=world["engineering"])
    employee = _add(session, world)
    employee.hired_from_project_id = project.id
    session.add(employee)
    session.commit()
    projects = lambda user: [r.project for r in list_employees(session, user)[0]]  # noqa: E731
    assert projects(world["admin"]) == ["Replacement for our CFO"]
    assert projects(world["recruiter"]) == [""]
    assert "CFO" not in employees_csv(session, world["recruiter"], Filters())
    assert employee_detail(session, world["recruiter"], employee.id).hired_from == ""
    assert employee_detail(session, world["admin"], employee.id).hired_from == "Replacement for our CFO"
