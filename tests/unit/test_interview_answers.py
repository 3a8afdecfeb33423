"""The candidate's interview answer page ({confirmlink}) through the real routes: what it shows and in which
language, that GET changes nothing, CSRF, the four answers (acceptance, status, task, history), the second
confirmation for withdrawing, changing the answer, expired and unknown links, size and headers."""

import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.core.errors import AnswerRefused
from ats_app.interviews import answer_links
from ats_app.interviews import answers as interview_answers
from ats_app.interviews.routes import CSRF_COOKIE
from ats_app.models import Application, ApplicationEvent, Candidate, Interview, InterviewRecruiter, Task
from ats_app.models import ApplicationStatus as S
from ats_app.models import InterviewAcceptance as A
from ats_app.models.base import utcnow
from ats_app.web.routes import api
from tests.unit.factories import make_application, make_project, make_user

# Tuesday 31 March 2026 08:00 UTC = 10:00 in Oslo (summer time began on 29 March).
STARTS = datetime(2026, 3, 31, 8, 0, tzinfo=timezone.utc)


def _interview(session, *, starts_at=None, status=S.INVITED, language="nb", mode="in_person", **fields):
    owner = make_user(session, "owner@example.com", name="Olga Owner")
    recruiter = make_user(session, "rita@example.com", name="Rita Rekrutterer")
    project = make_project(session, "Backend developer", owner_id=owner.id)
    application = make_application(session, project, status)
    candidate = session.get(Candidate, application.candidate_id)
    candidate.language = language
    session.add(candidate)
    interview = Interview(application_id=application.id, interview_type="first", mode=mode,
                          starts_at=starts_at or utcnow() + timedelta(days=3), duration_minutes=60,
                          place="Storgata 1, Oslo", **fields)
    answer_links.seal(session, interview)
    session.add(InterviewRecruiter(interview_id=interview.id, user_id=recruiter.id))
    session.commit()
    return interview, application, recruiter


def _path(interview) -> str:
    return f"/interview/{answer_links.confirm_token(interview)}"


def _client() -> TestClient:
    return TestClient(api, follow_redirects=False)


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _fresh(session, row):
    session.expire_all()
    return session.get(type(row), row.id)


def _answers(session, application):
    return session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == application.id,
                                                       ApplicationEvent.kind == "interview_answered")
                        .order_by(ApplicationEvent.id)).all()


def _answer(client, path, choice, **more):
    page = client.get(path)
    assert page.status_code == 200, page.text
    return client.post(path, data={"csrf": _csrf(page.text), "answer": choice, **more})


def _assert_headers(response):
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp


def test_the_page_shows_the_interview_in_the_candidates_language_and_changes_nothing(session):
    interview, application, _ = _interview(session, starts_at=STARTS)
    view = interview_answers.interview_view(session, interview, "nb")
    assert view["when"] == "tirsdag 31. mars 2026 kl. 10:00–11:00"
    assert view["recruiters"] == ["Rita Rekrutterer"] and view["project_title"] == "Backend developer"

    # The same interview, in the future, read through the page.
    interview.starts_at = (utcnow() + timedelta(days=7)).replace(hour=8, minute=0, second=0, microsecond=0)
    session.add(interview)
    session.commit()
    response = _client().get(_path(interview))
    assert response.status_code == 200
    _assert_headers(response)
    html = response.text
    weekday = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"][
        interview.starts_at.astimezone(interview_answers.organisation_zone(session)).weekday()]
    assert weekday in html and " kl. " in html
    assert '<html lang="nb">' in html
    assert "Storgata 1, Oslo" in html and "Rita Rekrutterer" in html and "Backend developer" in html
    assert len(response.content) < 50_000
    assert "<script" not in html
    for choice in interview_answers.ANSWERS:
        assert f'name="answer" value="{choice}"' in html
    assert _fresh(session, interview).acceptance == A.AWAITING
    assert _fresh(session, interview).answered_at is None
    assert not _answers(session, application)


def test_english_candidate_and_video_link(session):
    interview, _, _ = _interview(session, language="en", mode="video", video_link="https://meet.example.com/abc")
    html = _client().get(_path(interview)).text
    assert '<html lang="en">' in html and re.search(r"Yes, I(&#39;|')m coming", html)
    assert 'href="https://meet.example.com/abc"' in html


def test_a_video_link_that_is_not_a_web_address_is_not_a_link(session):
    interview, _, _ = _interview(session, mode="video", video_link="javascript:alert(1)")
    html = _client().get(_path(interview)).text
    assert 'href="javascript' not in html


def test_post_without_csrf_is_refused_and_changes_nothing(session):
    interview, application, _ = _interview(session)
    client = _client()
    client.get(_path(interview))  # has the cookie, but the form lacks the field
    response = client.post(_path(interview), data={"answer": "withdraw", "confirm": "yes"})
    assert response.status_code == 403
    _assert_headers(response)
    response = _client().post(_path(interview), data={"answer": "coming", "csrf": "x" * 43})  # no cookie
    assert response.status_code == 403
    assert _fresh(session, interview).acceptance == A.AWAITING
    assert _fresh(session, application).status == S.INVITED
    assert not _answers(session, application)


@pytest.mark.parametrize("choice, acceptance", [("coming", A.ACCEPTED), ("not_coming", A.NOT_ACCEPTED)])
def test_coming_and_not_coming(session, choice, acceptance):
    interview, application, _ = _interview(session)
    client = _client()
    response = _answer(client, _path(interview), choice)
    assert response.status_code == 303 and response.headers["location"].endswith("?answered=1")
    _assert_headers(response)
    thanks = client.get(response.headers["location"])
    assert thanks.status_code == 200
    assert "Takk" in thanks.text or "Thank you" in thanks.text
    fresh = _fresh(session, interview)
    assert fresh.acceptance == acceptance and fresh.answered_at is not None
    assert _fresh(session, application).status == S.INVITED
    [event] = _answers(session, application)
    assert event.actor_id is None
    assert event.payload == {"answer": choice, "interview_id": interview.id, "by": "candidate"}
    assert not session.exec(select(Task)).all()


def test_new_time_makes_one_task_for_the_recruiter(session):
    interview, application, recruiter = _interview(session)
    client = _client()
    assert _answer(client, _path(interview), "new_time").status_code == 303
    assert _fresh(session, interview).acceptance == A.CONTACT_NEW_TIME
    [task] = session.exec(select(Task)).all()
    assert task.kind == "new_interview_time" and task.application_id == application.id
    assert task.assignee_id == recruiter.id and task.done_at is None and task.note and task.due_at is not None
    # Changing the answer and back again does not make a second task while the first is open.
    assert _answer(client, _path(interview), "coming").status_code == 303
    assert _answer(client, _path(interview), "new_time").status_code == 303
    assert len(session.exec(select(Task)).all()) == 1
    assert [e.payload["answer"] for e in _answers(session, application)] == ["new_time", "coming", "new_time"]


def test_the_task_goes_to_whoever_set_up_the_interview(session):
    creator = make_user(session, "creator@example.com")
    interview, _, _ = _interview(session, created_by_id=creator.id)
    interview_answers.answer(session, interview, "new_time")
    assert session.exec(select(Task)).one().assignee_id == creator.id


def test_withdraw_needs_a_second_confirmation(session):
    interview, application, _ = _interview(session)
    client = _client()
    confirm = _answer(client, _path(interview), "withdraw")
    assert confirm.status_code == 200 and 'name="confirm" value="yes"' in confirm.text
    assert _fresh(session, application).status == S.INVITED and not _answers(session, application)

    done = client.post(_path(interview), data={"csrf": _csrf(confirm.text), "answer": "withdraw", "confirm": "yes"})
    assert done.status_code == 303
    assert _fresh(session, interview).acceptance == A.NOT_RELEVANT
    fresh = _fresh(session, application)
    assert fresh.status == S.WITHDRAWN and fresh.previous_status == S.INVITED
    status = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "status_changed")).one()
    assert status.actor_id is None and status.payload["by"] == "candidate" and status.payload["to"] == "withdrawn"
    assert [e.payload["answer"] for e in _answers(session, application)] == ["withdraw"]

    # After withdrawing: no more buttons, and a forged answer is refused.
    page = client.get(_path(interview))
    assert page.status_code == 200 and 'name="answer"' not in page.text
    refused = client.post(_path(interview), data={"csrf": _csrf(confirm.text), "answer": "coming"})
    assert refused.status_code == 409
    assert _fresh(session, interview).acceptance == A.NOT_RELEVANT


def test_withdraw_is_refused_politely_when_the_application_is_closed(session):
    interview, application, _ = _interview(session, status=S.HIRED)
    client = _client()
    page = client.get(_path(interview))
    response = client.post(_path(interview), data={"csrf": _csrf(page.text), "answer": "withdraw", "confirm": "yes"})
    assert response.status_code == 409 and "Traceback" not in response.text
    assert _fresh(session, application).status == S.HIRED
    assert _fresh(session, interview).acceptance == A.AWAITING and not _answers(session, application)


def test_the_answer_can_be_changed_and_a_second_tap_changes_nothing(session):
    interview, application, _ = _interview(session)
    client = _client()
    _answer(client, _path(interview), "coming")
    _answer(client, _path(interview), "coming")
    assert len(_answers(session, application)) == 1
    _answer(client, _path(interview), "not_coming")
    assert _fresh(session, interview).acceptance == A.NOT_ACCEPTED
    page = client.get(_path(interview))
    assert 'aria-current="true"' in page.text
    assert [e.payload["answer"] for e in _answers(session, application)] == ["coming", "not_coming"]


def test_an_unknown_choice_changes_nothing(session):
    interview, application, _ = _interview(session)
    response = _answer(_client(), _path(interview), "maybe")
    assert response.status_code == 400
    assert _fresh(session, interview).acceptance == A.AWAITING and not _answers(session, application)


def test_the_service_refuses_after_the_interview_is_over(session):
    interview, _, _ = _interview(session)
    with pytest.raises(AnswerRefused):
        interview_answers.answer(session, interview, "coming", now=interview.starts_at + timedelta(hours=2))


def test_over_cancelled_and_unknown_links_get_friendly_pages(session):
    over, _, _ = _interview(session, starts_at=utcnow() - timedelta(hours=2))
    client = _client()
    gone = client.get(_path(over))
    assert gone.status_code == 410 and "Traceback" not in gone.text and "<h1>" in gone.text
    _assert_headers(gone)
    assert client.post(_path(over), data={"answer": "coming"}).status_code == 410

    cancelled = Interview(application_id=over.application_id, interview_type="second", mode="phone",
                          starts_at=utcnow() + timedelta(days=2), duration_minutes=30)
    answer_links.seal(session, cancelled)
    session.commit()
    assert client.get(_path(cancelled)).status_code == 200
    cancelled.cancelled_at = utcnow()
    session.add(cancelled)
    session.commit()
    assert client.get(_path(cancelled)).status_code == 410

    unknown = client.get("/interview/not-a-real-token")
    assert unknown.status_code == 404 and "<h1>" in unknown.text
    _assert_headers(unknown)
    assert client.put(_path(over)).status_code == 405


def test_a_deleted_application_is_not_found(session):
    interview, application, _ = _interview(session)
    application = session.get(Application, application.id)
    application.deleted_at = utcnow()
    session.add(application)
    session.commit()
    assert _client().get(_path(interview)).status_code in (404, 410)


def test_the_csrf_cookie_is_scoped_to_the_answer_page(session):
    interview, _, _ = _interview(session)
    response = _client().get(_path(interview))
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=") and "Path=/interview" in cookie and "HttpOnly" in cookie
