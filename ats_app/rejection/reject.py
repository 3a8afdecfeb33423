"""Rejecting well: the stage, the reason, the candidate's "why", the email now, later or not at all.

The wizard proposes the rejection type from how far each applicant got (their interviews, or a
knock-out screening answer), writes the rejection with its type, reason and internal note, and queues
the type's email in the candidate's language: at once, in N days at 09:00 in the organisation's time
zone (the blog's advice after an early rejection), or not at all. While that email has not left, the
rejection can be undone; cancelling the email alone leaves the rejection in place.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlmodel import Session, col, select

from ats_app.models import (Application, ApplicationEvent, ApplicationStatus as S, Interview, Message,
    MessageStatus as M, RecruitmentProject, RejectionReason, RejectionType)
from ats_app.models.base import utcnow
from ats_app.handling import actions
from ats_app.accounts.auth import CurrentUser
from ats_app.mail.compose import (Draft, check_drafts, check_sender, draft_for, drafts_from_choices,
    queue_to_candidate, sender_user)
from ats_app.mail.tag_values import organisation_zone, recipients
from ats_app.core.i18n import N_
from ats_app.applications.transitions import check
from ats_app.core.errors import ActionRefused, InvalidChoice

SEND_HOUR = time(9, 0)  # scheduled rejection emails leave at 09:00 local time, never at night
MAX_DELAY_DAYS = 30
NOTE_MAX = 2000
MESSAGE_MAX = 2000
# The interview type that, once held, makes a rejection "after" it.
AFTER_INTERVIEW = {"initial": "after_initial_meeting", "first": "after_first_interview",
                   "second": "after_second_interview", "third": "after_third_interview"}
STAGE_ORDER = ("after_application_review", "after_screening", "timed", "after_initial_meeting",
               "after_first_interview", "after_second_interview", "after_third_interview")
TIMINGS = ("now", "later", "none")


def stage_reached(application: Application, project: RecruitmentProject, interviews: list[Interview],
                  now: datetime) -> str:
    """The rejection type that fits how far the applicant got: the last interview held, else a knock-out
    screening answer, else the application review."""
    held = [i for i in interviews if i.cancelled_at is None and i.starts_at <= now and i.interview_type in AFTER_INTERVIEW]
    if held:
        return max((AFTER_INTERVIEW[i.interview_type] for i in held), key=STAGE_ORDER.index)
    answers = application.screening_answers or {}
    for question in project.screening_questions or []:
        knockout = question.get("knockout")
        if knockout is not None and str(answers.get(question.get("id"), "")).lower() == str(knockout).lower():
            return "after_screening"
    return "after_application_review"


@dataclass
class Proposal:
    """What the wizard starts from for the ticked applicants."""

    type_code: str  # the most common stage among them
    stages: dict[int, str]  # application id → its own stage
    call_instead: list[int]  # applicants better called than emailed (in-person interview held, or ranking 1)
    delay_days: int


def propose(session: Session, application_ids: list[int], now: datetime | None = None) -> Proposal:
    """The preselected type, each applicant's stage and who should get a call rather than an email."""
    now = now or utcnow()
    rows = session.exec(select(Application, RecruitmentProject)
                        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
                        .where(col(Application.id).in_(application_ids))).all()
    interviews: dict[int, list[Interview]] = {}
    for interview in session.exec(select(Interview).where(col(Interview.application_id).in_(application_ids))):
        interviews.setdefault(interview.application_id, []).append(interview)
    stages, call = {}, []
    for application, project in rows:
        own = interviews.get(application.id, [])
        stages[application.id] = stage_reached(application, project, own, now)
        met = any(i.mode in ("in_person", "group") and i.cancelled_at is None and i.starts_at <= now for i in own)
        if met or application.ranking == 1:
            call.append(application.id)
    counts = Counter(stages.values())
    # The most common stage; on a tie the furthest, so nobody interviewed gets "we reviewed your application".
    code = max(counts, key=lambda stage: (counts[stage], STAGE_ORDER.index(stage))) if counts \
        else "after_application_review"
    return Proposal(code, stages, sorted(call), delay_for(session, code))


def delay_for(session: Session, type_code: str) -> int:
    """The default "send in N days" of a rejection type (Settings)."""
    found = session.exec(select(RejectionType.default_delay_days).where(RejectionType.code == type_code)).first()
    return int(found or 0)


def send_time(days: int, zone, now: datetime | None = None) -> datetime:
    """09:00 local time, days calendar days from today (local): across a daylight-saving change the
    UTC hour shifts so that the local hour stays 09:00. Returned in UTC."""
    now = now or utcnow()
    local_day = now.astimezone(zone).date() + timedelta(days=days)
    return datetime.combine(local_day, SEND_HOUR, tzinfo=zone).astimezone(now.tzinfo or zone)


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


def prepare_rejection(session: Session, choices: dict, now: datetime | None = None) -> dict:
    """Check the wizard's two steps; raises InvalidChoice naming the field."""
    code = str(choices.get("rejection_type") or "")
    rejection_type = session.exec(select(RejectionType).where(RejectionType.code == code,
                                                             RejectionType.active)).first()
    if rejection_type is None:
        raise InvalidChoice("rejection_type", N_("Choose the rejection type."))
    reason_id = None
    if choices.get("reason"):
        reason_id = session.exec(select(RejectionReason.id).where(RejectionReason.code == choices["reason"],
                                                                 RejectionReason.active)
                                 .order_by(RejectionReason.language != "en")).first()  # any row names the code
        if reason_id is None:
            raise InvalidChoice("reason", N_("Choose a reason from the list."))
    message, note = str(choices.get("message") or "").strip(), str(choices.get("note") or "").strip()
    if len(message) > MESSAGE_MAX:
        raise InvalidChoice("message", N_("The message can be at most {max} characters."), max=MESSAGE_MAX)
    if len(note) > NOTE_MAX:
        raise InvalidChoice("note", N_("The note can be at most {max} characters."), max=NOTE_MAX)
    timing = str(choices.get("timing") or "now")
    if timing not in TIMINGS:
        raise InvalidChoice("timing", N_("Choose when the email is sent."))
    send_at, sender, drafts = None, "", []
    if timing != "none":
        sender = check_sender(choices.get("sender", ""))
        drafts = check_drafts(rejection_type.template_kind, drafts_from_choices(choices.get("drafts")))
    if timing == "later":
        try:
            days = int(choices.get("delay_days"))
        except (TypeError, ValueError):
            days = -1
        if not 1 <= days <= MAX_DELAY_DAYS:
            raise InvalidChoice("delay_days", N_("Enter a number of days from 1 to {max}."), max=MAX_DELAY_DAYS)
        send_at = send_time(days, organisation_zone(session), now)
    return {"plan": RejectionPlan(
        rejection_type.id, rejection_type.code, reason_id, message, note, timing, send_at, sender, drafts,
        {int(i) for i in choices.get("leave_out") or []}, {int(i) for i in choices.get("call_instead") or []})}


def reject_application(session: Session, user: CurrentUser, application_id: int, *, plan: RejectionPlan) -> Application:
    """Reject one applicant: status, stage, reason, history with the internal note, and the email (or a
    call task instead)."""
    actions.require(user, "reject")
    application = actions.find_application(session, user, application_id)
    check("reject", application)
    actions.change_status(session, user, application, S.REJECTED, "reject", rejection_type=plan.type_code,
                          reason_id=plan.reason_id, timing=plan.timing)
    application.rejection_type_id, application.rejection_reason_id = plan.type_id, plan.reason_id
    session.add(application)
    session.flush()
    if plan.note:
        event = session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == application.id)
                             .order_by(ApplicationEvent.id.desc())).first()
        event.note = plan.note
        session.add(event)
    if application.id in plan.call_instead:
        from ats_app.tasks.calls import create_call_task

        create_call_task(session, user, application.id, plan.message or None)
    elif plan.timing != "none" and application.id not in plan.leave_out:
        [person] = recipients(session, [application.id], sender_user(session, user))
        from ats_app.mail.render import TagValues

        queue_to_candidate(session, user, person, draft_for(plan.drafts, person.language),
                           kind=f"rejection.{plan.type_code}", purpose="rejection", sender=plan.sender,
                           extra=TagValues({"message": plan.message}), history="rejection_email",
                           scheduled_at=plan.send_at)
    return application


def waiting_rejection_email(session: Session, application_id: int) -> Message | None:
    """The application's rejection email that has not left yet (queued, scheduled or held)."""
    return session.exec(select(Message).where(Message.application_id == application_id,
                                              Message.purpose == "rejection",
                                              col(Message.status).in_([M.QUEUED, M.HELD]))
                        .order_by(Message.id.desc())).first()


def _rejected_at(session: Session, application_id: int) -> datetime | None:
    """When the application was last rejected (its latest status change to rejected)."""
    for event in session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == application_id,
                                                             ApplicationEvent.kind == "status_changed")
                              .order_by(ApplicationEvent.id.desc())):
        if event.payload.get("to") == S.REJECTED.value:
            return event.created_at
    return None


def candidate_told(session: Session, application_id: int) -> bool:
    """True once the candidate knows of the latest rejection: its email left, a call reached them (or a
    message was left), or a letter was printed."""
    since = _rejected_at(session, application_id)
    if since is None:
        return False
    if session.exec(select(Message.id).where(
            Message.application_id == application_id, Message.purpose == "rejection", Message.created_at >= since,
            col(Message.status).in_([M.SENDING, M.SENT, M.DELIVERED, M.BOUNCED, M.COMPLAINED]))).first():
        return True
    for event in session.exec(select(ApplicationEvent).where(
            ApplicationEvent.application_id == application_id, ApplicationEvent.created_at >= since,
            col(ApplicationEvent.kind).in_(["call_logged", "letter_sent"]))):
        if event.kind == "letter_sent" or event.payload.get("outcome") in ("reached", "left_message"):
            return True
    return False


def undo_rejection(session: Session, user: CurrentUser, application_id: int) -> Application:
    """Back to the status before the rejection, while the candidate has not been told (the waiting
    email is cancelled with it). Once the email has left, the rejection stands."""
    actions.require(user, "reject")
    application = actions.find_application(session, user, application_id)
    if application.status != S.REJECTED:
        raise ActionRefused(N_("not rejected"))
    if candidate_told(session, application.id):
        raise ActionRefused(N_("the candidate has already been told"))
    waiting = waiting_rejection_email(session, application.id)
    if waiting is not None:
        from ats_app.delivery.outbox_admin import cancel_message

        cancel_message(session, user, waiting.id)
    from ats_app.models import Task

    for task in session.exec(select(Task).where(Task.application_id == application.id, Task.kind == "call_candidate",
                                                Task.done_at.is_(None))):
        session.delete(task)  # the call that would have told them is not needed any more
    previous = S(application.previous_status) if application.previous_status and \
        application.previous_status != S.REJECTED else S.NEW
    actions.change_status(session, user, application, previous, "undo_rejection")
    application.rejection_type_id = application.rejection_reason_id = None
    session.add(application)
    return application


def reason_choices(session: Session, language: str) -> list[tuple[str, str]]:
    """(code, label) of the active rejection reasons in language (English where a label is missing)."""
    rows = session.exec(select(RejectionReason).where(RejectionReason.active,
                                                      col(RejectionReason.language).in_([language, "en"]))
                        .order_by(RejectionReason.sequence)).all()
    labels: dict[str, str] = {}
    for row in rows:
        if row.language == language or row.code not in labels:
            labels[row.code] = row.label
    return list(labels.items())


def type_codes(session: Session) -> list[str]:
    """The active rejection types in process order."""
    return list(session.exec(select(RejectionType.code).where(RejectionType.active).order_by(RejectionType.sequence)))


@dataclass
class Applicant:
    """One ticked applicant as the wizard lists them."""

    application_id: int
    name: str
    language: str
    stage: str


def applicants(session: Session, application_ids: list[int], stages: dict[int, str]) -> list[Applicant]:
    """The ticked applicants with their language and the stage each reached (stages from propose())."""
    return [Applicant(p.application_id, p.name, p.language, stages.get(p.application_id, ""))
            for p in recipients(session, application_ids, None)]
