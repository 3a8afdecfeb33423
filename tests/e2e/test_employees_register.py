"""The Employees register as an admin meets it: add an employee (the field errors first), find them, edit them,
end their employment, export the list as CSV, and email two ticked employees, checked at the fake Resend.

The test works on employees it adds itself (names no demo person has), so other modules are not disturbed.
"""

import csv
import io

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import emails_to, log_in

SHOTS = "/tmp/emp"


def _add(page, first: str, last: str, email: str, *, mobile: str = "", department_index: int = 1) -> None:
    page.locator("#employee-add").click()
    dialog = page.locator("#employee-dialog")
    expect(dialog).to_be_visible()
    dialog.locator("#employee-first_name").fill(first)
    dialog.locator("#employee-last_name").fill(last)
    dialog.locator("#employee-email").fill(email)
    dialog.locator("#employee-mobile").fill(mobile)
    dialog.locator("#employee-position").fill("Quality Engineer")
    dialog.locator("#employee-department_id").select_option(index=department_index)
    dialog.locator("#employee-start_date").fill("2025-03-01")
    dialog.locator("#employee-save").click()
    expect(dialog).to_be_hidden()


def _search(page, text: str) -> None:
    page.locator("#employee-search").fill(text)
    expect(page.locator(".employee-row").first).to_contain_text(text)


def test_employees_register_add_edit_end_export_and_email(page, resend):
    log_in(page)
    page.goto("/employees")
    expect(page.locator(".employee-row").first).to_be_visible()  # the demo's employees
    page.screenshot(path=f"{SHOTS}/employees-page.png", full_page=True)

    # Bad input: messages next to the fields, nothing added.
    page.locator("#employee-add").click()
    dialog = page.locator("#employee-dialog")
    dialog.locator("#employee-first_name").fill("Zofia")
    dialog.locator("#employee-email").fill("not-an-address")
    dialog.locator("#employee-mobile").fill("12")
    dialog.locator("#employee-save").click()
    for field in ("last_name", "email", "mobile", "position", "department_id", "start_date"):
        expect(dialog.locator(f"#error-{field}")).to_be_visible()
    page.screenshot(path=f"{SHOTS}/employee-add-errors.png", full_page=True)
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()

    _add(page, "Zofia", "Kwiatkowska", "zofia.kwiatkowska@e2e.example", mobile="+47 912 34 567")
    _add(page, "Yrjö", "Mäkelä", "yrjo.makela@e2e.example", department_index=2)
    _search(page, "Kwiatkowska")
    expect(page.locator(".employee-row")).to_have_count(1)
    row = page.locator(".employee-row", has_text="Zofia Kwiatkowska")
    expect(row).to_contain_text("Quality Engineer")

    # Edit: a new last name and mobile; the history keeps old → new.
    row.locator(".employee-edit").click()
    expect(dialog.locator("#employee-last_name")).to_have_value("Kwiatkowska")
    dialog.locator("#employee-last_name").fill("Kwiatkowska-Berg")
    dialog.locator("#employee-mobile").fill("+46 70 123 45 67")
    page.screenshot(path=f"{SHOTS}/employee-edit-dialog.png", full_page=True)
    dialog.locator("#employee-save").click()
    expect(dialog).to_be_hidden()
    expect(page.locator(".employee-row", has_text="Kwiatkowska-Berg")).to_be_visible()

    # End employment (from the list): the row says so under "Ended" and no longer under "Current".
    page.locator(".employee-row", has_text="Kwiatkowska-Berg").locator(".employee-end").click()
    end = page.locator("#end-dialog")
    end.locator("#end-save").click()
    expect(end.locator("#error-end_date")).to_be_visible()
    end.locator("#end-date").fill("2026-11-30")
    end.locator("#end-reason").select_option("resigned")
    end.locator("#end-note").fill("Moved to Gothenburg")
    end.locator("#end-save").click()
    expect(end).to_be_hidden()
    expect(page.locator(".employee-row", has_text="Kwiatkowska-Berg")).to_have_count(0)  # the list shows current
    page.locator("#employee-shown").get_by_role("radio", name="Ended").click()
    ended = page.locator(".employee-row", has_text="Kwiatkowska-Berg")
    expect(ended.locator(".ended-line")).to_have_text("Ended on 30 Nov 2026 · Resigned")

    # Her page: details and her own history, newest first.
    ended.locator(".employee-name").click()
    expect(page.locator("#page-title")).to_have_text("Zofia Kwiatkowska-Berg")
    history = page.locator(".employee-history-line")
    expect(history).to_have_count(3)
    expect(history.nth(0)).to_contain_text("Employment ended on 30 Nov 2026 · Resigned · Moved to Gothenburg")
    expect(history.nth(1)).to_contain_text("Last name: Kwiatkowska → Kwiatkowska-Berg")
    expect(history.nth(1)).to_contain_text("Mobile: +47 91 23 45 67 → +46 70 123 45 67")
    expect(history.nth(2)).to_contain_text("Added to Employees by hand")
    page.screenshot(path=f"{SHOTS}/employee-history.png", full_page=True)

    # Export the filtered list (ended, searched) as CSV.
    page.goto("/employees")
    page.locator("#employee-shown").get_by_role("radio", name="All").click()
    _search(page, "e2e.example")
    expect(page.locator(".employee-row")).to_have_count(2)
    with page.expect_download() as download:
        page.locator("#employee-export").click()
    content = open(download.value.path(), encoding="utf-8").read()
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows[0][:4] == ["First name", "Last name", "Email", "Mobile"]
    assert sorted(r[2] for r in rows[1:]) == ["yrjo.makela@e2e.example", "zofia.kwiatkowska@e2e.example"]
    zofia = next(r for r in rows[1:] if r[2] == "zofia.kwiatkowska@e2e.example")
    assert zofia[3] == "'+46 70 123 45 67"  # guarded: a leading "+" is a formula to a spreadsheet

    # Email both ticked employees: each gets their own copy with the tags filled in.
    for name in ("Kwiatkowska-Berg", "Mäkelä"):
        page.locator(".employee-row", has_text=name).locator(".tick").click()
    page.locator("#employee-email").click()
    mail = page.locator("#employee-email-dialog")
    expect(mail).to_be_visible()
    mail.locator("#employee-email-subject").fill("Hello {firstname}")
    mail.locator("#employee-email-body").fill("Dear {fullname}, about your role as {position} in {department}.")
    mail.locator("#employee-email-send").click()
    expect(mail).to_be_hidden()
    for address, first in (("zofia.kwiatkowska@e2e.example", "Zofia"), ("yrjo.makela@e2e.example", "Yrjö")):
        [sent] = emails_to(resend, address)
        assert sent["body"]["subject"] == f"Hello {first}"
        assert "Quality Engineer" in sent["body"]["text"]


def _hired_employee(server) -> tuple[int, int, str]:
    """A demo employee hired through a project outside Technology: (employee id, application id, project title)."""
    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        found = conn.execute(text("SELECT e.id, e.application_id, p.title FROM employee e JOIN recruitment_project p "
                                  "ON p.id = e.hired_from_project_id JOIN department d ON d.id = e.department_id "
                                  "WHERE e.application_id IS NOT NULL AND d.name <> 'Technology' "
                                  "ORDER BY e.id")).first()
    engine.dispose()
    return found


def test_hired_from_links_the_application_and_managers_see_their_department(page, server):
    employee_id, application_id, project = _hired_employee(server)
    log_in(page)
    page.goto(f"/employees/{employee_id}")
    expect(page.locator("#employee-hired-from")).to_contain_text(f"Hired from {project} on ")
    expect(page.locator(".employee-history-line").last).to_contain_text(f"Hired from {project}")
    page.screenshot(path=f"{SHOTS}/employee-hired.png", full_page=True)
    page.locator("#employee-application").click()
    page.wait_for_url(f"**/applications/{application_id}**")
    page.context.clear_cookies()

    log_in(page, "manager@example.com")  # Technology's hiring manager
    page.goto("/employees")
    page.locator("#employee-shown").get_by_role("radio", name="All").click()
    expect(page.locator(".employee-row").first).to_be_visible()
    departments = {cell.strip() for cell in page.locator(".employee-row td:nth-child(4)").all_inner_texts()}
    assert departments == {"Technology"}
    page.goto(f"/employees/{employee_id}")  # hired into another department: not for her
    expect(page.get_by_text("This employee was not found, or you may not see them.")).to_be_visible()
