"""Rejecting well in the browser: the wizard for two applicants in two languages with one edited version
each (checked at the fake Resend server), a scheduled rejection that is cancelled, never arrives, and is
undone, a letters PDF of three pages, and a top candidate's call task logged."""

import time

from playwright.sync_api import expect

from tests.e2e.conftest import emails_to, log_in
from tests.e2e.test_email import _languages, _open_project, _show_tab, _tick

LIVE = ("New", "Invited to interview", "Transferred", "Restored", "Offer received", "Saved")


def _live_in_two_languages(page, server, project_id: int) -> list[tuple[str, str]]:
    """Two live applicants on the first page in different languages (the database says which)."""
    languages = _languages(server, project_id)
    seen: list[str] = []
    for _attempt in range(10):  # the list may still be filling in
        chosen: dict[str, str] = {}
        seen = []
        for row in page.locator(".applicant-row").all():
            status = row.locator(".application-status").inner_text().split("(")[0].strip()
            email = row.locator(".applicant-email").inner_text().strip()
            seen.append(status)
            if status in LIVE and languages.get(email) not in chosen.values():
                chosen[email] = languages[email]
            if len(chosen) == 2:
                return list(chosen.items())
        page.wait_for_timeout(500)
    raise AssertionError(f"no two live applicants in two languages on the page: {seen}")


def _open_wizard(page) -> None:
    page.locator("#further-progress").select_option("reject")
    page.locator("#execute").click()
    expect(page.locator("#reject-dialog")).to_be_visible()


def test_bulk_reject_in_two_languages_with_one_edited_version_each(page, server, resend, shoot):
    log_in(page)
    _open_project(page, 4)
    (first, first_lang), (second, second_lang) = _live_in_two_languages(page, server, 4)
    _tick(page, first)
    _tick(page, second)
    _open_wizard(page)
    expect(page.locator("#reject-applicants .reject-row")).to_have_count(2)
    page.locator("#reject-next").click()
    expect(page.locator("#error-reason")).to_be_visible()  # a reason is needed
    page.locator("#reject-reason").select_option(index=2)
    page.locator("#reject-message").fill("The role needs daily Danish; yours is still at an early stage.")
    page.locator("#reject-note").fill("Good energy, revisit next year")
    shoot(page, "reject-step-1")
    page.locator("#reject-next").click()
    expect(page.locator("#compose-languages")).to_be_visible()
    page.locator("#reject-timing").get_by_role("radio", name="Send now").click()
    for language, word in ((first_lang, "Alpha"), (second_lang, "Beta")):
        _show_tab(page, language)
        page.locator("#compose-subject").fill(f"{word} {{firstname}}")
    page.locator("#reject-applicants .reject-call").evaluate_all(
        "boxes => boxes.filter(b => b.getAttribute('data-state') === 'checked').forEach(b => b.click())")
    page.locator("#reject-applicants .reject-email").evaluate_all(
        "boxes => boxes.filter(b => b.getAttribute('data-state') !== 'checked').forEach(b => b.click())")
    page.locator("#reject-applicants .reject-preview").first.click()
    expect(page.locator("#compose-preview")).to_be_visible()
    shoot(page, "reject-preview")
    page.locator("#compose-edit").click()
    shoot(page, "reject-step-2")
    page.locator("#reject-send").click()
    expect(page.locator("#result-line")).to_have_text("2 done")
    [to_first] = emails_to(resend, first)
    [to_second] = emails_to(resend, second)
    assert to_first["body"]["subject"].startswith("Alpha ") and to_second["body"]["subject"].startswith("Beta ")
    assert "daily Danish" in to_first["body"]["text"] and "daily Danish" in to_second["body"]["text"]
    assert "revisit next year" not in to_first["body"]["text"]  # the internal note stays internal
    page.locator(".applicant-row", has_text=first).locator(".applicant-name").click()
    expect(page.locator("#application-status")).to_contain_text("Rejected")
    expect(page.locator("#history")).to_contain_text("Internal note: Good energy, revisit next year")


def test_a_scheduled_rejection_is_cancelled_never_arrives_and_is_undone(page, server, resend, shoot):
    log_in(page)
    _open_project(page, 5)
    [(email, _language), *_] = _live_in_two_languages(page, server, 5)
    _tick(page, email)
    _open_wizard(page)
    page.locator("#reject-reason").select_option(index=1)
    page.locator("#reject-next").click()
    page.locator("#reject-timing").get_by_role("radio", name="Send in").click()
    page.locator("#reject-delay").fill("2")
    page.locator("#reject-applicants .reject-email").evaluate_all(
        "boxes => boxes.filter(b => b.getAttribute('data-state') !== 'checked').forEach(b => b.click())")
    page.locator("#reject-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    page.locator(".applicant-row", has_text=email).locator(".applicant-name").click()
    line = page.locator("#messages .message-line").first
    expect(line.locator(".message-status")).to_have_text("Scheduled")
    expect(page.locator("#history")).to_contain_text("to be sent")
    shoot(page, "reject-scheduled")
    line.locator(".cancel-message").click()
    expect(line.locator(".message-status")).to_have_text("Cancelled")
    expect(page.locator("#application-status")).to_contain_text("Rejected")  # cancelling is not undoing
    page.locator("#undo-rejection").click()
    expect(page.locator("#application-status")).not_to_contain_text("Rejected")
    shoot(page, "reject-undone")
    time.sleep(3)  # the worker has had time to send, had anything been due
    assert emails_to(resend, email, timeout=0.5) == []


def test_a_letter_pdf_for_three_applicants_has_three_pages(page, shoot):
    import io

    from pypdf import PdfReader

    log_in(page)
    _open_project(page, 2)
    rows = page.locator(".applicant-row")
    names = [rows.nth(i).locator(".applicant-name").inner_text().strip() for i in range(3)]
    for i in range(3):
        rows.nth(i).get_by_role("checkbox").click()
    page.locator("#further-progress").select_option("letter")
    page.locator("#execute").click()
    expect(page.locator("#letter-dialog")).to_be_visible()
    page.locator("#letter-message").fill("Thank you for your interest.")
    page.locator("#letter-make").click()
    expect(page.locator("#result-line")).to_have_text("3 done", timeout=30000)
    shoot(page, "letters-made")
    answer = page.request.get(page.locator("#letters-download").get_attribute("href"))
    assert answer.ok and answer.headers["content-type"].startswith("application/pdf")
    pdf = PdfReader(io.BytesIO(answer.body()))
    assert len(pdf.pages) == 3
    for number, name in enumerate(names):
        assert name.split()[-1] in pdf.pages[number].extract_text()


def test_a_top_candidate_gets_a_call_task_that_is_logged(page, server, shoot):
    log_in(page)
    _open_project(page, 3)
    [(email, _language), *_] = _live_in_two_languages(page, server, 3)
    row = page.locator(".applicant-row", has_text=email)
    row.locator("select").select_option("1")  # ranking 1: the wizard proposes a call
    _tick(page, email)
    _open_wizard(page)
    page.locator("#reject-reason").select_option(index=1)
    page.locator("#reject-next").click()
    call = page.locator("#reject-applicants .reject-call").first
    expect(call).to_have_attribute("data-state", "checked")
    page.locator("#reject-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    page.goto("/tasks")
    card = page.locator(".task-card", has_text=email.split("@")[0].split(".")[0].title()).first
    expect(card).to_be_visible()
    assert card.locator(".task-phone a, a.task-phone").first.get_attribute("href").startswith("tel:+")
    shoot(page, "tasks-call")
    card.locator(".log-call").click()
    page.locator("#outcome-reached").click()
    page.locator("#call-note").fill("Explained the decision; she took it well.")
    page.locator("#call-save").click()
    expect(page.locator("#tasks-notice")).to_be_visible()
    page.locator("#tasks-show").get_by_role("radio", name="Done").click()
    expect(page.locator(".task-card", has_text="Explained the decision").first).to_be_visible()
