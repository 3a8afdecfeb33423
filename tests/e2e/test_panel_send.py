"""Send to review panel in the browser: two ticked applicants, an outside reviewer, a due date, Send; the
invitation reaches the reviewer (the local fake Resend) with their own review link."""

import re
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import emails_to, log_in

PROJECT = 3
REVIEWER = "eva.ekstern@partner.example"
SHOTS = Path("/tmp/panel_send")


def test_send_two_applicants_to_a_review_panel(page, server, resend):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page)
    page.goto(f"/projects/{PROJECT}")
    page.locator("#status-filter").select_option("new")  # live applicants only
    rows = page.locator(".applicant-row")
    expect(rows.nth(1)).to_be_visible()
    for i in range(2):
        rows.nth(i).get_by_role("checkbox").click()
    expect(page.locator("#ticked-count")).to_contain_text("2")
    page.locator("#further-progress").select_option("panel_review")
    page.locator("#execute").click()
    dialog = page.locator("#panel-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#panel-card-name")).not_to_be_empty()  # what the reviewers will see
    first_name = page.locator("#panel-card-name").inner_text()
    page.locator("#panel-anonymise").click()  # the card follows the tick: a pseudonym instead of the name
    expect(page.locator("#panel-card-name")).not_to_have_text(first_name)

    page.locator("#panel-send").click()  # nobody chosen yet: the error sits next to the reviewers
    expect(page.locator("#error-reviewers")).to_have_text("Choose at least one reviewer.")
    dialog.locator(".panel-outside-email input").first.fill(REVIEWER)
    dialog.locator(".panel-outside-name input").first.fill("Eva Ekstern")
    page.locator("#panel-send").click()
    expect(page.locator("#error-due_date")).to_have_text("Choose the due date.")
    due = date.today() + timedelta(days=10)
    page.locator("#panel-due-date").fill(due.isoformat())
    expect(page.locator("#error-due_date")).to_have_count(0)  # the error goes once the field changes
    expect(page.locator("#compose-body")).to_have_value(re.compile(r"\{reviewlink\}"))
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "panel-dialog-1280.png"))
    dialog.screenshot(path=str(SHOTS / "panel-dialog-1280-whole.png"))
    page.locator("#panel-send").click()
    expect(page.locator("#result-line")).to_have_text("2 done")
    expect(dialog).not_to_be_visible()

    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        queued = conn.execute(text("SELECT m.purpose, m.reviewer_id, r.email FROM message m JOIN reviewer r "
                                   "ON r.id = m.reviewer_id WHERE m.recipient = :a"), {"a": REVIEWER}).all()
        panel = conn.execute(text("SELECT count(*) FROM panel_review_application pa JOIN reviewer r "
                                  "ON r.panel_review_id = pa.panel_review_id WHERE r.email = :a"),
                             {"a": REVIEWER}).scalar()
    engine.dispose()
    assert [(purpose, email) for purpose, _, email in queued] == [("panel_review", REVIEWER)] and panel == 2
    [sent] = emails_to(resend, REVIEWER)
    assert re.search(r"/review/[A-Za-z0-9_-]{20,}", sent["body"]["html"])  # the real link, revealed as it left
    assert "__ATS_REVIEW_" not in sent["body"]["html"] + sent["body"]["text"]
    assert "Eva Ekstern" in sent["body"]["text"] and "2" in sent["body"]["text"]
