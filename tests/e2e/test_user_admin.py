"""Administering users in the browser: the admin invites a hiring manager of one department on /users, the
invitee opens the emailed link (read from the local Resend fake) on a phone, chooses a password, logs in and
sees only that department's projects; a department admin sees only their own department's users."""

import re

from playwright.sync_api import expect
from sqlalchemy import create_engine
from sqlmodel import Session, select

from ats_app.core.passwords import hash_password
from ats_app.models import Department, Role, User
from tests.e2e.conftest import PASSWORD, emails_to, log_in

PHONE = {"width": 390, "height": 844}
SHOTS = "/tmp/users"
INVITEE = "hanne.invited@example.com"
NEW_PASSWORD = "fjord lantern 42"


def _shot(page, name: str) -> None:
    page.screenshot(path=f"{SHOTS}-{name}.png", full_page=True)


def test_admin_invites_a_hiring_manager_who_sets_a_password_and_sees_their_department(page, browser, resend,
                                                                                    base_url):
    log_in(page)
    page.goto("/users")
    expect(page.locator("#page-title")).to_have_text("Users")
    expect(page.locator(".user-row").first).to_be_visible()
    _shot(page, "list")
    page.locator("#user-invite").click()
    dialog = page.locator("#user-dialog")
    expect(dialog).to_be_visible()
    page.locator("#user-name").fill("Hanne Invited")
    page.locator("#user-email").fill(INVITEE)
    page.locator("#user-role").select_option("hiring_manager")
    page.locator("#user-department_id").select_option(label="Customer Service")
    expect(page.locator("#right-can_reject")).to_have_attribute("data-state", "unchecked")
    _shot(page, "invite-dialog")
    page.locator("#user-save").click()
    expect(dialog).to_be_hidden()
    row = page.locator(".user-row", has_text=INVITEE)
    expect(row.locator(".user-status")).to_have_text("Invited")
    expect(row.locator(".user-department")).to_have_text("Customer Service")
    row.locator(".user-edit").click()
    expect(page.locator("#user-dialog")).to_be_visible()
    expect(page.locator("#user-role")).to_have_value("hiring_manager")
    _shot(page, "edit-dialog")
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator("#user-dialog")).to_be_hidden()

    [sent] = emails_to(resend, INVITEE)
    link = re.search(r"https?://[^\s\"<>]+/set-password\?token=[A-Za-z0-9_\-]{20,}", sent["body"]["text"])
    assert link, sent["body"]["text"]

    phone = browser.new_context(viewport=PHONE, base_url=base_url).new_page()
    phone.set_default_timeout(15000)
    phone.goto(link.group(0))
    expect(phone.locator("h1")).to_have_text("Choose your password")
    expect(phone.locator("#username")).to_have_value(INVITEE)
    _shot(phone, "set-password-phone")
    phone.locator("#password").fill(NEW_PASSWORD)
    phone.locator("#password_again").fill(NEW_PASSWORD + "x")
    phone.locator("#set-password-submit").click()
    expect(phone.locator("#password_again-error")).to_be_visible()
    phone.locator("#password").fill(NEW_PASSWORD)
    phone.locator("#password_again").fill(NEW_PASSWORD)
    phone.locator("#set-password-submit").click()
    phone.wait_for_url(re.compile(r"/login/?\?password_set=1"))
    phone.goto(link.group(0))
    expect(phone.locator("a[href='/forgot-password']")).to_be_visible()  # the link works once
    _shot(phone, "set-password-used-phone")

    log_in(phone, INVITEE, NEW_PASSWORD)
    expect(phone.locator(".project-row").first).to_be_visible()
    departments = phone.locator(".project-row td:nth-child(2)").all_inner_texts()
    assert departments and set(departments) == {"Customer Service"}, departments
    phone.context.close()


def test_department_admin_sees_only_their_department(page, server):
    with Session(create_engine(server["db_url"])) as session:
        sales = session.exec(select(Department).where(Department.name == "Sales")).one()
        if session.exec(select(User).where(User.email == "sales.admin@example.com")).first() is None:
            session.add(User(email="sales.admin@example.com", name="Siv Salg", role=Role.DEPARTMENT_ADMIN,
                             department_id=sales.id, password_hash=hash_password(PASSWORD)))
            session.commit()
    log_in(page, "sales.admin@example.com")
    page.goto("/users")
    expect(page.locator(".user-row", has_text="Mette Kjær")).to_be_visible()
    expect(page.locator(".user-row", has_text="Johan Lindqvist")).to_have_count(0)
    expect(page.locator(".user-row", has_text="Kari Bergstrøm")).to_have_count(0)
    assert set(page.locator(".user-department").all_inner_texts()) == {"Sales"}
    page.locator("#user-invite").click()
    expect(page.locator("#user-role option[value='admin']")).to_have_count(0)
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.locator(".user-row", has_text="Mette Kjær").locator(".user-deactivate").click()
    expect(page.locator("#user-action-dialog")).to_be_visible()
    _shot(page, "deactivate-dialog")
    page.get_by_role("button", name="Cancel").click()
    page.goto("/departments")
    expect(page.locator(".department-name")).to_have_text(["Sales"])
    expect(page.locator("#department-add")).to_have_count(0)
    _shot(page, "departments-department-admin")


def test_admin_pages_on_a_phone(browser, base_url):
    phone = browser.new_context(viewport=PHONE, base_url=base_url).new_page()
    phone.set_default_timeout(15000)
    log_in(phone)
    pages = (("/users", "users-phone"), ("/departments", "departments-phone"), ("/account", "account-phone"))
    for route, name in pages:
        phone.goto(route)
        expect(phone.locator("#page-title")).to_be_visible()
        phone.wait_for_timeout(500)
        _shot(phone, name)
    phone.locator("#account-current_password").fill("wrong password")
    phone.locator("#account-new_password").fill("a new password 1")
    phone.locator("#account-new_password_again").fill("a new password 1")
    phone.locator("#account-change-password").click()
    expect(phone.locator("#error-current_password")).to_have_text("This is not your current password.")
    phone.goto("/forgot-password")
    phone.locator("#email").fill("nobody@example.com")
    phone.locator("#forgot-submit").click()
    expect(phone.locator("#forgot-sent")).to_be_visible()
    _shot(phone, "forgot-password-phone")
    phone.context.close()


def test_admin_sets_up_a_department_and_its_positions(page):
    log_in(page)
    page.goto("/departments")
    expect(page.locator(".department-card").first).to_be_visible()
    page.locator("#department-add").click()
    page.locator("#org-name").fill("Research")
    page.locator("#org-save").click()
    research = page.locator(".department-card", has_text="Research")
    expect(research).to_be_visible()
    research.locator(".position-add").click()
    page.locator("#org-name").fill("Lab technician")
    _shot(page, "position-dialog")
    page.locator("#org-save").click()
    expect(research.locator(".position-title")).to_have_text(["Lab technician"])
    research.locator(".department-deactivate").click()
    expect(research.get_by_text("Deactivated")).to_be_visible()
    sales = page.locator(".department-card", has_text="Sales")
    sales.locator(".department-deactivate").click()
    expect(page.get_by_text("Move them to another department first")).to_be_visible()
    sales.locator(".department-move").click()
    expect(page.locator("#org-dialog")).to_be_visible()
    _shot(page, "move-projects-dialog")
    page.get_by_role("button", name="Cancel").click()
    _shot(page, "departments")
    page.goto("/account")
    expect(page.locator("#account-email")).to_have_text("admin@example.com")
    _shot(page, "account")
