"""The application form through its route: CSRF, the honeypot, the rate limit, the body limit, each problem
next to its field with everything typed kept, and the 303 to the thank-you page in the candidate's language."""

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.core import throttle
from ats_app.intake import routes as intake_routes
from ats_app.models import Application, Candidate, Message, ProjectAdvert
from ats_app.web.routes import api
from tests.unit import intake_files as f
from tests.unit.factories import make_project

QUESTIONS = [{"id": "years", "kind": "number", "mandatory": True, "text": {"en": "Years of Python?", "nb": "År?"},
              "minimum": "3", "requirement": {"en": "Three years of Python"}},
             {"id": "tools", "kind": "several_choices", "text": {"en": "Tools"},
              "choices": [{"id": "git", "label": {"en": "Git"}}, {"id": "sql", "label": {"en": "SQL"}}]}]


@pytest.fixture(autouse=True)
def _fresh_counts(monkeypatch):
    monkeypatch.setenv("ATS_APPLY_RATE_LIMIT", "5/minute")
    throttle.forget()
    yield
    throttle.forget()


@pytest.fixture
def project(session):
    project = make_project(session, "Backend developer", deadline=date.today() + timedelta(days=9),
                           screening_questions=QUESTIONS, published_at=datetime.now(timezone.utc))
    session.add(ProjectAdvert(project_id=project.id, language="en", headline="Backend developer", job="Python."))
    session.add(ProjectAdvert(project_id=project.id, language="nb", headline="Backendutvikler", job="Python."))
    session.commit()
    return project


def _form_page(client, project, lang="en"):
    response = client.get(f"/jobs/{project.id}/apply?lang={lang}")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    return re.search(r'name="csrf" value="([^"]+)"', response.text).group(1)


def _fields(csrf, **changes):
    data = {"csrf": csrf, "lang": "en", "first_name": "Kari", "last_name": "Nordmann",
            "email": "kari@example.com", "mobile": "+47 912 34 567", "answer:years": "5",
            "answer:tools": ["git", "sql"], "consent": "yes", "website": ""}
    data.update(changes)
    return data


def _post(client, project, data, cv=("cv.pdf", None)):
    files = {"cv": (cv[0], cv[1] if cv[1] is not None else f.pdf(), "application/pdf")}
    return client.post(f"/jobs/{project.id}/apply", data=data, files=files)


def test_applying_stores_the_application_and_says_thank_you(session, project):
    client = TestClient(api, follow_redirects=False)
    response = _post(client, project, _fields(_form_page(client, project), lang="nb"))
    assert response.status_code == 303 and response.headers["location"] == f"/jobs/{project.id}/thanks?lang=nb"
    [application] = session.exec(select(Application)).all()
    assert application.screening_answers == {"years": "5", "tools": ["git", "sql"]}
    assert application.knocked_out is False and session.get(Candidate, application.candidate_id).language == "nb"
    assert session.exec(select(Message)).one().language == "nb"
    thanks = client.get(response.headers["location"])
    assert thanks.status_code == 200 and "Backend developer" in thanks.text and 'lang="nb"' in thanks.text


def test_a_png_renamed_pdf_comes_back_with_the_message_and_what_was_typed(session, project):
    client = TestClient(api, follow_redirects=False)
    response = _post(client, project, _fields(_form_page(client, project), first_name="Kåre", answer_years="2",
                                              cover_letter="Dear team"), cv=("cv.pdf", f.png_file()))
    assert response.status_code == 400
    html = response.text
    assert 'id="cv-error"' in html and "is not a PDF" in html and "choose it again" in html
    assert 'value="Kåre"' in html and ">Dear team</textarea>" in html and 'value="git" checked' in html
    assert 'name="consent" value="yes" id="consent" required checked' in html
    assert session.exec(select(Application)).all() == []


def test_a_post_without_the_csrf_token_is_refused(session, project):
    client = TestClient(api, follow_redirects=False)
    _form_page(client, project)
    response = _post(client, project, _fields("x" * 43))
    assert response.status_code == 403 and session.exec(select(Application)).all() == []
    other = TestClient(api, follow_redirects=False)  # no cookie at all
    assert _post(other, project, _fields("x" * 43)).status_code == 403


def test_a_filled_honeypot_is_thanked_and_dropped(session, project):
    client = TestClient(api, follow_redirects=False)
    response = _post(client, project, _fields(_form_page(client, project), website="http://spam.example"))
    assert response.status_code == 303 and session.exec(select(Application)).all() == []


def test_the_rate_limit_refuses_a_sixth_post_from_one_address(session, project):
    client = TestClient(api, follow_redirects=False)
    csrf = _form_page(client, project)
    statuses = [_post(client, project, _fields(csrf, email=f"p{n}@example.com")).status_code for n in range(6)]
    assert statuses == [303] * 5 + [429]
    assert len(session.exec(select(Application)).all()) == 5


def test_a_body_over_the_limit_is_refused_before_it_is_read(session, project, monkeypatch):
    monkeypatch.setattr(intake_routes, "MAX_BODY", 50_000)
    client = TestClient(api, follow_redirects=False)
    response = _post(client, project, _fields(_form_page(client, project)), cv=("cv.pdf", f.pdf() + b"0" * 60_000))
    assert response.status_code == 413 and session.exec(select(Application)).all() == []


def test_a_closed_project_says_it_takes_no_applications(session, project):
    project.status = "closed"
    session.add(project)
    session.commit()
    response = TestClient(api).get(f"/jobs/{project.id}/apply?lang=en")
    assert response.status_code == 404 and "no longer takes applications" in response.text


def test_the_form_shows_the_questions_and_the_privacy_text_in_the_language(project):
    html = TestClient(api).get(f"/jobs/{project.id}/apply?lang=en").text
    assert "Years of Python?" in html and "Git" in html and "only to handle your application" in html
    assert 'name="website"' in html and 'enctype="multipart/form-data"' in html and "<script" not in html


def test_the_form_posts_back_the_privacy_version_it_shows(session, project):
    page = TestClient(api).get(f"/jobs/{project.id}/apply?lang=en").text
    assert 'name="privacy_version" value="1"' in page
