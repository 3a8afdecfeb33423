"""The candidate portal's rules: what a logged-in candidate sees of their applications and what they may do
(update contact details, withdraw an application, ask for their data to be deleted).

Candidates only ever reach their own rows, and every change leaves a history line recruiters can read
(actor None: no recruiter did it; payloads hold ids and codes only). Accounts, links and sessions live in
portal.accounts. Nothing here commits.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
from sqlmodel import Session, col, select

from ats_app.applications import lifecycle
from ats_app.applications.history import record
from ats_app.applications.lifecycle import WITHDRAWABLE
from ats_app.applications.statuses import STATUS_COLOURS, STATUS_LABELS
from ats_app.core.errors import ActionRefused, InvalidInput, PortalApplicationNotFound, PortalError
from ats_app.core.i18n import N_, format_day, gettext
from ats_app.core.phones import readable_phone
from ats_app.models import Application, ApplicationStatus, Candidate, Message, MessageStatus, RecruitmentProject, Task
from ats_app.models.base import utcnow

DELETION_TASK = "data_deletion"  # Task.kind of a candidate's request to delete their data
DELETION_DUE = timedelta(days=30)  # GDPR art. 12(3): answer within one month
DEFAULT_COUNTRY = "NO"
NOTE_LIMIT = 2000

# Transferred and Restored are recruiters' bookkeeping: to the candidate such an application is simply new.
SHOWN_AS = {ApplicationStatus.TRANSFERRED.value: ApplicationStatus.NEW.value,
            ApplicationStatus.RESTORED.value: ApplicationStatus.NEW.value}
# Why a candidate cannot withdraw, by status (the recruiters' reasons in transitions.py speak of "applicants").
CANNOT_WITHDRAW = {
    ApplicationStatus.WITHDRAWN.value: N_("You have already withdrawn this application."),
    ApplicationStatus.REJECTED.value: N_("This application has been closed, so it cannot be withdrawn."),
    ApplicationStatus.HIRED.value: N_("You were hired for this position, so the application cannot be withdrawn here. "
                                      "Please contact the recruiter."),
}
CANNOT_WITHDRAW_NOW = N_("This application cannot be withdrawn now.")
NOT_FOUND = N_("We could not find this application.")
# Local dates: the day a candidate applied, in their country's time zone.
TIME_ZONES = {"NO": "Europe/Oslo", "SE": "Europe/Stockholm", "DK": "Europe/Copenhagen", "FI": "Europe/Helsinki",
              "NL": "Europe/Amsterdam", "GB": "Europe/London"}
# Postal codes as each country writes them: (pattern, how to normalise the match).
POSTAL_CODES = {
    "NO": (r"\d{4}", lambda m: m[0]), "DK": (r"\d{4}", lambda m: m[0]), "FI": (r"\d{5}", lambda m: m[0]),
    "SE": (r"(\d{3}) ?(\d{2})", lambda m: f"{m[1]} {m[2]}"),
    "NL": (r"(\d{4}) ?([A-Za-z]{2})", lambda m: f"{m[1]} {m[2].upper()}"),
}
OTHER_POSTAL_CODE = r"[A-Za-z0-9][A-Za-z0-9 -]{1,9}"
CONTACT_FIELDS = ("mobile", "address", "postal_code", "city")


@dataclass(frozen=True)
class PortalApplication:
    """One application as its candidate sees it."""

    id: int
    project_title: str
    applied_on: str  # localised date
    status: str  # the status code shown (Transferred and Restored show as New)
    status_label: str  # in the candidate's language
    colour: str  # the status pill's colour name
    can_withdraw: bool
    why_not: str | None  # translated reason when it cannot be withdrawn


def _visible_applications(candidate_id: int):
    """The candidate's own applications that the portal shows: not deleted, not moved away, project alive."""
    return (select(Application, RecruitmentProject)
            .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
            .where(Application.candidate_id == candidate_id, col(Application.deleted_at).is_(None),
                   col(Application.moved_to_id).is_(None), col(RecruitmentProject.deleted_at).is_(None)))


def _withdraw_refusal(application: Application) -> str | None:
    status = ApplicationStatus(application.status)
    if status in WITHDRAWABLE:
        return None
    return CANNOT_WITHDRAW.get(status.value, CANNOT_WITHDRAW_NOW)


def _untold_rejections(session: Session, application_ids: list[int]) -> set[int]:
    """Rejected applications whose candidate has not been told: the rejection email still waits, or the
    call that replaces it has not been made."""
    if not application_ids:
        return set()
    waiting = set(session.exec(select(Message.application_id).where(
        col(Message.application_id).in_(application_ids), Message.purpose == "rejection",
        col(Message.status).in_([MessageStatus.QUEUED, MessageStatus.HELD, MessageStatus.SENDING]))))
    calls = set(session.exec(select(Task.application_id).where(
        col(Task.application_id).in_(application_ids), Task.kind == "call_candidate", col(Task.done_at).is_(None))))
    return {int(i) for i in waiting | calls}


def applications_for(session: Session, candidate_id: int, language: str) -> list[PortalApplication]:
    """The candidate's applications, newest first, with project title, local date and status in language."""
    candidate = session.get(Candidate, candidate_id)
    zone = ZoneInfo(TIME_ZONES.get((candidate.country or DEFAULT_COUNTRY) if candidate else DEFAULT_COUNTRY,
                                   "Europe/Oslo"))
    rows = session.exec(_visible_applications(candidate_id)
                        .order_by(col(Application.applied_at).desc(), col(Application.id).desc())).all()
    untold = _untold_rejections(session, [a.id for a, _ in rows if a.status == ApplicationStatus.REJECTED])
    found = []
    for application, project in rows:
        status = ApplicationStatus(application.status).value
        if application.id in untold:  # not told yet (the email waits, or a call is due): no news here first
            status = ApplicationStatus(application.previous_status or ApplicationStatus.NEW).value
        shown = SHOWN_AS.get(status, status)
        refusal = _withdraw_refusal(application)
        found.append(PortalApplication(
            id=application.id, project_title=project.title,
            applied_on=format_day(application.applied_at.astimezone(zone).date(), language), status=shown,
            status_label=gettext(language, STATUS_LABELS[shown]), colour=STATUS_COLOURS.get(shown, "gray"),
            can_withdraw=refusal is None, why_not=gettext(language, refusal) if refusal else None))
    return found


def own_application(session: Session, candidate_id: int, application_id: int) -> tuple[Application, str]:
    """The candidate's own visible application and its project title; PortalApplicationNotFound otherwise
    (another candidate's application is "not found" too, so ids reveal nothing)."""
    row = session.exec(_visible_applications(candidate_id).where(Application.id == application_id)).first()
    if row is None:
        raise PortalApplicationNotFound(NOT_FOUND)
    return row[0], row[1].title


def withdraw(session: Session, candidate_id: int, application_id: int) -> Application:
    """The candidate withdraws one of their applications, as the recruiters' Withdrawn action does.

    The same transition rule applies (live or saved applications only); the status_changed history line
    has no actor and says by="candidate". Raises PortalApplicationNotFound, or PortalError with the reason.
    """
    application, _title = own_application(session, candidate_id, application_id)
    try:
        lifecycle.withdraw(session, None, application, by="candidate")
    except ActionRefused:
        raise PortalError(_withdraw_refusal(application) or CANNOT_WITHDRAW_NOW) from None
    session.flush()
    return application


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def _mobile(value: str, country: str) -> tuple[str | None, str | None]:
    """(E.164, None) or (None, error) for what the candidate typed; empty means no mobile."""
    if not value:
        return None, None
    try:
        number = phonenumbers.parse(value, country)
    except phonenumbers.NumberParseException:
        return None, N_("This is not a phone number. Use digits, with + and the country code for a number from abroad.")
    if not phonenumbers.is_valid_number(number):
        return None, N_("This number is not valid. Check it, and add the country code if it is from abroad.")
    if phonenumbers.number_type(number) not in (phonenumbers.PhoneNumberType.MOBILE,
                                                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return None, N_("Enter a mobile number, so we can send you text messages.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


def _postal_code(value: str, country: str) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    pattern, normalise = POSTAL_CODES.get(country, (OTHER_POSTAL_CODE, lambda m: m[0].upper()))
    match = re.fullmatch(pattern, value)
    if match is None:
        return None, N_("This postal code does not look right.")
    return normalise(match), None


def update_contact(session: Session, candidate_id: int, mobile: str | None, address: str | None,
                   postal_code: str | None, city: str | None) -> list[str]:
    """Replace the candidate's mobile and postal address; the names of the fields that changed.

    The mobile is stored in E.164, read in the candidate's country (Norway when unknown). Raises
    InvalidInput with one message per wrong field, and then nothing changes. A change writes one
    contact_updated line (field names only) on the candidate's most recent application.
    """
    candidate = session.get(Candidate, candidate_id)
    if candidate is None or candidate.anonymised_at is not None:
        raise PortalError(N_("We could not find your details."))
    country = (candidate.country or DEFAULT_COUNTRY).upper()
    errors: dict[str, str] = {}
    new_mobile, problem = _mobile(_clean(mobile), country)
    if problem:
        errors["mobile"] = problem
    address, city = _clean(address), _clean(city)
    if len(address) > 300:
        errors["address"] = N_("Use at most 300 characters.")
    new_postal, problem = _postal_code(_clean(postal_code), country)
    if problem:
        errors["postal_code"] = problem
    if len(city) > 100:
        errors["city"] = N_("Use at most 100 characters.")
    if errors:
        raise InvalidInput(errors)
    wanted = {"mobile": new_mobile, "address": address or None, "postal_code": new_postal, "city": city or None}
    changed = [field for field in CONTACT_FIELDS if getattr(candidate, field) != wanted[field]]
    if not changed:
        return []
    for field in changed:
        setattr(candidate, field, wanted[field])
    session.add(candidate)
    latest = session.exec(_visible_applications(candidate_id)
                          .order_by(col(Application.applied_at).desc(), col(Application.id).desc())).first()
    if latest is not None:
        record(session, None, latest[0], "contact_updated", fields=changed, by="candidate")
    session.flush()
    return changed


def contact_of(session: Session, candidate_id: int) -> dict[str, str]:
    """The candidate's contact details as the contact form shows them (the mobile grouped for reading)."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        return dict.fromkeys(CONTACT_FIELDS, "")
    return {"mobile": readable_phone(candidate.mobile), "address": candidate.address or "",
            "postal_code": candidate.postal_code or "", "city": candidate.city or ""}


def open_deletion_request(session: Session, candidate_id: int) -> Task | None:
    """The candidate's data-deletion task that no recruiter has finished yet, if any."""
    return session.exec(
        select(Task).join(Application, Application.id == Task.application_id)
        .where(Application.candidate_id == candidate_id, Task.kind == DELETION_TASK, col(Task.done_at).is_(None))
    ).first()


def request_deletion(session: Session, candidate_id: int, note: str | None, now: datetime | None = None) -> list[Task]:
    """The candidate asks for their data to be deleted: a data_deletion task reaches the recruiters.

    One task per distinct owner of the projects the candidate's visible applications belong to (due in a
    month, on that owner's newest application); when no project has an owner, one unassigned task. Each
    visible application gets a data_deletion_requested history line. A second request while one is
    open is refused (PortalError). The deletion itself stays a recruiter's decision (records may have to
    be kept, e.g. for a hire).
    """
    now = now or utcnow()
    if open_deletion_request(session, candidate_id) is not None:
        raise PortalError(N_("You have already asked for your data to be deleted. The recruiters will contact you."))
    note = (note or "").strip()[:NOTE_LIMIT] or None
    rows = session.exec(_visible_applications(candidate_id)
                        .order_by(col(Application.applied_at).desc(), col(Application.id).desc())).all()
    if not rows:  # nothing visible left: attach it to the newest application there is
        newest = session.exec(select(Application).where(Application.candidate_id == candidate_id)
                              .order_by(col(Application.applied_at).desc())).first()
        rows = [(newest, None)] if newest is not None else []
    by_owner: dict[int | None, Application | None] = {}
    for application, project in rows:
        owner = project.owner_id if project is not None else None
        if owner is not None:
            by_owner.setdefault(owner, application)
    if not by_owner:
        by_owner[None] = rows[0][0] if rows else None
    tasks = []
    for owner, application in by_owner.items():
        task = Task(application_id=application.id if application else None, assignee_id=owner, kind=DELETION_TASK,
                    note=note if application else f"candidate {candidate_id}: {note or ''}".strip(),
                    due_at=now + DELETION_DUE, created_at=now)
        session.add(task)
        tasks.append(task)
    session.flush()
    task_for = {task.application_id: task.id for task in tasks}
    for application, _project in rows:
        record(session, None, application, "data_deletion_requested", task_id=task_for.get(application.id),
               by="candidate")
    session.flush()
    return tasks
