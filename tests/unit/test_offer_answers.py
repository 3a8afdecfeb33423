"""The candidate's answer to an offer, through the rules and the real /offer/{token} routes: Accept and Decline
are final (asked once more), a question becomes a task and leaves the offer open, each answer a history line and
a task for the recruiter; superseded, expired and closed offers take no answer; a bad token is a 404; CSRF, the
rate limit, the language and the headers. Then expiry: idempotent, and two workers never expire one offer twice."""

import re
import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select
from starlette.testclient import TestClient

from ats_app.core import throttle
from ats_app.core.db import get_engine
from ats_app.core.errors import AnswerRefused, InvalidChoice
from ats_app.delivery.sealed_links import offer_token
from ats_app.handling import further_progress as fp
from ats_app.models import Application, ApplicationEvent, ApplicationStatus, Candidate, Offer, Task
from ats_app.models.base import utcnow
from ats_app.offers import answers, expiry, status
from ats_app.offers.routes import CSRF_COOKIE
from ats_app.web.routes import api
from tests.unit.conftest import DB_URL
from tests.unit.factories import login_as, make_application, make_project, make_user, offer_choices


@pytest.fixture(autouse=True)
def _fresh_counts(monkeypatch):
    monkeypatch.delenv("ATS_OFFER_RATE_LIMIT", raising=False)
    throttle.forget()
    yield
    throttle.forget()


@pytest.fixture
def sent(session):
    """An application with an offer sent by the admin: (application, offer, token)."""
    make_user(session)
    admin = login_as(session)
    project = make_project(session, "Backend developer")
    application = make_application(session, project, first_name="Kari")
    session.get(Candidate, application.candidate_id).language = "en"
    session.commit()
    assert fp.run(session, admin, "offer", [application.id], offer_choices(terms="Pension 7 %")).done == 1
    offer = session.exec(select(Offer)).one()
    return application, offer, offer_token(offer)


def _fresh(session, row):
    session.expire_all()
    return session.get(type(row), row.id)


def _kinds(session, model=ApplicationEvent):
    session.expire_all()
    return [row.kind for row in session.exec(select(model).order_by(model.id))]


def _client() -> TestClient:
    return TestClient(api, follow_redirects=False)


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _post(client, token, **form):
    page = client.get(f"/offer/{token}")
    csrf = _csrf(page.text) if 'name="csrf"' in page.text else client.cookies.get(CSRF_COOKIE)
    return client.post(f"/offer/{token}", data={"csrf": csrf, **form})


def test_accepting_is_final_tells_the_recruiter_and_does_not_hire(session, sent):
    application, offer, _token = sent
    answers.answer(session, offer, "accept")
    session.commit()
    offer = _fresh(session, offer)
    assert (offer.answer, offer.answered_at is not None, offer.answer_note) == ("accepted", True, None)
    assert session.get(Application, application.id).status == ApplicationStatus.OFFER  # the recruiter hires
    [task] = session.exec(select(Task)).all()
    assert task.kind == "offer_accepted" and task.assignee_id == offer.created_by_id and "Hire" in task.note
    event = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "offer_answered")).one()
    assert event.payload == {"offer_id": offer.id, "answer": "accept", "by": "candidate"} and event.actor_id is None
    for choice in answers.ANSWERS:
        with pytest.raises(AnswerRefused):
            answers.answer(session, offer, choice, "Changed my mind")


def test_declining_keeps_the_reason_and_does_not_reject(session, sent):
    application, offer, _token = sent
    answers.answer(session, offer, "decline", "  Another offer came first.  ")
    session.commit()
    offer = _fresh(session, offer)
    assert (offer.answer, offer.answer_note) == ("declined", "Another offer came first.")
    assert session.get(Application, application.id).status == ApplicationStatus.OFFER
    [task] = session.exec(select(Task)).all()
    assert task.kind == "offer_declined" and "Another offer came first." in task.note
    with pytest.raises(AnswerRefused) as refused:
        answers.answer(session, offer, "accept")
    assert refused.value.message == answers.NOT_OPEN[status.DECLINED]


def test_a_question_is_a_task_and_leaves_the_offer_open(session, sent):
    _application, offer, _token = sent
    with pytest.raises(InvalidChoice) as empty:
        answers.answer(session, offer, "question", "   ")
    assert empty.value.field == "note"
    with pytest.raises(InvalidChoice):
        answers.answer(session, offer, "question", "x" * (answers.NOTE_MAX + 1))
    assert _kinds(session, Task) == []
    answers.answer(session, offer, "question", "Is the pension on top of the salary?")
    session.commit()
    offer = _fresh(session, offer)
    assert offer.answer == "question" and offer.answered_at is None
    [task] = session.exec(select(Task)).all()
    assert task.kind == "offer_question" and "Is the pension on top of the salary?" in task.note
    assert answers.page_state(session, offer) == answers.OPEN
    answers.answer(session, offer, "accept")  # still possible after asking
    assert _fresh(session, offer).answer == "accepted"


def test_superseded_expired_and_closed_offers_take_no_answer(session, sent):
    application, offer, _token = sent
    offer.valid_until = date.today() - timedelta(days=1)
    session.add(offer)
    session.commit()
    with pytest.raises(AnswerRefused) as late:  # past the validity even before the job marked it
        answers.answer(session, offer, "accept")
    assert late.value.message == answers.NOT_OPEN[status.EXPIRED]
    offer.valid_until, offer.superseded_at = date.today() + timedelta(days=3), utcnow()
    session.add(offer)
    session.commit()
    with pytest.raises(AnswerRefused) as superseded:
        answers.answer(session, offer, "accept")
    assert superseded.value.message == answers.NOT_OPEN[status.SUPERSEDED]
    offer.superseded_at = None
    application = session.get(Application, application.id)
    application.status = ApplicationStatus.REJECTED
    session.add_all([offer, application])
    session.commit()
    with pytest.raises(AnswerRefused) as closed:
        answers.answer(session, offer, "accept")
    assert closed.value.message == answers.NOT_OPEN[answers.CLOSED]
    assert _kinds(session, Task) == [] and "offer_answered" not in _kinds(session)


def test_the_page_shows_the_terms_in_the_candidates_language(session, sent):
    application, _offer, token = sent
    session.get(Candidate, application.candidate_id).language = "nb"
    session.commit()
    page = _client().get(f"/offer/{token}")
    assert page.status_code == 200 and 'lang="nb"' in page.text
    assert "Backend developer" in page.text and "52 000 NOK" in page.text and "Pension 7 %" in page.text
    assert page.headers["cache-control"] == "no-store" and page.headers["referrer-policy"] == "no-referrer"
    assert "<script" not in page.text
    english = _client().get(f"/offer/{token}?lang=en")
    assert 'lang="en"' in english.text and "Accept the offer" in english.text and "per month" in english.text


def test_accept_through_the_page_asks_once_more_then_is_final(session, sent):
    _application, offer, token = sent
    client = _client()
    asked = _post(client, token, answer="accept")
    assert asked.status_code == 200 and 'name="confirm" value="yes"' in asked.text
    assert _fresh(session, offer).answer is None  # asking changes nothing
    done = _post(client, token, answer="accept", confirm="yes")
    assert done.status_code == 303 and done.headers["location"].endswith("done=accept")
    after = client.get(done.headers["location"])
    assert "You have accepted this offer" in after.text and 'value="accept"' not in after.text
    assert _fresh(session, offer).answer == "accepted"
    again = _post(client, token, answer="decline", confirm="yes")
    assert again.status_code == 409 and _fresh(session, offer).answer == "accepted"


def test_decline_and_question_through_the_page(session, sent):
    _application, offer, token = sent
    client = _client()
    empty = _post(client, token, answer="question", note=" ")
    assert empty.status_code == 400 and 'id="note-error"' in empty.text
    asked = _post(client, token, answer="question", note="Can I start a week later?")
    assert asked.status_code == 303
    assert "sent to the recruiter" in client.get(asked.headers["location"]).text
    form = _post(client, token, answer="decline")
    assert "Reason (optional)" in form.text
    done = _post(client, token, answer="decline", confirm="yes", note="Moving abroad.")
    assert done.status_code == 303
    page = client.get(done.headers["location"])
    assert "You have declined this offer" in page.text and "Moving abroad." in page.text
    assert _kinds(session, Task) == ["offer_question", "offer_declined"]


def test_an_unknown_link_is_a_404_and_a_superseded_one_says_so(session, sent):
    application, offer, token = sent
    assert _client().get("/offer/not-a-token").status_code == 404
    assert _client().post("/offer/not-a-token", data={"answer": "accept"}).status_code == 404
    offer.superseded_at = utcnow()
    session.add(offer)
    session.commit()
    page = _client().get(f"/offer/{token}")
    assert page.status_code == 200 and "replaced by a newer one" in page.text and 'value="accept"' not in page.text


def test_csrf_and_the_rate_limit(session, sent, monkeypatch):
    _application, offer, token = sent
    client = _client()
    client.get(f"/offer/{token}")
    forged = client.post(f"/offer/{token}", data={"csrf": "x" * 40, "answer": "accept", "confirm": "yes"})
    assert forged.status_code == 403 and _fresh(session, offer).answer is None
    monkeypatch.setenv("ATS_OFFER_RATE_LIMIT", "2 per minute")
    throttle.forget()
    statuses = [_post(client, token, answer="nonsense").status_code for _ in range(3)]
    assert statuses == [400, 400, 429]
    assert client.cookies.get(CSRF_COOKIE)


def test_expiry_marks_once_with_a_task_and_history(session, sent):
    application, offer, _token = sent
    offer.valid_until = date.today() - timedelta(days=2)
    session.add(offer)
    waiting = make_application(session, make_project(session, "Other"), first_name="Ola")
    session.commit()
    admin = login_as(session)
    fp.run(session, admin, "offer", [waiting.id], offer_choices())  # valid for two more weeks
    engine = get_engine(DB_URL)
    assert expiry.expire_due(engine) == 1
    assert expiry.expire_due(engine) == 0  # idempotent
    offer = _fresh(session, offer)
    assert offer.expired_at is not None
    assert _kinds(session, Task) == ["offer_expired"]
    assert _kinds(session).count("offer_expired") == 1
    assert status.offer_status(offer, timezone.utc, utcnow()) == status.EXPIRED
    page = _client().get(f"/offer/{offer_token(offer)}")
    assert "has expired" in page.text


def test_the_end_of_the_validity_day_is_local_time(session, sent):
    _application, offer, _token = sent
    offer.valid_until = date(2026, 12, 10)
    session.add(offer)
    session.commit()
    before = datetime(2026, 12, 10, 22, 30, tzinfo=timezone.utc)  # 23:30 in Oslo: still the 10th
    after = datetime(2026, 12, 10, 23, 30, tzinfo=timezone.utc)  # 00:30 on the 11th in Oslo
    assert expiry.due_offers(session, before) == [] and expiry.due_offers(session, after) == [offer.id]
    with pytest.raises(AnswerRefused):
        answers.answer(session, offer, "accept", now=after)


def test_an_answered_offer_never_expires_and_two_workers_claim_once(session, sent):
    application, offer, _token = sent
    offer.valid_until = date.today() - timedelta(days=3)
    accepted = make_application(session, make_project(session, "Other"), first_name="Ola")
    session.add(offer)
    session.commit()
    fp.run(session, login_as(session), "offer", [accepted.id], offer_choices())
    answered = session.exec(select(Offer).where(Offer.application_id == accepted.id)).one()
    answers.answer(session, answered, "accept")
    answered.valid_until = date.today() - timedelta(days=3)
    session.add(answered)
    session.commit()
    engine = get_engine(DB_URL)
    counts: list[int] = []
    barrier = threading.Barrier(2)

    def work():
        barrier.wait()
        counts.append(expiry.expire_due(engine))
    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == [0, 1]
    assert _kinds(session, Task) == ["offer_accepted", "offer_expired"]
    assert _fresh(session, answered).expired_at is None
    with Session(engine) as late:  # a worker that read the list before the other claimed: its claim misses
        assert expiry._claim(late, offer.id, utcnow()) is False


def _close(session, application, how: str):
    """The application leaves the offer stage: rejected, withdrawn, hired, deleted or moved to another project."""
    application = session.get(Application, application.id)
    if how == "deleted":
        application.deleted_at = utcnow()
    elif how == "moved":
        other = make_application(session, make_project(session, "Elsewhere"), first_name="Moved")
        application.moved_to_id = other.id
    else:
        application.status = ApplicationStatus(how)
    session.add(application)
    session.commit()


@pytest.mark.parametrize("how", ["rejected", "withdrawn", "hired", "deleted", "moved"])
def test_expiry_of_an_offer_whose_application_went_on_makes_no_task(session, sent, how):
    application, offer, _token = sent
    offer.valid_until = date.today() - timedelta(days=2)
    session.add(offer)
    session.commit()
    _close(session, application, how)
    assert expiry.expire_due(get_engine(DB_URL)) == 1
    assert _fresh(session, offer).expired_at is not None  # marked, so the job does not find it again
    assert expiry.due_offers(session) == []
    assert _kinds(session, Task) == [] and "offer_expired" not in _kinds(session)


def test_two_answers_at_the_same_moment_only_one_counts(session, sent):
    """Both visitors read the offer while it was open; the second write finds the row answered and is refused."""
    _application, offer, _token = sent
    engine = get_engine(DB_URL)
    with Session(engine) as first, Session(engine) as second, Session(engine) as third:
        mine, theirs, asking = (s.get(Offer, offer.id) for s in (first, second, third))
        assert answers.page_state(second, theirs) == answers.page_state(third, asking) == answers.OPEN
        answers.answer(first, mine, "accept")
        first.commit()
        with pytest.raises(AnswerRefused) as late:
            answers.answer(second, theirs, "decline", "Too late")
        assert late.value.message == answers.NOT_OPEN[status.ACCEPTED]
        second.rollback()
        with pytest.raises(AnswerRefused):
            answers.answer(third, asking, "question", "Is it still open?")
        third.rollback()
    offer = _fresh(session, offer)
    assert (offer.answer, offer.answer_note) == ("accepted", None)
    assert _kinds(session, Task) == ["offer_accepted"] and _kinds(session).count("offer_answered") == 1


def test_an_answer_after_the_expiry_job_claimed_the_offer_is_refused(session, sent):
    _application, offer, _token = sent
    engine = get_engine(DB_URL)
    with Session(engine) as visitor:
        seen = visitor.get(Offer, offer.id)  # read while open
        with Session(engine) as job:
            job.get(Offer, offer.id).expired_at = utcnow()
            job.commit()
        with pytest.raises(AnswerRefused) as late:
            answers.answer(visitor, seen, "accept")
        assert late.value.message == answers.NOT_OPEN[status.EXPIRED]
    assert _fresh(session, offer).answer is None and _kinds(session, Task) == []


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_the_link_of_a_deleted_or_moved_application_is_gone(session, sent, how):
    application, offer, token = sent
    _close(session, application, how)
    client = _client()
    page = client.get(f"/offer/{token}")
    assert page.status_code == 410 and "no longer available" in page.text
    assert "52 000" not in page.text and "Pension" not in page.text
    csrf = client.cookies.get(CSRF_COOKIE)
    posted = client.post(f"/offer/{token}", data={"csrf": csrf, "answer": "accept", "confirm": "yes"})
    assert posted.status_code == 410 and _fresh(session, offer).answer is None


@pytest.mark.parametrize("how", ["rejected", "withdrawn"])
def test_a_closed_application_hides_the_terms(session, sent, how):
    application, _offer, token = sent
    assert "52 000 NOK" in _client().get(f"/offer/{token}").text
    _close(session, application, how)
    page = _client().get(f"/offer/{token}")
    assert page.status_code == 200 and "no longer open" in page.text
    assert "52 000" not in page.text and "Pension 7 %" not in page.text and "Please answer by" not in page.text
    assert 'value="accept"' not in page.text and "Backend developer" in page.text  # which job it was


def test_a_hired_candidate_still_sees_what_they_accepted(session, sent):
    application, offer, token = sent
    answers.answer(session, offer, "accept")
    session.commit()
    _close(session, application, "hired")
    page = _client().get(f"/offer/{token}")
    assert "You have accepted this offer" in page.text and "52 000 NOK" in page.text
