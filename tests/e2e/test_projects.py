"""Recruitment projects in the browser: create one from the overview, write its advert and a knock-out question,
publish (refused with a past deadline, then done), close, reopen; a project with applications is not deleted."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.e2e.conftest import log_in

EDIT_URL = re.compile(r"/projects/(\d+)/edit/?$")
TITLE = "Warehouse team lead, Drammen"


def _project_row(page, title: str):
    page.locator("#project-search").fill(title)
    row = page.locator(".project-row", has_text=title)
    expect(row).to_have_count(1)
    return row


def test_a_recruiter_creates_publishes_closes_and_reopens_a_project(page, shoot):
    log_in(page)
    page.locator("#new-project").click()
    expect(page.locator("#new-project-dialog")).to_be_visible()
    page.locator("#new-project-create").click()  # nothing typed: the messages say what is missing
    expect(page.locator("#error-title")).to_have_text("Write the project's title.")
    expect(page.locator("#error-department_id")).to_be_visible()
    page.locator("#new-project-title").fill(TITLE)
    page.locator("#new-project-department").select_option(index=1)
    page.locator("#new-project-create").click()
    page.wait_for_url(EDIT_URL, timeout=20000)
    expect(page.locator("#page-title")).to_have_text(TITLE)
    expect(page.locator("#project-history")).to_contain_text("Created the project")

    yesterday, later = date.today() - timedelta(days=1), date.today() + timedelta(days=30)
    page.locator("#project-deadline").fill(yesterday.isoformat())
    page.locator("#project-place").fill("Drammen")
    page.locator("#advert-en-headline").fill("Lead our warehouse team in Drammen")
    page.locator("#advert-en-introduction").fill("We ship **everything** Nordlys sells.\n\n- Day shifts\n- 12 people")
    page.locator("#advert-en-contact").fill("Kari Bergstrøm, kari@example.com")
    page.locator("#add-question").click()
    page.locator("#question-q1-en").fill("Do you hold a forklift licence?")
    page.locator("#knockout-q1-no").click()
    page.locator("#requirement-q1-en").fill("A forklift licence")

    page.locator("#status-publish").click()
    expect(page.locator("#status-error")).to_contain_text("The application deadline has passed")
    expect(page.locator("#advert-en-headline")).to_have_value("Lead our warehouse team in Drammen")  # kept
    shoot(page, "project-publish-refused")

    page.locator("#project-deadline").fill(later.isoformat())
    page.locator("#status-publish").click()
    expect(page.locator("#project-notice-bottom")).to_have_text("The project is published and open for applications.")
    expect(page.locator("#status-close")).to_be_visible()
    expect(page.locator("#project-history")).to_contain_text("Published: the project is open for applications")
    expect(page.locator("#project-history")).to_contain_text("Deadline")
    expect(page.locator("#knockout-q1-no")).to_be_checked()
    shoot(page, "project-edit")

    page.goto("/")
    row = _project_row(page, TITLE)
    expect(row).to_contain_text("Open")
    row.locator(".project-edit").click()
    page.wait_for_url(EDIT_URL, timeout=20000)
    page.locator("#status-close").click()
    expect(page.locator("#project-notice-bottom")).to_have_text("The project is closed: it takes no more applications.")
    page.locator("#status-reopen").click()
    expect(page.locator("#project-notice-bottom")).to_have_text("The project is open for applications again.")
    expect(page.locator("#project-history")).to_contain_text("Reopened")
    page.goto("/")
    expect(_project_row(page, TITLE)).to_contain_text("Open")


def test_a_project_with_applications_is_closed_not_deleted(page, shoot):
    log_in(page)
    row = _project_row(page, "Senior backend-utvikler")
    row.locator(".project-title").click()
    page.locator("#edit-project").click()  # from the applicant list's header
    page.wait_for_url(EDIT_URL, timeout=20000)
    expect(page.locator("#advert-nb-headline")).not_to_have_value("")  # the demo's advert in Norwegian
    page.locator("#status-delete").click()
    page.locator("#confirm-delete").click()
    expect(page.locator("#status-error")).to_contain_text("cannot be deleted: close it instead")
    shoot(page, "project-delete-refused")
    page.locator("#status-close").click()  # the demo project's questions pass the editor's checks as they are
    expect(page.locator("#project-notice-bottom")).to_have_text("The project is closed: it takes no more applications.")
    page.locator("#status-reopen").click()
    expect(page.locator("#project-notice-bottom")).to_have_text("The project is open for applications again.")
    page.goto("/")
    expect(_project_row(page, "Senior backend-utvikler")).to_be_visible()
