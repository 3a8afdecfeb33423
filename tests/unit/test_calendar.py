"""Recruitment calendar: local times across daylight saving, filters, who sees what, answers, moving."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.interviews import calendar, changes
from ats_app.interviews.ui.calendar_state import CalendarState
from ats_app.models import ApplicationEvent, Interview, InterviewAcceptance, InterviewRecruiter, Role, Setting
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user
from tests.unit.state_helpers import call, client, log_in, state_of


def _interview(session, application, starts_at, *, recruiters=(), kind="first", duration=60, **fields):
    interview = Interview(application_id=application.id, interview_type=kind, starts_at=starts_at,
                          duration_minutes=duration, **fields)
    session.add(interview)
    session.flush()
    for user in recruiters:
        session.add(InterviewRecruiter(interview_id=interview.id, user_id=user.id))
    session.commit()
    return interview


@pytest.fixture
def world(session):
    """Two departments with a project each; an admin, two recruiters, a hiring manager in Engineering."""
    engineering, sales = make_department(session, "Engineering"), make_department(session, "Sales")
    make_user(session, name="Astrid Admin")
    anna = make_user(session, "anna@example.com", role=Role.RECRUITER, name="Anna Recruiter")
    bo = make_user(session, "bo@example.com", role=Role.RECRUITER, name="Bo Recruiter")
    make_user(session, "carl@example.com", role=Role.RECRUITER, name="Carl Idle")
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER, name="Mia Manager",
              department_id=engineering.id)
    backend = make_project(session, "Backend developer", department=engineering, owner_id=anna.id)
    seller = make_project(session, "Key account manager", department=sales, owner_id=anna.id)
    kari = make_application(session, backend, first_name="Kari", last_name="Nordmann")
    ola = make_application(session, seller, first_name="Ola", last_name="Hansen")
    return {"admin": login_as(session), "anna": anna, "bo": bo, "recruiter": login_as(session, "anna@example.com"),
            "manager": login_as(session, "manager@example.com"), "backend": backend, "seller": seller,
            "kari": kari, "ola": ola}


def test_weeks_are_monday_first_with_iso_numbers():
    week = calendar.week_of(date(2026, 3, 29))  # a Sunday
    assert week.days[0] == date(2026, 3, 23) and week.days[-1] == date(2026, 3, 29) and week.number == 13
    assert calendar.week_of(date(2027, 1, 1)).number == 53  # Friday 1 January 2027 is in week 53 of 2026
    grid = calendar.month_grid(date(2026, 3, 15))  # 1 March 2026 is a Sunday
    assert len(grid) == 6 and all(len(week) == 7 for week in grid)
    assert grid[0][0] == date(2026, 2, 23) and grid[0][6] == date(2026, 3, 1)
    assert all(week[0].weekday() == 0 for week in grid)


def test_a_week_comes_back_in_local_time_across_the_clock_change(session, world):
    # Oslo (the default zone) moves from UTC+1 to UTC+2 at 02:00 on Sunday 29 March 2026.
    at = lambda *a: datetime(*a, tzinfo=UTC)  # noqa: E731
    monday = _interview(session, world["kari"], at(2026, 3, 23, 8, 0))            # Mon 09:00 CET
    sunday = _interview(session, world["kari"], at(2026, 3, 29, 8, 0))            # Sun 10:00 CEST
    first = _interview(session, world["kari"], at(2026, 3, 22, 23, 15))           # Mon 00:15 CET
    last = _interview(session, world["kari"], at(2026, 3, 29, 21, 30))            # Sun 23:30 CEST
    _interview(session, world["kari"], at(2026, 3, 22, 22, 30))                   # Sun 22 March 23:30: before
    _interview(session, world["kari"], at(2026, 3, 29, 22, 30))                   # Mon 30 March 00:30: after
    week = calendar.week_of(date(2026, 3, 25))
    entries = calendar.interviews_between(session, world["admin"], week.days[0], week.days[-1])
    assert [e.id for e in entries] == [first.id, monday.id, sunday.id, last.id]
    local = {e.id: (e.starts.strftime("%a %H:%M"), e.ends.strftime("%H:%M")) for e in entries}
    assert local[monday.id] == ("Mon 09:00", "10:00")
    assert local[sunday.id] == ("Sun 10:00", "11:00")
    assert local[first.id][0] == "Mon 00:15" and local[last.id][0] == "Sun 23:30"
    entry = entries[1]
    assert (entry.candidate_name, entry.project_title, entry.application_id) == \
        ("Kari Nordmann", "Backend developer", world["kari"].id)


def test_the_organisation_time_zone_decides_the_local_time(session, world):
    session.add(Setting(key="time_zone", value="Europe/Helsinki"))
    session.commit()
    _interview(session, world["kari"], datetime(2026, 6, 1, 6, 0, tzinfo=UTC))
    [entry] = calendar.interviews_between(session, world["admin"], date(2026, 6, 1), date(2026, 6, 1))
    assert entry.starts.strftime("%H:%M") == "09:00"


def test_cancelled_interviews_and_deleted_applications_are_left_out(session, world):
    when = datetime(2026, 5, 5, 8, tzinfo=UTC)
    kept = _interview(session, world["kari"], when)
    _interview(session, world["kari"], when, cancelled_at=when - timedelta(days=1))
    world["ola"].deleted_at = when
    session.add(world["ola"])
    session.commit()
    _interview(session, world["ola"], when)
    assert [e.id for e in calendar.interviews_between(session, world["admin"], date(2026, 5, 4),
                                                      date(2026, 5, 10))] == [kept.id]


def test_filters_by_recruiter_and_project(session, world):
    when = datetime(2026, 5, 5, 8, tzinfo=UTC)
    both = _interview(session, world["kari"], when, recruiters=(world["anna"], world["bo"]))
    annas = _interview(session, world["ola"], when + timedelta(hours=2), recruiters=(world["anna"],))
    bos = _interview(session, world["kari"], when + timedelta(hours=4), recruiters=(world["bo"],))
    between = lambda **f: [e.id for e in calendar.interviews_between(  # noqa: E731
        session, world["admin"], date(2026, 5, 4), date(2026, 5, 10), **f)]
    assert between() == [both.id, annas.id, bos.id]
    assert between(recruiter_id=world["anna"].id) == [both.id, annas.id]
    assert between(recruiter_id=world["bo"].id) == [both.id, bos.id]
    assert between(project_id=world["backend"].id) == [both.id, bos.id]
    assert between(recruiter_id=world["anna"].id, project_id=world["seller"].id) == [annas.id]
    entry = calendar.interviews_between(session, world["admin"], date(2026, 5, 5), date(2026, 5, 5))[0]
    assert entry.recruiters == ["Anna Recruiter", "Bo Recruiter"]
    choices = calendar.filters(session, world["admin"])
    assert [name for _, name in choices.recruiters] == ["Anna Recruiter", "Bo Recruiter"]  # Carl has none
    assert [title for _, title in choices.projects] == ["Backend developer", "Key account manager"]


def test_a_hiring_manager_sees_only_their_departments_interviews(session, world):
    when = datetime(2026, 5, 5, 8, tzinfo=UTC)
    theirs = _interview(session, world["kari"], when, recruiters=(world["bo"],))
    _interview(session, world["ola"], when, recruiters=(world["anna"],))
    entries = calendar.interviews_between(session, world["manager"], date(2026, 5, 4), date(2026, 5, 10))
    assert [e.id for e in entries] == [theirs.id]
    assert calendar.interviews_between(session, world["manager"], date(2026, 5, 4), date(2026, 5, 10),
                                       project_id=world["seller"].id) == []
    choices = calendar.filters(session, world["manager"])
    assert [title for _, title in choices.projects] == ["Backend developer"]
    assert [name for _, name in choices.recruiters] == ["Bo Recruiter"]


def _history(session, kind):
    return session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == kind)
                        .order_by(ApplicationEvent.id)).all()


def test_set_acceptance_records_history_and_is_refused_to_a_hiring_manager(session, world):
    interview = _interview(session, world["kari"], datetime(2026, 5, 5, 8, tzinfo=UTC))
    calendar.set_acceptance(session, world["recruiter"], interview.id, "contact_new_time")
    session.commit()
    session.refresh(interview)
    assert interview.acceptance == InterviewAcceptance.CONTACT_NEW_TIME
    [line] = _history(session, "acceptance_set")
    assert line.payload == {"acceptance": "contact_new_time", "interview_id": interview.id}
    assert (line.application_id, line.actor_id) == (world["kari"].id, world["recruiter"].id)
    calendar.set_acceptance(session, world["recruiter"], interview.id, "contact_new_time")  # already so
    session.commit()
    assert len(_history(session, "acceptance_set")) == 1

    with pytest.raises(NotAllowed):
        calendar.set_acceptance(session, world["manager"], interview.id, "accepted")
    with pytest.raises(InvalidChoice):
        calendar.set_acceptance(session, world["recruiter"], interview.id, "not_relevant")
    interview.cancelled_at = datetime.now(UTC)
    session.add(interview)
    session.commit()
    with pytest.raises(ActionRefused):
        calendar.set_acceptance(session, world["recruiter"], interview.id, "accepted")
    session.rollback()
    session.refresh(interview)
    assert interview.acceptance == InterviewAcceptance.CONTACT_NEW_TIME


@pytest.fixture
def rescheduled(monkeypatch):
    """interviews.changes.reschedule_interview is written alongside: the calls it would get."""
    calls = []

    def reschedule_interview(session, user, interview_id, starts_at, duration_minutes):
        calls.append((interview_id, starts_at, duration_minutes))
        return session.get(Interview, interview_id)

    monkeypatch.setattr(changes, "reschedule_interview", reschedule_interview)
    return calls


def test_moving_reads_the_organisations_wall_clock(session, world, rescheduled):
    interview = _interview(session, world["kari"], datetime(2030, 3, 20, 8, tzinfo=UTC))
    calendar.move_interview(session, world["recruiter"], interview.id, "2030-04-02", "09:30", "45")
    assert rescheduled == [(interview.id, datetime(2030, 4, 2, 7, 30, tzinfo=UTC), 45)]  # CEST


@pytest.mark.parametrize(("day", "clock", "duration", "field"), [
    ("", "09:00", "60", "date"), ("2030-02-30", "09:00", "60", "date"), ("2030-04-02", "9 am", "60", "time"),
    ("2030-03-31", "02:30", "60", "time"),  # clocks go forward: 02:30 never happens in Oslo
    ("2020-04-02", "09:00", "60", "date"), ("2030-04-02", "09:00", "5", "duration"),
    ("2030-04-02", "09:00", "sixty", "duration"), ("2030-04-02", "09:00", "600", "duration"),
])
def test_a_wrong_move_names_the_field(session, world, rescheduled, day, clock, duration, field):
    interview = _interview(session, world["kari"], datetime(2030, 3, 20, 8, tzinfo=UTC))
    with pytest.raises(InvalidChoice) as wrong:
        calendar.move_interview(session, world["recruiter"], interview.id, day, clock, duration)
    assert wrong.value.field == field
    assert rescheduled == []


def test_moving_through_the_interview_service_sends_an_updated_invitation(session, world):
    from ats_app.models import Message
    interview = _interview(session, world["kari"], datetime(2030, 3, 20, 8, tzinfo=UTC), recruiters=(world["anna"],))
    calendar.move_interview(session, world["recruiter"], interview.id, "2030-04-02", "09:30", "45")
    session.commit()
    session.expire_all()
    moved = session.get(Interview, interview.id)
    assert (moved.starts_at.astimezone(UTC), moved.duration_minutes, moved.sequence) == \
        (datetime(2030, 4, 2, 7, 30, tzinfo=UTC), 45, 1)
    assert session.exec(select(Message).where(Message.interview_id == interview.id)).first() is not None


def test_a_hiring_manager_cannot_move(session, world, rescheduled):
    interview = _interview(session, world["kari"], datetime(2030, 3, 20, 8, tzinfo=UTC))
    with pytest.raises(NotAllowed):
        calendar.move_interview(session, world["manager"], interview.id, "2030-04-02", "09:30", "45")
    assert rescheduled == []


async def _calendar(email):
    root = client()
    await log_in(root, email)
    state = state_of(root, CalendarState)
    await call(state, "load")
    return state


async def test_the_page_shows_this_week_and_lets_a_recruiter_set_an_answer(session, world):
    soon = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    interview = _interview(session, world["kari"], soon, recruiters=(world["anna"],))
    state = await _calendar("anna@example.com")
    assert state.can_act and len(state.days) == 7 and state.title.startswith("Week ")
    [card] = [e for d in state.days for e in d.interviews]
    assert (card.id, card.candidate, card.href, card.acceptance) == \
        (interview.id, "Kari Nordmann", f"/applications/{world['kari'].id}", "awaiting")
    await call(state, "open_interview", interview.id)
    assert state.edit_id == interview.id and state.move_duration == "60"
    await call(state, "choose_acceptance", "accepted")
    assert [e.acceptance for d in state.days for e in d.interviews] == ["accepted"]
    await call(state, "set_view", "month")
    assert len(state.days) == 42
    await call(state, "step", "next")
    assert not any(d.interviews for d in state.days if d.in_month)


async def test_a_hiring_manager_reads_the_calendar_but_cannot_change_it(session, world):
    today = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    interview = _interview(session, world["kari"], today)
    state = await _calendar("manager@example.com")
    assert not state.can_act
    assert [e.id for d in state.days for e in d.interviews] == [interview.id]
    await call(state, "open_interview", interview.id)
    assert state.edit_id == 0
    state.edit_id = interview.id  # as if the browser forged the dialog open
    result = await call(state, "choose_acceptance", "accepted")
    assert "/login" not in str(result)
    session.refresh(interview)
    assert interview.acceptance == InterviewAcceptance.AWAITING
