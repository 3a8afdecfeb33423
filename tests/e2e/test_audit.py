"""The audit log as an admin meets it: an export leaves a line, the admin opens Audit log from the navigation,
filters by kind and downloads the filtered log as CSV; a recruiter has no link and the page shows them nothing."""

import csv
import io

from playwright.sync_api import expect

from tests.e2e.conftest import log_in


def test_admin_filters_the_audit_log_and_downloads_it(page, shoot):
    log_in(page)
    page.goto("/employees")
    with page.expect_download():  # an export: the audit log gets a line
        page.locator("#employee-export").click()
    page.get_by_role("link", name="Audit log").click()
    page.wait_for_url("**/audit")
    expect(page.locator("#page-title")).to_have_text("Audit log")
    page.locator("#audit-kind").select_option("export")
    rows = page.locator(".audit-row")
    expect(rows.first).to_be_visible()
    expect(page.locator(".audit-kind").first).to_have_text("Export")
    expect(rows.filter(has_text="Employees CSV")).to_have_count(1)
    kinds = page.locator(".audit-kind").all_inner_texts()
    assert kinds and set(kinds) == {"Export"}
    shoot(page, "audit-log")
    page.screenshot(path="/tmp/firstrun-audit.png", full_page=True)
    with page.expect_download() as download:
        page.locator("#audit-export").click()
    content = open(download.value.path(), encoding="utf-8").read()
    assert download.value.suggested_filename == "audit-log.csv" and content.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert table[0] == ["When", "What", "Who", "Done to", "Details", "Client address"]
    assert {r[1] for r in table[1:]} == {"Export"} and any(r[3] == "Employees CSV" for r in table[1:])
    page.reload()  # the download itself was recorded
    page.locator("#audit-kind").select_option("export")
    expect(rows.filter(has_text="Audit log CSV")).to_have_count(1)


def test_a_recruiter_has_no_audit_log(page):
    log_in(page, "recruiter@example.com")
    expect(page.get_by_role("link", name="Audit log")).to_have_count(0)
    page.goto("/audit")
    expect(page.get_by_text("You do not have the right to do this.")).to_be_visible()
    expect(page.locator(".audit-row")).to_have_count(0)
    assert page.request.get("/audit/export.csv").status == 403
