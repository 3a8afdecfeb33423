"""Interview reminders by email, SMS or both, N days before at 09:00.

The rule (SPEC "Interviews"): a reminder leaves at 09:00 in the organisation's time zone on the
interview's local date minus N calendar days, weekends included (a Monday interview with a 2-day
reminder is reminded on Saturday at 09:00); a reminder whose time has passed is refused. Reminders are
outbox rows with their send time, so they can be seen and cancelled on the Outbox, and a move
cancels and queues them anew.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.core.i18n import N_, gettext
from ats_app.core.phones import is_mobile, normalise_number
from ats_app.delivery.sms import SmsParts, queue_sms, sms_parts
from ats_app.interviews.details import TYPE_LABELS, interview_values
from ats_app.mail.compose import Draft, draft_for, queue_to_candidate, sender_user
from ats_app.mail.tag_values import recipients
from ats_app.models import Application, Candidate, Interview

CHANNELS = ("none", "email", "sms", "email_sms")
SMS_CHANNELS = ("sms", "email_sms")  # only for users with SMS access
DAYS = (1, 2, 3, 5, 7)
HOUR = time(9, 0)
KIND = "interview.reminder"
PURPOSE = "interview_reminder"
SMS_TEXT = N_("Reminder: {type} {date} at {time}. {place}")


@dataclass(frozen=True)
class ReminderPlan:
    """How an interview is reminded: channel, days before, and the email's text per language."""

    channel: str
    days: int | None
    drafts: list[Draft]
    signature: str = ""


def reminder_at(starts_at: datetime, days: int, zone) -> datetime:
    """09:00 local on the interview's local date minus days (calendar days), in UTC."""
    local_day = starts_at.astimezone(zone).date() - timedelta(days=days)
    return datetime.combine(local_day, HOUR, tzinfo=zone).astimezone(starts_at.tzinfo)


def may_use(user: CurrentUser, channel: str) -> bool:
    """SMS reminders are for users with SMS access; the others anyone may choose."""
    return channel in CHANNELS and (channel not in SMS_CHANNELS or user.has("can_send_sms"))


def queue_reminders(session: Session, user: CurrentUser, interview: Interview, plan: ReminderPlan, *, sender: str,
                    link: str, zone) -> None:
    """The interview's reminders as outbox rows due at the reminder time (an SMS only to a mobile)."""
    if plan.channel == "none" or not plan.days:
        return
    send_at = reminder_at(interview.starts_at, plan.days, zone)
    [person] = recipients(session, [interview.application_id], sender_user(session, user))
    values = interview_values(session, interview, person.language, link)
    if "email" in plan.channel and plan.drafts:
        draft = draft_for(plan.drafts, person.language)
        if plan.signature:
            draft = Draft(draft.language, draft.subject, draft.body.rstrip() + "\n\n" + plan.signature)
        interview.reminder_subject, interview.reminder_body = draft.subject, draft.body  # kept for a move
        session.add(interview)
        queue_to_candidate(session, user, person, draft, kind=KIND, purpose=PURPOSE, sender=sender, extra=values,
                           history="reminder_scheduled", scheduled_at=send_at, interview_id=interview.id)
    if "sms" in plan.channel:
        candidate = session.get(Candidate, person.candidate_id)
        number = normalise_number(candidate.mobile or "", candidate.country)
        if number and is_mobile(number, candidate.country):  # a landline cannot take an SMS
            text = gettext(person.language, SMS_TEXT).format(
                type=values.values["interviewtype"], date=values.values["interviewdate"],
                time=values.values["interviewtime"], place=values.values["address"])
            queue_sms(session, recipient=number, text=text, purpose=PURPOSE, application_id=interview.application_id,
                      interview_id=interview.id, created_by_id=user.id, scheduled_at=send_at)


def sms_sample(language: str, interview_type: str, day: str, clock: str, place: str) -> tuple[str, SmsParts]:
    """The SMS reminder as it will read (in language), with its length and parts, for the wizard."""
    text = gettext(language, SMS_TEXT).format(type=gettext(language, TYPE_LABELS.get(interview_type, "")),
                                             date=day, time=clock, place=place)
    return text, sms_parts(text)


def without_mobile(session: Session, application_ids: list[int]) -> list[str]:
    """Names of the candidates an SMS reminder cannot reach (no valid mobile number)."""
    rows = session.exec(select(Candidate).join(Application, col(Application.candidate_id) == Candidate.id)
                        .where(col(Application.id).in_(application_ids))).all()
    return [f"{c.first_name} {c.last_name}" for c in rows
            if not is_mobile(normalise_number(c.mobile or "", c.country), c.country)]
