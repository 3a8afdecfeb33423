"""Merging a possible duplicate: every row that names the candidate moves, the portal log-in, the CV and the
contact details, the same-project refusal, the right, and one transaction."""

from datetime import date, timedelta

import pytest
from sqlmodel import Session, SQLModel, select

from ats_app.core import files
from ats_app.core.db import get_engine
from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.handling import application_detail, merge
from ats_app.handling.merge import merge_candidates
from ats_app.models import (
    Application,
    ApplicationEvent,
    Candidate,
    CandidateAccount,
    CandidateLink,
    CandidateSession,
    DuplicateDismissal,
    Employee,
    Interview,
    Message,
    PanelReview,
    Rating,
    Reviewer,
    Role,
    Task,
)
from ats_app.models.base import utcnow
from ats_app.portal import accounts
from tests.unit.conftest import DB_URL
from tests.unit.factories import login_as, make_department, make_project, make_user, put_on_project
from tests.unit.test_duplicates import MOBILE, person


@pytest.fixture
def admin(session):
    make_user(session)
    return login_as(session)


@pytest.fixture
def projects(session, admin):
    department = make_department(session)
    return make_project(session, "Backend developer", department=department), make_project(session, "Support agent")


def _application(session, candidate):
    return session.exec(select(Application).where(Application.candidate_id == candidate.id)).first()


def _fresh(session, model, row_id):
    session.expire_all()
    return session.get(model, row_id)


def test_everything_that_names_the_duplicate_moves_to_the_kept_candidate(session, admin, projects):
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE, email="kari@example.com")
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE, address="Storgata 1",
                  postal_code="0155", city="Oslo", country="NO", birth_date=date(1990, 4, 12))
    moved = _application(session, twin)
    interview = Interview(application_id=moved.id, interview_type="first", mode="video",
                          starts_at=utcnow() + timedelta(days=2), duration_minutes=30)
    session.add(interview)
    session.flush()
    message = Message(application_id=moved.id, interview_id=interview.id, recipient=twin.email, subject="Hi",
                      body_text="Hi", idempotency_key="merge-test")
    review = PanelReview(project_id=support.id)
    session.add_all([message, review, Task(application_id=moved.id, kind="call_candidate", title="Call"),
                     Employee(candidate_id=twin.id, first_name="Kari", last_name="Hansen")])
    session.flush()
    reviewer = Reviewer(panel_review_id=review.id, email="r@example.com", token_hash="x" * 64)
    session.add(reviewer)
    session.flush()
    session.add(Rating(reviewer_id=reviewer.id, application_id=moved.id, score=4))
    session.add(ApplicationEvent(application_id=moved.id, project_id=support.id, kind="applied"))
    session.commit()

    result = merge_candidates(session, admin, kari.id, twin.id)
    session.commit()

    assert result.kept_id == kari.id and result.applications_moved == 1
    assert _fresh(session, Candidate, twin.id) is None
    applications = session.exec(select(Application).where(Application.candidate_id == kari.id)).all()
    assert len(applications) == 2
    moved = session.get(Application, moved.id)
    assert moved.candidate_id == kari.id and moved.search_text.endswith("kari@example.com")
    # interviews, messages, tasks and ratings hang on the application: they came along with it
    assert session.get(Interview, interview.id).application_id == moved.id
    assert session.get(Message, message.id).application_id == moved.id
    assert session.exec(select(Task)).one().application_id == moved.id
    assert session.exec(select(Rating)).one().application_id == moved.id
    assert session.exec(select(Employee)).one().candidate_id == kari.id
    history = session.exec(select(ApplicationEvent.kind).where(ApplicationEvent.application_id == moved.id)).all()
    assert sorted(history) == ["applied", "candidate_merged"]  # its history came along, and says what happened
    kept = session.get(Candidate, kari.id)
    assert kept.email == "kari@example.com" and kept.mobile == MOBILE
    assert (kept.address, kept.postal_code, kept.city, kept.country) == ("Storgata 1", "0155", "Oslo", "NO")
    assert kept.birth_date == date(1990, 4, 12)


def test_every_application_gets_a_history_line_saying_from_whom_and_by_whom(session, admin, projects):
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE)
    own, moved = _application(session, kari), _application(session, twin)
    merge_candidates(session, admin, kari.id, twin.id)
    session.commit()
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "candidate_merged")).all()
    assert {(e.application_id, e.payload["moved"], e.actor_id) for e in events} == {
        (own.id, False, admin.id), (moved.id, True, admin.id)}
    assert all(e.payload["from_candidate_id"] == twin.id for e in events)
    line = application_detail.history(session, moved.id, "en", admin)[0]
    assert line.text == ("Moved here by merging the duplicate record Kari Hansen (kari.private@example.net) into "
                         "this candidate")
    assert line.actor == admin.name
    line = application_detail.history(session, own.id, "nb", admin)[0]
    assert "kari.private@example.net" in line.text and "Internal note" not in line.text


def test_the_kept_candidates_portal_log_in_stays_and_the_duplicates_sessions_end(session, admin, projects):
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE)
    session.add_all([CandidateAccount(candidate_id=kari.id, password_hash="kept"),
                     CandidateAccount(candidate_id=twin.id, password_hash="other")])
    session.flush()
    token = accounts.open_session(session, twin.id)
    accounts.issue_set_password_link(session, twin)
    session.commit()
    assert accounts.candidate_for_token(session, token).id == twin.id

    assert merge_candidates(session, admin, kari.id, twin.id).portal_account == "kept"
    session.commit()
    assert [a.password_hash for a in session.exec(select(CandidateAccount)).all()] == ["kept"]
    assert accounts.candidate_for_token(session, token) is None
    old = session.exec(select(CandidateSession)).one()
    assert old.candidate_id == kari.id and old.revoked_at is not None
    link = session.exec(select(CandidateLink)).one()
    assert link.candidate_id == kari.id and link.expires_at <= utcnow()


def test_the_duplicates_portal_log_in_moves_when_the_kept_candidate_has_none(session, admin, projects):
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE)
    session.add(CandidateAccount(candidate_id=twin.id, password_hash="other"))
    session.flush()
    token = accounts.open_session(session, twin.id)
    session.commit()
    assert merge_candidates(session, admin, kari.id, twin.id).portal_account == "moved"
    session.commit()
    assert session.exec(select(CandidateAccount)).one().candidate_id == kari.id
    assert accounts.candidate_for_token(session, token).id == kari.id  # still logged in, now as the kept one


def test_a_never_used_account_gives_way_to_the_one_with_a_password(session, admin, projects):
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE)
    session.add_all([CandidateAccount(candidate_id=kari.id), CandidateAccount(candidate_id=twin.id,
                                                                             password_hash="other")])
    session.commit()
    assert merge_candidates(session, admin, kari.id, twin.id).portal_account == "moved"
    session.commit()
    account = session.exec(select(CandidateAccount)).one()
    assert (account.candidate_id, account.password_hash) == (kari.id, "other")


def test_the_kept_cv_stays_and_the_other_file_goes_after_the_commit(session, admin, projects):
    backend, support = projects
    kept_key, other_key = files.store_bytes(b"%PDF kept"), files.store_bytes(b"%PDF other")
    kari = person(session, backend, mobile=MOBILE, cv_file_key=kept_key, cv_filename="kept.pdf", cv_text="kept")
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE, cv_file_key=other_key,
                  cv_filename="other.pdf", cv_text="other")
    application = _application(session, twin)
    application.cover_letter_file_key, application.cover_letter_filename = "letterkey", "letter.pdf"
    session.add(application)
    session.commit()
    merge_candidates(session, admin, kari.id, twin.id)
    assert files.path_for(other_key).exists()  # not before the commit
    session.commit()
    kept = session.get(Candidate, kari.id)
    assert (kept.cv_file_key, kept.cv_filename, kept.cv_text) == (kept_key, "kept.pdf", "kept")
    assert files.path_for(kept_key).exists() and not files.path_for(other_key).exists()
    assert session.get(Application, application.id).cover_letter_file_key == "letterkey"  # stays on its application


def test_the_duplicates_cv_moves_when_the_kept_candidate_has_none(session, admin, projects):
    backend, support = projects
    other_key = files.store_bytes(b"%PDF other")
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE, cv_file_key=other_key,
                  cv_filename="other.pdf", cv_text="other")
    merge_candidates(session, admin, kari.id, twin.id)
    session.commit()
    kept = session.get(Candidate, kari.id)
    assert (kept.cv_file_key, kept.cv_filename, kept.cv_text) == (other_key, "other.pdf", "other")
    assert files.path_for(other_key).exists()


def test_two_live_applications_to_the_same_project_are_refused_with_the_project_named(session, admin, projects):
    backend, _ = projects
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, backend, email="kari.private@example.net", mobile=MOBILE)
    with pytest.raises(ActionRefused) as refused:
        merge_candidates(session, admin, kari.id, twin.id)
    assert refused.value.reason == merge.SAME_PROJECT and refused.value.params == {"project": "Backend developer"}
    session.rollback()
    assert session.get(Candidate, twin.id) is not None
    application = _application(session, twin)  # once one of them is deleted, the merge goes through
    application.deleted_at = utcnow()
    session.add(application)
    session.commit()
    assert merge_candidates(session, admin, kari.id, twin.id).applications_moved == 1


def test_merge_needs_the_right(session, admin, projects):
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE)
    recruiter = make_user(session, "recruiter@example.com", role=Role.RECRUITER)
    merger = make_user(session, "merger@example.com", role=Role.RECRUITER, can_merge_candidates=True)
    for project in projects:
        put_on_project(session, project, recruiter, merger)
    with pytest.raises(NotAllowed):
        merge_candidates(session, login_as(session, "recruiter@example.com"), kari.id, twin.id)
    assert merge.may_merge(admin) and not merge.may_merge(login_as(session, "recruiter@example.com"))
    merge_candidates(session, login_as(session, "merger@example.com"), kari.id, twin.id)
    session.commit()
    assert session.get(Candidate, twin.id) is None


def test_merge_refuses_the_same_an_unknown_or_an_anonymised_candidate(session, admin, projects):
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE)
    gone = person(session, support, mobile=MOBILE, anonymised_at=utcnow())
    for keep, remove in ((kari.id, kari.id), (kari.id, 999_999), (kari.id, gone.id), (gone.id, kari.id)):
        with pytest.raises(ActionRefused):
            merge_candidates(session, admin, keep, remove)


def test_dismissals_of_the_duplicate_hold_for_the_kept_candidate(session, admin, projects):
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE)
    ola = person(session, support, "Ola", "Nordmann")
    session.add_all([DuplicateDismissal(candidate_id=twin.id, other_id=ola.id),
                     DuplicateDismissal(candidate_id=kari.id, other_id=twin.id)])
    session.commit()
    merge_candidates(session, admin, kari.id, twin.id)
    session.commit()
    assert [(d.candidate_id, d.other_id) for d in session.exec(select(DuplicateDismissal))] == [(kari.id, ola.id)]


def test_a_failure_half_way_changes_nothing(session, admin, projects, monkeypatch):
    """One transaction: the applications had moved when it failed, and they are back with the duplicate."""
    backend, support = projects
    kari = person(session, backend, mobile=MOBILE)
    twin = person(session, support, email="kari.private@example.net", mobile=MOBILE)

    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge, "_move_dismissals", broken)
    with Session(get_engine(DB_URL)) as other, pytest.raises(RuntimeError):
        try:
            merge_candidates(other, admin, kari.id, twin.id)
        finally:
            other.rollback()
    session.expire_all()
    assert session.get(Candidate, twin.id) is not None
    assert _application(session, twin) is not None
    assert session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "candidate_merged")).all() == []


def test_every_table_that_points_at_a_candidate_is_one_merge_moves():
    """A new table with a candidate_id must be taught to merge_candidates (and listed in MOVED_TABLES)."""
    pointing = {table.name for table in SQLModel.metadata.sorted_tables for fk in table.foreign_keys
                if fk.column.table.name == "candidate"}
    assert pointing == set(merge.MOVED_TABLES)
