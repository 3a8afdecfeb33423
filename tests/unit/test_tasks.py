"""Tasks: call tasks from the rejection wizard, logging calls, the confirmation email, Mark done, the page state."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import select

from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.mail.compose import Draft
from ats_app.models import ApplicationEvent, Candidate, Message, Role, Setting, Task
from ats_app.tasks import calls as tasks
from ats_app.tasks.ui.tasks_state import TasksState
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user
from tests.unit.state_helpers import call, client, log_in, state_of

SENDER = "Rita Recruiter <recruitment@example.com>"
UTC = timezone.utc


@pytest.fixture
def world(session):
    """Two departments; an admin, a recruiter in Sales, a hiring manager in Engineering; one applicant
    to an Engineering project with a Norwegian mobile number."""
    engineering, sales = make_department(session, "Engineering"), make_department(session, "Sales")
    make_user(session, "admin@example.com", name="Rita Recruiter")
    sam = make_user(session, "recruiter@example.com", role=Role.RECRUITER, name="Sam Sales", department_id=sales.id)
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER, name="Mia Manager",
              department_id=engineering.id)
    project = make_project(session, "Backend developer", department=engineering, owner_id=sam.id)
    application = make_application(session, project, ranking=1)
    candidate = session.get(Candidate, application.candidate_id)
    candidate.mobile = "+4740324156"
    session.add(candidate)
    session.commit()
    return {"admin": login_as(session, "admin@example.com"), "recruiter": login_as(session, "recruiter@example.com"),
            "manager": login_as(session, "manager@example.com"), "application": application, "project": project}


def _call_task(session, world, who="admin", note="Top candidate: call before the email goes out") -> Task:
    task = tasks.create_call_task(session, world[who], world["application"].id, note)
    session.commit()
    return task


def _events(session, kind: str) -> list[ApplicationEvent]:
    session.expire_all()
    return list(session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == kind)
                             .order_by(ApplicationEvent.id)).all())


def test_a_call_task_is_listed_with_the_phone_for_recruiters_and_admins_only(session, world):
    task = _call_task(session, world)
    assert (task.kind, task.assignee_id, task.done_at) == ("call_candidate", world["admin"].id, None)
    assert [e.payload for e in _events(session, "call_task_created")] == [{"task_id": task.id}]
    for who in ("admin", "recruiter"):  # the recruiter is in another department: recruiters see every project
        rows = tasks.list_tasks(session, world[who], show="open", mine_only=False)
        assert [r.id for r in rows] == [task.id], who
    row = rows[0]
    assert (row.candidate_name, row.phone, row.phone_readable) == ("Kari Nordmann", "+4740324156", "+47 40 32 41 56")
    assert (row.project_title, row.application_id, row.assignee_name) == ("Backend developer", world["application"].id,
                                                                          "Rita Recruiter")
    assert row.note.startswith("Top candidate") and row.is_open and row.due_at.tzinfo is not None
    assert tasks.list_tasks(session, world["manager"], show="all", mine_only=False) == []  # sees the project, no tasks
    assert tasks.list_tasks(session, world["recruiter"], show="open", mine_only=True) == []
    assert tasks.list_tasks(session, world["admin"], show="done", mine_only=False) == []
    with pytest.raises(NotAllowed):
        tasks.create_call_task(session, world["manager"], world["application"].id, None)


def test_a_second_call_task_for_the_same_applicant_is_not_created(session, world):
    first = _call_task(session, world)
    again = tasks.create_call_task(session, world["recruiter"], world["application"].id, "again")
    assert again.id == first.id
    assert len(session.exec(select(Task)).all()) == 1
    with pytest.raises(ActionRefused):
        tasks.create_call_task(session, world["admin"], 999_999, None)


def test_tasks_without_an_application_are_seen_by_their_assignee_or_by_all_when_unassigned(session, world):
    mine = Task(kind="data_deletion", assignee_id=world["recruiter"].id, note="candidate 7")
    nobodys = Task(kind="data_deletion", note="candidate 8")
    others = Task(kind="data_deletion", assignee_id=world["admin"].id, note="candidate 9")
    session.add_all([mine, nobodys, others])
    session.commit()
    seen = {r.id for r in tasks.list_tasks(session, world["recruiter"], show="all", mine_only=False)}
    assert seen == {mine.id, nobodys.id}
    assert {r.id for r in tasks.list_tasks(session, world["recruiter"], show="all", mine_only=True)} == {mine.id}


def test_open_tasks_come_first_by_due_date_then_done_ones(session, world):
    now = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
    app_id = world["application"].id
    later = Task(application_id=app_id, kind="new_interview_time", due_at=now + timedelta(days=2))
    sooner = Task(application_id=app_id, kind="data_deletion", due_at=now + timedelta(days=1))
    undated = Task(application_id=app_id, kind="new_interview_time")
    done = Task(application_id=app_id, kind="data_deletion", due_at=now - timedelta(days=9), done_at=now)
    session.add_all([later, sooner, undated, done])
    session.commit()
    rows = tasks.list_tasks(session, world["admin"], show="all", mine_only=False)
    assert [r.id for r in rows] == [sooner.id, later.id, undated.id, done.id]
    assert [r.id for r in tasks.list_tasks(session, world["admin"], show="done", mine_only=False)] == [done.id]


@pytest.mark.parametrize(("now", "due"), [
    # the night before summer time starts in Oslo (29 March 2026): 09:00 CEST is 07:00 UTC, not 08:00
    (datetime(2026, 3, 28, 20, 0, tzinfo=UTC), datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
    # already 00:30 on the 29th in Oslo: tomorrow is the 30th
    (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), datetime(2026, 3, 30, 7, 0, tzinfo=UTC)),
    # the night before winter time (25 October 2026): 09:00 CET is 08:00 UTC
    (datetime(2026, 10, 24, 20, 0, tzinfo=UTC), datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),
])
def test_no_answer_keeps_the_task_open_and_due_tomorrow_at_nine_oslo_time(session, world, now, due):
    task = _call_task(session, world)
    tasks.log_call(session, world["admin"], task.id, called_at=now - timedelta(minutes=2), outcome="no_answer",
                   note="Rang twice", confirmation=None, sender=None, now=now)
    session.commit()
    session.expire_all()
    task = session.get(Task, task.id)
    assert task.done_at is None and task.outcome == "no_answer" and task.outcome_note == "Rang twice"
    assert task.due_at.replace(tzinfo=UTC) == due
    assert task.called_at.replace(tzinfo=UTC) == now - timedelta(minutes=2)
    [row] = tasks.list_tasks(session, world["admin"], show="open", mine_only=True)
    assert row.due_at == due and row.outcome == "no_answer"


def test_the_organisations_time_zone_decides_the_morning(session, world):
    session.add(Setting(key="time_zone", value="Europe/Helsinki"))
    session.commit()
    task = _call_task(session, world)
    now = datetime(2026, 3, 28, 20, 0, tzinfo=UTC)
    tasks.log_call(session, world["admin"], task.id, called_at=now, outcome="no_answer", note="", now=now)
    assert task.due_at == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)  # 09:00 EEST


def test_reached_closes_the_task_and_keeps_the_note_out_of_the_payload(session, world):
    task = _call_task(session, world)
    tasks.log_call(session, world["recruiter"], task.id, called_at=datetime.now(UTC), outcome="reached",
                   note="She took it well; wants feedback on the test.", confirmation=None, sender=None)
    session.commit()
    session.expire_all()
    task = session.get(Task, task.id)
    assert task.done_at is not None and task.done_by_id == world["recruiter"].id and task.outcome == "reached"
    [event] = _events(session, "call_logged")
    assert event.payload == {"outcome": "reached"}
    assert event.note == "She took it well; wants feedback on the test."
    assert event.actor_id == world["recruiter"].id and event.application_id == world["application"].id
    assert tasks.list_tasks(session, world["admin"], show="open", mine_only=False) == []
    [row] = tasks.list_tasks(session, world["admin"], show="done", mine_only=False)
    assert row.done_by_name == "Sam Sales" and not row.is_open
    with pytest.raises(ActionRefused):  # logged once: it is done
        tasks.log_call(session, world["admin"], task.id, called_at=datetime.now(UTC), outcome="reached", note="")


def test_a_confirmation_goes_out_in_the_candidates_language_with_history(session, world):
    task = _call_task(session, world)
    draft = tasks.confirmation_draft("nb")
    assert draft.language == "nb" and "{firstname}" in draft.body
    tasks.log_call(session, world["admin"], task.id, called_at=datetime.now(UTC), outcome="left_message",
                   note="Voicemail", confirmation=draft, sender=SENDER)
    session.commit()
    [message] = session.exec(select(Message)).all()
    assert (message.purpose, message.kind, message.language) == ("call_confirmation", "custom", "nb")
    assert message.recipient == "kari.nordmann@example.com" and message.subject == "Samtalen vår om Backend developer"
    assert "Hei Kari" in message.body_text and "Rita Recruiter" in message.body_text
    [sent] = _events(session, "email_sent")
    assert sent.message_id == message.id and sent.payload == {"purpose": "call_confirmation", "task_id": task.id}
    assert session.get(Task, task.id).done_at is not None  # a left message closes it too


@pytest.mark.parametrize(("change", "field"), [
    ({"outcome": "maybe"}, "outcome"),
    ({"called_at": datetime.now(UTC) + timedelta(minutes=10)}, "called_at"),
    ({"called_at": None}, "called_at"),
    ({"note": "x" * 2001}, "note"),
    ({"confirmation": Draft("nb", "Hei", "Takk"), "sender": "me@elsewhere.org"}, "sender"),
    ({"confirmation": Draft("nb", "", "Takk"), "sender": SENDER}, "subject:nb"),
    ({"confirmation": Draft("nb", "Hei", "{shoesize}"), "sender": SENDER}, "body:nb"),
])
def test_bad_input_names_the_field_and_changes_nothing(session, world, change, field):
    task = _call_task(session, world)
    choices = {"called_at": datetime.now(UTC), "outcome": "reached", "note": "ok", "confirmation": None,
               "sender": None, **change}
    with pytest.raises(InvalidChoice) as refused:
        tasks.log_call(session, world["admin"], task.id, **choices)
    assert refused.value.field == field
    assert "{" not in refused.value.message or refused.value.params  # placeholders get their values
    session.rollback()
    session.expire_all()
    assert session.get(Task, task.id).outcome is None and _events(session, "call_logged") == []
    assert session.exec(select(Message)).all() == []


def test_a_call_a_few_minutes_ahead_passes_clock_drift(session, world):
    task = _call_task(session, world)
    now = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
    tasks.log_call(session, world["admin"], task.id, called_at=now + timedelta(minutes=4), outcome="reached",
                   note="", now=now)
    assert task.done_at == now


def test_hiring_managers_cannot_log_or_close(session, world):
    task = _call_task(session, world)
    with pytest.raises(NotAllowed):
        tasks.log_call(session, world["manager"], task.id, called_at=datetime.now(UTC), outcome="reached", note="")
    with pytest.raises(NotAllowed):
        tasks.close_task(session, world["manager"], task.id)


def test_mark_done_closes_other_kinds_with_history_but_not_calls(session, world):
    deletion = Task(application_id=world["application"].id, kind="data_deletion", note="Please delete my data")
    session.add(deletion)
    session.commit()
    tasks.close_task(session, world["recruiter"], deletion.id)
    session.commit()
    assert deletion.done_by_id == world["recruiter"].id and deletion.done_at is not None
    [event] = _events(session, "task_done")
    assert event.payload == {"task_id": deletion.id, "task_kind": "data_deletion"}
    with pytest.raises(ActionRefused):
        tasks.close_task(session, world["recruiter"], deletion.id)
    call_task = _call_task(session, world)
    with pytest.raises(ActionRefused):
        tasks.close_task(session, world["admin"], call_task.id)


def test_the_date_time_input_is_read_in_the_users_time_zone():
    assert tasks.parse_local_moment("2026-03-29T09:30", "Europe/Oslo") == datetime(2026, 3, 29, 7, 30, tzinfo=UTC)
    assert tasks.local_input_value(datetime(2026, 3, 29, 7, 30, tzinfo=UTC), "Europe/Oslo") == "2026-03-29T09:30"
    with pytest.raises(InvalidChoice) as refused:
        tasks.parse_local_moment("yesterday", "Europe/Oslo")
    assert refused.value.field == "called_at"


def test_every_language_has_a_confirmation_that_passes_the_checks():
    from ats_app.core.i18n import LANGUAGES
    from ats_app.mail.compose import check_drafts

    assert set(tasks.CONFIRMATION_DEFAULTS) == set(LANGUAGES)
    check_drafts("custom", [tasks.confirmation_draft(code) for code in LANGUAGES])
    assert tasks.confirmation_draft("xx").language == "en"


# --- the page's state -------------------------------------------------------------------------------------------

async def _tasks_state(email: str) -> TasksState:
    root = client()
    await log_in(root, email)
    return state_of(root, TasksState)


async def test_the_page_logs_a_call_with_a_confirmation(session, world):
    task = _call_task(session, world)
    state = await _tasks_state("admin@example.com")
    await call(state, "load")
    [card] = state.rows
    assert (card.kind, card.phone, card.phone_readable) == ("call_candidate", "+4740324156", "+47 40 32 41 56")
    assert card.href == f"/applications/{world['application'].id}" and card.is_open
    await call(state, "open_call", task.id)
    assert state.call_id == task.id and state.outcome == "reached" and len(state.called_at) == 16
    assert state.draft_language == "nb" and state.subject.startswith("Samtalen")
    await call(state, "set_call_field", "called_at", "2999-01-01T10:00")
    await call(state, "log_call")
    assert set(state.errors) == {"called_at"} and state.call_id == task.id
    await call(state, "set_call_field", "called_at", "2026-01-05T10:00")
    await call(state, "set_call_field", "call_note", "Told her on the phone.")
    await call(state, "set_confirm", True)
    await call(state, "set_call_field", "subject", "")
    await call(state, "log_call")
    assert set(state.errors) == {"subject"}
    await call(state, "set_call_field", "subject", "Takk for praten")
    await call(state, "log_call")
    assert state.errors == {} and state.call_id == 0 and state.rows == [] and state.notice == "Call logged."
    session.expire_all()
    done = session.get(Task, task.id)
    assert done.called_at.replace(tzinfo=UTC) == datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # 10:00 in Oslo
    assert session.exec(select(Message)).one().subject == "Takk for praten"


async def test_the_page_marks_other_tasks_done_and_filters(session, world):
    deletion = Task(application_id=world["application"].id, kind="data_deletion", assignee_id=world["admin"].id)
    session.add(deletion)
    session.commit()
    state = await _tasks_state("recruiter@example.com")
    await call(state, "load")
    assert [r.id for r in state.rows] == [deletion.id]
    await call(state, "set_whose", "mine")
    assert state.rows == []
    await call(state, "set_whose", "everyone")
    await call(state, "mark_done", deletion.id)
    assert state.rows == [] and state.notice == "Task marked as done."
    await call(state, "set_show", "done")
    assert [r.done_by for r in state.rows] == ["Sam Sales"]
    await call(state, "set_show", "bogus")
    assert state.show == "open"


async def test_a_hiring_manager_gets_no_tasks_page(session, world):
    _call_task(session, world)
    state = await _tasks_state("manager@example.com")
    await call(state, "load")
    assert state.forbidden and state.rows == []
    await call(state, "open_call", 1)
    assert state.call_id == 0
