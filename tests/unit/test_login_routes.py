"""The staff log-in page and log-out (accounts.routes), throttled and audited (accounts.login, login_throttle)."""

import re
import threading
import time
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlmodel import Session, select
from starlette.testclient import TestClient

from ats_app.accounts import audit, auth, login, login_throttle
from ats_app.accounts.routes import safe_next
from ats_app.core import passwords, tokens
from ats_app.core.db import get_engine
from ats_app.models import AuditEvent, Message, User, UserSession
from ats_app.models.base import utcnow
from ats_app.web.routes import api
from ats_app.web.security import security_middleware
from tests.unit.conftest import DB_URL
from tests.unit.factories import make_user

WRONG = "The email or password is not right."
THROTTLED = "Too many attempts. Wait a minute and try again."


def _browser(base_url: str = "http://testserver") -> TestClient:
    return TestClient(security_middleware(api), base_url=base_url, follow_redirects=False)


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _post_login(browser: TestClient, email: str, password: str, **extra):
    page = browser.get("/login")
    assert page.status_code == 200, page.text
    return browser.post("/login", data={"csrf": _csrf(page.text), "email": email, "password": password, **extra})


def _kinds(session) -> list[str]:
    session.expire_all()
    return [e.kind for e in session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]


@pytest.fixture
def verifies(monkeypatch):
    """How many argon2 verifications ran."""
    count = {"n": 0}
    real = PasswordHasher.verify

    def counting(self, *args, **kwargs):
        count["n"] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    return count


# --- the page ---------------------------------------------------------------------------------------------------

def test_the_page_is_a_form_without_scripts_with_the_fields_the_browser_tests_use(session):
    make_user(session)
    page = _browser().get("/login", headers={"accept-language": "nb"})
    assert page.status_code == 200 and "<script" not in page.text
    for needle in ('id="email"', 'name="email"', 'id="password"', 'name="password"', 'id="log-in"',
                   'href="/forgot-password?lang=nb"', 'lang="nb"', 'hreflang="sv"'):
        assert needle in page.text, needle
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["cache-control"] == "no-store" and page.headers["x-frame-options"] == "DENY"
    assert _browser().get("/login?lang=fi").text.count('lang="fi"') >= 1


def test_an_empty_database_sends_the_visitor_to_the_first_run_page(session):
    response = _browser().get("/login")
    assert response.status_code == 303 and response.headers["location"] == "/first-run"


def test_log_in_sets_an_httponly_lax_cookie_and_goes_on(session):
    user = make_user(session)
    browser = _browser()
    response = _post_login(browser, "ADMIN@example.com ", "demo", next="/projects/7?x=1")
    assert response.status_code == 303 and response.headers["location"] == "/projects/7?x=1"
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith(auth.SESSION_COOKIE + "="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Max-Age=1209600" in cookie and "Secure" not in cookie
    token = browser.cookies.get(auth.SESSION_COOKIE)
    assert auth.user_for_token(session, token).id == user.id
    assert session.exec(select(UserSession)).one().token_hash == tokens.token_hash(token)
    assert _kinds(session) == [audit.LOGIN]
    again = browser.get("/login")  # already logged in: straight on
    assert again.status_code == 303 and again.headers["location"] == "/"


def test_over_https_the_cookie_is_secure_and_hsts_is_sent(session):
    make_user(session)
    browser = _browser("https://ats.example")
    response = _post_login(browser, "admin@example.com", "demo")
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith(auth.SESSION_COOKIE + "="))
    assert "Secure" in cookie
    assert response.headers["strict-transport-security"].startswith("max-age=")
    assert "strict-transport-security" not in _browser().get("/login").headers


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x",
                                    "/login", ""])
def test_next_goes_only_to_a_path_on_this_site(target):
    assert safe_next(target) == "/"


def test_wrong_unknown_and_inactive_read_the_same_and_set_no_cookie(session):
    make_user(session)
    make_user(session, "gone@example.com", active=False)
    for email, password in (("admin@example.com", "wrong"), ("nobody@example.com", "demo"),
                            ("gone@example.com", "demo")):
        browser = _browser()
        response = _post_login(browser, email, password)
        assert response.status_code == 400 and WRONG in response.text and 'id="login-error"' in response.text
        assert auth.SESSION_COOKIE not in browser.cookies and "demo" not in response.text.replace("demo-", "")
    lines = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.kind for e in lines] == [audit.LOGIN_FAILED] * 3
    assert [e.details for e in lines] == [{"email": "admin@example.com"}, {}, {"email": "gone@example.com"}]
    assert all("wrong" not in str(e.details) for e in lines)


def test_the_form_needs_its_csrf_token_and_both_fields(session):
    make_user(session)
    browser = _browser()
    browser.get("/login")
    refused = browser.post("/login", data={"email": "admin@example.com", "password": "demo"})
    assert refused.status_code == 403 and auth.SESSION_COOKIE not in browser.cookies
    empty = _post_login(browser, "admin@example.com", "")
    assert empty.status_code == 400 and "Enter your email and password." in empty.text
    assert _kinds(session) == []


def test_a_log_in_form_sent_from_another_site_is_refused(session, verifies):
    make_user(session)
    browser = _browser()
    page = browser.get("/login")
    form = {"csrf": _csrf(page.text), "email": "admin@example.com", "password": "demo"}
    planted = browser.post("/login", data=form, headers={"origin": "https://evil.example"})
    assert planted.status_code == 403 and auth.SESSION_COOKIE not in browser.cookies and verifies["n"] == 0
    ours = browser.post("/login", data=form, headers={"origin": "http://testserver"})
    assert ours.status_code == 303 and auth.SESSION_COOKIE in browser.cookies


def test_a_null_origin_leaves_it_to_the_token(session):
    make_user(session)
    browser = _browser()
    page = browser.get("/login")
    form = {"csrf": _csrf(page.text), "email": "admin@example.com", "password": "demo"}
    # The log-in page says no-referrer, so a browser sends "Origin: null" from it: the token decides then.
    assert browser.post("/login", data=form, headers={"origin": "null"}).status_code == 303


def test_behind_a_proxy_the_public_address_is_ours_too(session, monkeypatch):
    make_user(session, password="a real password")
    monkeypatch.setenv("ATS_PUBLIC_URL", "https://jobs.example.com")
    browser = _browser()
    page = browser.get("/login")
    form = {"csrf": _csrf(page.text), "email": "admin@example.com", "password": "a real password"}
    assert browser.post("/login", data=form, headers={"origin": "https://jobs.example.com"}).status_code == 303


def test_messages_come_in_the_chosen_language(session):
    make_user(session)
    response = _post_login(_browser(), "admin@example.com", "wrong", lang="nb")
    assert response.status_code == 400 and WRONG not in response.text and 'lang="nb"' in response.text


def test_log_out_revokes_the_session_and_needs_our_own_origin(session):
    make_user(session)
    browser = _browser()
    _post_login(browser, "admin@example.com", "demo")
    token = browser.cookies.get(auth.SESSION_COOKIE)
    foreign = browser.post("/logout", headers={"origin": "https://evil.example"})
    assert foreign.status_code == 403 and auth.user_for_token(session, token) is not None
    assert browser.post("/logout").status_code == 403  # neither Origin nor Referer
    response = browser.post("/logout", headers={"origin": "http://testserver"})
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert auth.SESSION_COOKIE not in browser.cookies
    session.expire_all()
    assert auth.user_for_token(session, token) is None
    assert _kinds(session) == [audit.LOGIN, audit.LOGOUT]
    assert browser.get("/logout").headers["location"] == "/login"


# --- throttling -------------------------------------------------------------------------------------------------

def test_the_21st_wrong_password_from_one_address_in_a_minute_is_refused_without_hashing(session, verifies):
    make_user(session)
    browser = _browser()
    for i in range(20):  # twenty different accounts, so only the address's count is reached
        assert _post_login(browser, f"guess{i}@example.com", "wrong").status_code == 400
    assert verifies["n"] == 20
    refused = _post_login(browser, "admin@example.com", "demo")
    assert refused.status_code == 429 and THROTTLED in refused.text and auth.SESSION_COOKIE not in browser.cookies
    assert verifies["n"] == 20


def test_an_account_waits_longer_after_each_wrong_password_and_says_nothing_of_existing(session, verifies):
    make_user(session)
    for email in ("admin@example.com", "nobody@example.com"):
        for _ in range(3):
            assert login_throttle.may_try("staff", email, "10.0.0.1")
            login_throttle.wrong_password("staff", email, "10.0.0.1")
        assert login_throttle.may_try("staff", email, "10.0.0.1")  # three are free
        login_throttle.wrong_password("staff", email, "10.0.0.1")
        assert not login_throttle.may_try("staff", email, "10.0.0.2")  # the account waits, from any address
        assert 0 < login_throttle.wait_seconds("staff", email) <= 1
    browser = _browser()
    answers = {_post_login(browser, email, "demo").text.count(THROTTLED) for email in ("admin@example.com",
                                                                                       "nobody@example.com")}
    assert answers == {1} and verifies["n"] == 0
    time.sleep(1.1)
    login_throttle.wrong_password("staff", "admin@example.com", "10.0.0.1")  # the 5th: two seconds
    assert 1 < login_throttle.wait_seconds("staff", "admin@example.com") <= 2
    login_throttle.logged_in("staff", "admin@example.com")
    assert login_throttle.may_try("staff", "admin@example.com", "10.0.0.1")


def test_ten_wrong_passwords_lock_the_account_with_an_audit_line_and_an_email(session, monkeypatch):
    monkeypatch.setenv("ATS_LOGIN_DELAY_AFTER", "100")  # no waiting between tries in this test
    monkeypatch.setenv("ATS_LOGIN_ADDRESS_LIMIT", "off")
    user = make_user(session, "nina@example.com", language="nb", time_zone="Europe/Oslo")
    browser = _browser()
    for _ in range(10):
        assert _post_login(browser, "nina@example.com", "Hunter-2-guess").status_code == 400
    session.expire_all()
    locked = session.get(User, user.id).locked_until
    assert locked is not None
    assert timedelta(minutes=14) < locked.replace(tzinfo=None) - utcnow().replace(tzinfo=None) <= timedelta(minutes=15)
    assert _kinds(session) == [audit.LOGIN_FAILED] * 10 + [audit.ACCOUNT_LOCKED]
    [email] = session.exec(select(Message)).all()
    assert email.recipient == "nina@example.com" and email.language == "nb" and email.purpose == "account_locked"
    assert "/forgot-password" in email.body_text and "Hunter-2-guess" not in email.body_text + email.body_html
    assert email.subject != "Your account has been locked for a while"  # Norwegian
    refused = _post_login(browser, "nina@example.com", "demo")  # the right password, but locked
    assert refused.status_code == 429 and THROTTLED in refused.text
    login_throttle.forget()  # even when the counts are gone (a restart without Redis), the lock holds
    assert _post_login(_browser(), "nina@example.com", "demo").status_code == 429
    assert len(session.exec(select(Message)).all()) == 1


def test_hashing_waits_for_a_free_slot_then_says_try_again(session, monkeypatch):
    make_user(session)
    monkeypatch.setattr(passwords, "HASHING_WAIT", 0.2)
    passwords._slots.cache_clear()
    slots = passwords._slots()
    taken = [slots.acquire(blocking=False) for _ in range(2)]
    try:
        assert all(taken)
        with pytest.raises(passwords.HashingBusy):
            passwords.verify_password("not a hash", "x")
        response = _post_login(_browser(), "admin@example.com", "demo")
        assert response.status_code == 503 and "Try again in a moment" in response.text
    finally:
        for _ in taken:
            slots.release()
    assert _post_login(_browser(), "admin@example.com", "demo").status_code == 303


def test_at_most_two_hashes_run_at_once(monkeypatch):
    running, most = [0], [0]
    lock = threading.Lock()
    real = PasswordHasher.verify

    def slow(self, *args):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return real(self, *args)

    monkeypatch.setattr(PasswordHasher, "verify", slow)
    hashed = passwords.hash_password("pw")
    threads = [threading.Thread(target=passwords.verify_password, args=(hashed, "pw")) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most[0] == 2


# --- the candidate portal's log-in ----------------------------------------------------------------------------

def test_the_portal_log_in_is_throttled_per_address_and_locks_an_email(session, verifies, monkeypatch):
    browser = _browser()
    for i in range(20):
        page = browser.get("/portal/login")
        response = browser.post("/portal/login", data={"csrf": _csrf(page.text), "email": f"c{i}@example.com",
                                                       "password": "wrong"})
        assert response.status_code == 400
    assert verifies["n"] == 20
    page = browser.get("/portal/login")
    refused = browser.post("/portal/login", data={"csrf": _csrf(page.text), "email": "c@example.com",
                                                  "password": "wrong"})
    assert refused.status_code == 429 and THROTTLED in refused.text and verifies["n"] == 20
    assert login_throttle.may_try("staff", "c@example.com", "testclient")  # the staff log-in counts apart

    monkeypatch.setenv("ATS_LOGIN_DELAY_AFTER", "100")
    for _ in range(10):
        login_throttle.wrong_password("portal", "candidate@example.com", "10.1.1.1")
    assert not login_throttle.may_try("portal", "candidate@example.com", "10.9.9.9")  # locked, from anywhere
    assert 14 * 60 < login_throttle.wait_seconds("portal", "candidate@example.com") <= 15 * 60


def test_parallel_guesses_are_counted_one_at_a_time(session, monkeypatch):
    """Forty guesses sent at once must not all pass the check before the first is counted: each account's
    attempts take turns, so exactly the free ones (3) and the first delayed one are hashed, as one after another."""
    make_user(session, "nina@example.com")
    hashed, counting = [], threading.Lock()

    def slow_wrong(password_hash, password):
        with counting:
            hashed.append(password)
        time.sleep(0.05)  # a hash takes a while: the others arrive meanwhile
        return False

    monkeypatch.setattr(passwords, "verify_password", slow_wrong)
    outcomes = []

    def guess(i):
        with Session(get_engine(DB_URL)) as own:
            outcomes.append(login.attempt(own, "nina@example.com", f"guess {i}", "10.0.0.1").outcome)

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(hashed) == 4
    assert outcomes.count(login.WRONG) == 4 and outcomes.count(login.THROTTLED) == 36


def test_a_double_click_on_log_in_waits_for_the_first_and_logs_in_too(session):
    make_user(session, "nina@example.com")
    outcomes = []

    def click():
        with Session(get_engine(DB_URL)) as own:
            outcomes.append(login.attempt(own, "nina@example.com", "demo", "10.0.0.1").outcome)

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [login.OK, login.OK]
