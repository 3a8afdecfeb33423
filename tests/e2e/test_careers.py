"""The way in, on a 390 px phone: the careers site's list and an advert, the application form refusing a PNG
renamed .pdf (the message next to the CV field, the typed name kept), then a real PDF to the thank-you page; then
a recruiter sees the application as New in the project's list, and the "application received" email arrives at
the local fake Resend."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import emails_to, log_in
from tests.unit import intake_files

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
TITLE = "Frontend Developer (React)"
EMAIL = "sigrid.e2e@example.com"


@pytest.fixture
def browser_context_args(browser_context_args):
    """Every page of this module on a phone."""
    return {**browser_context_args, **PHONE}


def _project_id(server) -> int:
    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        found = conn.execute(text("SELECT id FROM recruitment_project WHERE title = :t"), {"t": TITLE}).scalar_one()
    engine.dispose()
    return int(found)


def _fill_form(page, first_name: str) -> None:
    page.locator("#first_name").fill(first_name)
    page.locator("#last_name").fill("Haugland")
    page.locator("#email").fill(EMAIL)
    page.locator("#mobile").fill("+47 915 11 222")
    page.locator("#city").fill("Stavanger")
    for fieldset in page.locator("fieldset.choices").all():
        fieldset.locator("input[value=yes]").check()
    for answer in page.locator("input[type=text][name^='answer:']").all():  # years (a number), notice period
        answer.fill("3")
    page.locator("#cover_letter").fill("I have built React apps for six years.")


def test_apply_on_a_phone_then_the_recruiter_sees_it(page, browser, base_url, server, resend, shoot):
    project_id = _project_id(server)
    page.goto("/jobs?lang=en")
    expect(page.locator("h1")).to_have_text("Vacant positions")
    expect(page.locator("#jobs")).to_contain_text(TITLE)
    shoot(page, "careers-list-phone")
    page.locator("a.job", has_text=TITLE).click()
    expect(page.locator("#advert-title")).to_have_text(TITLE)
    shoot(page, "careers-advert-phone")
    page.locator("#apply").click()
    expect(page).to_have_url(re.compile(rf"/jobs/{project_id}/apply"))

    _fill_form(page, "Sigrid")
    page.locator("#cv").set_input_files({"name": "cv.pdf", "mimeType": "application/pdf",
                                         "buffer": intake_files.png_file()})
    page.locator("#consent").check()
    page.locator("#send-application").click()
    expect(page.locator("#cv-error")).to_contain_text("is not a PDF")
    expect(page.locator("#first_name")).to_have_value("Sigrid")
    expect(page.locator("#cover_letter")).to_have_value("I have built React apps for six years.")
    expect(page.locator("#cv-again")).to_be_visible()
    page.locator("#cv").scroll_into_view_if_needed()
    shoot(page, "careers-form-error-phone")

    page.locator("#cv").set_input_files({"name": "Sigrid Haugland CV.pdf", "mimeType": "application/pdf",
                                         "buffer": intake_files.pdf("Sigrid Haugland", "React and TypeScript.")})
    page.locator("#send-application").click()
    expect(page).to_have_url(re.compile(rf"/jobs/{project_id}/thanks\?lang=en"))
    expect(page.locator("#thanks h1")).to_have_text("Thank you for your application")
    shoot(page, "careers-thanks-phone")

    recruiter = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    desk = recruiter.new_page()
    log_in(desk, "recruiter@example.com")
    desk.goto(f"/projects/{project_id}")
    row = desk.locator(".applicant-row", has_text=EMAIL)
    expect(row).to_be_visible()
    expect(row).to_contain_text("Sigrid Haugland")
    expect(row).to_contain_text("New")
    shoot(desk, "careers-application-in-list")

    desk.locator("#add-candidate").click()  # item 6: someone who applied by post, entered by hand
    dialog = desk.locator("#add-candidate-dialog")
    expect(dialog).to_be_visible()
    dialog.locator("#add-first_name").fill("Per")
    dialog.locator("#add-last_name").fill("Postmann")
    dialog.locator("#add-email").fill("per.postmann@example.com")
    dialog.locator("input[type=file]").set_input_files({"name": "per.rtf", "mimeType": "application/rtf",
                                                        "buffer": intake_files.rtf_file("Per Postmann, React")})
    dialog.locator("#add-send-receipt").click()  # no email for this one
    shoot(desk, "careers-add-candidate-dialog")
    dialog.locator("#add-candidate-save").click()
    expect(dialog).to_be_hidden()
    expect(desk.locator(".applicant-row", has_text="per.postmann@example.com")).to_contain_text("New")
    recruiter.close()

    [email] = emails_to(resend, EMAIL)
    assert TITLE in email["body"]["subject"] or TITLE in email["body"]["html"]
    assert emails_to(resend, "per.postmann@example.com", timeout=3) == []


def test_admins_edit_the_privacy_text_on_settings(browser, base_url, shoot):
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    page = desk.new_page()
    log_in(page, "admin@example.com")
    page.goto("/settings")
    field = page.locator("#privacy-en")
    expect(field).to_have_value(re.compile("only to handle your application"))
    field.fill("We keep your data for six months.")
    page.locator("#settings-privacy-save").click()
    expect(page.locator("#notice-privacy")).to_be_visible()
    page.locator("#settings-privacy").scroll_into_view_if_needed()
    shoot(page, "careers-settings-privacy")
    desk.close()
    phone = browser.new_context(**PHONE, base_url=base_url).new_page()
    phone.goto("/jobs?lang=en")
    phone.locator("a.job").first.click()
    phone.locator("#apply").click()
    expect(phone.locator("#privacy-text")).to_have_text("We keep your data for six months.")
