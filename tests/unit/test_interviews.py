"""Inviting to interview (the rules): the reminder rule, the include-link default, the invitation with its
sealed answer link and .ics, consecutive slots, and moving an interview."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlmodel import select

from ats_app.core import files
from ats_app.core.errors import InvalidChoice
from ats_app.core.tokens import token_hash
from ats_app.handling import further_progress as fp
from ats_app.interviews import answer_links, changes, reminders
from ats_app.interviews import invitation as interviews
from ats_app.models import Application, Interview, Message
from ats_app.models import ApplicationStatus as S
from ats_app.models import MessageStatus as M
from ats_app.models.base import utcnow
from tests.unit.factories import login_as, make_application, make_project, make_user

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def admin(session):
    make_user(session, "admin@example.com", name="Rita Recruiter")
    return login_as(session)


@pytest.fixture
def project(session):
    return make_project(session)


def test_a_monday_interview_with_a_two_day_reminder_is_reminded_on_saturday_at_nine():
    monday = datetime(2026, 11, 30, 10, 0, tzinfo=OSLO).astimezone(timezone.utc)
    sent = reminders.reminder_at(monday, 2, OSLO)
    assert sent.astimezone(OSLO) == datetime(2026, 11, 28, 9, 0, tzinfo=OSLO) and sent.astimezone(OSLO).weekday() == 5


@pytest.mark.parametrize("interview,days,expected_utc", [
    (datetime(2026, 3, 31, 10, 0, tzinfo=OSLO), 3, datetime(2026, 3, 28, 8, 0, tzinfo=timezone.utc)),  # CET
    (datetime(2026, 3, 31, 10, 0, tzinfo=OSLO), 1, datetime(2026, 3, 30, 7, 0, tzinfo=timezone.utc)),  # CEST
    (datetime(2026, 10, 27, 10, 0, tzinfo=OSLO), 3, datetime(2026, 10, 24, 7, 0, tzinfo=timezone.utc)),  # CEST
    (datetime(2026, 10, 27, 10, 0, tzinfo=OSLO), 1, datetime(2026, 10, 26, 8, 0, tzinfo=timezone.utc)),  # CET
])
def test_reminders_stay_at_nine_local_across_both_daylight_saving_changes(interview, days, expected_utc):
    assert reminders.reminder_at(interview.astimezone(timezone.utc), days, OSLO) == expected_utc


def test_the_include_link_default_for_one_and_for_mixed_languages():
    assert interviews.include_link_by_default(["Welcome"]) is True
    assert interviews.include_link_by_default(["Welcome {confirmlink}"]) is False
    assert interviews.include_link_by_default(["Velkommen {confirmlink}", "Welcome"]) is True
    assert interviews.include_link_by_default(["Velkommen {confirmlink}", "Welcome {confirmlink}"]) is False


def _choices(admin_id, start: datetime, **more):
    local = start.astimezone(OSLO)
    return {"interview_type": "first", "mode": "in_person", "recruiters": [admin_id],
            "date": local.date().isoformat(), "time": local.strftime("%H:%M"), "duration": 45,
            "place": "Storgata 1, Oslo", "action": "send", "include_link": True,
            "sender": "Rita <recruitment@example.com>",
            "drafts": [{"language": "nb", "subject": "Intervju {interviewdate}",
                        "body": "Hei {firstname}, velkommen {interviewdate} kl. {interviewtime}, {address}."}],
            "reminder": "email", "reminder_days": 1,
            "reminder_drafts": [{"language": "nb", "subject": "Påminnelse", "body": "Vi sees {interviewtime}."}],
            **more}


def test_seven_days_before_an_interview_three_days_away_is_refused(session, admin, project):
    application = make_application(session, project)
    soon = utcnow() + timedelta(days=3)
    with pytest.raises(InvalidChoice) as refused:
        fp.run(session, admin, "invite", [application.id], _choices(admin.id, soon, reminder_days=7))
    assert refused.value.field == "reminder_days" and "already passed" in refused.value.message
    assert session.exec(select(Interview)).all() == []


def test_inviting_two_applicants_gives_consecutive_slots_links_ics_and_reminders(session, admin, project):
    first = make_application(session, project, first_name="Kari")
    second = make_application(session, project, first_name="Ola")
    start = (utcnow() + timedelta(days=10)).replace(second=0, microsecond=0)
    result = fp.run(session, admin, "invite", [first.id, second.id],
                    _choices(admin.id, start, applicants=[first.id, second.id]))
    assert result.done == 2
    session.expire_all()
    assert {session.get(Application, i).status for i in (first.id, second.id)} == {S.INVITED}
    one, two = session.exec(select(Interview).order_by(Interview.id)).all()
    assert two.starts_at - one.starts_at == timedelta(minutes=45)
    assert one.confirm_token_hash == token_hash(answer_links.confirm_token(one))
    invitations = session.exec(select(Message).where(Message.purpose == "interview_invitation")).all()
    assert len(invitations) == 2
    invitation = next(m for m in invitations if m.interview_id == one.id)
    assert "/interview/__ATS_CONFIRM_" in invitation.body_html  # the row holds no token
    assert answer_links.confirm_token(one) not in invitation.body_html
    ics = Calendar.from_ical(files.read_bytes(invitation.attachments[0]["file_key"]))
    [event] = ics.walk("VEVENT")
    assert str(event["uid"]) == f"interview-{one.id}@nordlys-ats" and int(event["sequence"]) == 0
    reminders = session.exec(select(Message).where(Message.purpose == "interview_reminder")).all()
    assert {m.interview_id for m in reminders} == {one.id, two.id}
    assert all(m.scheduled_at.astimezone(OSLO).hour == 9 for m in reminders)


def test_moving_an_interview_bumps_the_sequence_and_reschedules_its_reminder(session, admin, project):
    application = make_application(session, project)
    start = (utcnow() + timedelta(days=10)).replace(second=0, microsecond=0)
    fp.run(session, admin, "invite", [application.id], _choices(admin.id, start))
    interview = session.exec(select(Interview)).one()
    changes.reschedule_interview(session, admin, interview.id, start + timedelta(days=2), 60)
    session.commit()
    session.expire_all()
    moved = session.get(Interview, interview.id)
    assert moved.sequence == 1 and moved.duration_minutes == 60
    reminders = session.exec(select(Message).where(Message.purpose == "interview_reminder")
                             .order_by(Message.id)).all()
    assert [m.status for m in reminders] == [M.CANCELLED, M.QUEUED]
    assert reminders[1].scheduled_at > reminders[0].scheduled_at
    updated = session.exec(select(Message).where(Message.purpose == "interview_invitation")
                           .order_by(Message.id.desc())).first()
    [event] = Calendar.from_ical(files.read_bytes(updated.attachments[0]["file_key"])).walk("VEVENT")
    assert int(event["sequence"]) == 1


def test_an_interview_in_the_past_or_without_recruiters_is_refused(session, admin, project):
    application = make_application(session, project)
    with pytest.raises(InvalidChoice) as past:
        fp.run(session, admin, "invite", [application.id], _choices(admin.id, utcnow() - timedelta(hours=1)))
    assert past.value.field == "date"
    with pytest.raises(InvalidChoice) as nobody:
        fp.run(session, admin, "invite", [application.id],
               _choices(admin.id, utcnow() + timedelta(days=5), recruiters=[]))
    assert nobody.value.field == "recruiters"


def test_rejecting_calls_off_coming_interviews_and_their_reminders(session, admin, project):
    from ats_app.organisation.reference_data import ensure_reference_data

    ensure_reference_data(session)
    session.commit()
    application = make_application(session, project)
    start = (utcnow() + timedelta(days=10)).replace(second=0, microsecond=0)
    fp.run(session, admin, "invite", [application.id], _choices(admin.id, start))
    fp.run(session, admin, "reject", [application.id],
           {"rejection_type": "after_application_review", "reason": "other", "timing": "none"})
    session.expire_all()
    assert session.exec(select(Interview)).one().cancelled_at is not None
    reminder = session.exec(select(Message).where(Message.purpose == "interview_reminder")).one()
    assert reminder.status == M.CANCELLED


def test_a_typed_placeholder_never_pulls_another_interviews_link_into_an_email(session, admin, project):
    from ats_app.delivery.email_providers import outgoing

    application = make_application(session, project)
    start = (utcnow() + timedelta(days=10)).replace(second=0, microsecond=0)
    fp.run(session, admin, "invite", [application.id], _choices(admin.id, start, reminder="none"))
    interview = session.exec(select(Interview)).one()
    token = answer_links.confirm_token(interview)
    own = session.exec(select(Message).where(Message.purpose == "interview_invitation")).one()
    assert token in outgoing(own, session).params["html"]  # its own link is revealed
    fp.run(session, admin, "forward", [application.id],
           {"recipient": "me@example.com", "sender": "recruitment@example.com",
            "note": f"__ATS_CONFIRM_{interview.id}__ and __ATS_LINK_1__"})
    forwarded = session.exec(select(Message).where(Message.purpose == "forward")).one()
    params = outgoing(forwarded, session).params
    assert token not in params["html"] + params["text"] and "expired" in params["text"]


def test_cancelling_an_interview_cancels_its_reminder_and_sends_a_cancelled_invitation(session, admin, project):
    application = make_application(session, project)
    start = (utcnow() + timedelta(days=10)).replace(second=0, microsecond=0)
    fp.run(session, admin, "invite", [application.id], _choices(admin.id, start))
    interview = session.exec(select(Interview)).one()
    changes.cancel_interview(session, admin, interview.id)
    session.commit()
    session.expire_all()
    assert session.get(Interview, interview.id).cancelled_at is not None
    reminder = session.exec(select(Message).where(Message.purpose == "interview_reminder")).one()
    assert reminder.status == M.CANCELLED
    cancelled = session.exec(select(Message).where(Message.purpose == "interview_cancelled")).one()
    [event] = Calendar.from_ical(files.read_bytes(cancelled.attachments[0]["file_key"])).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert "METHOD:CANCEL" in files.read_bytes(cancelled.attachments[0]["file_key"]).decode()
    assert session.get(Application, application.id).status == S.INVITED  # the status stays
