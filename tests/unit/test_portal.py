"""The candidate portal: one-time set-password links, log-in, applications in the candidate's language,
withdraw, contact details, data-deletion requests, CSRF and the security headers, through the real routes."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.applications.applicant_keys import keys_for
from ats_app.core import tokens
from ats_app.core.errors import InvalidInput, LinkUnusable, PortalApplicationNotFound, PortalError
from ats_app.models import (
    Application,
    ApplicationEvent,
    Candidate,
    CandidateAccount,
    CandidateLink,
    CandidateSession,
    Task,
)
from ats_app.models import ApplicationStatus as S
from ats_app.models.base import utcnow
from ats_app.portal import accounts
from ats_app.portal import self_service as portal
from ats_app.portal.routes import CSRF_COOKIE, SESSION_COOKIE
from ats_app.web.routes import api
from tests.unit.factories import make_application, make_project, make_user

PASSWORD = "correct horse battery"


def _token(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


def _link(session, candidate, now=None) -> str:
    url = accounts.issue_set_password_link(session, candidate, now)
    session.commit()
    return url


def _applicant(session, status=S.NEW, *, title="Backend developer", first_name="Kari", last_name="Nordmann", **fields):
    project = make_project(session, title, **fields)
    application = make_application(session, project, status, first_name=first_name, last_name=last_name)
    return session.get(Candidate, application.candidate_id), application


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _client() -> TestClient:
    return TestClient(api, follow_redirects=False)


def _with_password(session, candidate, password=PASSWORD):
    assert accounts.set_password(session, _token(_link(session, candidate)), password) == candidate.id
    session.commit()


def _logged_in(session, candidate) -> TestClient:
    """A browser logged in as candidate through the log-in form (so it holds both cookies)."""
    _with_password(session, candidate)
    client = _client()
    page = client.get("/portal/login")
    response = client.post("/portal/login", data={"csrf": _csrf(page.text), "email": candidate.email,
                                                  "password": PASSWORD})
    assert response.status_code == 303 and response.cookies.get(SESSION_COOKIE)
    return client


def _page_csrf(client: TestClient, path: str = "/portal") -> str:
    page = client.get(path)
    assert page.status_code == 200, page.text
    return _csrf(page.text)


# --- set-password links ---------------------------------------------------------------------------------------

def test_the_link_works_once_and_logs_the_candidate_in(session, monkeypatch):
    monkeypatch.setenv("ATS_PUBLIC_URL", "https://jobs.example.com/")
    candidate, _ = _applicant(session)
    url = _link(session, candidate)
    assert url.startswith("https://jobs.example.com/portal/set-password?token=")
    path = url.removeprefix("https://jobs.example.com")
    assert session.exec(select(CandidateAccount).where(CandidateAccount.candidate_id == candidate.id)).one()

    client = _client()
    first, second = client.get(path), client.get(path)  # looking at the form twice does not use the link up
    assert first.status_code == second.status_code == 200
    assert candidate.email in first.text and 'name="password_again"' in first.text
    assert session.exec(select(CandidateLink)).one().used_at is None

    form = {"csrf": _csrf(second.text), "token": _token(url), "password": PASSWORD, "password_again": PASSWORD}
    response = client.post("/portal/set-password", data=form)
    assert response.status_code == 303 and response.headers["location"] == "/portal?done=password"
    assert response.cookies.get(SESSION_COOKIE)
    home = client.get("/portal")
    assert home.status_code == 200 and "Backend developer" in home.text

    session.expire_all()
    assert session.exec(select(CandidateLink)).one().used_at is not None
    again = client.post("/portal/set-password", data={**form, "csrf": client.cookies.get(CSRF_COOKIE)})
    assert again.status_code == 410 and "recruiter" in again.text and "Traceback" not in again.text
    assert _client().get(path).status_code == 410
    assert _client().get("/portal/set-password?token=made-up").status_code == 410
    assert _client().get("/portal/set-password").status_code == 410


def test_the_database_never_holds_the_token(session):
    candidate, _ = _applicant(session)
    token = _token(_link(session, candidate))
    link = session.exec(select(CandidateLink)).one()
    assert link.token_hash == tokens.token_hash(token) != token
    assert link.purpose == "set_password"
    assert timedelta(hours=47, minutes=59) < link.expires_at - link.created_at <= timedelta(hours=48)
    session_token = accounts.open_session(session, accounts.set_password(session, token, PASSWORD))
    session.commit()
    stored = [repr(row) for model in (CandidateLink, CandidateSession, CandidateAccount)
              for row in session.exec(select(model)).all()]
    assert stored and not any(token in row or session_token in row or PASSWORD in row for row in stored)


def test_a_link_expires_after_48_hours(session):
    candidate, _ = _applicant(session)
    start = utcnow()
    token = _token(_link(session, candidate, now=start))
    assert accounts.candidate_for_link(session, token, now=start + timedelta(hours=47)) is not None
    with pytest.raises(LinkUnusable):
        accounts.set_password(session, token, PASSWORD, now=start + timedelta(hours=48, seconds=1))
    assert accounts.set_password(session, token, PASSWORD,
                                        now=start + timedelta(hours=47, minutes=59)) == candidate.id
    with pytest.raises(LinkUnusable):
        accounts.set_password(session, token, "another good password", now=start + timedelta(hours=48))


def test_a_new_link_revokes_the_older_ones(session):
    candidate, _ = _applicant(session)
    older, newer = _token(_link(session, candidate)), _token(_link(session, candidate))
    with pytest.raises(LinkUnusable):
        accounts.set_password(session, older, PASSWORD)
    assert accounts.set_password(session, newer, PASSWORD) == candidate.id
    assert len(session.exec(select(CandidateAccount)).all()) == 1


def test_the_atomic_update_decides_when_two_submits_race(session, monkeypatch):
    """Even when the first look says the link is fine, the UPDATE … WHERE used_at IS NULL refuses a used one."""
    candidate, _ = _applicant(session)
    token = _token(_link(session, candidate))
    seen = accounts.candidate_for_link(session, token)
    accounts.set_password(session, token, PASSWORD)
    session.commit()
    monkeypatch.setattr(accounts, "candidate_for_link", lambda *_args: seen)
    with pytest.raises(LinkUnusable):
        accounts.set_password(session, token, "someone else's password")


def test_weak_or_mismatched_passwords_are_refused_and_keep_the_link(session):
    candidate, _ = _applicant(session)
    token = _token(_link(session, candidate))
    client = _client()
    csrf = _page_csrf(client, f"/portal/set-password?token={token}")
    for password, again, field in (("short", "short", "password"), (candidate.email.upper(), candidate.email.upper(),
                                                                    "password"),
                                   (PASSWORD, PASSWORD + "x", "password_again")):
        response = client.post("/portal/set-password", data={"csrf": csrf, "token": token, "password": password,
                                                             "password_again": again})
        assert response.status_code == 400 and f'id="{field}-error"' in response.text
        assert SESSION_COOKIE not in response.cookies and password not in response.text
    session.expire_all()
    assert session.exec(select(CandidateLink)).one().used_at is None
    assert session.exec(select(CandidateAccount)).one().password_hash is None
    with pytest.raises(InvalidInput) as refused:
        accounts.set_password(session, token, "123456789")
    assert "password" in refused.value.errors


# --- log-in ---------------------------------------------------------------------------------------------------

def test_a_wrong_password_gives_an_error_and_no_session(session):
    candidate, _ = _applicant(session)
    _with_password(session, candidate)
    client = _client()
    csrf = _page_csrf(client, "/portal/login")
    for email, password in ((candidate.email, "wrong password!"), ("nobody@example.com", PASSWORD)):
        response = client.post("/portal/login", data={"csrf": csrf, "email": email, "password": password})
        assert response.status_code == 400 and 'role="alert"' in response.text
        assert SESSION_COOKIE not in response.cookies
    assert session.exec(select(CandidateSession)).all() == []
    assert client.get("/portal").headers["location"] == "/portal/login"

    response = client.post("/portal/login", data={"csrf": csrf, "email": f"  {candidate.email.upper()} ",
                                                  "password": PASSWORD})
    assert response.status_code == 303 and response.cookies.get(SESSION_COOKIE)
    assert client.get("/portal").status_code == 200


def test_log_in_uses_the_candidate_row_with_an_account(session):
    without, _ = _applicant(session, title="Old vacancy")
    project = make_project(session, "New vacancy")
    candidate = Candidate(first_name="Kari", last_name="Nordmann", email=without.email.title(), language="nb")
    session.add(candidate)
    session.flush()
    session.add(Application(candidate_id=candidate.id, project_id=project.id, **keys_for(candidate)))
    session.commit()
    _with_password(session, candidate)
    token = accounts.log_in(session, without.email, PASSWORD)
    assert accounts.candidate_for_token(session, token).id == candidate.id
    titles = [a.project_title for a in portal.applications_for(session, candidate.id, "en")]
    assert titles == ["New vacancy"]


def test_log_out_ends_the_session(session):
    candidate, _ = _applicant(session)
    client = _logged_in(session, candidate)
    response = client.post("/portal/logout", data={"csrf": _page_csrf(client)})
    assert response.status_code == 303 and response.headers["location"] == "/portal/login"
    session.expire_all()
    assert session.exec(select(CandidateSession)).one().revoked_at is not None
    assert client.get("/portal").status_code == 303


# --- the portal page ------------------------------------------------------------------------------------------

def test_applications_show_their_status_in_the_candidates_language(session):
    candidate, withdrawn = _applicant(session, S.WITHDRAWN)
    for title, status, extra in (("Transferred one", S.TRANSFERRED, {}),
                                 ("Deleted one", S.NEW, {"deleted_at": utcnow()}),
                                 ("Moved one", S.NEW, {"moved_to_id": withdrawn.id})):
        project = make_project(session, title)
        session.add(Application(candidate_id=candidate.id, project_id=project.id, status=status,
                                **keys_for(candidate), **extra))
    session.commit()
    client = _logged_in(session, candidate)
    page = client.get("/portal")
    assert page.status_code == 200 and '<html lang="nb">' in page.text
    assert "Trukket seg" in page.text  # the nb catalog's word for Withdrawn
    assert "Transferred one" in page.text and ">Ny<" in page.text and "Overført" not in page.text
    assert "Deleted one" not in page.text and "Moved one" not in page.text
    assert f"/portal/withdraw/{withdrawn.id}" not in page.text  # already withdrawn: no button

    rows = portal.applications_for(session, candidate.id, "nl")
    assert {r.status_label for r in rows} == {"Teruggetrokken", "Nieuw"}
    assert [r.can_withdraw for r in rows if r.status == "withdrawn"] == [False]


def test_withdraw_asks_first_then_changes_the_status_and_writes_history(session):
    candidate, application = _applicant(session)
    _other, others = _applicant(session, title="Someone else's", first_name="Ola", last_name="Hansen")
    client = _logged_in(session, candidate)
    confirm = client.get(f"/portal/withdraw/{application.id}")
    assert confirm.status_code == 200 and f'action="/portal/withdraw/{application.id}"' in confirm.text
    session.expire_all()
    assert session.get(Application, application.id).status == S.NEW  # the GET changed nothing

    assert client.get(f"/portal/withdraw/{others.id}").status_code == 404
    refused = client.post(f"/portal/withdraw/{others.id}", data={"csrf": _csrf(confirm.text)})
    assert refused.status_code == 404
    response = client.post(f"/portal/withdraw/{application.id}", data={"csrf": _csrf(confirm.text)})
    assert response.status_code == 303 and response.headers["location"] == "/portal?done=withdrawn"

    session.expire_all()
    assert session.get(Application, application.id).status == S.WITHDRAWN
    assert session.get(Application, others.id).status == S.NEW
    event = session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == application.id)).one()
    assert (event.kind, event.actor_id) == ("status_changed", None)
    assert event.payload == {"from": "new", "to": "withdrawn", "action": "withdraw", "by": "candidate"}
    assert "Trukket seg" in client.get("/portal?done=withdrawn").text
    again = client.post(f"/portal/withdraw/{application.id}", data={"csrf": _csrf(confirm.text)})
    assert again.status_code == 409


@pytest.mark.parametrize("status", [S.HIRED, S.REJECTED, S.WITHDRAWN])
def test_a_finished_application_cannot_be_withdrawn(session, status):
    candidate, application = _applicant(session, status)
    with pytest.raises(PortalError) as refused:
        portal.withdraw(session, candidate.id, application.id)
    assert refused.value.message == portal.CANNOT_WITHDRAW[status.value]
    with pytest.raises(PortalApplicationNotFound):
        portal.withdraw(session, candidate.id + 1000, application.id)
    session.rollback()
    assert session.get(Application, application.id).status == status
    assert session.exec(select(ApplicationEvent)).all() == []


def test_contact_details_are_validated_field_by_field(session):
    candidate, application = _applicant(session)
    client = _logged_in(session, candidate)
    csrf = _page_csrf(client)
    bad = {"csrf": csrf, "mobile": "12", "address": "Storgata 1", "postal_code": "12345", "city": "Oslo"}
    response = client.post("/portal/contact", data=bad)
    assert response.status_code == 400
    assert 'id="mobile-error"' in response.text and 'id="postal_code-error"' in response.text
    assert 'id="city-error"' not in response.text and 'value="Storgata 1"' in response.text
    session.expire_all()
    kept = session.get(Candidate, candidate.id)
    assert (kept.mobile, kept.address, kept.postal_code, kept.city) == (None, None, None, None)
    assert session.exec(select(ApplicationEvent)).all() == []

    good = {**bad, "mobile": "412 34 567", "postal_code": "0150"}
    response = client.post("/portal/contact", data=good)
    assert response.status_code == 303 and response.headers["location"] == "/portal?done=contact"
    session.expire_all()
    saved = session.get(Candidate, candidate.id)
    assert (saved.mobile, saved.address, saved.postal_code, saved.city) == ("+4741234567", "Storgata 1", "0150", "Oslo")
    event = session.exec(select(ApplicationEvent)).one()
    assert (event.application_id, event.kind, event.actor_id) == (application.id, "contact_updated", None)
    assert event.payload["fields"] == ["mobile", "address", "postal_code", "city"]
    assert "+47 41 23 45 67" in client.get("/portal").text
    assert portal.update_contact(session, candidate.id, "+47 41 23 45 67", "Storgata 1", "0150", "Oslo") == []


def test_contact_rules_follow_the_candidates_country(session):
    candidate, _ = _applicant(session)
    candidate.country = "NL"
    session.add(candidate)
    session.commit()
    assert portal.update_contact(session, candidate.id, "06 12345678", "", "1015ab", "Amsterdam") == [
        "mobile", "postal_code", "city"]
    assert (candidate.mobile, candidate.postal_code) == ("+31612345678", "1015 AB")
    with pytest.raises(InvalidInput) as refused:
        portal.update_contact(session, candidate.id, "020 123 4567", "x" * 301, "0150", "")  # a landline
    assert set(refused.value.errors) == {"mobile", "address", "postal_code"}


def test_a_deletion_request_reaches_the_project_owners_as_tasks(session):
    anna, per = make_user(session, "anna@example.com"), make_user(session, "per@example.com")
    candidate, first = _applicant(session, owner_id=anna.id)
    extra = []
    for title, owner in (("Second", anna.id), ("Third", per.id), ("Fourth", None)):
        project = make_project(session, title, owner_id=owner)
        extra.append(Application(candidate_id=candidate.id, project_id=project.id, **keys_for(candidate)))
    session.add_all(extra)
    session.commit()
    client = _logged_in(session, candidate)
    confirm = client.get("/portal/delete-my-data")
    assert confirm.status_code == 200 and session.exec(select(Task)).all() == []
    response = client.post("/portal/delete-my-data", data={"csrf": _csrf(confirm.text), "note": "Please remove my CV."})
    assert response.status_code == 303 and response.headers["location"] == "/portal?done=deletion"

    tasks = session.exec(select(Task)).all()
    assert sorted(t.assignee_id for t in tasks) == sorted([anna.id, per.id])
    assert {t.kind for t in tasks} == {"data_deletion"} and {t.note for t in tasks} == {"Please remove my CV."}
    assert all(t.due_at is not None and t.done_at is None for t in tasks)
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "data_deletion_requested")).all()
    assert len(events) == 4 and all(e.actor_id is None for e in events)

    second = client.post("/portal/delete-my-data", data={"csrf": _csrf(confirm.text), "note": ""})
    assert second.status_code == 409 and len(session.exec(select(Task)).all()) == 2
    with pytest.raises(PortalError):
        portal.request_deletion(session, candidate.id, None)


def test_without_project_owners_one_unassigned_task(session):
    candidate, application = _applicant(session)
    tasks = portal.request_deletion(session, candidate.id, "  ")
    assert [(t.application_id, t.assignee_id, t.kind, t.note) for t in tasks] == [
        (application.id, None, "data_deletion", None)]


# --- CSRF, headers, language ----------------------------------------------------------------------------------

def test_every_post_needs_the_csrf_token(session):
    candidate, application = _applicant(session)
    token = _token(_link(session, candidate))
    stranger = _client()
    response = stranger.post("/portal/set-password", data={"token": token, "password": PASSWORD,
                                                           "password_again": PASSWORD})
    assert response.status_code == 403 and SESSION_COOKIE not in response.cookies
    session.expire_all()
    assert session.exec(select(CandidateLink)).one().used_at is None

    _with_password(session, candidate)
    client = _logged_in(session, candidate)
    real = _page_csrf(client)
    for path, data in (("/portal/contact", {"mobile": "41234567"}), (f"/portal/withdraw/{application.id}", {}),
                       ("/portal/delete-my-data", {"note": "x"}), ("/portal/logout", {}),
                       ("/portal/login", {"email": candidate.email, "password": PASSWORD})):
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data={**data, "csrf": real[:-1] + "x"}).status_code == 403, path
    # Logged in, the token is bound to the session: the double-submit pair from before log-in does not fit,
    before_login = client.cookies.get(CSRF_COOKIE)
    assert before_login != real
    assert client.post("/portal/contact", data={"csrf": before_login, "mobile": "41234567"}).status_code == 403
    # nor does the token of another session of the same candidate.
    other = _client()
    login_page = other.get("/portal/login")
    assert other.post("/portal/login", data={"csrf": _csrf(login_page.text), "email": candidate.email,
                                             "password": PASSWORD}).status_code == 303
    assert other.post("/portal/contact", data={"csrf": real, "mobile": "41234567"}).status_code == 403
    assert other.post("/portal/contact", data={"csrf": _page_csrf(other), "mobile": ""}).status_code == 303
    session.expire_all()
    assert session.get(Application, application.id).status == S.NEW
    assert session.get(Candidate, candidate.id).mobile is None
    assert session.exec(select(Task)).all() == []
    assert client.get("/portal").status_code == 200  # still logged in


def test_security_headers_are_on_every_response(session):
    candidate, application = _applicant(session)
    client = _logged_in(session, candidate)
    responses = [
        client.get("/portal"), client.get(f"/portal/withdraw/{application.id}"), client.get("/portal/delete-my-data"),
        client.get("/portal/withdraw/999999"), client.post("/portal/contact", data={}), client.get("/portal/contact"),
        _client().get("/portal"), _client().get("/portal/login"), _client().get("/portal/set-password?token=x"),
        _client().get("/portal/nothing-here"), _client().put("/portal/login"), _client().get("/portal/logout"),
        client.post("/portal/contact", data={"csrf": _page_csrf(client), "mobile": "1"}),
    ]
    for response in responses:
        headers = response.headers
        assert headers["cache-control"] == "no-store", response.url
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-content-type-options"] == "nosniff"
        csp = headers["content-security-policy"]
        for directive in ("default-src 'none'", "style-src 'self' 'unsafe-inline'", "form-action 'self'",
                          "frame-ancestors 'none'"):
            assert directive in csp
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 403, 303, 303, 200, 410, 404, 405, 405, 400]


def test_cookies_are_http_only_lax_and_secure_over_https(session):
    candidate, _ = _applicant(session)
    _with_password(session, candidate)
    client = TestClient(api, base_url="https://testserver", follow_redirects=False)
    page = client.get("/portal/login")
    response = client.post("/portal/login", data={"csrf": _csrf(page.text), "email": candidate.email,
                                                  "password": PASSWORD})
    cookies = response.headers.get_list("set-cookie")
    session_cookie = next(c for c in cookies if c.startswith(SESSION_COOKIE + "="))
    for flag in ("HttpOnly", "SameSite=lax", "Secure", "Path=/portal", f"Max-Age={30 * 24 * 3600}"):
        assert flag.lower() in session_cookie.lower(), flag
    assert any(c.startswith(CSRF_COOKIE + "=") for c in cookies)
    plain = _client().get("/portal/login").headers["set-cookie"]
    assert "secure" not in plain.lower() and "httponly" in plain.lower()


def test_language_before_log_in_comes_from_the_link_the_switch_or_the_browser(session):
    candidate, _ = _applicant(session)
    assert '<html lang="sv">' in _client().get("/portal/login", headers={"accept-language": "sv-SE,en;q=0.5"}).text
    assert '<html lang="en">' in _client().get("/portal/login", headers={"accept-language": "de"}).text
    switched = _client().get("/portal/login?lang=fi", headers={"accept-language": "sv"}).text
    assert '<html lang="fi">' in switched and 'href="/portal/login?lang=nl"' in switched
    token = _token(_link(session, candidate))
    page = _client().get(f"/portal/set-password?token={token}", headers={"accept-language": "da"}).text
    assert '<html lang="nb">' in page  # the candidate's own language
    assert f'href="/portal/set-password?token={token}&amp;lang=sv"' in page


def test_pages_are_small_self_contained_and_escaped(session):
    candidate, _ = _applicant(session, title="<script>alert(1)</script> & co")
    client = _logged_in(session, candidate)
    for path in ("/portal", "/portal/delete-my-data"):
        html = client.get(path).text
        assert len(html.encode()) < 50_000 and html.count("<style>") == 1
        assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in client.get("/portal").text


def test_a_failure_is_a_friendly_page_that_changes_nothing(session, monkeypatch):
    candidate, _ = _applicant(session)
    client = _logged_in(session, candidate)

    def broken(*_args):
        raise RuntimeError("database on fire")
    monkeypatch.setattr(portal, "applications_for", broken)
    response = client.get("/portal")
    assert response.status_code == 500 and response.headers["cache-control"] == "no-store"
    assert "database on fire" not in response.text and "Traceback" not in response.text
    assert 'href="/portal"' in response.text
