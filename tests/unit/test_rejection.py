"""Rejecting well (the rules): the type preselection, scheduling at 09:00 local across daylight saving,
the refusals, cancel (the rejection stays) and undo (while the email has not left)."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.delivery import outbox_admin
from ats_app.handling import further_progress as fp
from ats_app.models import Application, ApplicationEvent, Interview, Message, RejectionReason, RejectionType
from ats_app.models import ApplicationStatus as S
from ats_app.models import MessageStatus as M
from ats_app.models.base import utcnow
from ats_app.organisation.reference_data import ensure_reference_data
from ats_app.rejection import proposal as rejection_proposal
from ats_app.rejection import reject as rejection
from ats_app.rejection import undo
from tests.unit.factories import email_choices, login_as, make_application, make_project, make_user

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def admin(session):
    ensure_reference_data(session)
    session.commit()
    make_user(session, "admin@example.com")
    return login_as(session)


@pytest.fixture
def project(session):
    return make_project(session, screening_questions=[
        {"id": "permit", "text": {"en": "Work permit?"}, "knockout": "no"}])


def _interview(session, application, kind="first", mode="in_person", days=-2):
    session.add(Interview(application_id=application.id, interview_type=kind, mode=mode,
                          starts_at=utcnow() + timedelta(days=days)))
    session.commit()


def _choices(**more):
    base = email_choices(subject="Thank you, {firstname}", body="Dear {firstname}\n\n{message}",
                         language="nb")
    return {**base, "rejection_type": "after_first_interview", "reason": "better_matched_candidates",
            "message": "Another candidate had more Kubernetes experience.", "note": "Strong, keep in mind",
            "timing": "now", **more}


def test_the_type_is_preselected_from_how_far_each_applicant_got(session, admin, project):
    fresh = make_application(session, project, first_name="A")
    knocked = make_application(session, project, first_name="B", screening_answers={"permit": "no"})
    interviewed = make_application(session, project, first_name="C")
    _interview(session, interviewed, "initial", "phone", days=-9)
    _interview(session, interviewed, "second", "video", days=-1)
    _interview(session, interviewed, "third", "in_person", days=+3)  # not held yet
    proposal = rejection_proposal.propose(session, [fresh.id, knocked.id, interviewed.id])
    assert proposal.stages == {fresh.id: "after_application_review", knocked.id: "after_screening",
                               interviewed.id: "after_second_interview"}
    assert proposal.call_instead == []  # nobody met in person, nobody ranked 1
    _interview(session, fresh, "first", "in_person", days=-1)
    knocked.ranking = 1
    session.add(knocked)
    session.commit()
    assert rejection_proposal.propose(session, [fresh.id, knocked.id]).call_instead == sorted([fresh.id, knocked.id])


def test_send_in_n_days_leaves_at_nine_local_across_both_daylight_saving_changes():
    autumn = datetime(2026, 10, 23, 14, 0, tzinfo=timezone.utc)  # Friday, CEST; clocks go back on 25 Oct
    sent = rejection.send_time(3, OSLO, autumn)
    assert sent == datetime(2026, 10, 26, 8, 0, tzinfo=timezone.utc)  # Monday 09:00 CET
    assert sent.astimezone(OSLO).hour == 9
    spring = datetime(2026, 3, 27, 14, 0, tzinfo=timezone.utc)  # Friday, CET; clocks go forward on 29 Mar
    assert rejection.send_time(3, OSLO, spring) == datetime(2026, 3, 30, 7, 0, tzinfo=timezone.utc)  # 09:00 CEST
    late = datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc)  # already 24 Nov in Oslo
    assert rejection.send_time(1, OSLO, late).astimezone(OSLO).date().isoformat() == "2026-11-25"


def test_reject_records_type_reason_note_and_schedules_the_email(session, admin, project):
    application = make_application(session, project)
    result = fp.run(session, admin, "reject", [application.id], _choices(timing="later", delay_days=3))
    assert result.done == 1
    session.expire_all()
    rejected = session.get(Application, application.id)
    assert rejected.status == S.REJECTED and rejected.previous_status == S.NEW
    assert session.get(RejectionType, rejected.rejection_type_id).code == "after_first_interview"
    assert session.get(RejectionReason, rejected.rejection_reason_id).code == "better_matched_candidates"
    [message] = session.exec(select(Message)).all()
    assert message.purpose == "rejection" and message.status == M.QUEUED
    assert message.scheduled_at.astimezone(OSLO).hour == 9 and message.scheduled_at > utcnow() + timedelta(days=1)
    assert "Another candidate had more Kubernetes experience." in message.body_text
    events = session.exec(select(ApplicationEvent).order_by(ApplicationEvent.id)).all()
    assert [e.kind for e in events] == ["status_changed", "rejection_email"]
    assert events[0].note == "Strong, keep in mind" and "note" not in events[0].payload  # never in the payload
    assert events[0].payload["rejection_type"] == "after_first_interview" and events[1].message_id == message.id


def test_no_email_and_leaving_someone_out(session, admin, project):
    quiet = make_application(session, project, first_name="Quiet")
    left_out = make_application(session, project, first_name="Left")
    told = make_application(session, project, first_name="Told")
    fp.run(session, admin, "reject", [quiet.id], _choices(timing="none", sender="", drafts=[]))
    fp.run(session, admin, "reject", [left_out.id, told.id], _choices(leave_out=[left_out.id]))
    recipients = [m.recipient for m in session.exec(select(Message)).all()]
    assert recipients == ["told.nordmann@example.com"]
    session.expire_all()
    assert {session.get(Application, i).status for i in (quiet.id, left_out.id, told.id)} == {S.REJECTED}


@pytest.mark.parametrize("status,reason", [(S.REJECTED, "already rejected"), (S.HIRED, "already hired"),
                                           (S.WITHDRAWN, "already withdrawn")])
def test_a_finished_application_is_refused_with_the_reason(session, admin, project, status, reason):
    application = make_application(session, project, status)
    result = fp.run(session, admin, "reject", [application.id], _choices())
    assert result.done == 0 and result.skipped[0].reason == reason
    assert session.exec(select(Message)).all() == []


def test_a_deleted_application_is_refused(session, admin, project):
    application = make_application(session, project, deleted_at=utcnow())
    assert fp.run(session, admin, "reject", [application.id], _choices()).skipped[0].reason == "deleted"


@pytest.mark.parametrize("change,field", [
    ({"drafts": [{"language": "nb", "subject": "  ", "body": "x"}]}, "subject:nb"),
    ({"drafts": [{"language": "nb", "subject": "Hei", "body": ""}]}, "body:nb"),
    ({"drafts": [{"language": "nb", "subject": "Hei", "body": "{interviewdate}"}]}, "body:nb"),
    ({"rejection_type": "nonsense"}, "rejection_type"),
    ({"reason": "nonsense"}, "reason"),
    ({"timing": "later", "delay_days": "40"}, "delay_days"),
])
def test_bad_input_stops_the_wizard_with_the_field_marked(session, admin, project, change, field):
    application = make_application(session, project)
    with pytest.raises(InvalidChoice) as refused:
        fp.run(session, admin, "reject", [application.id], _choices(**change))
    assert refused.value.field == field
    session.expire_all()
    assert session.get(Application, application.id).status == S.NEW


def test_without_the_reject_right_the_action_is_not_offered_and_refused(session, project):
    ensure_reference_data(session)
    make_user(session, "r@example.com", role="recruiter", can_reject=False)
    recruiter = login_as(session, "r@example.com")
    assert "reject" not in {a.key for a, _ in fp.offered(recruiter)}
    with pytest.raises(NotAllowed):
        fp.run(session, recruiter, "reject", [make_application(session, project).id], _choices())


def test_cancelling_the_scheduled_email_keeps_the_rejection_and_undo_restores_the_status(session, admin, project):
    application = make_application(session, project, S.INVITED)
    fp.run(session, admin, "reject", [application.id], _choices(timing="later", delay_days=2))
    [message] = session.exec(select(Message)).all()
    outbox_admin.cancel_message(session, admin, message.id)
    session.commit()
    session.expire_all()
    assert session.get(Application, application.id).status == S.REJECTED  # cancelling is not undoing
    undo.undo_rejection(session, admin, application.id)
    session.commit()
    session.expire_all()
    undone = session.get(Application, application.id)
    assert undone.status == S.INVITED and undone.rejection_type_id is None and undone.rejection_reason_id is None


def test_undo_cancels_the_waiting_email_and_is_refused_once_it_left(session, admin, project):
    waiting = make_application(session, project, first_name="Waiting")
    told = make_application(session, project, first_name="Told")
    fp.run(session, admin, "reject", [waiting.id, told.id], _choices(timing="later", delay_days=1))
    undo.undo_rejection(session, admin, waiting.id)
    session.commit()
    statuses = {m.recipient: m.status for m in session.exec(select(Message)).all()}
    assert statuses["waiting.nordmann@example.com"] == M.CANCELLED
    sent = session.exec(select(Message).where(Message.recipient == "told.nordmann@example.com")).one()
    sent.status = M.SENT
    session.add(sent)
    session.commit()
    with pytest.raises(ActionRefused) as refused:
        undo.undo_rejection(session, admin, told.id)
    assert refused.value.reason == "the candidate has already been told"


def test_call_instead_creates_a_call_task_and_no_email(session, admin, project):
    from ats_app.models import Task

    called = make_application(session, project, first_name="Called", ranking=1)
    emailed = make_application(session, project, first_name="Emailed")
    assert rejection_proposal.propose(session, [called.id, emailed.id]).call_instead == [called.id]
    fp.run(session, admin, "reject", [called.id, emailed.id], _choices(call_instead=[called.id]))
    [task] = session.exec(select(Task)).all()
    assert task.kind == "call_candidate" and task.application_id == called.id and task.assignee_id == admin.id
    assert [m.recipient for m in session.exec(select(Message)).all()] == ["emailed.nordmann@example.com"]


def test_a_tie_between_stages_goes_to_the_furthest(session, admin, project):
    reviewed = make_application(session, project, first_name="R")
    interviewed = make_application(session, project, first_name="I")
    _interview(session, interviewed, "second", "video", days=-1)
    assert rejection_proposal.propose(session, [reviewed.id, interviewed.id]).type_code == "after_second_interview"


def test_the_portal_shows_no_rejection_before_the_candidate_is_told(session, admin, project):
    from ats_app.portal import self_service as portal

    application = make_application(session, project, S.INVITED)
    fp.run(session, admin, "reject", [application.id], _choices(timing="later", delay_days=3))
    candidate_id = session.get(Application, application.id).candidate_id
    [shown] = portal.applications_for(session, candidate_id, "en")
    assert shown.status == "invited"  # the email waits three days: the portal must not tell first
    message = session.exec(select(Message)).one()
    message.status = M.SENT
    session.add(message)
    session.commit()
    assert portal.applications_for(session, candidate_id, "en")[0].status == "rejected"


def test_undo_closes_the_call_task_and_is_refused_once_the_call_reached_them(session, admin, project):
    from datetime import timedelta as td

    from ats_app.models import Task
    from ats_app.tasks import calls as tasks

    first = make_application(session, project, first_name="First", ranking=1)
    second = make_application(session, project, first_name="Second", ranking=1)
    fp.run(session, admin, "reject", [first.id, second.id], _choices(call_instead=[first.id, second.id]))
    undo.undo_rejection(session, admin, first.id)
    session.commit()
    assert [t.application_id for t in session.exec(select(Task)).all()] == [second.id]
    [task] = session.exec(select(Task)).all()
    tasks.log_call(session, admin, task.id, called_at=utcnow() - td(minutes=1), outcome="reached", note="Told her",
                   confirmation=None, sender=None)
    session.commit()
    with pytest.raises(ActionRefused) as refused:
        undo.undo_rejection(session, admin, second.id)
    assert refused.value.reason == "the candidate has already been told"
