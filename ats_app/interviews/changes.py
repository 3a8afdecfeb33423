"""Moving and cancelling an interview from the recruitment calendar.

A move bumps the calendar file's SEQUENCE, cancels the waiting reminders and queues them anew (with the
recruiter's own reminder text), and emails the updated invitation. Cancelling cancels the reminders and
emails a METHOD:CANCEL invitation with the same UID, so the candidate's calendar drops the meeting;
the application's status stays.
"""

from datetime import datetime

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import check, require
from ats_app.applications.lookup import NOT_FOUND, find_application
from ats_app.core.errors import ActionRefused, InvalidChoice
from ats_app.core.i18n import N_, gettext
from ats_app.delivery.outbox import cancel_waiting
from ats_app.interviews import answer_links
from ats_app.interviews.details import email_kind, ics_attachment, interview_values
from ats_app.interviews.invitation import DURATION_MINUTES, INVITE, send_invitation
from ats_app.interviews.reminders import KIND as REMINDER_KIND
from ats_app.interviews.reminders import PURPOSE as REMINDER
from ats_app.interviews.reminders import ReminderPlan, queue_reminders, reminder_at
from ats_app.mail.compose import Draft, default_sender, drafts_from_template, queue_to_candidate, sender_user
from ats_app.mail.tag_values import organisation_zone, recipients
from ats_app.models import Candidate, Interview, InterviewAcceptance
from ats_app.models.base import utcnow

CANCEL_SUBJECT = N_("Cancelled: {type} {date} at {time}")
CANCEL_BODY = N_("Hi {name},\n\nThe {type} on {date} at {time} has been cancelled. We will be in touch.\n\n"
                 "Kind regards,\n{sender}")


def _open_interview(session: Session, interview_id: int) -> Interview:
    interview = session.get(Interview, interview_id)
    if interview is None or interview.cancelled_at is not None:
        raise ActionRefused(NOT_FOUND)
    return interview


def reschedule_interview(session: Session, user: CurrentUser, interview_id: int, starts_at: datetime,
                         duration_minutes: int) -> Interview:
    """Move an interview: new time, SEQUENCE + 1, its waiting reminders cancelled and queued anew, and the
    updated invitation (.ics) emailed to the candidate."""
    require(user, INVITE)
    interview = _open_interview(session, interview_id)
    application = find_application(session, user, interview.application_id)  # visibility
    check(INVITE, application)  # a withdrawn, rejected or hired applicant's interview does not move
    if interview.acceptance == "not_relevant":
        raise ActionRefused(N_("the candidate has withdrawn"))
    if starts_at <= utcnow():
        raise InvalidChoice("date", N_("The interview must be in the future."))
    if not DURATION_MINUTES[0] <= int(duration_minutes) <= DURATION_MINUTES[1]:
        raise InvalidChoice("duration", N_("Enter a duration from 10 to 480 minutes."))
    interview.starts_at, interview.duration_minutes = starts_at, int(duration_minutes)
    interview.sequence += 1
    interview.acceptance = InterviewAcceptance.AWAITING
    session.add(interview)
    session.flush()
    cancel_waiting(session, interview_id=interview.id, purposes=(REMINDER,))
    link = answer_links.seal(session, interview)
    [person] = recipients(session, [interview.application_id], sender_user(session, user))
    sender = default_sender(user, INVITE.key)
    send_invitation(session, user, interview,
                    drafts_from_template(session, email_kind(interview.interview_type), [person.language]),
                    sender=sender, link=link, with_link=True, history="interview_moved")
    zone = organisation_zone(session)
    if interview.reminder_channel != "none" and interview.reminder_days and \
            reminder_at(interview.starts_at, interview.reminder_days, zone) > utcnow():
        kept = [Draft(person.language, interview.reminder_subject, interview.reminder_body)] \
            if interview.reminder_subject and interview.reminder_body else \
            drafts_from_template(session, REMINDER_KIND, [person.language])
        queue_reminders(session, user, interview,
                        ReminderPlan(interview.reminder_channel, interview.reminder_days, kept),
                        sender=sender, link=link, zone=zone)
    return interview


def cancel_interview(session: Session, user: CurrentUser, interview_id: int) -> Interview:
    """Call an interview off: its waiting reminders are cancelled and the candidate gets an email with a
    METHOD:CANCEL .ics (same UID, SEQUENCE + 1) so their calendar drops the meeting. The status stays."""
    require(user, INVITE)
    interview = _open_interview(session, interview_id)
    find_application(session, user, interview.application_id)  # visibility
    if interview.starts_at <= utcnow():
        raise ActionRefused(N_("the interview has already taken place"))
    interview.cancelled_at, interview.sequence = utcnow(), interview.sequence + 1
    session.add(interview)
    cancel_waiting(session, interview_id=interview.id, purposes=(REMINDER, "interview_invitation"))
    me = sender_user(session, user)
    [person] = recipients(session, [interview.application_id], me)
    candidate = session.get(Candidate, person.candidate_id)
    values = interview_values(session, interview, person.language, None).values
    words = {"type": values["interviewtype"], "date": values["interviewdate"], "time": values["interviewtime"],
             "name": candidate.first_name, "sender": me.name if me else ""}
    draft = Draft(person.language, gettext(person.language, CANCEL_SUBJECT).format(**words),
                  gettext(person.language, CANCEL_BODY).format(**words))
    message = queue_to_candidate(session, user, person, draft, kind="custom", purpose="interview_cancelled",
                                 sender=default_sender(user, INVITE.key), history="interview_cancelled",
                                 interview_id=interview.id)
    message.attachments = [ics_attachment(session, interview, candidate, me, cancelled=True)]
    session.add(message)
    return interview
