"""The app shell: every page in the navigation opens, says what it is, and respects rights."""

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, create_engine, select

from ats_app.models import RecruitmentProject, Role
from tests.e2e.conftest import PASSWORD, log_in
from tests.unit.factories import make_user, put_on_project

PAGES = [  # (route, title, built yet)
    ("/cv-database", "CV database", True), ("/deleted", "Deleted applications", True),
    ("/calendar", "Recruitment calendar", True), ("/outbox", "Outbox", True),
    ("/email-templates", "Email templates", True), ("/employees", "Employees", True), ("/settings", "Settings", True),
    ("/tasks", "Tasks", True), ("/reports/rejections", "Rejection reasons", True),
    ("/account", "My account", True), ("/users", "Users", True), ("/departments", "Departments", True),
]


@pytest.mark.parametrize(("route", "title", "built"), PAGES)
def test_every_navigation_page_opens(page, shoot, route, title, built):
    log_in(page)
    page.locator("nav, div").get_by_role("link", name=title, exact=True).first.click()
    page.wait_for_url(re.compile(route + "/?$"))
    expect(page.locator("#page-title")).to_have_text(title)
    expect(page.locator("#not-built")).to_have_count(0 if built else 1)
    shoot(page, "page" + route.replace("/", "-"))


def test_hiring_manager_does_not_see_links_for_rights_they_lack(page, shoot):
    log_in(page, "manager@example.com")
    expect(page.locator("#current-user")).to_be_visible()
    expect(page.get_by_role("link", name="Recruitment overview")).to_be_visible()
    expect(page.get_by_role("link", name="Deleted applications")).to_have_count(0)
    expect(page.get_by_role("link", name="Email templates")).to_have_count(0)
    expect(page.get_by_role("link", name="Users", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Departments", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="My account")).to_be_visible()
    shoot(page, "overview-manager")


def test_login_page_fits_a_phone(browser, base_url, shoot):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, base_url=base_url)
    page = context.new_page()
    page.goto("/login")
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "login-phone")
    context.close()


def test_a_recruiter_sees_only_their_projects_and_no_cv_database_without_the_right(page, server, shoot):
    engine = create_engine(server["db_url"])
    with Session(engine, expire_on_commit=False) as session:
        recruiter = make_user(session, "no-cv@example.com", role=Role.RECRUITER, name="Nora Nocv", password=PASSWORD,
                              can_search_cv_database=False)
        title = "Key Account Manager, Danmark"
        sales = session.exec(select(RecruitmentProject).where(RecruitmentProject.title == title)).one()
        put_on_project(session, sales, recruiter)
    engine.dispose()
    log_in(page, "no-cv@example.com")
    expect(page.locator(".project-row").first).to_be_visible()
    expect(page.get_by_text("Key Account Manager, Danmark")).to_be_visible()
    expect(page.get_by_text("Senior backend-utvikler")).to_have_count(0)  # a project she is not on
    expect(page.get_by_role("link", name="CV database")).to_have_count(0)
    shoot(page, "overview-recruiter-on-one-project")
    page.goto("/cv-database")
    expect(page.get_by_text("You do not have the right to do this.")).to_be_visible()
    expect(page.locator("#cv-table")).to_have_count(0)
    shoot(page, "cv-database-without-the-right")
