"""Interviews as recruiters and candidates meet them: invite two applicants in two languages, read the
invitation at the fake Resend server, answer on a phone-sized screen, see the answer in the calendar, and
withdraw from the answer page; an SMS reminder to a candidate without a mobile number warns."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import emails_to, log_in
from tests.e2e.test_email import _open_project, _tick
from tests.e2e.test_reject import _live_in_two_languages


def _full_name(server, email: str) -> str:
    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        first, last = conn.execute(text("SELECT first_name, last_name FROM candidate WHERE email = :e"),
                                   {"e": email}).one()
    engine.dispose()
    return f"{first} {last}"


def _drop_mobile(server, email: str) -> str:
    engine = create_engine(server["db_url"])
    with engine.begin() as conn:
        conn.execute(text("UPDATE candidate SET mobile = NULL WHERE email = :e"), {"e": email})
        first, last = conn.execute(text("SELECT first_name, last_name FROM candidate WHERE email = :e"),
                                   {"e": email}).one()
    engine.dispose()
    return f"{first} {last}"


def _answer_link(resend, email: str) -> str:
    [invitation] = [e for e in emails_to(resend, email) if e["body"].get("attachments")]
    assert invitation["body"]["attachments"][0]["filename"] == "invite.ics"
    link = re.search(r'href="([^"]*/interview/[^"]+)"', invitation["body"]["html"]).group(1)
    assert "__ATS_CONFIRM_" not in link  # the worker put the token in as the email left
    return link.replace("&amp;", "&")


def test_invite_answer_on_a_phone_see_the_calendar_and_withdraw(page, browser, server, resend, shoot):
    log_in(page)
    _open_project(page, 8)
    (coming, _l1), (leaving, _l2) = _live_in_two_languages(page, server, 8)
    no_mobile = _drop_mobile(server, leaving)
    _tick(page, coming)
    _tick(page, leaving)
    page.locator("#further-progress").select_option("invite")
    page.locator("#execute").click()
    expect(page.locator("#invite-dialog")).to_be_visible()
    day = date.today() + timedelta(days=2)
    page.locator("#invite-date").fill(day.isoformat())
    page.locator("#invite-time").fill("10:00")
    page.locator("#invite-duration").fill("45")
    page.locator("#invite-place").fill("Storgata 1, Oslo")
    shoot(page, "invite-step-1")
    page.locator("#invite-next").click()
    # Our default invitation holds {confirmlink} in every language, so the extra link is not ticked.
    expect(page.locator("#compose-body")).to_contain_text("{confirmlink}")
    expect(page.locator("#invite-include-link")).to_have_attribute("data-state", "unchecked")
    page.locator("#invite-next").click()
    page.locator("#invite-reminder").select_option("sms")
    expect(page.locator("#invite-no-mobile")).to_contain_text(no_mobile)  # the warning names them
    expect(page.locator("#invite-sms-info")).to_contain_text("GSM-7")  # length and parts shown
    page.locator("#invite-reminder").select_option("email")
    page.locator("#invite-days").select_option("1")
    shoot(page, "invite-step-3")
    page.locator("#invite-send").click()
    expect(page.locator("#result-line")).to_have_text("2 done")

    phone = browser.new_context(viewport={"width": 390, "height": 844})
    candidate = phone.new_page()
    candidate.goto(_answer_link(resend, coming))
    shoot(candidate, "interview-answer-page-phone")
    candidate.locator("form:has(input[name=answer][value=coming]) button").click()
    expect(candidate.locator("body")).not_to_contain_text("Internal Server Error")
    shoot(candidate, "interview-answered-phone")
    assert candidate.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling

    page.goto("/calendar")
    expect(page.locator(".calendar-day").first).to_be_visible()
    title = page.locator("#calendar-title").inner_text()
    card = page.locator(".interview-card", has_text=_full_name(server, coming))
    if (date.today() + timedelta(days=2)).isocalendar()[1] != date.today().isocalendar()[1]:
        page.locator("#calendar-next").click()  # the interview is in next week
        expect(page.locator("#calendar-title")).not_to_have_text(title)
    expect(card).to_have_count(1)
    expect(card.locator(".acceptance")).to_contain_text("Accepted")
    shoot(page, "calendar-week")

    candidate.goto(_answer_link(resend, leaving))
    candidate.locator("form:has(input[name=answer][value=withdraw]) button").click()
    candidate.locator("button[type=submit]").last.click()  # the second confirmation
    phone.close()
    _open_project(page, 8)
    page.locator("#applicant-search").fill(leaving)
    expect(page.locator(".applicant-row", has_text=leaving).locator(".application-status")).to_contain_text(
        "Withdrawn")
