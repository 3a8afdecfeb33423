"""The employment contract from end to end: a recruiter ticks an applicant with an offer, runs Employment
contract, fills the template's own variable (a bad value first: refused next to its field), previews the PDF and
sends; the local fake Resend gets the cover email with the PDF attached; the candidate opens the link on a 390 px
phone, downloads the contract, types a wrong name (refused), then theirs; the recruiter sees Acknowledged on
Application and CV.

The data is this module's own: a candidate, application, offer and contract template written into the server's
database before the browser starts, on a project no other module picks by these names."""

import base64
import io
import re
from datetime import date, timedelta

from playwright.sync_api import expect
from pypdf import PdfReader
from sqlalchemy import create_engine, text
from sqlmodel import Session

from ats_app.applications.applicant_keys import keys_for
from ats_app.models import Application, ApplicationStatus, Candidate, ContractTemplate, ContractTemplateVersion, Offer
from tests.e2e.conftest import emails_to, log_in

EMAIL = "tove.kontrakt@e2e.example"
NAME = "Tove Kontrakt"
PHONE = {"width": 390, "height": 844}
SHOTS = "/tmp/ctact"
BODY = ("<p>{fullname} is employed as {offerposition} from {startdate}.</p>"
        "<p>Salary: {salary}.</p><p>Notice period: {notice_weeks} weeks.</p>")


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _setup(server) -> tuple[int, int]:
    """(project id, application id): Tove, with an offer, on an open project with a department whose English
    contract template asks for the notice period."""
    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        project_id, department_id = conn.execute(text(
            "SELECT id, department_id FROM recruitment_project WHERE status = 'open' AND deleted_at IS NULL "
            "AND department_id IS NOT NULL ORDER BY id LIMIT 1")).one()
    with Session(engine) as session:
        candidate = Candidate(first_name="Tove", last_name="Kontrakt", email=EMAIL, language="en")
        session.add(candidate)
        session.flush()
        application = Application(candidate_id=candidate.id, project_id=project_id, status=ApplicationStatus.OFFER,
                                  **keys_for(candidate))
        template = ContractTemplate(title="E2E permanent employment", department_id=department_id, language="en")
        session.add_all([application, template])
        session.flush()
        session.add(ContractTemplateVersion(template_id=template.id, version=1, body_html=BODY, variables=[
            {"key": "notice_weeks", "label": "Notice period (weeks)", "type": "number"}]))
        session.add(Offer(application_id=application.id, position_title="Platform engineer",
                          start_date=date.today() + timedelta(days=40), salary="61 500", salary_currency="NOK",
                          salary_period="month", token_hash="e2e-contract-journey-offer"))
        session.commit()
        application_id = int(application.id)
    engine.dispose()
    return project_id, application_id


def test_send_the_contract_then_the_candidate_acknowledges_on_a_phone(page, browser, server, resend):
    project_id, application_id = _setup(server)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page)
    page.goto(f"/projects/{project_id}")
    page.locator("#applicant-search").fill("Kontrakt")
    expect(page.locator("#range-label")).to_contain_text(re.compile(r"of 1$"))
    row = page.locator(".applicant-row", has=page.locator(f"a[href='/applications/{application_id}']"))
    expect(row).to_have_count(1)
    row.get_by_role("checkbox").click()
    expect(page.locator("#ticked-count")).to_contain_text("1")
    page.locator("#further-progress").select_option("contract")
    page.locator("#execute").click()
    dialog = page.locator("#contract-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#contract-template-en")).to_have_value(re.compile(r"^\d+$"))  # the department's
    expect(page.locator("#compose-body")).to_have_value(re.compile(r"\{contractlink\}"))
    variable = page.locator("#contract-variable-notice_weeks")
    variable.fill("four")
    page.locator("#contract-send").click()
    expect(dialog.locator(".field-error")).to_contain_text("must be a number")
    expect(page.locator("#compose-body")).to_have_value(re.compile(r"\{contractlink\}"))  # the email stays shown
    variable.fill("4")
    page.locator("#contract-preview-pdf").click()
    link = page.locator("#contract-preview-link")
    expect(link).to_be_visible()
    preview = page.request.get(link.get_attribute("href"))
    assert preview.ok and preview.headers["content-type"] == "application/pdf"
    assert NAME in _pdf_text(preview.body())
    page.screenshot(path=f"{SHOTS}/contract-dialog.png", full_page=True)
    page.locator("#contract-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done", timeout=20000)

    [sent] = emails_to(resend, EMAIL)
    [attachment] = sent["body"]["attachments"]
    assert attachment["filename"] == f"E2E permanent employment - {NAME}.pdf"
    text_of_pdf = _pdf_text(base64.b64decode(attachment["content"]))
    assert NAME in text_of_pdf and "61 500" in text_of_pdf and "4 weeks" in text_of_pdf
    link_found = re.search(r"https?://[^\s\"<>]+/contract/[A-Za-z0-9_-]{20,}", sent["body"]["text"])
    assert link_found, sent["body"]["text"]

    # The candidate, on their phone.
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    phone = context.new_page()
    phone.goto(link_found.group(0))
    expect(phone.locator("h1")).to_have_text("Platform engineer")
    expect(phone.locator(".legal")).to_contain_text("not a qualified electronic signature")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=f"{SHOTS}/contract-phone.png", full_page=True)
    with phone.expect_download() as download:
        phone.locator("#download").click()
    assert download.value.suggested_filename.endswith(".pdf")
    phone.get_by_label("Your full name").fill("Tove")
    phone.get_by_role("button", name="I have received and accept this contract").click()
    expect(phone.locator(".error")).to_contain_text("as it is written in the contract")
    phone.get_by_label("Your full name").fill("tove  kontrakt")
    phone.get_by_role("button", name="I have received and accept this contract").click()
    expect(phone.locator(".notice")).to_contain_text("Your acknowledgement has been recorded")
    expect(phone.locator("#acknowledgement")).to_contain_text("Acknowledged on")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=f"{SHOTS}/contract-phone-acknowledged.png", full_page=True)
    context.close()

    # The recruiter sees it where the application is.
    page.goto(f"/applications/{application_id}")
    section = page.locator("#contracts-section")
    expect(section.locator(".contract-state")).to_contain_text("Acknowledged on")
    expect(section).to_contain_text("E2E permanent employment")
    expect(page.locator("#history")).to_contain_text("acknowledged the employment contract")
    pdf = page.request.get(section.locator("a.contract-pdf").get_attribute("href"))
    assert pdf.ok and NAME in _pdf_text(pdf.body())
    page.screenshot(path=f"{SHOTS}/contract-application.png", full_page=True)
