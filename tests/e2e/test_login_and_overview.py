"""What a recruiter meets first: the login page, the Recruitment overview, the language switch."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import LOGIN_URL, PASSWORD, log_in


def _pick_language(page, name: str) -> None:
    page.locator("#language-switch").click()
    page.get_by_role("option", name=name).click()


def test_login_page_has_email_password_and_log_in(page, shoot):
    page.goto("/login")
    expect(page.get_by_label("Email")).to_be_visible()
    expect(page.get_by_label("Password")).to_be_visible()
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    shoot(page, "login")


def test_anonymous_visitor_is_sent_to_login(page):
    page.goto("/")
    page.wait_for_url(LOGIN_URL, timeout=20000)
    page.goto("/settings")
    page.wait_for_url(LOGIN_URL, timeout=20000)
    page.get_by_label("Email").fill("admin@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/settings/?$"), timeout=20000)  # back where the visitor was going


def test_wrong_password_is_explained_next_to_the_form(page, shoot):
    page.goto("/login")
    page.get_by_label("Email").fill("admin@example.com")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#login-error")).to_have_text("The email or password is not right.")
    expect(page).to_have_url(LOGIN_URL)
    shoot(page, "login-error")


def test_admin_sees_demo_projects_then_works_in_norwegian(page, shoot):
    log_in(page)
    expect(page.locator("#page-title")).to_have_text("Recruitment overview")
    rows = page.locator(".project-row")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 6
    counts = [int(t) for t in page.locator(".project-row td:nth-child(5)").all_inner_texts()]
    assert sum(counts) >= 250, counts
    shoot(page, "overview")

    _pick_language(page, "Norsk bokmål")
    expect(page.locator("#page-title")).to_have_text("Rekrutteringsoversikt")
    expect(page.get_by_role("link", name="CV-databasen")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Rekrutteringsprosjekt")).to_be_visible()
    expect(page.locator("#range-label")).to_contain_text(" av ")
    shoot(page, "overview-nb")

    page.locator("#log-out").click()
    page.wait_for_url(LOGIN_URL)
    expect(page.get_by_role("button", name="Logg inn")).to_be_visible()  # the cookie keeps the language
    log_in_nb(page)
    expect(page.locator("#page-title")).to_have_text("Rekrutteringsoversikt")  # remembered on the user
    _pick_language(page, "English")
    expect(page.locator("#page-title")).to_have_text("Recruitment overview")


def log_in_nb(page):
    page.get_by_label("E-post").fill("admin@example.com")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.locator("#page-title").wait_for(timeout=20000)


def test_filter_by_status_and_search(page, shoot):
    log_in(page)
    expect(page.locator(".project-row").first).to_be_visible()
    everything = page.locator(".project-row").count()
    page.locator("#status-filter").get_by_role("radio", name="Closed").click()
    expect(page.locator(".project-row")).not_to_have_count(everything)
    statuses = page.locator(".project-row td:nth-child(3)").all_inner_texts()
    assert statuses and set(statuses) == {"Closed"}, statuses
    page.locator("#status-filter").get_by_role("radio", name="All").click()
    expect(page.locator(".project-row")).to_have_count(everything)

    first_title = page.locator(".project-title").first.inner_text()
    page.locator("#project-search").fill(first_title)
    expect(page.locator(".project-title").first).to_have_text(first_title)
    expect(page.locator(".project-row")).not_to_have_count(everything)
    page.locator("#project-search").fill("zzz no such project")
    expect(page.get_by_text("No recruitment projects match.")).to_be_visible()
    shoot(page, "overview-no-match")


def test_project_title_opens_application_handling(page):
    log_in(page)
    first = page.locator(".project-title").first
    title = first.inner_text().strip()
    first.click()
    page.wait_for_url(re.compile(r"/projects/\d+/?$"))
    expect(page.locator("#page-title")).to_have_text(title)
    expect(page.locator("#summary-all")).to_be_visible()
