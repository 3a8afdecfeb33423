"""The Starlette routes: health and authenticated CV and cover letter downloads."""

from starlette.testclient import TestClient

from ats_app.accounts import auth
from ats_app.core import files
from ats_app.models import Candidate, Role
from ats_app.web.routes import api
from tests.unit.factories import make_application, make_department, make_project, make_user


def _with_cv(session, application):
    candidate = session.get(Candidate, application.candidate_id)
    candidate.cv_file_key = files.store_bytes(b"%PDF-1.4 test cv")
    candidate.cv_filename = "Kari Nordmann – CV.pdf"
    session.add(candidate)
    session.commit()
    return candidate


def test_health_reports_the_database():
    response = TestClient(api).get("/health")
    assert response.status_code == 200 and response.json() == {"status": "ok", "db": True}


def test_cv_download_needs_a_session_and_access(session):
    engineering, sales = make_department(session), make_department(session, "Sales")
    make_user(session)
    make_user(session, "m@example.com", role=Role.HIRING_MANAGER, department_id=sales.id)
    candidate = _with_cv(session, make_application(session, make_project(session, department=engineering)))
    url = f"/files/cv/{candidate.id}"
    anonymous = TestClient(api).get(url)
    assert anonymous.status_code == 401 and b"PDF" not in anonymous.content

    admin = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "admin@example.com", "demo")})
    response = admin.get(url)
    assert response.status_code == 200 and response.content == b"%PDF-1.4 test cv"
    assert response.headers["content-type"] == "application/pdf"
    assert "no-store" in response.headers["cache-control"]
    assert "attachment" in response.headers["content-disposition"]

    manager = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "m@example.com", "demo")})
    assert manager.get(url).status_code == 404
    assert admin.get("/files/cv/999999").status_code == 404


def test_a_cover_letter_file_is_downloaded_by_those_who_see_its_application(session):
    engineering, sales = make_department(session), make_department(session, "Sales")
    make_user(session)
    make_user(session, "m@example.com", role=Role.HIRING_MANAGER, department_id=sales.id)
    application = make_application(session, make_project(session, department=engineering))
    without = make_application(session, make_project(session, "Other", department=engineering))
    application.cover_letter_file_key = files.store_bytes(b"{\\rtf1 Dear recruiter}")
    application.cover_letter_filename = "Letter.rtf"
    session.add(application)
    session.commit()
    url = f"/files/cover-letter/{application.id}"
    assert TestClient(api).get(url).status_code == 401
    admin = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "admin@example.com", "demo")})
    response = admin.get(url)
    assert response.status_code == 200 and response.content == b"{\\rtf1 Dear recruiter}"
    assert response.headers["content-type"].startswith("application/rtf")
    assert "Letter.rtf" in response.headers["content-disposition"]
    assert admin.get(f"/files/cover-letter/{without.id}").status_code == 404  # no file sent with that one
    manager = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "m@example.com", "demo")})
    assert manager.get(url).status_code == 404


def test_file_keys_cannot_escape_the_private_folder():
    for key in ("../../etc/passwd", "..", "abc", "A" * 32):
        try:
            files.path_for(key)
        except ValueError:
            continue
        raise AssertionError(f"{key!r} was accepted")
