"""Inviting to interview: the slot, the invitation email with its answer link and .ics, and reminders.

The reminder rule (SPEC "Interviews"): sent at 09:00 in the organisation's time zone on the interview's
local date minus N calendar days, weekends included (a Monday interview with a 2-day reminder is reminded
on Saturday at 09:00); a reminder whose time has passed is refused. The answer link is ticked by default
unless every language's content already holds {confirmlink}. Moving an interview bumps its SEQUENCE,
cancels and re-queues its reminders and sends the updated invitation.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from babel.dates import format_date, format_time
from sqlmodel import Session, col, select

from ats_app.models import (Application, ApplicationStatus as S, Candidate, Interview, InterviewRecruiter, Message,
    MessageStatus as M, User)
from ats_app.models.base import utcnow
from ats_app.handling import actions
from ats_app.core import files
from ats_app.interviews import answer_links as interview_links
from ats_app.accounts.auth import CurrentUser
from ats_app.mail.compose import (Draft, check_drafts, check_sender, draft_for, drafts_from_choices,
    queue_to_candidate, sender_user)
from ats_app.mail.render import TagValues
from ats_app.mail.tag_values import organisation_zone, recipients
from ats_app.core.i18n import N_, babel_locale, gettext
from ats_app.interviews.ics import invitation_ics
from ats_app.applications.transitions import check
from ats_app.core.errors import ActionRefused, InvalidChoice

TYPES = ("initial", "first", "second", "third")
MODES = ("in_person", "phone", "video", "group")
REMINDER_CHANNELS = ("none", "email", "sms", "email_sms")
REMINDER_DAYS = (1, 2, 3, 5, 7)
REMINDER_HOUR = time(9, 0)
TYPE_LABELS = {"initial": N_("initial meeting / phone interview"), "first": N_("first interview"),
               "second": N_("second interview"), "third": N_("third interview")}
CONFIRM_LABEL = N_("Answer the invitation")


def reminder_at(starts_at: datetime, days: int, zone) -> datetime:
    """09:00 local on the interview's local date minus days (calendar days), in UTC."""
    local_day = starts_at.astimezone(zone).date() - timedelta(days=days)
    return datetime.combine(local_day, REMINDER_HOUR, tzinfo=zone).astimezone(starts_at.tzinfo)


def include_link_by_default(contents: list[str]) -> bool:
    """Tick "include a confirm link" unless the content in every language already holds {confirmlink}."""
    return not contents or not all("{confirmlink}" in content for content in contents)


@dataclass
class InvitationPlan:
    """The wizard's choices, checked once for the whole run."""

    interview_type: str
    mode: str
    recruiter_ids: list[int]
    starts_at: datetime
    duration: int
    place: str
    shared_slot: bool
    send_email: bool
    include_link: bool
    sender: str
    drafts: list[Draft]
    reminder_channel: str
    reminder_days: int | None
    reminder_drafts: list[Draft] = field(default_factory=list)
    reminder_signature: str = ""
    order: dict[int, int] = field(default_factory=dict)  # application id → its slot (consecutive slots)


def _parse_start(day: str, clock: str, zone) -> datetime | None:
    try:
        local = datetime.combine(date.fromisoformat(str(day)), time.fromisoformat(str(clock)), tzinfo=zone)
    except ValueError:
        return None
    return local.astimezone(utcnow().tzinfo)


def prepare_invitation(session: Session, user: CurrentUser, choices: dict, now: datetime | None = None) -> dict:
    """Check all three steps; raises InvalidChoice naming the field (nothing is done then)."""
    now = now or utcnow()
    zone = organisation_zone(session)
    kind = str(choices.get("interview_type") or "")
    if kind not in TYPES:
        raise InvalidChoice("interview_type", N_("Choose the interview type."))
    mode = str(choices.get("mode") or "in_person")
    if mode not in MODES:
        raise InvalidChoice("mode", N_("Choose how the interview is held."))
    wanted = {int(i) for i in choices.get("recruiters") or [] if str(i).isdigit()}
    recruiters = list(session.exec(select(User.id).where(col(User.id).in_(wanted), User.active))) if wanted else []
    if not recruiters:
        raise InvalidChoice("recruiters", N_("Choose at least one recruiter taking part."))
    starts_at = _parse_start(choices.get("date", ""), choices.get("time", ""), zone)
    if starts_at is None:
        raise InvalidChoice("date", N_("Enter the date and time of the interview."))
    if starts_at <= now:
        raise InvalidChoice("date", N_("The interview must be in the future."))
    try:
        duration = int(choices.get("duration") or 0)
    except (TypeError, ValueError):
        duration = 0
    if not 10 <= duration <= 480:
        raise InvalidChoice("duration", N_("Enter a duration from 10 to 480 minutes."))
    place = " ".join(str(choices.get("place") or "").split())[:300]
    if mode == "video" and not place.startswith(("https://", "http://")):
        raise InvalidChoice("place", N_("Enter the video meeting's link (https://…)."))
    send_email = choices.get("action", "send") == "send"
    sender, drafts = "", []
    if send_email:
        sender = check_sender(choices.get("sender", ""))
        drafts = check_drafts(f"interview.{kind}", drafts_from_choices(choices.get("drafts")))
    channel = str(choices.get("reminder") or "none")
    if channel not in REMINDER_CHANNELS:
        raise InvalidChoice("reminder", N_("Choose a reminder."))
    if "sms" in channel and not user.has("can_send_sms"):
        raise InvalidChoice("reminder", N_("You do not have access to SMS."))
    days, reminder_drafts = None, []
    if channel != "none":
        try:
            days = int(choices.get("reminder_days"))
        except (TypeError, ValueError):
            days = 0
        if days not in REMINDER_DAYS:
            raise InvalidChoice("reminder_days", N_("Choose 1, 2, 3, 5 or 7 days before."))
        if reminder_at(starts_at, days, zone) <= now:
            raise InvalidChoice("reminder_days", N_("A reminder {days} days before would be sent at {moment}, "
                                                            "which has already passed. Choose fewer days."),
                                        days=days, moment=reminder_at(starts_at, days, zone).astimezone(zone)
                                        .strftime("%Y-%m-%d %H:%M"))
        if "email" in channel:
            try:
                reminder_drafts = check_drafts("interview.reminder",
                                               drafts_from_choices(choices.get("reminder_drafts")))
            except InvalidChoice as refused:  # shown on the reminder step, not the invitation's
                raise InvalidChoice("reminder_text", refused.message, **refused.params) from None
            sender = sender or check_sender(choices.get("sender", ""))
    return {"plan": InvitationPlan(
        kind, mode, sorted(recruiters), starts_at, duration, place, bool(choices.get("shared_slot")), send_email,
        bool(choices.get("include_link")), sender, drafts, channel, days, reminder_drafts,
        str(choices.get("reminder_signature") or "")[:1000],
        {int(i): n for n, i in enumerate(choices.get("applicants") or []) if str(i).isdigit()})}


def _names(session: Session, user_ids: list[int]) -> list[str]:
    return list(session.exec(select(User.name).where(col(User.id).in_(user_ids)).order_by(User.name)))


def interview_values(session: Session, interview: Interview, language: str, link: str | None) -> TagValues:
    """The interview tags for one candidate's email (dates in their language, times local)."""
    zone = organisation_zone(session)
    local = interview.starts_at.astimezone(zone)
    recruiter_ids = list(session.exec(select(InterviewRecruiter.user_id)
                                      .where(InterviewRecruiter.interview_id == interview.id)))
    values = {"interviewdate": format_date(local.date(), "full", locale=babel_locale(language)),
              "interviewtime": format_time(local.time(), "HH:mm", locale=babel_locale(language)),
              "duration": f"{interview.duration_minutes} min", "address": interview.place or interview.video_link or "",
              "interviewers": ", ".join(_names(session, recruiter_ids)),
              "interviewtype": gettext(language, TYPE_LABELS.get(interview.interview_type, ""))}
    links = {"confirmlink": (link, gettext(language, CONFIRM_LABEL))} if link else {}
    return TagValues(values, links)


def _with_link(draft: Draft) -> Draft:
    if "{confirmlink}" in draft.body:
        return draft
    return Draft(draft.language, draft.subject, draft.body.rstrip() + "\n\n{confirmlink}")


def _ics_attachment(session: Session, interview: Interview, candidate: Candidate, organizer: User | None,
                    cancelled: bool = False) -> dict:
    from ats_app.mail.tag_values import company_name

    values = interview_values(session, interview, candidate.language, None).values
    summary = f"{values['interviewtype']} – {company_name(session)}"
    ics = invitation_ics(interview, summary=summary, location=values["address"], description=summary,
                         organizer=(organizer.name if organizer else company_name(session),
                                    organizer.email if organizer else "recruitment@example.com"),
                         attendee=(f"{candidate.first_name} {candidate.last_name}", candidate.email), cancelled=cancelled)
    return {"filename": "invite.ics", "content_type": "text/calendar; charset=utf-8; method=" +
            ("CANCEL" if cancelled else "REQUEST"), "file_key": files.store_bytes(ics)}


def invite_applicant(session: Session, user: CurrentUser, application_id: int, *, plan: InvitationPlan) -> Interview:
    """One applicant: the interview (in its slot), status Invited to interview, the invitation email with
    its answer link and .ics, and the reminders."""
    actions.require(user, "invite")
    application = actions.find_application(session, user, application_id)
    check("invite", application)
    slot = plan.order.get(application_id, 0)
    starts_at = plan.starts_at if plan.shared_slot else plan.starts_at + timedelta(minutes=plan.duration * slot)
    interview = Interview(application_id=application.id, interview_type=plan.interview_type, mode=plan.mode,
                          starts_at=starts_at, duration_minutes=plan.duration,
                          place=plan.place if plan.mode != "video" else None,
                          video_link=plan.place if plan.mode == "video" else None,
                          reminder_channel=plan.reminder_channel, reminder_days=plan.reminder_days,
                          created_by_id=user.id)
    session.add(interview)
    session.flush()
    for recruiter_id in plan.recruiter_ids:
        session.add(InterviewRecruiter(interview_id=interview.id, user_id=recruiter_id))
    session.flush()
    if application.status != S.INVITED:
        actions.change_status(session, user, application, S.INVITED, "invite", interview_id=interview.id)
    actions.record(session, user, application, "interview_scheduled", interview_id=interview.id,
                   interview_type=plan.interview_type)
    link = interview_links.seal(session, interview)
    if plan.send_email:
        _send_invitation(session, user, interview, plan, link)
    _queue_reminders(session, user, interview, plan, link)
    return interview


def _send_invitation(session: Session, user: CurrentUser, interview: Interview, plan: InvitationPlan,
                     link: str) -> Message:
    me = sender_user(session, user)
    [person] = recipients(session, [interview.application_id], me)
    candidate = session.get(Candidate, person.candidate_id)
    draft = draft_for(plan.drafts, person.language)
    if plan.include_link:
        draft = _with_link(draft)
    message = queue_to_candidate(session, user, person, draft, kind=f"interview.{plan.interview_type}",
                                 purpose="interview_invitation", sender=plan.sender,
                                 extra=interview_values(session, interview, person.language, link),
                                 history="interview_invitation", interview_id=interview.id)
    message.attachments = [_ics_attachment(session, interview, candidate, me)]
    session.add(message)
    return message


def _queue_reminders(session: Session, user: CurrentUser, interview: Interview, plan: InvitationPlan,
                     link: str) -> None:
    if plan.reminder_channel == "none" or not plan.reminder_days:
        return
    zone = organisation_zone(session)
    send_at = reminder_at(interview.starts_at, plan.reminder_days, zone)
    [person] = recipients(session, [interview.application_id], sender_user(session, user))
    values = interview_values(session, interview, person.language, link)
    if "email" in plan.reminder_channel and plan.reminder_drafts:
        draft = draft_for(plan.reminder_drafts, person.language)
        if plan.reminder_signature:
            draft = Draft(draft.language, draft.subject, draft.body.rstrip() + "\n\n" + plan.reminder_signature)
        interview.reminder_subject, interview.reminder_body = draft.subject, draft.body  # kept for a move
        session.add(interview)
        queue_to_candidate(session, user, person, draft, kind="interview.reminder", purpose="interview_reminder",
                           sender=plan.sender, extra=values, history="reminder_scheduled", scheduled_at=send_at,
                           interview_id=interview.id)
    if "sms" in plan.reminder_channel:
        candidate = session.get(Candidate, person.candidate_id)
        from ats_app.delivery import sms

        number = sms.normalise_number(candidate.mobile or "", candidate.country)
        if number and sms.is_mobile(number, candidate.country):  # a landline cannot take an SMS
            text = gettext(person.language, SMS_REMINDER).format(
                type=values.values["interviewtype"], date=values.values["interviewdate"],
                time=values.values["interviewtime"], place=values.values["address"])
            sms.queue_sms(session, recipient=number, text=text, purpose="interview_reminder",
                          application_id=interview.application_id, interview_id=interview.id,
                          created_by_id=user.id, scheduled_at=send_at)


SMS_REMINDER = N_("Reminder: {type} {date} at {time}. {place}")


def without_mobile(session: Session, application_ids: list[int]) -> list[str]:
    """Names of the candidates an SMS reminder cannot reach (no valid mobile number)."""
    from ats_app.delivery import sms

    rows = session.exec(select(Candidate).join(Application, Application.candidate_id == Candidate.id)
                        .where(col(Application.id).in_(application_ids))).all()
    return [f"{c.first_name} {c.last_name}" for c in rows
            if not sms.is_mobile(sms.normalise_number(c.mobile or "", c.country), c.country)]


def _cancel_waiting(session: Session, interview_id: int, purposes: tuple[str, ...]) -> None:
    for message in session.exec(select(Message).where(Message.interview_id == interview_id,
                                                      col(Message.purpose).in_(purposes),
                                                      col(Message.status).in_([M.QUEUED, M.HELD]),
                                                      Message.batch_key.is_(None))):
        message.status = M.CANCELLED
        session.add(message)


def reschedule_interview(session: Session, user: CurrentUser, interview_id: int, starts_at: datetime,
                         duration_minutes: int) -> Interview:
    """Move an interview: new time, SEQUENCE + 1, its waiting reminders cancelled and queued anew, and the
    updated invitation (.ics) emailed to the candidate."""
    actions.require(user, "invite")
    interview = session.get(Interview, interview_id)
    if interview is None or interview.cancelled_at is not None:

        raise ActionRefused(actions.NOT_FOUND)
    application = actions.find_application(session, user, interview.application_id)  # visibility
    check("invite", application)  # a withdrawn, rejected or hired applicant's interview does not move
    if interview.acceptance == "not_relevant":

        raise ActionRefused(N_("the candidate has withdrawn"))
    if starts_at <= utcnow():
        raise InvalidChoice("date", N_("The interview must be in the future."))
    if not 10 <= int(duration_minutes) <= 480:
        raise InvalidChoice("duration", N_("Enter a duration from 10 to 480 minutes."))
    interview.starts_at, interview.duration_minutes = starts_at, int(duration_minutes)
    interview.sequence += 1
    interview.acceptance = "awaiting"
    session.add(interview)
    session.flush()
    _cancel_waiting(session, interview.id, ("interview_reminder",))
    link = interview_links.seal(session, interview)
    me = sender_user(session, user)
    [person] = recipients(session, [interview.application_id], me)
    candidate = session.get(Candidate, person.candidate_id)
    from ats_app.mail.compose import default_sender, drafts_from_template

    [draft] = drafts_from_template(session, f"interview.{interview.interview_type}", [person.language])
    message = queue_to_candidate(session, user, person, _with_link(draft), kind=f"interview.{interview.interview_type}",
                                 purpose="interview_invitation", sender=default_sender(user, "invite"),
                                 extra=interview_values(session, interview, person.language, link),
                                 history="interview_moved", interview_id=interview.id)
    message.attachments = [_ics_attachment(session, interview, candidate, me)]
    session.add(message)
    if interview.reminder_channel != "none" and interview.reminder_days:
        zone = organisation_zone(session)
        if reminder_at(interview.starts_at, interview.reminder_days, zone) > utcnow():
            kept = [Draft(person.language, interview.reminder_subject, interview.reminder_body)] \
                if interview.reminder_subject and interview.reminder_body else \
                drafts_from_template(session, "interview.reminder", [person.language])
            plan = InvitationPlan(interview.interview_type, interview.mode, [], interview.starts_at,
                                  interview.duration_minutes, interview.place or "", False, False, True,
                                  default_sender(user, "invite"), [], interview.reminder_channel,
                                  interview.reminder_days, kept)
            _queue_reminders(session, user, interview, plan, link)
    return interview


def cancel_future_interviews(session: Session, application_id: int) -> int:
    """Call off an application's coming interviews and their waiting reminders (it was rejected, withdrawn
    or hired: nobody should be reminded of a meeting that will not happen). Returns how many."""
    now = utcnow()
    found = list(session.exec(select(Interview).where(Interview.application_id == application_id,
                                                      Interview.cancelled_at.is_(None), Interview.starts_at > now)))
    for interview in found:
        interview.cancelled_at = now
        session.add(interview)
        _cancel_waiting(session, interview.id, ("interview_reminder", "interview_invitation"))
    return len(found)


CANCEL_SUBJECT = N_("Cancelled: {type} {date} at {time}")
CANCEL_BODY = N_("Hi {name},\n\nThe {type} on {date} at {time} has been cancelled. We will be in touch.\n\n"
                 "Kind regards,\n{sender}")


def cancel_interview(session: Session, user: CurrentUser, interview_id: int) -> Interview:
    """Call an interview off: its waiting reminders are cancelled and the candidate gets an email with a
    METHOD:CANCEL .ics (same UID, SEQUENCE + 1) so their calendar drops the meeting. The status stays."""

    actions.require(user, "invite")
    interview = session.get(Interview, interview_id)
    if interview is None or interview.cancelled_at is not None:
        raise ActionRefused(actions.NOT_FOUND)
    actions.find_application(session, user, interview.application_id)  # visibility
    if interview.starts_at <= utcnow():
        raise ActionRefused(N_("the interview has already taken place"))
    interview.cancelled_at, interview.sequence = utcnow(), interview.sequence + 1
    session.add(interview)
    _cancel_waiting(session, interview.id, ("interview_reminder", "interview_invitation"))
    me = sender_user(session, user)
    [person] = recipients(session, [interview.application_id], me)
    candidate = session.get(Candidate, person.candidate_id)
    values = interview_values(session, interview, person.language, None).values
    words = {"type": values["interviewtype"], "date": values["interviewdate"], "time": values["interviewtime"],
             "name": candidate.first_name, "sender": me.name if me else ""}
    from ats_app.mail.compose import default_sender

    draft = Draft(person.language, gettext(person.language, CANCEL_SUBJECT).format(**words),
                  gettext(person.language, CANCEL_BODY).format(**words))
    message = queue_to_candidate(session, user, person, draft, kind="custom", purpose="interview_cancelled",
                                 sender=default_sender(user, "invite"), history="interview_cancelled",
                                 interview_id=interview.id)
    message.attachments = [_ics_attachment(session, interview, candidate, me, cancelled=True)]
    session.add(message)
    return interview
