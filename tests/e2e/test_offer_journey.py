"""An offer from end to end: a recruiter sends an offer with terms to one applicant from Application and CV (a
validity date in the past is refused next to its field first); the candidate opens the link from the email (the
local fake Resend) on a 390 px phone, reads the terms in Norwegian and accepts; the recruiter sees "Offer
accepted" on Application and CV and in the list, and a task on the Tasks list.

The applicant and their (closed) project are made by this test, so no other module meets them."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect
from sqlmodel import Session, create_engine, select

from ats_app.models import ApplicationStatus, Department, ProjectStatus, User
from tests.e2e.conftest import emails_to, log_in
from tests.unit.factories import make_application, make_project

PHONE = {"width": 390, "height": 844}
SHOTS = "/tmp/offers"
EMAIL = "kari.tilbudsen@example.com"
START_SOON = 5  # the project starts in five days: the offer's default validity ends then, not in 14 days
HOURS = "37,5 timer per uke, mandag til fredag 08.00–15.45, med fleksibel arbeidstid om sommeren"  # > 60 chars


def _applicant(server) -> tuple[int, int]:
    """(project id, application id): an invited applicant of a project of this test's own."""
    engine = create_engine(server["db_url"])
    with Session(engine, expire_on_commit=False) as session:
        department = session.exec(select(Department).order_by(Department.id)).first()
        owner = session.exec(select(User).where(User.email == "recruiter@example.com")).one()
        project = make_project(session, "Platform engineer (offer journey)", department=department,
                               status=ProjectStatus.CLOSED, place="Bergen", owner_id=owner.id,
                               start_date=date.today() + timedelta(days=START_SOON))
        application = make_application(session, project, ApplicationStatus.INVITED, first_name="Kari",
                                       last_name="Tilbudsen")
        ids = project.id, application.id
    engine.dispose()
    return ids


def _offer_link(resend) -> str:
    [sent] = emails_to(resend, EMAIL)
    found = re.search(r"https?://[^\s\"<>\]\)]+/offer/[A-Za-z0-9_-]{20,}", sent["body"]["text"])
    assert found, sent["body"]["text"]
    text = sent["body"]["text"]
    assert "61 000 NOK per måned" in text and "Pensjon 7 %" in text and HOURS in text
    assert "Lønn: 61 000 NOK per måned" in text and "Arbeidssted" not in text  # only the terms that are set
    return found.group(0)


def test_send_an_offer_accept_it_on_a_phone_and_see_it_accepted(page, browser, server, resend):
    project_id, application_id = _applicant(server)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, "recruiter@example.com")
    page.goto(f"/applications/{application_id}")
    expect(page.locator("#page-title")).to_have_text("Kari Tilbudsen")
    page.locator("#further-progress").select_option("offer")
    page.locator("#execute").click()
    dialog = page.locator("#offer-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#offer-position_title")).to_have_value("Platform engineer (offer journey)")
    expect(page.locator("#offer-place_of_work")).to_have_value("Bergen")
    expect(page.locator("#offer-salary_currency")).to_have_value("NOK")
    expect(page.locator("#compose-body")).to_have_value(re.compile(r"\{offerlink\}"))
    expect(page.locator("#offer-valid_until")).to_have_value((date.today() + timedelta(days=START_SOON)).isoformat())
    page.locator("#offer-start_date").fill((date.today() + timedelta(days=45)).isoformat())
    page.locator("#offer-salary").fill("61 000")
    page.locator("#offer-hours").fill(HOURS)
    page.locator("#offer-place_of_work").fill("")
    page.locator("#offer-terms").fill("Pensjon 7 %\n\n- Seks måneders prøvetid\n- Fri mobil")
    page.locator("#offer-valid_until").fill((date.today() - timedelta(days=1)).isoformat())
    page.locator("#offer-send").click()
    expect(page.locator("#error-valid_until")).to_be_visible()  # refused next to the field, nothing sent
    expect(dialog).to_be_visible()
    page.locator("#offer-valid_until").fill((date.today() + timedelta(days=10)).isoformat())
    dialog.screenshot(path=f"{SHOTS}/offer-form.png")
    page.locator("#offer-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    expect(page.locator("#offer-badge")).to_have_text("Offer: waiting for answer")

    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(_offer_link(resend))
    expect(phone.locator("html")).to_have_attribute("lang", "nb")
    expect(phone.locator("#offer-terms")).to_contain_text("61 000 NOK per måned")
    expect(phone.locator("#offer-terms")).to_contain_text("Seks måneders prøvetid")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    phone.screenshot(path=f"{SHOTS}/phone-before.png", full_page=True)
    phone.locator("#offer-accept").click()
    expect(phone.locator("#offer-confirm")).to_be_visible()  # final, so asked once more
    phone.screenshot(path=f"{SHOTS}/phone-confirm.png", full_page=True)
    phone.locator("#offer-confirm-accept").click()
    expect(phone.locator("#offer-done")).to_be_visible()
    expect(phone.locator("#offer-accept")).to_have_count(0)  # final: no more answers
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=f"{SHOTS}/phone-after.png", full_page=True)

    page.reload()
    expect(page.locator("#offer-badge")).to_have_text("Offer accepted")
    expect(page.locator("#offer-state")).to_contain_text("Accepted on")
    expect(page.locator("#history")).to_contain_text("The candidate accepted the offer")
    page.locator("#offer-section").screenshot(path=f"{SHOTS}/application-section.png")
    page.goto(f"/projects/{project_id}")
    expect(page.locator(".offer-badge").first).to_have_text("Offer accepted")
    page.locator(".applicant-row").first.screenshot(path=f"{SHOTS}/list-row.png")
    page.goto("/tasks")
    expect(page.locator(".task-card", has_text="Kari Tilbudsen").first).to_contain_text("Offer accepted")
