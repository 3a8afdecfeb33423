"""Rejecting well: the stage, the reason, the candidate's "why", the email now, later or not at all.

The wizard proposes the rejection type from how far each applicant got (rejection.proposal), writes the
rejection with its type, reason and internal note, and queues the type's email in the candidate's
language: at once, in N days at 09:00 in the organisation's time zone (the blog's advice after an early
rejection), or not at all; or, for someone the recruiter met, a call task instead. While that email has
not left, the rejection can be undone (rejection.undo); cancelling the email alone leaves the rejection
in place.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TypedDict

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, start
from ats_app.applications.lifecycle import change_status
from ats_app.applications.stages import SCREENING, email_kind
from ats_app.applications.transitions import LIVE
from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import N_
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
from ats_app.mail.render import TagValues
from ats_app.mail.tag_values import organisation_zone, recipients, requirement_of
from ats_app.models import Application, ApplicationStatus, RejectionReason, RejectionType, User
from ats_app.models.base import utcnow
from ats_app.tasks.calls import create_call_task

SEND_HOUR = time(9, 0)  # scheduled rejection emails leave at 09:00 local time, never at night
MAX_DELAY_DAYS = 30
NOTE_MAX = 2000
MESSAGE_MAX = 2000
TIMINGS = ("now", "later", "none")


class RejectionForm(TypedDict, total=False):
    """The wizard's two steps as the UI sends them."""

    rejection_type: str
    reason: str
    message: str  # the candidate's "why" ({message} in the email)
    note: str  # internal: the candidate never sees it
    timing: str  # one of TIMINGS
    delay_days: str | int
    sender: str
    drafts: list[DraftForm]
    leave_out: list[int]  # applicants who get no email
    call_instead: list[int]  # applicants who get a call task instead of the email


@dataclass
class RejectionPlan:
    """The run's choices, checked once before anyone is rejected."""

    type_id: int
    type_code: str
    reason_id: int | None
    message: str
    note: str
    timing: str
    send_at: datetime | None
    sender: str
    drafts: list[Draft]
    leave_out: set[int]
    call_instead: set[int]


def send_time(days: int, zone, now: datetime | None = None) -> datetime:
    """09:00 local time, days calendar days from today (local): across a daylight-saving change the
    UTC hour shifts so that the local hour stays 09:00. Returned in UTC."""
    now = now or utcnow()
    local_day = now.astimezone(zone).date() + timedelta(days=days)
    return datetime.combine(local_day, SEND_HOUR, tzinfo=zone).astimezone(now.tzinfo or zone)


def _reason_id(session: Session, code: str) -> int | None:
    """The id of an active reason with this code (any language's row names it)."""
    if not code:
        return None
    return session.exec(select(RejectionReason.id).where(RejectionReason.code == code, RejectionReason.active)
                        .order_by(col(RejectionReason.language) != "en")).first()


@dataclass(frozen=True)
class Decision:
    """Step 1 of the wizard, checked: what is decided about the applicants, before the email."""

    rejection_type: RejectionType
    reason_id: int
    message: str
    note: str


def check_decision(session: Session, form: RejectionForm) -> Decision:
    """The type (active), the reason (required: every rejection says why, for the candidate's sake and for
    the report), the message and the note; InvalidChoice names the field. The wizard's Next asks this too."""
    code = str(form.get("rejection_type") or "")
    rejection_type = session.exec(select(RejectionType).where(RejectionType.code == code,
                                                             RejectionType.active)).first()
    if rejection_type is None:
        raise InvalidChoice("rejection_type", N_("Choose the rejection type."))
    reason_id = _reason_id(session, str(form.get("reason") or ""))
    if reason_id is None:
        raise InvalidChoice("reason", N_("Choose a reason from the list."))
    message, note = str(form.get("message") or "").strip(), str(form.get("note") or "").strip()
    if len(message) > MESSAGE_MAX:
        raise InvalidChoice("message", N_("The message can be at most {max} characters."), max=MESSAGE_MAX)
    if len(note) > NOTE_MAX:
        raise InvalidChoice("note", N_("The note can be at most {max} characters."), max=NOTE_MAX)
    return Decision(rejection_type, reason_id, message, note)


def prepare_rejection(session: Session, user: CurrentUser, form: RejectionForm,
                      now: datetime | None = None) -> RejectionPlan:
    """Check the wizard's two steps; raises InvalidChoice naming the field."""
    decision = check_decision(session, form)
    rejection_type, message, note = decision.rejection_type, decision.message, decision.note
    timing = str(form.get("timing") or "now")
    if timing not in TIMINGS:
        raise InvalidChoice("timing", N_("Choose when the email is sent."))
    send_at, sender, drafts = None, "", []
    if timing != "none":
        sender = check_sender(form.get("sender", ""))
        drafts = check_drafts(rejection_type.template_kind, drafts_from_choices(form.get("drafts")))
    if timing == "later":
        try:
            days = int(form.get("delay_days"))
        except (TypeError, ValueError):
            days = -1
        if not 1 <= days <= MAX_DELAY_DAYS:
            raise InvalidChoice("delay_days", N_("Enter a number of days from 1 to {max}."), max=MAX_DELAY_DAYS)
        send_at = send_time(days, organisation_zone(session), now)
    return RejectionPlan(
        rejection_type.id, rejection_type.code, decision.reason_id, message, note, timing, send_at, sender, drafts,
        {int(i) for i in form.get("leave_out") or []}, {int(i) for i in form.get("call_instead") or []})


def reject_application(session: Session, user: CurrentUser, application_id: int, plan: RejectionPlan) -> Application:
    """Reject one applicant: status, stage, reason, history with the internal note, and the email (or a
    call task instead)."""
    return reject(session, user, start(session, user, REJECT, application_id), plan)


def reject(session: Session, user: CurrentUser | None, application: Application, plan: RejectionPlan, *,
           signed_by: User | None = None, **history) -> Application:
    """What a rejection does, once the right and the status are checked: the wizard's path for a recruiter,
    and the automatic rejection's for the system (user None, the email signed by the project's responsible
    recruiter, signed_by; history adds "automatic": True)."""
    change_status(session, user, application, ApplicationStatus.REJECTED, REJECT.key, note=plan.note,
                  rejection_type=plan.type_code,
                  reason_id=plan.reason_id, timing=plan.timing, **history)
    application.rejection_type_id, application.rejection_reason_id = plan.type_id, plan.reason_id
    session.add(application)
    session.flush()
    application_id = int(application.id or 0)
    if application_id in plan.call_instead and user is not None:
        create_call_task(session, user, application_id, plan.message or None)
    elif plan.timing != "none" and application_id not in plan.leave_out:
        [person] = recipients(session, [application_id], signed_by or sender_user(session, user))
        extra = {"message": plan.message}
        if plan.type_code == SCREENING:  # the requirement(s) the candidate's answers did not meet
            extra["requirement"] = requirement_of(session, application_id, person.language)
        queue_to_candidate(session, user, person, draft_for(plan.drafts, person.language),
                           kind=email_kind(plan.type_code), purpose="rejection", sender=plan.sender,
                           extra=TagValues(extra), history="rejection_email",
                           scheduled_at=plan.send_at)
    return application


REJECT: FurtherProgressAction[RejectionForm, RejectionPlan] = FurtherProgressAction(
    "reject", N_("Reject"), rights=("can_reject",), allowed_from=LIVE | {ApplicationStatus.SAVED}, form="reject",
    prepare=prepare_rejection, run_one=reject_application, sends_email=True)
