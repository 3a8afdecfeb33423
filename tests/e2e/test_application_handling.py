"""Application handling as a recruiter meets it: tick, choose a further-progress action, Execute.

Each test works in its own demo project, so the tests do not disturb each other's applicants.
"""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import log_in

NEW = re.compile(r"^New$")


def _open_project(page, project_id: int) -> None:
    page.goto(f"/projects/{project_id}")
    expect(page.locator(".applicant-row").first).to_be_visible()


def _new_rows(page):
    return page.locator(".applicant-row").filter(has=page.locator(".application-status .rt-Badge", has_text=NEW))


def _email_of(row) -> str:
    return row.locator(".applicant-email").inner_text().strip()


def _search(page, text: str) -> None:
    page.locator("#applicant-search").fill(text)
    expect(page.locator("#range-label")).to_contain_text(re.compile(r"of [01]$"))


def _status_of(page, email: str):
    _search(page, email)
    return page.locator(".applicant-row").first.locator(".application-status")


def _execute(page, action: str) -> None:
    page.locator("#further-progress").select_option(action)
    page.locator("#execute").click()


def test_tick_two_withdraw_execute(page, shoot):
    log_in(page)
    _open_project(page, 1)
    rows = _new_rows(page)
    emails = [_email_of(rows.nth(0)), _email_of(rows.nth(1))]
    for email in emails:
        page.locator(".applicant-row", has_text=email).get_by_role("checkbox").click()
    expect(page.locator("#ticked-count")).to_contain_text("2")
    _execute(page, "withdraw")
    expect(page.locator("#result-line")).to_have_text("2 done")
    shoot(page, "withdraw-two")
    for email in emails:
        expect(page.locator(".applicant-row", has_text=email).locator(".application-status")).to_contain_text(
            "Withdrawn")
    _open_project(page, 1)  # and it is what the database says, not only what the page shows
    for email in emails:
        expect(_status_of(page, email)).to_contain_text("Withdrawn")


def test_delete_then_restore_from_deleted_applications(page, shoot):
    log_in(page)
    _open_project(page, 2)
    row = _new_rows(page).first
    email = _email_of(row)
    before = int(page.locator("#summary-deleted").inner_text().split()[0])
    row.get_by_role("checkbox").click()
    _execute(page, "delete")
    expect(page.locator("#result-line")).to_have_text("1 done")
    expect(page.locator(".applicant-row", has_text=email)).to_have_count(0)
    expect(page.locator("#summary-deleted")).to_contain_text(str(before + 1))
    page.goto("/deleted")
    page.locator("#deleted-search").fill(email)
    expect(page.locator(".deleted-row")).to_have_count(1)
    page.locator(".deleted-row").get_by_role("checkbox").click()
    page.locator("#restore").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    shoot(page, "deleted-restored")
    _open_project(page, 2)
    expect(_status_of(page, email)).to_contain_text("Restored")


def _transfer(page, target_value: str | None, copy: bool):
    _execute(page, "transfer")
    dialog = page.locator("#transfer-dialog")
    expect(dialog).to_be_visible()
    if copy:
        dialog.get_by_role("radio", name="Copy (do not move)").click()
    if target_value:
        dialog.locator("#transfer-target").select_option(target_value)
    dialog.locator("#transfer-dialog-confirm").click()


def test_transfer_move_and_copy_and_the_refusals(page, shoot):
    log_in(page)
    _open_project(page, 3)
    rows = _new_rows(page)
    moved, copied = _email_of(rows.nth(0)), _email_of(rows.nth(1))

    # No target chosen: a message next to the field, and nothing changes.
    page.locator(".applicant-row", has_text=moved).get_by_role("checkbox").click()
    _transfer(page, None, copy=False)
    expect(page.locator("#error-target")).to_have_text("Choose the project to transfer to.")
    shoot(page, "transfer-no-target")
    page.locator("#transfer-dialog-cancel").click()
    expect(page.locator(".applicant-row", has_text=moved).locator(".application-status")).to_contain_text("New")

    _transfer(page, "5", copy=False)  # Move to project 5
    expect(page.locator("#result-line")).to_have_text("1 done")
    expect(page.locator(".applicant-row", has_text=moved)).to_have_count(0)

    page.locator(".applicant-row", has_text=copied).get_by_role("checkbox").click()
    _transfer(page, "5", copy=True)
    expect(page.locator("#result-line")).to_have_text("1 done")
    expect(page.locator(".applicant-row", has_text=copied).locator(".application-status")).to_contain_text("New")

    # The target already holds the candidate now: refused, with the reason.
    page.locator(".applicant-row", has_text=copied).get_by_role("checkbox").click()
    _transfer(page, "5", copy=True)
    expect(page.locator("#result-line")).to_contain_text("0 done, 1 skipped: already has an application in")
    shoot(page, "transfer-refused")

    _open_project(page, 5)
    for email in (moved, copied):
        expect(_status_of(page, email)).to_contain_text("Transferred")


def test_hire_shows_on_employees(page, shoot):
    log_in(page)
    _open_project(page, 4)
    row = _new_rows(page).first
    name = row.locator(".applicant-name").inner_text().strip()
    row.get_by_role("checkbox").click()
    _execute(page, "hire")
    dialog = page.locator("#hire-dialog")
    expect(dialog.locator("#hire-position")).not_to_have_value("")  # it starts from the project's position
    dialog.locator("#hire-position").select_option("")
    dialog.locator("#hire-department").select_option(index=1)
    dialog.locator("#hire-dialog-confirm").click()
    expect(page.locator("#error-position")).to_be_visible()  # position is required
    dialog.locator("#hire-position").select_option(index=1)
    dialog.locator("#hire-start").fill("2027-02-01")
    dialog.locator("#hire-dialog-confirm").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    if page.locator("#others-dialog").is_visible():
        page.locator("#others-dialog-cancel").click()
    page.goto("/employees")
    page.locator("#employee-search").fill(name)
    expect(page.locator(".employee-row", has_text=name)).to_be_visible()
    expect(page.locator(".employee-row", has_text=name)).to_contain_text("1 Feb 2027")
    shoot(page, "employees-after-hire")


def test_actions_the_user_lacks_are_not_offered(page):
    log_in(page, "mette.kjaer@example.com")
    _open_project(page, 4)  # a Sales project: she sees her department's (she only reads it here)
    expect(page.locator('#further-progress option[value="withdraw"]')).to_have_text("Trukket sig")  # she reads Danish
    for action in ("delete", "offer", "hire"):
        expect(page.locator(f'#further-progress option[value="{action}"]')).to_have_count(0)


def test_a_hiring_manager_is_offered_only_the_review_panel(page):
    """Hiring managers look and rate; the demo's manager holds the right to send to a review panel, so that is
    the one action their department's project offers them."""
    log_in(page, "manager@example.com")
    _open_project(page, 1)
    expect(page.locator("#page-title")).to_have_text("Senior backend-utvikler")
    options = page.locator("#further-progress option")
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert [v for v in values if v] == ["panel_review"]


def test_execute_without_ticks_or_action_says_what_is_missing(page):
    log_in(page)
    _open_project(page, 1)
    page.locator("#execute").click()
    expect(page.locator("#error-action")).to_have_text("Choose an action from the list.")
    page.locator("#further-progress").select_option("withdraw")
    page.locator("#execute").click()
    expect(page.locator("#error-action")).to_have_text("Tick at least one applicant.")


def test_application_and_cv_page(page, shoot):
    log_in(page)
    _open_project(page, 1)
    link = page.locator(".applicant-name").first
    name = link.inner_text().strip()
    link.click()
    expect(page.locator("#page-title")).to_have_text(name)
    expect(page.locator("#history .history-line").first).to_be_visible()
    page.locator("#ranking").select_option("2")
    expect(page.locator("#history")).to_contain_text("Ranking changed from – to 2")
    shoot(page, "application-and-cv")


def test_cv_database_search_and_transfer_into_a_project(page, shoot):
    log_in(page)
    page.goto("/cv-database")
    first = page.locator(".saved-row").first
    expect(first).to_be_visible()
    name = first.locator(".saved-name").inner_text().strip()
    page.locator("#cv-search").fill(name)
    expect(page.locator(".saved-row", has_text=name).first).to_be_visible()
    page.locator("#cv-transfer").click()
    expect(page.get_by_text("Tick at least one candidate.")).to_be_visible()
    page.locator(".saved-row", has_text=name).first.get_by_role("checkbox").click()
    page.locator("#cv-transfer").click()
    page.locator("#cv-transfer-target").select_option("2")
    page.locator("#cv-transfer-confirm").click()
    expect(page.locator("#result-line")).to_contain_text(re.compile(r"^[01] done"))
    shoot(page, "cv-database-transfer")
