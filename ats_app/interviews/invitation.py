"""Inviting to interview: the slot, the invitation email with its answer link and .ics, and reminders.

The answer link is ticked by default unless every language's content already holds {confirmlink}. For
several applicants the recruiter gives one slot each, one after the other, or one shared slot. Moving
and cancelling live in interviews.changes; the reminder rule in interviews.reminders.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypedDict

from sqlmodel import Session, col, select

from ats_app.accounts.access import ACTING_ROLES
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, start
from ats_app.applications.history import record
from ats_app.applications.lifecycle import change_status
from ats_app.applications.transitions import LIVE
from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import N_
from ats_app.interviews import answer_links
from ats_app.interviews.details import (
    CONFIRM_TAG,
    MODES,
    TYPES,
    email_kind,
    ics_attachment,
    interview_values,
    with_answer_link,
)
from ats_app.interviews.reminders import CHANNELS, DAYS, ReminderPlan, may_use, queue_reminders, reminder_at
from ats_app.interviews.reminders import KIND as REMINDER_KIND
from ats_app.mail.compose import (
    Draft,
    DraftForm,
    check_drafts,
    check_sender,
    draft_for,
    drafts_from_choices,
    queue_to_candidate,
    sender_user,
)
from ats_app.mail.tag_values import organisation_zone, recipients
from ats_app.models import ApplicationStatus, Candidate, Interview, InterviewRecruiter, Message, User
from ats_app.models.base import utcnow

DURATION_MINUTES = (10, 480)
INTERVIEWER_ROLES = ACTING_ROLES  # "the recruiters taking part"


class InvitationForm(TypedDict, total=False):
    """The wizard's three steps as the UI sends them."""

    interview_type: str
    mode: str
    recruiters: list[int]
    date: str  # the organisation's local date, ISO
    time: str  # the organisation's local time, HH:MM
    duration: str | int
    place: str  # a place, or the video meeting's link
    shared_slot: bool
    action: str  # "send" or "none"
    include_link: bool
    sender: str
    drafts: list[DraftForm]
    reminder: str
    reminder_days: str | int
    reminder_signature: str
    reminder_drafts: list[DraftForm]
    applicants: list[int]  # the ticked applicants in order, for consecutive slots


@dataclass(frozen=True)
class Slot:
    """Step 1 of the wizard, checked: the interview itself."""

    interview_type: str
    mode: str
    recruiter_ids: list[int]
    starts_at: datetime
    duration: int
    place: str


@dataclass
class InvitationPlan:
    """The wizard's choices, checked once for the whole run."""

    slot: Slot
    shared_slot: bool
    send_email: bool
    include_link: bool
    sender: str
    drafts: list[Draft]
    reminder: ReminderPlan
    order: dict[int, int] = field(default_factory=dict)  # application id → its slot (consecutive slots)


def include_link_by_default(contents: list[str]) -> bool:
    """Tick "include a confirm link" unless the content in every language already holds {confirmlink}."""
    return not contents or not all(CONFIRM_TAG in content for content in contents)


def interviewers(session: Session) -> list[tuple[int, str]]:
    """(id, name) of who may take part in an interview: active recruiters and admins."""
    return list(session.exec(select(User.id, User.name).where(User.active, col(User.role).in_(INTERVIEWER_ROLES))
                             .order_by(col(User.name))))


def _parse_start(day: str, clock: str, zone) -> datetime | None:
    try:
        local = datetime.combine(date.fromisoformat(str(day)), time.fromisoformat(str(clock)), tzinfo=zone)
    except ValueError:
        return None
    return local.astimezone(utcnow().tzinfo)


def check_slot(session: Session, form: InvitationForm, now: datetime | None = None) -> Slot:
    """The interview type, how it is held, the recruiters taking part (eligible ones only), when, for how
    long and where; InvalidChoice names the field. The wizard's Next asks this too."""
    now = now or utcnow()
    kind = str(form.get("interview_type") or "")
    if kind not in TYPES:
        raise InvalidChoice("interview_type", N_("Choose the interview type."))
    mode = str(form.get("mode") or "in_person")
    if mode not in MODES:
        raise InvalidChoice("mode", N_("Choose how the interview is held."))
    wanted = {int(i) for i in form.get("recruiters") or [] if str(i).isdigit()}
    recruiters = sorted(i for i, _name in interviewers(session) if i in wanted)
    if not recruiters:
        raise InvalidChoice("recruiters", N_("Choose at least one recruiter taking part."))
    starts_at = _parse_start(form.get("date", ""), form.get("time", ""), organisation_zone(session))
    if starts_at is None:
        raise InvalidChoice("date", N_("Enter the date and time of the interview."))
    if starts_at <= now:
        raise InvalidChoice("date", N_("The interview must be in the future."))
    try:
        duration = int(form.get("duration") or 0)
    except (TypeError, ValueError):
        duration = 0
    if not DURATION_MINUTES[0] <= duration <= DURATION_MINUTES[1]:
        raise InvalidChoice("duration", N_("Enter a duration from 10 to 480 minutes."))
    place = " ".join(str(form.get("place") or "").split())[:300]
    if mode == "video" and not place.startswith(("https://", "http://")):
        raise InvalidChoice("place", N_("Enter the video meeting's link (https://…)."))
    return Slot(kind, mode, recruiters, starts_at, duration, place)


def _check_reminder(user: CurrentUser, form: InvitationForm, starts_at: datetime, zone, now: datetime) -> ReminderPlan:
    channel = str(form.get("reminder") or "none")
    if channel not in CHANNELS:
        raise InvalidChoice("reminder", N_("Choose a reminder."))
    if not may_use(user, channel):
        raise InvalidChoice("reminder", N_("You do not have access to SMS."))
    if channel == "none":
        return ReminderPlan(channel, None, [])
    try:
        days = int(form.get("reminder_days"))
    except (TypeError, ValueError):
        days = 0
    if days not in DAYS:
        raise InvalidChoice("reminder_days", N_("Choose 1, 2, 3, 5 or 7 days before."))
    if reminder_at(starts_at, days, zone) <= now:
        raise InvalidChoice("reminder_days", N_("A reminder {days} days before would be sent at {moment}, "
                                                "which has already passed. Choose fewer days."),
                            days=days, moment=reminder_at(starts_at, days, zone).astimezone(zone)
                            .strftime("%Y-%m-%d %H:%M"))
    drafts: list[Draft] = []
    if "email" in channel:
        try:
            drafts = check_drafts(REMINDER_KIND, drafts_from_choices(form.get("reminder_drafts")))
        except InvalidChoice as refused:  # shown on the reminder step, not the invitation's
            raise InvalidChoice("reminder_text", refused.message, **refused.params) from None
    return ReminderPlan(channel, days, drafts, str(form.get("reminder_signature") or "")[:1000])


def prepare_invitation(session: Session, user: CurrentUser, form: InvitationForm,
                       now: datetime | None = None) -> InvitationPlan:
    """Check all three steps; raises InvalidChoice naming the field (nothing is done then)."""
    now = now or utcnow()
    zone = organisation_zone(session)
    slot = check_slot(session, form, now)
    send_email = form.get("action", "send") == "send"
    sender, drafts = "", []
    if send_email:
        sender = check_sender(form.get("sender", ""))
        drafts = check_drafts(email_kind(slot.interview_type), drafts_from_choices(form.get("drafts")))
    reminder = _check_reminder(user, form, slot.starts_at, zone, now)
    if reminder.drafts:
        sender = sender or check_sender(form.get("sender", ""))
    return InvitationPlan(
        slot, bool(form.get("shared_slot")), send_email, bool(form.get("include_link")), sender, drafts, reminder,
        {int(i): n for n, i in enumerate(form.get("applicants") or []) if str(i).isdigit()})


def invite_applicant(session: Session, user: CurrentUser, application_id: int, plan: InvitationPlan) -> Interview:
    """One applicant: the interview (in its slot), status Invited to interview, the invitation email with
    its answer link and .ics, and the reminders."""
    application = start(session, user, INVITE, application_id)
    when = plan.slot
    nth = plan.order.get(application_id, 0)
    starts_at = when.starts_at if plan.shared_slot else when.starts_at + timedelta(minutes=when.duration * nth)
    interview = Interview(application_id=application.id, interview_type=when.interview_type, mode=when.mode,
                          starts_at=starts_at, duration_minutes=when.duration,
                          place=when.place if when.mode != "video" else None,
                          video_link=when.place if when.mode == "video" else None,
                          reminder_channel=plan.reminder.channel, reminder_days=plan.reminder.days,
                          created_by_id=user.id)
    session.add(interview)
    session.flush()
    for recruiter_id in when.recruiter_ids:
        session.add(InterviewRecruiter(interview_id=interview.id, user_id=recruiter_id))
    session.flush()
    if application.status != ApplicationStatus.INVITED:
        change_status(session, user, application, ApplicationStatus.INVITED, INVITE.key, interview_id=interview.id)
    record(session, user, application, "interview_scheduled", interview_id=interview.id,
           interview_type=when.interview_type)
    link = answer_links.seal(session, interview)
    if plan.send_email:
        send_invitation(session, user, interview, plan.drafts, sender=plan.sender, link=link,
                        with_link=plan.include_link, history="interview_invitation")
    queue_reminders(session, user, interview, plan.reminder, sender=plan.sender, link=link,
                    zone=organisation_zone(session))
    return interview


def send_invitation(session: Session, user: CurrentUser, interview: Interview, drafts: list[Draft], *, sender: str,
                    link: str, with_link: bool, history: str) -> Message:
    """The invitation email (new, or updated after a move) in the candidate's language, with its answer link
    and .ics."""
    me = sender_user(session, user)
    [person] = recipients(session, [interview.application_id], me)
    candidate = session.get(Candidate, person.candidate_id)
    draft = draft_for(drafts, person.language)
    if with_link:
        draft = with_answer_link(draft)
    message = queue_to_candidate(session, user, person, draft, kind=email_kind(interview.interview_type),
                                 purpose="interview_invitation", sender=sender,
                                 extra=interview_values(session, interview, person.language, link),
                                 history=history, interview_id=interview.id)
    message.attachments = [ics_attachment(session, interview, candidate, me)]
    session.add(message)
    return message


INVITE: FurtherProgressAction[InvitationForm, InvitationPlan] = FurtherProgressAction(
    "invite", N_("Invite to interview"),
    allowed_from=LIVE - {ApplicationStatus.OFFER} | {ApplicationStatus.SAVED},
    # an invited applicant may be invited to the next interview
    form="invite", prepare=prepare_invitation, run_one=invite_applicant, sends_email=True)
