"""Knock-out screening in the browser: on a demo project whose questions can knock out, Application and CV of a
knocked-out applicant shows the coming automatic rejection's date and stops it; then the list is filtered to
"Knocked out", everyone is ticked and rejected in one Execute through the wizard (type "after screening
questions" preselected), and they show as Rejected, the email naming the requirement at the fake Resend."""

import json

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import emails_to, log_in
from tests.e2e.test_email import _open_project

PROJECT = 3  # "Kundtjänstmedarbetare, Stockholm": q1 (work permit) knocks out on "no"
KNOCKED = 4


def _knock_out_some(server) -> list[tuple[int, str]]:
    """Give KNOCKED of the project's New applicants a knock-out answer (as the application form would have
    recorded it), and turn automatic rejection on after 60 days; [(application id, email)]."""
    engine = create_engine(server["db_url"])
    with engine.begin() as conn:
        rows = conn.execute(text(
            "SELECT a.id, c.email FROM application a JOIN candidate c ON c.id = a.candidate_id WHERE a.project_id = :p "
            "AND a.status = 'new' AND a.deleted_at IS NULL AND a.moved_to_id IS NULL ORDER BY a.id LIMIT :n"),
            {"p": PROJECT, "n": KNOCKED}).all()
        for application_id, _email in rows:
            conn.execute(text("UPDATE application SET screening_answers = :answers, knocked_out = :knocked "
                              "WHERE id = :id"),
                         {"answers": json.dumps({"q1": "no", "q2": "yes"}), "knocked": True, "id": application_id})
        conn.execute(text("UPDATE recruitment_project SET auto_reject_after_days = 60 WHERE id = :p"), {"p": PROJECT})
    engine.dispose()
    return [(int(i), e) for i, e in rows]


def test_knocked_out_applicants_are_stopped_one_by_one_or_rejected_all_at_once(page, server, resend, shoot):
    knocked = _knock_out_some(server)
    log_in(page)

    # Application and CV: the date of the automatic rejection, and Stop.
    first_id, first_email = knocked[0]
    page.goto(f"/applications/{first_id}")
    notice = page.locator("#auto-reject-notice")
    expect(notice).to_contain_text("Will be rejected automatically on")
    expect(notice).to_contain_text("do not meet the requirements")
    shoot(page, "knockout-application-notice")
    page.locator("#stop-auto-reject").click()
    expect(page.locator("#auto-reject-stopped")).to_be_visible()
    expect(notice).to_have_count(0)
    expect(page.locator("#history")).to_contain_text("Automatic rejection stopped")
    shoot(page, "knockout-application-stopped")

    # The list: filter to Knocked out (and New), tick all, Reject in one Execute.
    _open_project(page, PROJECT)
    page.locator("#requirements-filter").select_option("knocked_out")
    page.locator("#status-filter").select_option("new")
    rows = page.locator(".applicant-row")
    expect(rows).to_have_count(KNOCKED)
    expect(page.locator("#range-label")).to_have_text(f"1–{KNOCKED} of {KNOCKED}")
    for row in rows.all():
        expect(row.locator(".requirements")).to_contain_text("Knocked out")
    expect(page.locator(".auto-reject-on")).to_have_count(KNOCKED - 1)  # the stopped one shows no date
    shoot(page, "knockout-list-filtered")
    page.locator("#tick-all").click()
    expect(page.locator("#ticked-count")).to_contain_text(str(KNOCKED))
    page.locator("#further-progress").select_option("reject")
    page.locator("#execute").click()
    expect(page.locator("#reject-dialog")).to_be_visible()
    expect(page.locator("#reject-type")).to_have_value("after_screening")
    page.locator("#reject-reason").select_option("requirement_not_met")
    page.locator("#reject-next").click()
    page.locator("#reject-timing").get_by_role("radio", name="Send now").click()
    shoot(page, "knockout-reject-email")
    page.locator("#reject-send").click()
    expect(page.locator("#result-line")).to_have_text(f"{KNOCKED} done")

    page.locator("#status-filter").select_option("")
    expect(rows).to_have_count(KNOCKED + 2)  # with the two the demo rejected after screening long ago
    for _id, email in knocked:
        expect(page.locator(".applicant-row", has_text=email).locator(".application-status")).to_contain_text(
            "Rejected")
    shoot(page, "knockout-list-rejected")
    [email] = emails_to(resend, first_email)
    assert "the right to work in the EU/EEA" in email["body"]["text"] or \
        "arbetstillstånd inom EU/EES" in email["body"]["text"]  # the requirement, in their language
