"""Panel review at its edges (found in review): a resent invitation keeps its link, revoking follows the sending
rule, a colleague typed in as an address is blind in the app too, a revoked reviewer's rating does not count,
an internal reviewer completes inside the app, the rules check the right, reminders skip an emptied panel, and
downloads are rate-limited."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import select

from ats_app.core import throttle
from ats_app.core.db import get_engine
from ats_app.core.errors import NotAllowed
from ats_app.delivery import outbox_admin, sealed_links
from ats_app.delivery.outbox import queue_email
from ats_app.handling import further_progress as fp
from ats_app.models import ApplicationStatus, Message, MessageStatus, Reviewer, Role
from ats_app.panel_review import choosing, panels, reminders, results, review_page, reviewing, tracking
from tests.unit.conftest import DB_URL
from tests.unit.factories import (
    login_as,
    make_application,
    make_department,
    make_panel,
    make_project,
    make_user,
    put_on_project,
)


@pytest.fixture
def setup(session):
    department = make_department(session)
    project = make_project(session, department=department)
    first = make_application(session, project)
    second = make_application(session, project, first_name="Ola", last_name="Hansen")
    make_user(session, "admin@example.com")
    return project, first, second


def test_a_resent_invitation_still_carries_its_reviewers_link(session, setup):
    project, first, _ = setup
    _, [(anna, token), _] = make_panel(session, project, [first])
    old = queue_email(session, recipient=anna.email, subject="Rate", html=panels.review_link(anna),
                      text=panels.review_link(anna), sender="jobs@example.com", purpose="panel_review",
                      reviewer_id=anna.id)
    old.status = MessageStatus.FAILED
    session.commit()
    copy = outbox_admin.resend_message(session, login_as(session), old.id)
    assert copy.reviewer_id == anna.id
    assert token in sealed_links.reveal(session, copy.body_text, copy)


def test_a_hiring_manager_cannot_revoke_a_panel_of_another_departments_project(session, setup):
    project, first, _ = setup
    other = make_project(session, "Elsewhere", department=make_department(session, "Sales"))
    app = make_application(session, other, first_name="Per", last_name="Berg")
    panel, _ = make_panel(session, other, [app])
    manager_row = make_user(session, "manager@example.com", role=Role.HIRING_MANAGER,
                            department_id=project.department_id, can_send_to_panel=True)
    other.owner_id = manager_row.id  # the manager sees the project they own, but may not send for it
    session.add(other)
    session.commit()
    manager = login_as(session, "manager@example.com")
    with pytest.raises(NotAllowed):
        tracking.revoke_panel(session, manager, panel.id)


def test_the_form_rules_check_the_right(session, setup):
    project, first, _ = setup
    put_on_project(session, project, make_user(session, "recruiter@example.com", role=Role.RECRUITER))
    with pytest.raises(NotAllowed):
        choosing.reviewer_choices(session, login_as(session, "recruiter@example.com"), [first.id])


def test_a_revoked_reviewers_rating_no_longer_counts_nor_shows_to_the_others(session, setup):
    project, first, _ = setup
    _, [(anna, _), (bo, _)] = make_panel(session, project, [first])
    reviewing.save_rating(session, anna, first.id, 7, "Great")
    reviewing.save_rating(session, bo, first.id, 1, "Wrong person invited")
    reviewing.complete_review(session, anna)
    session.commit()
    admin = login_as(session)
    assert results.average_of(session, admin, first.id) == (4.0, 2)
    tracking.revoke_reviewer(session, admin, bo.id)
    session.commit()
    assert results.average_of(session, admin, first.id) == (7.0, 1)
    assert reviewing.others(session, anna, first.id) == []
    lines = results.ratings_of_application(session, admin, first.id).lines
    assert [(line.score, line.revoked) for line in lines] == [(7, False), (1, True)]  # shown, marked, not counted


def test_a_colleague_typed_in_as_an_address_is_that_user_and_completes_inside_the_app(session, setup):
    project, first, _ = setup
    colleague = make_user(session, "nina@example.com", role=Role.HIRING_MANAGER, department_id=project.department_id)
    admin = login_as(session)
    due = (datetime.now(timezone.utc) + timedelta(days=5)).date().isoformat()
    form = {"application_ids": [first.id], "internal": [],
            "external": [{"email": "Nina@Example.com", "name": "Nina", "language": "en"},
                         {"email": "bo@partner.example", "name": "Bo", "language": "en"}],
            "due_date": due, "sender": "Admin <recruitment@example.com>",
            "drafts": [{"language": "en", "subject": "Rate {projecttitle}", "body": "Please: {reviewlink}"}]}
    assert fp.run(session, admin, "panel_review", [first.id], form).done == 1
    reviewers = {r.email: r for r in session.exec(select(Reviewer))}
    assert reviewers["nina@example.com"].user_id == colleague.id and reviewers["bo@partner.example"].user_id is None
    reviewing.save_rating(session, reviewers["bo@partner.example"], first.id, 2, "Hidden from Nina")
    session.commit()
    nina = login_as(session, "nina@example.com")
    assert results.average_of(session, nina, first.id) == (None, 0)  # blind in the app as well
    mine = results.my_rating(session, nina, first.id)
    results.save_my_rating(session, nina, first.id, mine.reviewer_id, 6, "")
    assert results.complete_my_review(session, nina, first.id, mine.reviewer_id) is True
    session.commit()
    assert results.average_of(session, nina, first.id) == (4.0, 2)  # done: the others count for her now
    assert results.my_rating(session, nina, first.id).completed


def test_no_reminder_for_a_panel_whose_candidates_all_left(session, setup):
    project, first, _ = setup
    due = datetime(2026, 12, 10).date()
    make_panel(session, project, [first], due_date=due, created_at=datetime(2026, 12, 1, tzinfo=timezone.utc))
    first.status = ApplicationStatus.REJECTED
    session.add(first)
    session.commit()
    nine = datetime(2026, 12, 9, 8, 0, tzinfo=timezone.utc)
    assert reminders.remind_due(get_engine(DB_URL), nine) == 0
    assert session.exec(select(Message)).all() == []


def test_downloads_are_counted_against_the_limit(monkeypatch):
    monkeypatch.setenv("ATS_REVIEW_RATE_LIMIT", "2 per minute")
    throttle.forget()
    assert [review_page.allow_download("10.0.0.1", "token") for _ in range(3)] == [True, True, False]
    throttle.forget()
