"""The staff session in a real browser: an HttpOnly cookie that page scripts cannot read, no token in what
Reflex sends the page, the security headers, and log-out from the shell."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import LOGIN_URL, log_in


def test_the_session_cookie_is_httponly_and_the_page_never_sees_the_token(page, shoot):
    response = page.goto("/login")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    frames: list[str] = []  # everything Reflex's websocket carries, both ways
    page.on("websocket", lambda ws: (ws.on("framereceived", lambda f: frames.append(str(f))),
                                     ws.on("framesent", lambda f: frames.append(str(f)))))
    log_in(page)
    expect(page.locator(".project-row").first).to_be_visible()
    [cookie] = [c for c in page.context.cookies() if c["name"] == "ats_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    assert cookie["value"] not in page.evaluate("document.cookie")
    assert cookie["value"] not in page.content()
    # what Reflex's state sent this page (its hydrate and deltas) holds no token either
    assert cookie["value"] not in page.evaluate("JSON.stringify(Object.assign({}, sessionStorage, localStorage))")
    assert frames and not [f for f in frames if cookie["value"] in f]
    home = page.request.get("/")
    assert home.headers["x-frame-options"] == "DENY" and "frame-ancestors 'none'" in \
        home.headers["content-security-policy"]

    page.locator("#log-out").click()
    page.wait_for_url(LOGIN_URL)
    assert not [c for c in page.context.cookies() if c["name"] == "ats_session"]
    page.goto("/settings")  # a protected page after log-out: back to the server's log-in page
    page.wait_for_url(LOGIN_URL, timeout=20000)
    expect(page.locator("#log-in")).to_be_visible()
    shoot(page, "login-after-logout")


def test_a_forged_session_header_does_not_log_anyone_in(page):
    page.set_extra_http_headers({"authorization": "0" * 64})
    page.goto("/")
    page.wait_for_url(LOGIN_URL, timeout=20000)
    assert re.search(r"/login/?\?next=%2F$", page.url)


def test_on_a_phone_the_menu_opens_the_navigation_and_logs_out(browser, base_url, shoot):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url).new_page()
    phone.set_default_timeout(15000)
    log_in(phone)
    expect(phone.locator("#open-menu")).to_be_visible()
    expect(phone.locator("#log-out")).to_be_hidden()  # the sidebar is not shown on a phone
    phone.locator("#open-menu").click()
    menu = phone.get_by_role("dialog")
    expect(menu.get_by_role("link", name="Recruitment overview")).to_be_visible()
    assert phone.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"
                          ".filter((id, i, all) => all.indexOf(id) !== i)") == []  # no id twice
    phone.wait_for_timeout(400)  # the drawer slides in
    shoot(phone, "shell-phone-menu")
    phone.locator("#log-out-menu").click()
    phone.wait_for_url(LOGIN_URL)
    phone.context.close()
