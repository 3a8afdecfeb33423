"""Following panels: the progress rows per panel and reviewer, revoking (rights, idempotence, history, the link
dead at once), the day-before reminder (09:00 organisation time, once per reviewer, in their language with only
their link), the history texts, and the project page's section through its State."""

import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from ats_app.core.db import get_engine
from ats_app.core.errors import NotAllowed, ProjectNotFound
from ats_app.delivery import sealed_links, worker
from ats_app.handling.application_detail import describe, history
from ats_app.models import ApplicationEvent, ApplicationStatus, Message, Role, Setting, User
from ats_app.panel_review import panels, reminders, reviewing, tracking
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

DUE = date(2026, 12, 10)
BEFORE_NINE = datetime(2026, 12, 9, 7, 59, tzinfo=timezone.utc)  # 08:59 in Oslo, the day before
NINE = datetime(2026, 12, 9, 8, 0, tzinfo=timezone.utc)  # 09:00 in Oslo
LATE = datetime(2026, 12, 9, 22, 30, tzinfo=timezone.utc)  # 23:30 in Oslo, still the day before
DUE_DAY = datetime(2026, 12, 9, 23, 30, tzinfo=timezone.utc)  # 00:30 in Oslo on the due date


@pytest.fixture
def setup(session):
    department = make_department(session)
    rita = make_user(session, "rita@example.com", name="Rita Recruiter", role=Role.RECRUITER, can_send_to_panel=True)
    project = make_project(session, department=department, owner_id=rita.id)
    apps = [make_application(session, project, first_name=name) for name in ("Kari", "Ola", "Per")]
    nina = make_user(session, "nina@example.com", name="Nina Manager", role=Role.HIRING_MANAGER,
                     department_id=department.id)
    panel, made = make_panel(session, project, apps, created_by=rita, due_date=DUE)
    inside, _ = panels.new_reviewer(session, panel, email=nina.email, name=nina.name, language="en", user_id=nina.id)
    session.commit()
    return project, apps, panel, made, inside


def _rate(session, reviewer, apps, now):
    for app in apps:
        reviewing.save_rating(session, reviewer, app.id, 5, "Good", now=now)


def test_the_progress_says_who_completed_when_and_how_many_they_rated(session, setup):
    project, apps, panel, [(anna, _), (bo, _)], inside = setup
    now = datetime(2026, 12, 5, 12, 0, tzinfo=timezone.utc)
    _rate(session, anna, apps, now)
    reviewing.complete_review(session, anna, now)
    _rate(session, bo, apps[:2], now)
    apps[1].status = ApplicationStatus.REJECTED  # a rejected candidate leaves the panel and its counts
    session.add(apps[1])
    session.commit()
    make_user(session)
    [row] = tracking.project_panels(session, login_as(session), project.id, now)
    assert (row.id, row.sent_by, row.due_date, row.candidates, row.state) == (
        panel.id, "Rita Recruiter", DUE, 2, "open")
    assert [(r.name, r.internal, r.completed_at is not None, r.rated, r.revoked) for r in row.reviewers] == [
        ("Anna", False, True, 2, False), ("Bo", False, False, 1, False), ("Nina Manager", True, False, 0, False)]
    assert row.reviewers[0].completed_at == now and (row.completed, row.expected) == (1, 3)
    assert row.may_revoke
    past = datetime(2026, 12, 11, 12, 0, tzinfo=timezone.utc)
    assert tracking.project_panels(session, login_as(session), project.id, past)[0].state == "past_due"
    closed = datetime(2027, 1, 30, tzinfo=timezone.utc)
    assert tracking.project_panels(session, login_as(session), project.id, closed)[0].state == "closed"


def test_who_sees_the_panels_and_who_may_revoke(session, setup):
    project, _, panel, [(anna, _), _], _ = setup
    other = make_department(session, "Sales")
    make_user(session, "far@example.com", role=Role.HIRING_MANAGER, department_id=other.id, can_send_to_panel=True)
    with pytest.raises(ProjectNotFound):
        tracking.project_panels(session, login_as(session, "far@example.com"), project.id)
    with pytest.raises(ProjectNotFound):
        tracking.revoke_reviewer(session, login_as(session, "far@example.com"), anna.id)
    nina = login_as(session, "nina@example.com")  # sees the project of her department, without the right
    [row] = tracking.project_panels(session, nina, project.id)
    assert not row.may_revoke
    with pytest.raises(NotAllowed):
        tracking.revoke_reviewer(session, nina, anna.id)
    # a recruiter on the project without the right, not the sender
    put_on_project(session, project, make_user(session, "rob@example.com", role=Role.RECRUITER))
    with pytest.raises(NotAllowed):
        tracking.revoke_panel(session, login_as(session, "rob@example.com"), panel.id)
    session.rollback()
    assert session.get(type(panel), panel.id).revoked_at is None and anna.revoked_at is None
    assert session.exec(select(ApplicationEvent)).all() == []


def test_revoking_a_reviewer_kills_their_link_once_with_a_history_line_per_candidate(session, setup):
    project, apps, panel, [(anna, anna_token), (bo, _)], _ = setup
    rita = login_as(session, "rita@example.com")
    assert panels.link_works(session, panels.reviewer_by_token(session, anna_token))
    assert tracking.revoke_reviewer(session, rita, anna.id) is True
    session.commit()
    assert not panels.link_works(session, panels.reviewer_by_token(session, anna_token))
    assert panels.link_works(session, bo)
    assert tracking.revoke_reviewer(session, rita, anna.id) is False  # again: nothing more
    session.commit()
    lines = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "panel_revoked")).all()
    assert sorted(e.application_id for e in lines) == sorted(a.id for a in apps)
    assert {(e.payload["panel_review_id"], e.payload["reviewer"], e.actor_id) for e in lines} == {
        (panel.id, "Anna", rita.id)}
    [row] = tracking.project_panels(session, rita, project.id)
    assert [r.revoked for r in row.reviewers] == [True, False, False] and (row.completed, row.expected) == (0, 2)


def test_revoking_the_panel_kills_every_link_and_the_sender_may_do_it_without_the_right(session, setup):
    project, apps, panel, made, inside = setup
    rita = session.exec(select(User).where(User.email == "rita@example.com")).one()
    rita.can_send_to_panel = False
    session.add(rita)
    session.commit()
    sender = login_as(session, "rita@example.com")
    assert tracking.revoke_panel(session, sender, panel.id) is True
    session.commit()
    assert tracking.revoke_panel(session, sender, panel.id) is False
    assert tracking.revoke_reviewer(session, sender, made[1][0].id) is False  # the panel is revoked already
    session.commit()
    for reviewer, token in made:
        assert not panels.link_works(session, panels.reviewer_by_token(session, token))
    session.refresh(panel)
    assert panel.revoked_by_id == sender.id and panel.revoked_at is not None
    lines = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "panel_revoked")).all()
    assert len(lines) == len(apps) and all("reviewer" not in e.payload for e in lines)
    [row] = tracking.project_panels(session, sender, project.id)
    assert row.state == "revoked" and not row.may_revoke and all(r.revoked for r in row.reviewers)


# The day-before reminder ---------------------------------------------------------------------------------

def _reminders(session):
    session.expire_all()
    return session.exec(select(Message).where(Message.purpose == "panel_reminder").order_by(Message.id)).all()


def test_reminders_go_from_nine_the_day_before_to_those_pending_once(session, setup):
    _, apps, panel, [(anna, _), (bo, _)], inside = setup
    reviewing.complete_review(session, anna, datetime(2026, 12, 5, tzinfo=timezone.utc))
    session.commit()
    tracking.revoke_reviewer(session, login_as(session, "rita@example.com"), inside.id)
    session.commit()
    engine = get_engine(DB_URL)
    assert reminders.remind_due(engine, BEFORE_NINE) == 0 and _reminders(session) == []
    assert reminders.remind_due(engine, NINE) == 1
    [message] = _reminders(session)
    assert (message.recipient, message.reviewer_id) == ("bo@partner.example", bo.id)
    assert message.sender == "Rita Recruiter <" + message.sender.split("<")[1]
    assert reminders.remind_due(engine, LATE) == 0  # once
    session.refresh(bo)
    assert bo.reminded_at is not None


def test_a_panel_sent_late_on_the_day_before_is_reminded_that_day_unless_just_sent_and_none_on_the_due_date(
        session, setup):
    project, apps, _, _, _ = setup
    engine = get_engine(DB_URL)
    assert reminders.remind_due(engine, DUE_DAY) == 0  # the due date itself: too late for "tomorrow"
    make_panel(session, project, apps, reviewers=("late@partner.example",), due_date=DUE)  # sent days before
    make_panel(session, project, apps, reviewers=("fresh@partner.example",), due_date=DUE,
               created_at=LATE - timedelta(hours=1))  # the invitation went an hour ago: no reminder on top
    assert reminders.remind_due(engine, LATE) == 4  # the day before, after nine: reminded at the next run
    assert sorted(m.recipient for m in _reminders(session)) == [
        "anna@partner.example", "bo@partner.example", "late@partner.example", "nina@example.com"]
    make_panel(session, project, apps, reviewers=("past@partner.example",), due_date=date(2026, 12, 9))
    assert reminders.remind_due(engine, NINE) == 0  # due today: no reminder


def test_the_organisations_time_zone_decides_when_it_is_nine(session, setup):
    session.add(Setting(key="time_zone", value="America/New_York"))
    session.commit()
    engine = get_engine(DB_URL)
    assert reminders.remind_due(engine, NINE) == 0  # 03:00 in New York
    assert reminders.remind_due(engine, datetime(2026, 12, 9, 13, 59, tzinfo=timezone.utc)) == 0  # 08:59
    assert reminders.remind_due(engine, datetime(2026, 12, 9, 14, 0, tzinfo=timezone.utc)) == 3  # 09:00
    assert reminders.remind_due(engine, datetime(2026, 12, 10, 14, 0, tzinfo=timezone.utc)) == 0


def test_two_workers_never_remind_the_same_reviewer_twice(session, setup):
    project, apps, _, _, _ = setup
    make_panel(session, project, apps, reviewers=tuple(f"r{i}@partner.example" for i in range(5)), due_date=DUE)
    engine = get_engine(DB_URL)
    counts: list[int] = []
    threads = [threading.Thread(target=lambda: counts.append(reminders.remind_due(engine, NINE))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 8 and len(_reminders(session)) == 8
    assert len({m.reviewer_id for m in _reminders(session)}) == 8


def test_the_reminder_is_in_the_reviewers_language_and_reveals_only_their_link(session, setup, monkeypatch):
    _, _, _, [(anna, anna_token), (bo, _)], _ = setup
    anna.language = "nb"
    session.add(anna)
    session.commit()
    monkeypatch.setenv("ATS_MAIL_FROM_PANEL_REMINDER", "Nordlys panel <panel@example.com>")
    reminders.remind_due(get_engine(DB_URL), NINE)
    messages = {m.reviewer_id: m for m in _reminders(session)}
    mine, other = messages[anna.id], messages[bo.id]
    assert mine.subject.startswith("Påminnelse") and mine.language == "nb"
    assert mine.sender == "Nordlys panel <panel@example.com>"
    placeholder = sealed_links.REVIEW.format(id=anna.id)
    assert placeholder in mine.body_html and anna_token not in mine.body_html
    assert anna_token in sealed_links.reveal(session, mine.body_html, mine)
    assert anna_token not in sealed_links.reveal(session, mine.body_html, other)
    assert sealed_links.EXPIRED in sealed_links.reveal(session, mine.body_html, other)


def test_the_app_and_the_worker_command_register_the_reminders():
    import ats_app.ats_app  # noqa: F401  (the app module registers its jobs when it is imported)

    assert reminders.JOB_NAME in worker._periodic


# History texts --------------------------------------------------------------------------------------------

def test_panel_history_lines_read_as_words_in_each_language():
    sent = {"panel_review_id": 1, "reviewers": 3, "due_date": "2026-12-10"}
    assert describe("panel_sent", sent, "en", {}) == "Sent to a review panel (reviewers: 3, due 10 Dec 2026)"
    assert describe("panel_sent", {"panel_review_id": 1, "reviewers": 2}, "en", {}) == \
        "Sent to a review panel (reviewers: 2)"
    assert describe("panel_completed", {"panel_review_id": 1, "reviewer": "Lars Berg"}, "en", {}) == \
        "Lars Berg completed the panel review"
    assert describe("panel_revoked", {"panel_review_id": 1}, "en", {}) == "Review panel revoked"
    assert describe("panel_revoked", {"panel_review_id": 1, "reviewer": "Bo"}, "en", {}) == \
        "Review link of Bo revoked"
    for language in ("nb", "sv", "da", "nl", "fi"):
        for kind, payload in (("panel_sent", sent), ("panel_completed", {"reviewer": "Bo"}),
                              ("panel_revoked", {}), ("panel_revoked", {"reviewer": "Bo"})):
            assert describe(kind, payload, language, {}) != describe(kind, payload, "en", {}), (kind, language)


def test_the_history_of_a_candidate_shows_the_revoke_by_whom(session, setup):
    _, apps, panel, [(anna, _), _], _ = setup
    rita = login_as(session, "rita@example.com")
    tracking.revoke_reviewer(session, rita, anna.id)
    session.commit()
    [line] = history(session, apps[0].id, "en", login_as(session, "rita@example.com"))
    assert (line.actor, line.text) == ("Rita Recruiter", "Review link of Anna revoked")


# The project page's section, through its State -------------------------------------------------------------

async def test_the_section_lists_the_panels_and_revokes_after_the_confirmation(session, setup):
    from ats_app.panel_review.ui.panels_state import PanelsState
    from tests.unit.state_helpers import call, state_of
    from tests.unit.test_state_flows import _logged_in

    project, _, panel, [(anna, _), _], _ = setup
    root = await _logged_in("rita@example.com")
    section = state_of(root, PanelsState)
    await call(section, "load", 0)
    assert section.panels == []
    await call(section, "load", project.id)
    [line] = section.panels
    assert line.summary.startswith("Sent ") and "by Rita Recruiter · due 10 Dec 2026" in line.summary
    assert line.progress == "0 of 3 completed" and line.may_revoke
    assert [r.rated for r in line.reviewers] == ["0 of 3 rated"] * 3
    await call(section, "ask_revoke_reviewer", anna.id)
    assert (section.confirm_reviewer, section.confirm_name) == (anna.id, "Anna")
    await call(section, "cancel_revoke")
    await call(section, "revoke")  # nothing asked: nothing done
    assert session.exec(select(ApplicationEvent)).all() == []
    await call(section, "ask_revoke_reviewer", anna.id)
    await call(section, "revoke")
    assert section.confirm_reviewer == 0 and section.panels[0].reviewers[0].revoked
    assert section.panels[0].progress == "0 of 2 completed"
    await call(section, "ask_revoke_panel", panel.id)
    await call(section, "revoke")
    assert section.panels[0].state == "revoked" and not section.panels[0].may_revoke
