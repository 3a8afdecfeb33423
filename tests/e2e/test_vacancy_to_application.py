"""From vacancy to rejection, across the parts that make the way in: a recruiter writes a project with a
knock-out question in the editor and publishes it; two candidates apply from their phones (one meets the
requirement, one does not); the recruiter filters the list to "Knocked out" and rejects in one Execute; the
knocked-out candidate's email names the requirement the recruiter wrote."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.e2e.conftest import emails_to, log_in
from tests.e2e.test_careers import PHONE
from tests.unit import intake_files

EDIT_URL = re.compile(r"/projects/(\d+)/edit/?$")
TITLE = "Forklift driver, Moss"
REQUIREMENT = "A forklift licence (truck class T4)"


def _write_and_publish(page) -> int:
    page.locator("#new-project").click()
    page.locator("#new-project-title").fill(TITLE)
    page.locator("#new-project-department").select_option(index=1)
    page.locator("#new-project-create").click()
    page.wait_for_url(EDIT_URL, timeout=20000)
    project_id = int(EDIT_URL.search(page.url).group(1))
    page.locator("#project-deadline").fill((date.today() + timedelta(days=20)).isoformat())
    page.locator("#project-place").fill("Moss")
    page.locator("#advert-en-headline").fill("Drive our forklifts in Moss")
    page.locator("#advert-en-introduction").fill("Day shifts in our **new** warehouse.")
    page.locator("#add-question").click()
    page.locator("#question-q1-en").fill("Do you hold a forklift licence?")
    page.locator("#knockout-q1-no").click()
    page.locator("#requirement-q1-en").fill(REQUIREMENT)
    page.locator("#status-publish").click()
    expect(page.locator("#project-notice-bottom")).to_have_text("The project is published and open for applications.")
    return project_id


def _apply(browser, base_url, project_id: int, first: str, email: str, licence: str) -> None:
    phone = browser.new_context(**PHONE, base_url=base_url)
    page = phone.new_page()
    page.goto("/jobs?lang=en")
    page.locator("a.job", has_text="Drive our forklifts in Moss").click()
    expect(page.locator("#advert-title")).to_have_text("Drive our forklifts in Moss")
    page.locator("#apply").click()
    page.locator("#first_name").fill(first)
    page.locator("#last_name").fill("Bakke")
    page.locator("#email").fill(email)
    page.locator("#mobile").fill("+47 915 33 444")
    page.locator("fieldset.choices").first.locator(f"input[value={licence}]").check()
    page.locator("#cv").set_input_files({"name": f"{first}.pdf", "mimeType": "application/pdf",
                                         "buffer": intake_files.pdf(f"{first} Bakke", "Warehouse work.")})
    page.locator("#consent").check()
    page.locator("#send-application").click()
    expect(page).to_have_url(re.compile(rf"/jobs/{project_id}/thanks"))
    phone.close()


def test_a_project_written_in_the_editor_takes_applications_and_rejects_the_knocked_out(page, browser, base_url,
                                                                                        resend, shoot):
    log_in(page)
    project_id = _write_and_publish(page)
    _apply(browser, base_url, project_id, "Mona", "mona.bakke@example.com", "yes")
    _apply(browser, base_url, project_id, "Ola", "ola.bakke@example.com", "no")

    page.goto(f"/projects/{project_id}")
    rows = page.locator(".applicant-row")
    expect(rows).to_have_count(2)
    expect(page.locator(".applicant-row", has_text="mona.bakke@example.com").locator(".requirements")).to_contain_text(
        "Meets")
    page.locator("#requirements-filter").select_option("knocked_out")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("ola.bakke@example.com")
    shoot(page, "journey-knocked-out")
    page.locator("#tick-all").click()
    page.locator("#further-progress").select_option("reject")
    page.locator("#execute").click()
    expect(page.locator("#reject-type")).to_have_value("after_screening")
    page.locator("#reject-reason").select_option("requirement_not_met")
    page.locator("#reject-next").click()
    page.locator("#reject-timing").get_by_role("radio", name="Send now").click()
    page.locator("#reject-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done")

    assert len(emails_to(resend, "mona.bakke@example.com")) == 1  # the receipt only
    sent = emails_to(resend, "ola.bakke@example.com", count=2)
    assert len(sent) == 2  # the receipt, then the rejection naming what the recruiter wrote
    assert any(REQUIREMENT in e["body"]["text"] for e in sent)
