"""Tasks: the calls a recruiter must make and the requests a person must handle.

A rejection after an in-person interview, or of a top-ranked applicant, deserves a phone call rather
than an email; the rejection wizard creates a call task, and the recruiter logs the call here (when,
how it went, what was said) and may still send a short written confirmation. The same list collects
"contact me for a new time" answers and data-deletion requests from the candidate portal. Only
recruiters and admins handle tasks; a task is seen by whoever may see its application's project.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import overload
from zoneinfo import ZoneInfo

from sqlalchemy import case, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from ats_app.accounts.access import may_act, visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.history import record
from ats_app.applications.lookup import NOT_FOUND, find_application
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import N_, normalise_language
from ats_app.core.phones import readable_phone
from ats_app.mail.compose import Draft, check_drafts, check_sender, default_sender, queue_to_candidate, sender_user
from ats_app.mail.tag_values import organisation_zone, recipients
from ats_app.models import Application, ApplicationEvent, Candidate, RecruitmentProject, Task, User
from ats_app.models.base import utcnow

CALL, NEW_TIME, DELETION = "call_candidate", "new_interview_time", "data_deletion"
KIND_LABELS = {CALL: N_("Call"), NEW_TIME: N_("New interview time"), DELETION: N_("Data deletion"),
               "contract_acknowledged": N_("Contract acknowledged"),
               # offers.answers and offers.expiry: the candidate's answer to an offer, or its expiry
               "offer_accepted": N_("Offer accepted"), "offer_declined": N_("Offer declined"),
               "offer_question": N_("Question about an offer"), "offer_expired": N_("Offer expired")}
OUTCOMES = ("reached", "no_answer", "left_message")
OUTCOME_LABELS = {"reached": N_("Reached"), "no_answer": N_("No answer"), "left_message": N_("Left a message")}
SHOWS = ("open", "done", "all")
NOTE_MAX = 2000
FUTURE_SLACK = timedelta(minutes=5)  # clocks differ a little; a call logged "now" must pass
CALL_AGAIN_AT = time(9, 0)  # no answer: the task comes back the next morning
LIST_LIMIT = 500
PURPOSE = "call_confirmation"
ALREADY_DONE = N_("already done")

# The short written confirmation after a call, in the candidate's language (custom email: candidate tags).
CONFIRMATION_DEFAULTS = {
    "en": ("Our phone call about {projecttitle}",
           "Hi {firstname},\n\nThank you for talking with me today. As promised, here is a short written "
           "confirmation of what we discussed about {projecttitle}.\n\nBest regards,\n{recruitername}\n{companyname}"),
    "nb": ("Samtalen vår om {projecttitle}",
           "Hei {firstname},\n\nTakk for praten i dag. Som lovet får du her en kort skriftlig bekreftelse på det "
           "vi snakket om angående {projecttitle}.\n\nVennlig hilsen\n{recruitername}\n{companyname}"),
    "sv": ("Vårt telefonsamtal om {projecttitle}",
           "Hej {firstname},\n\nTack för samtalet i dag. Som utlovat kommer här en kort skriftlig bekräftelse "
           "på det vi pratade om gällande {projecttitle}.\n\nVänliga hälsningar\n{recruitername}\n{companyname}"),
    "da": ("Vores telefonsamtale om {projecttitle}",
           "Hej {firstname},\n\nTak for snakken i dag. Som lovet får du her en kort skriftlig bekræftelse af "
           "det, vi talte om vedrørende {projecttitle}.\n\nVenlig hilsen\n{recruitername}\n{companyname}"),
    "fi": ("Puhelumme koskien tehtävää {projecttitle}",
           "Hei {firstname},\n\nKiitos tämänpäiväisestä keskustelusta. Kuten lupasin, tässä lyhyt kirjallinen "
           "vahvistus siitä, mistä puhuimme koskien tehtävää {projecttitle}.\n\nYstävällisin terveisin\n"
           "{recruitername}\n{companyname}"),
    "nl": ("Ons telefoongesprek over {projecttitle}",
           "Beste {firstname},\n\nBedankt voor het gesprek van vandaag. Zoals beloofd een korte schriftelijke "
           "bevestiging van wat we hebben besproken over {projecttitle}.\n\nMet vriendelijke groet,\n"
           "{recruitername}\n{companyname}"),
}


@dataclass(frozen=True)
class TaskRow:
    """One task as the Tasks list shows it (times aware UTC; the page formats them)."""

    id: int
    kind: str
    application_id: int | None
    candidate_name: str
    candidate_language: str
    phone: str  # E.164, for tel: links
    phone_readable: str
    project_title: str
    note: str
    due_at: datetime | None
    assignee_name: str
    done_at: datetime | None
    done_by_name: str
    called_at: datetime | None
    outcome: str
    outcome_note: str

    @property
    def is_open(self) -> bool:
        return self.done_at is None


@dataclass(frozen=True)
class CallForm:
    """What the Log call dialog starts with: who to call, and the confirmation in their language."""

    task_id: int
    candidate_name: str
    phone: str
    phone_readable: str
    language: str
    sender: str
    draft: Draft


@overload
def _aware(value: datetime) -> datetime: ...
@overload
def _aware(value: None) -> None: ...
def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive UTC; everything here compares aware UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _visible_to(user: CurrentUser):
    """Tasks on an application whose project user may see, plus tasks without an application that are
    theirs or nobody's (a deletion request from a candidate with no application left)."""
    return or_(col(Task.application_id).is_not(None) & visible_projects(user),
               col(Task.application_id).is_(None) & or_(Task.assignee_id == user.id, col(Task.assignee_id).is_(None)))


def list_tasks(session: Session, user: CurrentUser, *, show: str = "open", mine_only: bool = False) -> list[TaskRow]:
    """The Tasks list: open ones first by due date (no due date last), then done ones, newest first.

    show: "open", "done" or "all"; mine_only: only tasks assigned to user. Hiring managers handle no
    tasks and see none.
    """
    if not may_act(user):
        return []
    assignee, doer = aliased(User), aliased(User)
    query = (select(Task, Candidate, RecruitmentProject.title, assignee.name, doer.name)
             .outerjoin(Application, Application.id == Task.application_id)
             .outerjoin(Candidate, Candidate.id == Application.candidate_id)
             .outerjoin(RecruitmentProject, RecruitmentProject.id == Application.project_id)
             .outerjoin(assignee, assignee.id == Task.assignee_id)
             .outerjoin(doer, doer.id == Task.done_by_id)
             .where(_visible_to(user)))
    if show == "open":
        query = query.where(col(Task.done_at).is_(None))
    elif show == "done":
        query = query.where(col(Task.done_at).is_not(None))
    if mine_only:
        query = query.where(Task.assignee_id == user.id)
    query = query.order_by(col(Task.done_at).is_not(None),
                           case((col(Task.done_at).is_(None), Task.due_at), else_=None).asc().nulls_last(),
                           col(Task.done_at).desc(), col(Task.id)).limit(LIST_LIMIT)
    rows = []
    for task, candidate, project_title, assignee_name, done_by_name in session.exec(query).all():
        mobile = candidate.mobile if candidate else None
        rows.append(TaskRow(
            id=task.id, kind=task.kind, application_id=task.application_id,
            candidate_name=f"{candidate.first_name} {candidate.last_name}".strip() if candidate else "",
            candidate_language=normalise_language(candidate.language) if candidate else "en",
            phone=mobile or "", phone_readable=readable_phone(mobile), project_title=project_title or "",
            note=task.note or "", due_at=_aware(task.due_at), assignee_name=assignee_name or "",
            done_at=_aware(task.done_at), done_by_name=done_by_name or "", called_at=_aware(task.called_at),
            outcome=task.outcome or "", outcome_note=task.outcome_note or ""))
    return rows


def find_task(session: Session, user: CurrentUser, task_id: int) -> Task:
    """The task, when user may handle it; else NotAllowed (a hiring manager) or ActionRefused("not found")."""
    if not may_act(user):
        raise NotAllowed("tasks")
    task = session.exec(select(Task)
                        .outerjoin(Application, Application.id == Task.application_id)
                        .outerjoin(RecruitmentProject, RecruitmentProject.id == Application.project_id)
                        .where(Task.id == task_id, _visible_to(user))).first()
    if task is None:
        raise ActionRefused(NOT_FOUND)
    return task


def _check_note(note: str | None, field: str = "note") -> str | None:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise InvalidChoice(field, N_("The notes can be at most {max} characters."), max=NOTE_MAX)
    return note or None


def create_call_task(session: Session, user: CurrentUser, application_id: int, note: str | None,
                     *, now: datetime | None = None) -> Task:
    """Call instead (rejection wizard): a call task for user, due now, with a call_task_created history
    line. An open call task for the application already there is returned as it is, not doubled."""
    if not may_act(user):
        raise NotAllowed("tasks")
    application = find_application(session, user, application_id)
    note = _check_note(note)
    existing = session.exec(select(Task).where(Task.application_id == application.id, Task.kind == CALL,
                                               col(Task.done_at).is_(None))).first()
    if existing is not None:
        return existing
    now = now or utcnow()
    task = Task(application_id=application.id, assignee_id=user.id, kind=CALL, note=note, due_at=now, created_at=now)
    session.add(task)
    session.flush()
    record(session, user, application, "call_task_created", task_id=task.id)
    return task


def next_morning(now: datetime, zone: ZoneInfo) -> datetime:
    """Tomorrow at 09:00 in zone (as the wall clock reads it, daylight saving or not), in UTC."""
    tomorrow: date = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, CALL_AGAIN_AT, tzinfo=zone).astimezone(timezone.utc)


def parse_local_moment(text: str, time_zone: str, field: str = "called_at") -> datetime:
    """A date-time input's "2026-03-29T14:05" read in the user's time zone, as aware UTC."""
    try:
        local = datetime.fromisoformat((text or "").strip())
    except ValueError:
        raise InvalidChoice(field, N_("Enter the date and time of the call.")) from None
    if local.tzinfo is None:
        local = local.replace(tzinfo=ZoneInfo(time_zone))
    return local.astimezone(timezone.utc)


def local_input_value(moment: datetime, time_zone: str) -> str:
    """moment as a date-time input's value in the user's time zone ("2026-03-29T14:05")."""
    return moment.astimezone(ZoneInfo(time_zone)).strftime("%Y-%m-%dT%H:%M")


def _call_task(session: Session, user: CurrentUser, task_id: int) -> tuple[Task, Application]:
    task = find_task(session, user, task_id)
    if task.kind != CALL:
        raise ActionRefused(N_("not a call"))
    if task.done_at is not None:
        raise ActionRefused(ALREADY_DONE)
    application = session.get(Application, task.application_id) if task.application_id else None
    if application is None:
        raise ActionRefused(NOT_FOUND)
    return task, application


def log_call(session: Session, user: CurrentUser, task_id: int, *, called_at: datetime | None, outcome: str,
             note: str, confirmation: Draft | None = None, sender: str | None = None,
             now: datetime | None = None) -> Task:
    """Log a call: when, how it went and what was said; optionally queue a short written confirmation.

    "no_answer" keeps the task open and due tomorrow at 09:00 in the organisation's time zone; the other
    outcomes close it. Every field is checked before anything changes (InvalidChoice names the field:
    called_at, outcome, note, sender, subject:<lang>, body:<lang>). The history gets a call_logged line
    with the outcome (the note goes in the event's note, never the payload) and, with a confirmation,
    the email's own line pointing at the message.
    """
    now = now or utcnow()
    task, application = _call_task(session, user, task_id)
    if called_at is None:
        raise InvalidChoice("called_at", N_("Enter the date and time of the call."))
    called_at = _aware(called_at)
    if called_at > now + FUTURE_SLACK:
        raise InvalidChoice("called_at", N_("The call cannot be in the future."))
    if outcome not in OUTCOMES:
        raise InvalidChoice("outcome", N_("Choose how the call went."))
    written = _check_note(note)
    person = None
    if confirmation is not None:
        sender = check_sender(sender or "")
        check_drafts("custom", [confirmation])
        found = recipients(session, [int(application.id)], sender_user(session, user))
        if not found:
            raise ActionRefused(NOT_FOUND)
        person = found[0]
    task.called_at, task.outcome, task.outcome_note = called_at, outcome, written
    if outcome == "no_answer":
        task.due_at = next_morning(now, organisation_zone(session))
    else:
        task.done_at, task.done_by_id = now, user.id
    session.add(task)
    session.add(ApplicationEvent(application_id=application.id, project_id=application.project_id,
                                 actor_id=user.id, kind="call_logged", payload={"outcome": outcome}, note=written))
    if person is not None:
        queue_to_candidate(session, user, person, confirmation, kind="custom", purpose=PURPOSE, sender=sender,
                           task_id=task.id)
    session.flush()
    return task


def close_task(session: Session, user: CurrentUser, task_id: int, *, now: datetime | None = None) -> Task:
    """Mark a task done (a data-deletion request handled, a new interview time found), with a
    task_done history line on its application. Call tasks close by logging the call."""
    task = find_task(session, user, task_id)
    if task.kind == CALL:
        raise ActionRefused(N_("log the call instead"))
    if task.done_at is not None:
        raise ActionRefused(ALREADY_DONE)
    task.done_at, task.done_by_id = now or utcnow(), user.id
    session.add(task)
    application = session.get(Application, task.application_id) if task.application_id else None
    if application is not None:
        record(session, user, application, "task_done", task_id=task.id, task_kind=task.kind)
    session.flush()
    return task


def confirmation_draft(language: str) -> Draft:
    """The short written confirmation's starting text in language (English for an unknown one)."""
    language = normalise_language(language)
    subject, body = CONFIRMATION_DEFAULTS.get(language, CONFIRMATION_DEFAULTS["en"])
    return Draft(language, subject, body)


def call_form(session: Session, user: CurrentUser, task_id: int) -> CallForm:
    """The Log call dialog's starting values for an open call task."""
    task, application = _call_task(session, user, task_id)
    candidate = session.get(Candidate, application.candidate_id)
    language = normalise_language(candidate.language if candidate else None)
    return CallForm(task_id=task.id, candidate_name=f"{candidate.first_name} {candidate.last_name}".strip()
                    if candidate else "", phone=(candidate.mobile or "") if candidate else "",
                    phone_readable=readable_phone(candidate.mobile if candidate else None), language=language,
                    sender=default_sender(user, PURPOSE), draft=confirmation_draft(language))
