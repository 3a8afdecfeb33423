"""The panel review from end to end, as its users meet it: a recruiter ticks two applicants and sends them to two
outside reviewers; each opens the link from their email (the local fake Resend) on a 390 px phone; the first
rates both candidates without ever seeing the second reviewer's opinion, completes, and then sees it; the
recruiter's list shows the averages with their counts, and the project page shows who has completed."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import emails_to, log_in

JONAS, SIRI = "jonas.journey@partner.example", "siri.journey@partner.example"
SIRI_SAYS = "Siri thinks the portfolio is outstanding"
PHONE = {"width": 390, "height": 844}
SHOTS = "/tmp/journey"


def _project(server) -> int:
    """An open project, not the one the other panel tests use, with at least two New applicants and no ratings."""
    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        project_id = conn.execute(text(
            "SELECT a.project_id FROM application a JOIN recruitment_project p ON p.id = a.project_id "
            "WHERE a.status = 'new' AND a.deleted_at IS NULL AND p.status = 'open' AND p.id <> 3 "
            "AND NOT EXISTS (SELECT 1 FROM rating r JOIN application b ON b.id = r.application_id "
            "                WHERE b.project_id = a.project_id) "
            "GROUP BY a.project_id HAVING count(*) >= 2 ORDER BY a.project_id DESC LIMIT 1")).scalar()
    engine.dispose()
    assert project_id is not None
    return project_id


def _review_link(resend, address: str) -> str:
    [sent] = emails_to(resend, address)
    found = re.search(r"https?://[^\s\"<>]+/review/[A-Za-z0-9_-]{20,}", sent["body"]["text"])
    assert found, sent["body"]["text"]
    return found.group(0)


def _rate(phone, score: int, comment: str, button: str = "Save and next") -> None:
    phone.locator(".scale label", has_text=str(score)).click()
    phone.get_by_label("Comment").fill(comment)
    phone.get_by_role("button", name=button, exact=True).click()


def _only_new_rows(page) -> None:
    """Wait until the list shows the New filter's rows (the event may land after the first rows are drawn)."""
    expect(page.locator(".applicant-row").filter(has_not=page.get_by_text("New", exact=True))).to_have_count(0)


def _ticked_ids(page) -> list[int]:
    """The ids of the ticked rows, read from the rows that are ticked (not from where they were before)."""
    ticked = page.locator(".applicant-row").filter(has=page.locator("button[role=checkbox][data-state=checked]"))
    expect(ticked).to_have_count(2)
    hrefs = [ticked.nth(i).locator("a[href^='/applications/']").first.get_attribute("href") for i in range(2)]
    return [int(h.rsplit("/", 1)[1]) for h in hrefs]


def test_send_rate_on_phones_blind_then_see_the_averages(page, browser, server, resend):
    project_id = _project(server)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page)
    page.goto(f"/projects/{project_id}")
    page.locator("#status-filter").select_option("new")
    rows = page.locator(".applicant-row")
    expect(rows.nth(1)).to_be_visible()
    _only_new_rows(page)
    for i in range(2):
        rows.nth(i).get_by_role("checkbox").click()
    first, second = _ticked_ids(page)
    page.locator("#further-progress").select_option("panel_review")
    page.locator("#execute").click()
    dialog = page.locator("#panel-dialog")
    expect(dialog).to_be_visible()
    dialog.locator(".panel-outside-email input").first.fill(JONAS)
    dialog.locator(".panel-outside-name input").first.fill("Jonas Journey")
    page.locator("#panel-add-reviewer").click()
    dialog.locator(".panel-outside-email input").nth(1).fill(SIRI)
    dialog.locator(".panel-outside-name input").nth(1).fill("Siri Journey")
    page.locator("#panel-due-date").fill((date.today() + timedelta(days=5)).isoformat())
    expect(page.locator("#compose-body")).to_have_value(re.compile(r"\{reviewlink\}"))
    page.locator("#panel-send").click()
    expect(page.locator("#result-line")).to_have_text("2 done")

    # The second reviewer rates the first candidate, and does not complete.
    siri = browser.new_context(viewport=PHONE).new_page()
    siri.goto(_review_link(resend, SIRI))
    siri.get_by_role("link", name="Start").click()
    _rate(siri, 7, SIRI_SAYS)
    expect(siri.locator(".notice")).to_contain_text("was saved")

    # The first reviewer, on their phone: both candidates, blind until done.
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    phone.goto(_review_link(resend, JONAS))
    expect(phone.locator(".facts")).to_contain_text("Rated: 0 of 2")
    assert SIRI_SAYS not in phone.content() and "Siri Journey" not in phone.content()
    phone.get_by_role("link", name="Start").click()
    expect(phone.locator(".eyebrow").first).to_contain_text("Candidate 1 of 2")
    assert SIRI_SAYS not in phone.content()
    phone.screenshot(path=f"{SHOTS}/jonas-candidate-1.png", full_page=True)
    _rate(phone, 5, "Solid, would like to meet.")
    expect(phone.locator(".eyebrow").first).to_contain_text("Candidate 2 of 2")
    _rate(phone, 6, "Good references.", "Save")  # the last one
    expect(phone.locator(".facts")).to_contain_text("Rated: 2 of 2")  # after the last: the overview
    assert SIRI_SAYS not in phone.content() and "Siri Journey" not in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("button", name="I am done").click()
    phone.get_by_role("button", name="Yes, complete the review").click()
    expect(phone.locator(".others").first).to_contain_text("Siri Journey 7")
    phone.screenshot(path=f"{SHOTS}/jonas-done.png", full_page=True)
    phone.locator(".person").first.click()
    expect(phone.get_by_text(SIRI_SAYS)).to_be_visible()
    context.close()
    siri.context.close()

    # Where the recruiter decides: the averages with their counts, and who has completed.
    page.goto(f"/projects/{project_id}")
    page.locator("#status-filter").select_option("new")
    _only_new_rows(page)
    page.locator("#sort-rating").click()  # the best rated first: the two of the panel, whatever the page size
    rating = lambda application_id: page.locator(  # noqa: E731
        ".applicant-row", has=page.locator(f"a[href='/applications/{application_id}']")).locator(".applicant-rating")
    expect(rating(first)).to_have_text("6.0 (2)")
    expect(rating(second)).to_have_text("6.0 (1)")
    expect(page.locator("#review-panels .panel-line").first).to_contain_text("1 of 2 completed")
    page.screenshot(path=f"{SHOTS}/recruiter-list.png", full_page=True)
