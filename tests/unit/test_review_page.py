"""The reviewer's review page (/review/{token}) through the real routes: the overview, one candidate, saving and
moving on, bad input next to its field with nothing stored, CSRF, the link's scope (another panel's candidates
and files are 404), candidates who left the panel, revoked and past-due links, the blind view until Done, files
only when shared, the anonymised panel, the language, the rate limit and the headers."""

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.core import files, throttle
from ats_app.models import ApplicationEvent, ApplicationStatus, Candidate, Rating, Reviewer
from ats_app.panel_review import reviewing
from ats_app.panel_review.routes import CSRF_COOKIE
from ats_app.web.routes import api
from tests.unit.factories import make_application, make_panel, make_project

CV_TEXT = "Ten years of Python at Nordlys.\n\nLeads the data team."


@pytest.fixture(autouse=True)
def _fresh_counts(monkeypatch):
    monkeypatch.delenv("ATS_REVIEW_RATE_LIMIT", raising=False)
    throttle.forget()
    yield
    throttle.forget()


@pytest.fixture
def panel_setup(session):
    project = make_project(session, "Data engineer")
    kari = make_application(session, project, cover_letter="I would love to join.", applied_at=datetime(
        2026, 3, 2, 10, tzinfo=timezone.utc))
    ola = make_application(session, project, first_name="Ola", last_name="Hansen")
    for application, city in ((kari, "Bergen"), (ola, "Oslo")):
        candidate = session.get(Candidate, application.candidate_id)
        candidate.city, candidate.cv_text = city, CV_TEXT
        session.add(candidate)
    session.commit()
    panel, reviewers = make_panel(session, project, [kari, ola])
    return panel, kari, ola, reviewers


def _client() -> TestClient:
    return TestClient(api, follow_redirects=False)


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _ratings(session):
    session.expire_all()
    return session.exec(select(Rating)).all()


def _rate(client, token, application_id, score="5", comment="", **more):
    page = client.get(f"/review/{token}/candidate/{application_id}")
    assert page.status_code == 200, page.text
    return client.post(f"/review/{token}/candidate/{application_id}",
                       data={"csrf": _csrf(page.text), "score": score, "comment": comment, **more})


def _done(client, token):
    page = client.get(f"/review/{token}")
    asked = client.post(f"/review/{token}", data={"csrf": _csrf(page.text)})
    assert asked.status_code == 200 and "Complete the review?" in asked.text
    return client.post(f"/review/{token}", data={"csrf": _csrf(page.text), "confirm": "yes"})


def test_the_overview_shows_the_project_the_due_date_and_the_candidates(session, panel_setup):
    panel, kari, ola, [(anna, token), _] = panel_setup
    response = _client().get(f"/review/{token}")
    assert response.status_code == 200
    html = response.text
    assert "Data engineer" in html and "Please rate by" in html
    assert "Kari Nordmann" in html and "Ola Hansen" in html
    assert "Rated: 0 of 2" in html and ">Start<" in html
    assert f"/review/{token}/candidate/{kari.id}" in html
    assert "shown once you have completed your review" in html
    assert 'name="csrf"' in html and ">I am done<" in html
    session.expire_all()
    assert session.get(Reviewer, anna.id).opened_at is None  # a GET (a mail scanner, say) changes nothing


def test_the_candidate_page_shows_the_material_and_the_scale(session, panel_setup):
    _, kari, ola, [(_, token), _] = panel_setup
    html = _client().get(f"/review/{token}/candidate/{kari.id}").text
    assert "Kari Nordmann" in html and "Bergen" in html and "I would love to join." in html
    assert "Ten years of Python" in html and "Leads the data team." in html
    assert "Candidate 1 of 2" in html and "Applied" in html
    assert len(re.findall(r'type="radio" name="score"', html)) == 7
    assert "Not suitable" in html and "Excellent" in html
    assert f'maxlength="{reviewing.COMMENT_MAX}"' in html
    assert f"/candidate/{ola.id}?" in html and "Save and next" in html
    assert "Kari.Nordmann@example.com".lower() not in html.lower()  # contact details are never shown


def test_saving_stores_the_rating_and_goes_to_the_next_then_the_overview(session, panel_setup):
    _, kari, ola, [(anna, token), _] = panel_setup
    client = _client()
    response = _rate(client, token, kari.id, "6", "Strong SQL")
    assert response.status_code == 303
    assert response.headers["location"] == f"/review/{token}/candidate/{ola.id}?lang=en&saved={kari.id}"
    assert "Your rating of Kari Nordmann was saved." in client.get(response.headers["location"]).text
    [rating] = _ratings(session)
    assert (rating.reviewer_id, rating.application_id, rating.score, rating.comment) == (anna.id, kari.id, 6,
                                                                                         "Strong SQL")
    assert session.get(Reviewer, anna.id).opened_at is not None  # the first form sent opens the review
    last = _rate(client, token, ola.id, "3")
    assert last.headers["location"] == f"/review/{token}?lang=en&saved={ola.id}"
    overview = client.get(last.headers["location"]).text
    assert "Rated: 2 of 2" in overview and "Ola Hansen was saved" in overview
    again = client.get(f"/review/{token}/candidate/{kari.id}").text
    assert re.search(r'value="6" checked', again) and "Strong SQL" in again  # changeable: the form holds it
    assert _rate(client, token, kari.id, "7", "Even better").status_code == 303
    assert sorted((r.score, r.comment) for r in _ratings(session)) == [(3, None), (7, "Even better")]


@pytest.mark.parametrize("bad", ["0", "8", "x"])
def test_a_rating_outside_1_to_7_comes_back_with_its_message_and_nothing_is_stored(session, panel_setup, bad):
    _, kari, _, [(_, token), _] = panel_setup
    response = _rate(_client(), token, kari.id, bad, "Kept comment")
    assert response.status_code == 400
    assert "Choose a rating from 1 to 7." in response.text and 'id="score-error"' in response.text
    assert "Kept comment" in response.text  # what was typed is kept
    assert _ratings(session) == []


def test_a_too_long_comment_comes_back_with_its_message(session, panel_setup):
    _, kari, _, [(_, token), _] = panel_setup
    response = _rate(_client(), token, kari.id, "4", "y" * (reviewing.COMMENT_MAX + 1))
    assert response.status_code == 400
    assert f"The comment can be at most {reviewing.COMMENT_MAX} characters." in response.text
    assert 'id="comment-error"' in response.text and re.search(r'value="4" checked', response.text)
    assert _ratings(session) == []


def test_a_form_without_the_csrf_token_is_refused(session, panel_setup):
    _, kari, _, [(anna, token), _] = panel_setup
    client = _client()
    client.get(f"/review/{token}/candidate/{kari.id}")
    response = client.post(f"/review/{token}/candidate/{kari.id}", data={"score": "5"})
    assert response.status_code == 403 and "nothing was changed" in response.text
    wrong = client.post(f"/review/{token}/candidate/{kari.id}", data={"score": "5", "csrf": "x" * 40})
    assert wrong.status_code == 403
    done = client.post(f"/review/{token}", data={"confirm": "yes"})
    assert done.status_code == 403
    assert _ratings(session) == []
    session.expire_all()
    assert session.get(Reviewer, anna.id).completed_at is None
    assert session.exec(select(ApplicationEvent)).all() == []


def test_a_link_opens_only_its_own_panel(session, panel_setup):
    _, kari, _, [(_, token), _] = panel_setup
    other_project = make_project(session, "Designer")
    stranger = make_application(session, other_project, first_name="Siri", last_name="Berg")
    candidate = session.get(Candidate, stranger.candidate_id)
    candidate.cv_file_key, candidate.cv_filename = files.store_bytes(b"%PDF-1.4 Siri"), "siri.pdf"
    session.add(candidate)
    session.commit()
    make_panel(session, other_project, [stranger], reviewers=("cy@partner.example",))
    client = _client()
    for path in (f"/review/{token}/candidate/{stranger.id}", f"/review/{token}/candidate/{stranger.id}/cv",
                 f"/review/{token}/candidate/{stranger.id}/cover-letter"):
        response = client.get(path)
        assert response.status_code == 404 and "Siri" not in response.text and "%PDF" not in response.text
    page = client.get(f"/review/{token}/candidate/{kari.id}")
    posted = client.post(f"/review/{token}/candidate/{stranger.id}", data={"csrf": _csrf(page.text), "score": "5"})
    assert posted.status_code == 404 and _ratings(session) == []
    assert client.get("/review/not-a-token").status_code == 404
    assert client.get(f"/review/{token}/candidate/{'9' * 20}").status_code == 404  # no route, not a 500
    assert client.get(f"/review/{token}/elsewhere").status_code == 404


def test_a_candidate_rejected_after_sending_leaves_the_panel(session, panel_setup):
    _, kari, ola, [(_, token), _] = panel_setup
    client = _client()
    page = client.get(f"/review/{token}/candidate/{ola.id}")
    ola.status = ApplicationStatus.REJECTED
    session.add(ola)
    session.commit()
    assert client.get(f"/review/{token}/candidate/{ola.id}").status_code == 404
    posted = client.post(f"/review/{token}/candidate/{ola.id}", data={"csrf": _csrf(page.text), "score": "5"})
    assert posted.status_code == 404 and _ratings(session) == []
    overview = client.get(f"/review/{token}").text
    assert "Ola Hansen" not in overview and "Kari Nordmann" in overview and "Rated: 0 of 1" in overview
    assert "Candidate 1 of 1" in client.get(f"/review/{token}/candidate/{kari.id}").text


def test_a_revoked_link_is_gone(session, panel_setup):
    _, kari, _, [(anna, token), (_, bo_token)] = panel_setup
    client = _client()
    page = client.get(f"/review/{token}/candidate/{kari.id}")
    anna.revoked_at = datetime.now(timezone.utc)
    session.add(anna)
    session.commit()
    for path in (f"/review/{token}", f"/review/{token}/candidate/{kari.id}"):
        response = client.get(path)
        assert response.status_code == 410 and "This link can no longer be used" in response.text
    posted = client.post(f"/review/{token}/candidate/{kari.id}", data={"csrf": _csrf(page.text), "score": "5"})
    assert posted.status_code == 410 and _ratings(session) == []
    assert client.get(f"/review/{bo_token}").status_code == 200  # the other reviewer's link still works


def test_after_the_due_date_the_page_is_read_only(session, panel_setup):
    panel, kari, _, [(anna, token), _] = panel_setup
    client = _client()
    assert _rate(client, token, kari.id, "5", "Solid").status_code == 303
    page = client.get(f"/review/{token}/candidate/{kari.id}")
    panel.due_date = date.today() - timedelta(days=2)  # the link still opens during the grace period
    session.add(panel)
    session.commit()
    html = client.get(f"/review/{token}/candidate/{kari.id}").text
    assert "The due date has passed" in html and 'type="radio"' not in html and "<textarea" not in html
    assert "Your rating: 5" in html and "Solid" in html
    overview = client.get(f"/review/{token}").text
    assert "The due date has passed" in overview and ">I am done<" not in overview
    posted = client.post(f"/review/{token}/candidate/{kari.id}", data={"csrf": _csrf(page.text), "score": "2"})
    assert posted.status_code == 409 and "can no longer be changed" in posted.text
    done = client.post(f"/review/{token}", data={"csrf": _csrf(page.text), "confirm": "yes"})
    assert done.status_code == 409
    assert [r.score for r in _ratings(session)] == [5]
    session.expire_all()
    assert session.get(Reviewer, anna.id).completed_at is None


def test_the_others_opinions_are_hidden_until_done(session, panel_setup):
    _, kari, ola, [(anna, token), (bo, bo_token)] = panel_setup
    reviewing.save_rating(session, bo, kari.id, 2, "Bo thinks the SQL is thin")
    session.commit()
    client = _client()
    assert _rate(client, token, kari.id, "6", "Anna likes it").status_code == 303
    before = client.get(f"/review/{token}/candidate/{kari.id}").text + client.get(f"/review/{token}").text
    assert "Bo thinks the SQL is thin" not in before and "Bo 2" not in before
    assert "shown once you have completed your review" in before
    asked = client.post(f"/review/{token}", data={"csrf": _csrf(before)})
    assert "You have rated 1 of 2 candidates." in asked.text
    session.expire_all()
    assert session.get(Reviewer, anna.id).completed_at is None  # asking is not doing
    done = _done(client, token)
    assert done.status_code == 303 and done.headers["location"] == f"/review/{token}?lang=en"
    overview = client.get(done.headers["location"]).text
    assert "Thank you! You completed your review" in overview and "Bo 2" in overview and ">I am done<" not in overview
    after = client.get(f"/review/{token}/candidate/{kari.id}").text
    assert "Bo thinks the SQL is thin" in after and "The other reviewers" in after
    assert "No other reviewer has rated this candidate yet." in client.get(f"/review/{token}/candidate/{ola.id}").text
    session.expire_all()
    assert session.get(Reviewer, anna.id).completed_at is not None
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "panel_completed")).all()
    assert len(events) == 2
    assert "Anna likes it" not in client.get(f"/review/{bo_token}/candidate/{kari.id}").text  # Bo is still blind


def _store_files(session, application, cv=b"%PDF-1.4 original cv", letter=b"%PDF-1.4 letter"):
    candidate = session.get(Candidate, application.candidate_id)
    candidate.cv_file_key, candidate.cv_filename = files.store_bytes(cv), "kari-cv.pdf"
    application.cover_letter_file_key = files.store_bytes(letter)
    application.cover_letter_filename = "kari-letter.pdf"
    session.add(candidate)
    session.add(application)
    session.commit()


def test_files_are_served_only_when_shared(session, panel_setup):
    panel, kari, _, [(_, token), _] = panel_setup
    _store_files(session, kari)
    client = _client()
    html = client.get(f"/review/{token}/candidate/{kari.id}").text
    assert f"/candidate/{kari.id}/cv?" in html and f"/candidate/{kari.id}/cover-letter?" in html
    cv = client.get(f"/review/{token}/candidate/{kari.id}/cv")
    assert cv.status_code == 200 and cv.content == b"%PDF-1.4 original cv"
    assert cv.headers["content-disposition"] == "attachment; filename*=UTF-8''kari-cv.pdf"
    assert cv.headers["x-content-type-options"] == "nosniff" and cv.headers["cache-control"] == "no-store"
    letter = client.get(f"/review/{token}/candidate/{kari.id}/cover-letter")
    assert letter.status_code == 200 and letter.content == b"%PDF-1.4 letter"
    panel.share_cv, panel.share_cover_letter = False, False
    session.add(panel)
    session.commit()
    html = client.get(f"/review/{token}/candidate/{kari.id}").text
    assert "/cv?" not in html and "/cover-letter?" not in html and "Ten years of Python" not in html
    assert "I would love to join." not in html
    assert client.get(f"/review/{token}/candidate/{kari.id}/cv").status_code == 404
    assert client.get(f"/review/{token}/candidate/{kari.id}/cover-letter").status_code == 404


def test_an_anonymised_panel_never_shows_the_name(session, panel_setup):
    panel, kari, ola, [(_, token), _] = panel_setup
    _store_files(session, kari)
    candidate = session.get(Candidate, kari.candidate_id)
    candidate.cv_text = "Kari Nordmann has ten years of Python.\n\nEmail kari.nordmann@example.com"
    session.add(candidate)
    panel.anonymise = True
    session.add(panel)
    session.commit()
    client = _client()
    pages = [client.get(f"/review/{token}"), client.get(f"/review/{token}/candidate/{kari.id}"),
             client.get(f"/review/{token}/candidate/{ola.id}")]
    pages.append(_rate(client, token, kari.id, "5"))
    pages.append(client.get(pages[-1].headers["location"]))
    for page in pages:
        assert "Kari" not in page.text and "Nordmann" not in page.text and "Ola" not in page.text
    assert re.search(r"K-\d+", pages[1].text)  # the pseudonym
    assert f"/candidate/{kari.id}/cover-letter" not in pages[1].text  # the original files are not offered
    assert client.get(f"/review/{token}/candidate/{kari.id}/cover-letter").status_code == 404
    cv = client.get(f"/review/{token}/candidate/{kari.id}/cv")
    assert cv.status_code == 200 and cv.content.startswith(b"%PDF") and b"original cv" not in cv.content
    assert re.match(r"attachment; filename\*=UTF-8''K-\d+\.pdf", cv.headers["content-disposition"])


def test_the_page_is_in_the_reviewers_language_with_a_switch(session, panel_setup):
    _, kari, _, [(anna, token), _] = panel_setup
    anna.language = "nb"
    session.add(anna)
    session.commit()
    client = _client()
    html = client.get(f"/review/{token}", headers={"accept-language": "sv"}).text
    assert '<html lang="nb">' in html and "Svenska" in html and "?lang=fi" in html
    assert '<html lang="fi">' in client.get(f"/review/{token}?lang=fi").text
    response = _rate(client, token, kari.id, "9")
    assert response.status_code == 400 and '<html lang="nb">' in response.text
    assert "Choose a rating from 1 to 7." not in response.text  # the message is in Norwegian
    assert '<html lang="sv">' in client.get("/review/unknown-token", headers={"accept-language": "sv"}).text


def test_too_many_forms_from_one_address_are_refused(session, panel_setup, monkeypatch):
    _, kari, _, [(_, token), _] = panel_setup
    monkeypatch.setenv("ATS_REVIEW_RATE_LIMIT", "2/minute")
    client = _client()
    assert _rate(client, token, kari.id, "5").status_code == 303
    assert _rate(client, token, kari.id, "6").status_code == 303
    refused = _rate(client, token, kari.id, "7")
    assert refused.status_code == 429 and "Please wait a little" in refused.text
    assert [r.score for r in _ratings(session)] == [6]


def test_every_response_has_the_strict_headers(session, panel_setup):
    _, kari, _, [(_, token), _] = panel_setup
    client = _client()
    for response in (client.get(f"/review/{token}"), client.get(f"/review/{token}/candidate/{kari.id}"),
                     client.get("/review/unknown"), client.put(f"/review/{token}"),
                     client.post(f"/review/{token}", data={})):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert "<script" not in response.text
    assert client.put(f"/review/{token}").status_code == 405
    cookie = _client().get(f"/review/{token}").headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=") and "Path=/review" in cookie and "HttpOnly" in cookie
