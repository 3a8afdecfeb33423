"""The careers site through its routes: open projects only, search and department filter, the advert in the
visitor's language with its JobPosting JSON-LD, the Atom feed, 404 for drafts, closed and deleted projects."""

import json
import re
from datetime import date, datetime, timedelta, timezone
from xml.etree import ElementTree

import pytest
from starlette.testclient import TestClient

from ats_app.careers import listing
from ats_app.models import ProjectAdvert, ProjectStatus, RecruitmentProject
from ats_app.projects.publishing import takes_applications
from ats_app.web.routes import api
from tests.unit.factories import make_department
from tests.unit.factories import make_project as make_any_project

SOON = date.today() + timedelta(days=20)


def make_project(session, title, *, languages=("nb", "en"), **fields):
    project = make_any_project(session, title, **fields)
    project.languages = list(languages)
    session.add(project)
    session.commit()
    return project


def _client() -> TestClient:
    return TestClient(api, follow_redirects=False)


def _advert(session, project, language="en", **text):
    session.add(ProjectAdvert(project_id=project.id, language=language, headline=text.get("headline", project.title),
                              introduction=text.get("introduction", "We build **trains**."),
                              job=text.get("job", "- Python\n- SQL"), offer=text.get("offer", "Good coffee."),
                              contact=text.get("contact", "Ask Kari.")))
    session.commit()


@pytest.fixture
def projects(session):
    engineering, sales = make_department(session, "Engineering"), make_department(session, "Sales")
    open_one = make_project(session, "Backend developer", department=engineering, deadline=SOON, place="Oslo",
                            published_at=datetime(2026, 11, 1, tzinfo=timezone.utc), languages=["nb", "en"])
    _advert(session, open_one, "en", headline="Backend developer (Python)")
    _advert(session, open_one, "nb", headline="Backend-utvikler (Python)", introduction="Vi bygger tog.")
    seller = make_project(session, "Key account manager", department=sales, deadline=SOON + timedelta(days=5),
                          place="Bergen", languages=["en"])
    _advert(session, seller)
    hidden = [make_project(session, "Draft job", status=ProjectStatus.DRAFT, deadline=SOON),
              make_project(session, "Closed job", status=ProjectStatus.CLOSED, deadline=SOON),
              make_project(session, "Deleted job", deadline=SOON, deleted_at=datetime.now(timezone.utc)),
              make_project(session, "Old job", deadline=date.today() - timedelta(days=1))]
    return open_one, seller, hidden


def test_takes_applications_is_the_one_rule():
    today = date(2026, 12, 2)
    project = RecruitmentProject(title="x", status=ProjectStatus.OPEN, deadline=today)
    assert takes_applications(project, today)
    assert not takes_applications(project, today + timedelta(days=1))
    assert takes_applications(RecruitmentProject(title="x", status=ProjectStatus.OPEN, deadline=None), today)
    assert not takes_applications(RecruitmentProject(title="x", status=ProjectStatus.CLOSED), today)
    assert not takes_applications(None, today)


def test_the_list_shows_open_projects_only_with_department_place_and_deadline(projects):
    response = _client().get("/jobs?lang=en")
    assert response.status_code == 200
    html = response.text
    assert "Backend developer (Python)" in html and "Key account manager" in html and "Oslo" in html
    for hidden in ("Draft job", "Closed job", "Deleted job", "Old job"):
        assert hidden not in html
    assert "Engineering" in html and "Apply by" in html
    assert "no-store" not in response.headers["cache-control"] and "max-age" in response.headers["cache-control"]
    assert "script-src" not in response.headers["content-security-policy"]
    assert "<script" not in html


def test_the_list_searches_and_filters_by_department(session, projects):
    open_one, seller, _ = projects
    assert "Key account" not in _client().get("/jobs?lang=en&q=oslo").text
    found = _client().get(f"/jobs?lang=en&department={seller.department_id}").text
    assert "Key account manager" in found and "Backend developer" not in found
    assert "Backend" in _client().get("/jobs?lang=en&q=ENGINEER").text


def test_the_list_is_paged(session):
    for n in range(25):
        make_project(session, f"Job {n:02d}", deadline=SOON)
    page = listing.open_projects(session, date.today(), "en", page=2)
    assert (page.total, page.pages, page.page, len(page.projects)) == (25, 2, 2, 5)
    assert 'aria-current="page">1<' in _client().get("/jobs?lang=en").text


def test_the_advert_is_in_the_visitors_language_with_a_language_switch(projects):
    open_one, seller, _ = projects
    norwegian = _client().get(f"/jobs/{open_one.id}", headers={"accept-language": "nb-NO,nb;q=0.9"}).text
    assert "Backend-utvikler (Python)" in norwegian and "Vi bygger tog." in norwegian and 'lang="nb"' in norwegian
    english = _client().get(f"/jobs/{open_one.id}?lang=en").text
    assert "<strong>trains</strong>" in english and "<li>Python</li>" in english
    assert f'href="/jobs/{open_one.id}/apply?lang=en"' in english and "?lang=nb" in english
    finnish = _client().get(f"/jobs/{seller.id}?lang=fi").text  # not advertised in Finnish: its first language
    assert 'lang="en"' in finnish


def test_the_advert_escapes_what_the_recruiter_wrote(session):
    project = make_project(session, "Safe", deadline=SOON, languages=["en"])
    _advert(session, project, headline="</script><script>alert(1)</script>", introduction="<img src=x onerror=y>hi")
    html = _client().get(f"/jobs/{project.id}?lang=en").text
    assert "<script>alert" not in html and "onerror" not in html


def test_the_advert_carries_valid_job_posting_json_ld(projects):
    open_one, _, _ = projects
    html = _client().get(f"/jobs/{open_one.id}?lang=en").text
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    posting = json.loads(raw)
    assert posting["@type"] == "JobPosting" and posting["title"] == "Backend developer (Python)"
    assert posting["datePosted"] == "2026-11-01" and posting["validThrough"].startswith(SOON.isoformat())
    assert posting["hiringOrganization"]["name"] == "Nordlys AS"
    assert posting["jobLocation"]["address"]["addressLocality"] == "Oslo"
    assert posting["employmentType"] == "FULL_TIME" and "<strong>trains</strong>" in posting["description"]


def test_json_ld_cannot_close_its_script():
    text = listing.json_ld({"title": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["title"] == "</script><!-- & \u2028"


def test_drafts_closed_deleted_and_past_deadline_answer_404(projects):
    for project in projects[2]:
        for path in (f"/jobs/{project.id}", f"/jobs/{project.id}/apply"):
            response = _client().get(path + "?lang=en")
            assert response.status_code == 404, path
            assert "Not found" in response.text or "no longer takes applications" in response.text
    assert _client().get("/jobs/99999?lang=en").status_code == 404
    assert _client().get("/jobs/nothing/here").status_code == 404
    assert _client().get("/jobs/").headers["location"] == "/jobs"


def test_the_feed_is_atom_with_every_open_project(projects):
    response = _client().get("/jobs/feed.atom?lang=en")
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert sorted(titles) == ["Backend developer (Python)", "Key account manager"]
    assert root.find("a:link[@rel='self']", ns) is not None


def test_other_methods_get_a_friendly_page_with_the_headers():
    response = _client().delete("/jobs")
    assert response.status_code == 405 and response.headers["x-content-type-options"] == "nosniff"


def test_an_id_too_big_for_the_database_is_a_friendly_not_found():
    from starlette.testclient import TestClient

    from ats_app.web.routes import api
    client = TestClient(api, raise_server_exceptions=False)
    for path in ("/jobs/99999999999999999999", "/jobs/99999999999999999999/apply", "/jobs/99999999999999999999/thanks"):
        assert client.get(path).status_code == 404
