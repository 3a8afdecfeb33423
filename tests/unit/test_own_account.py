"""A user's own account (name, password with the current one asked, other sessions ended) and the public
forgot-password and set-password pages (same answer for every address, sealed link, rate limits, CSRF)."""

import re

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.accounts import audit, auth, login_throttle, own_account
from ats_app.accounts.password_routes import CSRF_COOKIE
from ats_app.core import passwords, throttle, tokens
from ats_app.core.errors import InvalidInput
from ats_app.delivery import sealed_links
from ats_app.models import AuditEvent, Message, User
from ats_app.web.routes import api
from tests.unit.factories import make_user

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _fresh_limits():
    throttle.forget()
    yield
    throttle.forget()


def test_change_password_needs_the_current_one_and_keeps_this_session(session):
    user = make_user(session, "kari@example.com", password="old password 1")
    here = auth.log_in(session, "kari@example.com", "old password 1")
    elsewhere = auth.log_in(session, "kari@example.com", "old password 1")
    with pytest.raises(InvalidInput) as refused:
        own_account.change_password(session, user.id, "wrong", PASSWORD, PASSWORD)
    assert refused.value.errors == {"current_password": own_account.WRONG_PASSWORD}
    with pytest.raises(InvalidInput) as refused:
        own_account.change_password(session, user.id, "old password 1", "short", "short")
    assert "new_password" in refused.value.errors
    with pytest.raises(InvalidInput) as refused:
        own_account.change_password(session, user.id, "old password 1", PASSWORD, PASSWORD + "!")
    assert "new_password_again" in refused.value.errors
    own_account.change_password(session, user.id, "old password 1", PASSWORD, PASSWORD,
                                keep_token_hash=tokens.token_hash(here))
    assert auth.user_for_token(session, here) is not None
    assert auth.user_for_token(session, elsewhere) is None
    assert auth.log_in(session, "kari@example.com", PASSWORD)
    assert session.exec(select(AuditEvent.kind)).all() == [audit.PASSWORD_CHANGED]


def test_rename_me(session):
    user = make_user(session, "kari@example.com")
    with pytest.raises(InvalidInput):
        own_account.rename_me(session, user.id, "   ")
    assert own_account.rename_me(session, user.id, " Kari   Nordmann ") == "Kari Nordmann"
    assert session.get(User, user.id).name == "Kari Nordmann"


def _csrf(client: TestClient, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, page.text
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def _client() -> TestClient:
    return TestClient(api, follow_redirects=False)


def test_forgot_password_says_the_same_for_every_address_and_seals_the_link(session):
    make_user(session, "kari@example.com", language="sv")
    make_user(session, "gone@example.com", active=False)
    client = _client()
    csrf = _csrf(client, "/forgot-password")
    answers = [client.post("/forgot-password", data={"csrf": csrf, "email": email, "lang": "en"})
               for email in ("KARI@example.com", "nobody@example.com", "gone@example.com")]
    assert {a.status_code for a in answers} == {200}
    assert len({a.text.replace(e, "") for a, e in zip(answers, ("KARI@example.com", "nobody@example.com",
                                                                "gone@example.com"))}) == 1
    assert "we have sent a link" in answers[0].text
    message = session.exec(select(Message)).one()
    assert message.recipient == "kari@example.com" and message.language == "sv"
    assert "__ATS_USERLINK_" in message.body_html and message.user_link_id
    assert session.exec(select(AuditEvent.kind)).all() == [audit.PASSWORD_RESET_REQUESTED]
    assert answers[0].headers["cache-control"] == "no-store"


def test_forgot_password_is_rate_limited_per_address(session):
    make_user(session, "kari@example.com")
    client = _client()
    csrf = _csrf(client, "/forgot-password")
    for _ in range(5):
        assert client.post("/forgot-password", data={"csrf": csrf, "email": "kari@example.com"}).status_code == 200
    assert len(session.exec(select(Message)).all()) == 3  # per email: 3 per hour, the answer stays the same
    for _ in range(5):
        client.post("/forgot-password", data={"csrf": csrf, "email": "x@example.com"})
    assert client.post("/forgot-password", data={"csrf": csrf, "email": "y@example.com"}).status_code == 429


def test_forgot_password_refuses_a_form_without_csrf(session):
    make_user(session, "kari@example.com")
    assert _client().post("/forgot-password", data={"email": "kari@example.com"}).status_code == 403
    assert session.exec(select(Message)).first() is None


def _reset_token(session) -> str:
    message = session.exec(select(Message).order_by(Message.id.desc())).first()
    return re.search(r"token=([A-Za-z0-9_\-]+)", sealed_links.reveal(session, message.body_html, message)).group(1)


def test_set_password_from_the_link_once_then_log_in(session):
    make_user(session, "kari@example.com", name="Kari Nordmann")
    own_account.request_reset(session, "kari@example.com")
    token = _reset_token(session)
    client = _client()
    page = client.get(f"/set-password?token={token}")
    assert page.status_code == 200 and "Kari Nordmann" in page.text and "kari@example.com" in page.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    assert client.post("/set-password", data={"token": token, "password": PASSWORD}).status_code == 403
    bad = client.post("/set-password", data={"csrf": csrf, "token": token, "password": "short",
                                             "password_again": "short"})
    assert bad.status_code == 400 and "at least 10 characters" in bad.text
    differ = client.post("/set-password", data={"csrf": csrf, "token": token, "password": PASSWORD,
                                                "password_again": PASSWORD + "x"})
    assert differ.status_code == 400 and "not the same" in differ.text
    done = client.post("/set-password", data={"csrf": csrf, "token": token, "password": PASSWORD,
                                              "password_again": PASSWORD})
    assert done.status_code == 303 and done.headers["location"] == "/login?password_set=1"
    assert auth.log_in(session, "kari@example.com", PASSWORD)
    assert session.exec(select(AuditEvent.kind).order_by(AuditEvent.id)).all() == [
        audit.PASSWORD_RESET_REQUESTED, audit.PASSWORD_CHANGED]
    again = client.get(f"/set-password?token={token}")
    assert again.status_code == 410 and 'href="/forgot-password"' in again.text
    assert client.post("/set-password", data={"csrf": csrf, "token": token, "password": PASSWORD,
                                              "password_again": PASSWORD}).status_code == 410


def test_an_unknown_link_shows_the_way_to_a_new_one(session):
    page = _client().get("/set-password?token=nonsense")
    assert page.status_code == 410 and "/forgot-password" in page.text
    assert CSRF_COOKIE in page.headers.get("set-cookie", "")


def test_guessing_the_current_password_is_throttled_as_a_log_in_is(session, monkeypatch):
    """Change password checks the current one: a borrowed session must not guess it without limit (nor keep the
    hashing slots busy). Wrong ones count with the log-in's, lock the account, and then no hash is spent."""
    monkeypatch.setenv("ATS_LOGIN_DELAY_AFTER", "100")  # no waiting between tries in this test
    monkeypatch.setenv("ATS_LOGIN_LOCK_AFTER", "3")
    monkeypatch.setenv("ATS_LOGIN_ADDRESS_LIMIT", "off")
    login_throttle.forget()
    user = make_user(session, "kari@example.com", password="old password 1")
    for _ in range(3):
        with pytest.raises(InvalidInput) as refused:
            own_account.change_password(session, user.id, "a guess 1234", PASSWORD, PASSWORD, client_ip="10.0.0.9")
        assert refused.value.errors == {"current_password": own_account.WRONG_PASSWORD}
    verifies = {"n": 0}
    real_verify = passwords.verify_password

    def counting(*args):
        verifies["n"] += 1
        return real_verify(*args)

    monkeypatch.setattr(passwords, "verify_password", counting)
    with pytest.raises(InvalidInput) as refused:  # the right one now, but the account must wait
        own_account.change_password(session, user.id, "old password 1", PASSWORD, PASSWORD, client_ip="10.0.0.9")
    assert refused.value.errors == {"current_password": own_account.TOO_MANY} and verifies["n"] == 0
    session.expire_all()
    assert session.get(User, user.id).locked_until is not None
    assert audit.ACCOUNT_LOCKED in session.exec(select(AuditEvent.kind)).all()
    assert auth.log_in(session, "kari@example.com", PASSWORD) is None  # nothing was changed
    login_throttle.forget()


def test_forgot_password_answers_before_the_link_is_made(session, monkeypatch):
    """A user's address costs a link, an email and an audit line: done after the answer has left, so the
    answer's timing is the same for an address that is a user's and one that is not."""
    make_user(session, "kari@example.com")
    order = []
    real_reset = own_account.request_reset
    monkeypatch.setattr(own_account, "request_reset", lambda *a, **k: order.append("link") or real_reset(*a, **k))

    async def watched(scope, receive, send):
        async def noting(message):
            if message["type"] == "http.response.start" and scope["path"] == "/forgot-password" \
                    and scope["method"] == "POST":
                order.append("answer")
            await send(message)
        await api(scope, receive, noting)

    client = TestClient(watched, follow_redirects=False)
    csrf = _csrf(client, "/forgot-password")
    assert client.post("/forgot-password", data={"csrf": csrf, "email": "kari@example.com"}).status_code == 200
    assert order == ["answer", "link"]
    assert session.exec(select(Message)).one().recipient == "kari@example.com"


def test_set_password_when_every_hashing_slot_is_taken_says_try_again_and_keeps_the_link(session, monkeypatch):
    make_user(session, "kari@example.com")
    own_account.request_reset(session, "kari@example.com")
    token = _reset_token(session)
    client = _client()
    page = client.get(f"/set-password?token={token}")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    form = {"csrf": csrf, "token": token, "password": PASSWORD, "password_again": PASSWORD}

    def busy(password):
        raise passwords.HashingBusy()

    monkeypatch.setattr(passwords, "hash_password", busy)
    answer = client.post("/set-password", data=form)
    assert answer.status_code == 503 and "Try again in a moment" in answer.text
    monkeypatch.undo()
    assert client.post("/set-password", data=form).status_code == 303  # the link was not used up
