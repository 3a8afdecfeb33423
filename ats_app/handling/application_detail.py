"""The Application and CV page: one application with its candidate, the candidate's other applications
and the history, each line saying who did what, when, and with which email."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, col, select

from ats_app.accounts.access import may_act, visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.stages import STAGE_LABELS
from ats_app.applications.statuses import STATUS_LABELS
from ats_app.contracts.history_lines import CONTRACT_EVENTS, contract_line
from ats_app.core.errors import ApplicationNotFound
from ats_app.core.i18n import N_, format_day, format_moment, gettext
from ats_app.handling import duplicates
from ats_app.models import (
    Application,
    ApplicationEvent,
    Candidate,
    Message,
    RecruitmentProject,
    RejectionReason,
    RejectionType,
    User,
)
from ats_app.models.base import utcnow
from ats_app.offers.history import OFFER_EVENTS, describe_offer
from ats_app.panel_review import results
from ats_app.projects import screening


@dataclass
class OtherApplication:
    application_id: int
    project_title: str
    status: str
    stage: str
    deleted: bool


@dataclass
class HistoryLine:
    at: datetime
    actor: str
    text: str


@dataclass
class ApplicationDetail:
    application_id: int
    project_id: int
    project_title: str
    candidate: Candidate
    status: str
    stage: str
    reason: str
    ranking: int | None
    rating: float | None  # the panels' average, of the scores user may see (the blind rule)
    rating_count: int
    applied_at: datetime
    deleted: bool
    cover_letter: str
    cover_letter_file: str  # the cover letter's file name when it came as a file ("" when none)
    screening: list[tuple[str, str]] = field(default_factory=list)
    others: list[OtherApplication] = field(default_factory=list)
    history: list[HistoryLine] = field(default_factory=list)


def application_detail(session: Session, user: CurrentUser, application_id: int) -> ApplicationDetail:
    """Everything the page shows, for an application whose project user may see."""
    found = session.exec(
        select(Application, RecruitmentProject)
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(Application.id == application_id, col(Application.moved_to_id).is_(None), visible_projects(user))
    ).first()
    if found is None:
        raise ApplicationNotFound(application_id)
    application, project = found
    candidate = session.get(Candidate, application.candidate_id)
    stage = session.get(RejectionType, application.rejection_type_id).code if application.rejection_type_id else ""
    reason_id = application.rejection_reason_id
    reason = _reason_labels(session, {reason_id}, user.language).get(reason_id, "") if reason_id else ""
    rating, rated = results.average_of(session, user, application.id)
    return ApplicationDetail(
        application_id=application.id, project_id=project.id, project_title=project.title, candidate=candidate,
        status=application.status, stage=stage, reason=reason, ranking=application.ranking,
        rating=rating, rating_count=rated, applied_at=application.applied_at,
        deleted=application.deleted_at is not None, cover_letter=application.cover_letter or "",
        cover_letter_file=application.cover_letter_filename or "" if application.cover_letter_file_key else "",
        screening=_screening(project, application, user.language),
        others=_others(session, user, application), history=history(session, application.id, user.language, user))


def _screening(project: RecruitmentProject, application: Application, language: str) -> list[tuple[str, str]]:
    """(question in the user's language, else the first one written, answer in words) for each answered one."""
    return screening.answered(screening.questions_of(project.screening_questions), application.screening_answers or {},
                              language, lambda text: gettext(language, text))


def _others(session: Session, user: CurrentUser, application: Application) -> list[OtherApplication]:
    found = session.exec(
        select(Application, RecruitmentProject.title, RejectionType.code)
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .join(RejectionType, RejectionType.id == Application.rejection_type_id, isouter=True)
        .where(Application.candidate_id == application.candidate_id, Application.id != application.id,
               col(Application.moved_to_id).is_(None), visible_projects(user))
        .order_by(col(Application.applied_at).desc())
    ).all()
    return [OtherApplication(a.id, title, a.status, code or "", a.deleted_at is not None) for a, title, code in found]


def history(session: Session, application_id: int, language: str, user: CurrentUser) -> list[HistoryLine]:
    """The application's history, newest first, described in language (other projects by title only
    when user may see them)."""
    found = session.exec(
        select(ApplicationEvent, User.name, Message.subject, Message.scheduled_at, Message.status)
        .join(User, User.id == ApplicationEvent.actor_id, isouter=True)
        .join(Message, Message.id == ApplicationEvent.message_id, isouter=True)
        .where(ApplicationEvent.application_id == application_id)
        .order_by(col(ApplicationEvent.created_at).desc(), col(ApplicationEvent.id).desc())
    ).all()
    project_ids = {e.payload.get(k) for e, *_ in found for k in ("from_project_id", "to_project_id")} - {None}
    reasons = _reason_labels(session, {e.payload.get("reason_id") for e, *_ in found} - {None}, language)
    titles = dict(session.exec(select(RecruitmentProject.id, RecruitmentProject.title)
                               .where(col(RecruitmentProject.id).in_(project_ids), visible_projects(user))).all()
                  ) if project_ids else {}
    names = _candidate_names(session, user, {e.payload.get("other_candidate_id") for e, *_ in found} - {None})
    lines = []
    for event, actor, subject, scheduled_at, message_status in found:
        payload = event.payload
        if event.kind in NAMED_EVENTS:  # the other record's name: kept in the note, or read while it is visible
            payload = payload | {"name": event.note or names.get(payload.get("other_candidate_id"), "")}
        text = describe(event.kind, payload, language, titles)
        if event.payload.get("reason_id") in reasons:
            text += " · " + gettext(language, "Reason: {reason}").format(reason=reasons[event.payload["reason_id"]])
        if subject:
            text += " · " + gettext(language, "Email: {subject}").format(subject=subject)
            if message_status == "queued" and scheduled_at and scheduled_at > utcnow():
                text += " · " + gettext(language, "to be sent {moment}").format(
                    moment=format_moment(scheduled_at, language, user.time_zone))
            elif message_status == "cancelled":
                text += " · " + gettext(language, "cancelled, not sent")
        # internal notes are for the recruiters, not hiring managers (a named event's note is its name)
        if event.note and may_act(user) and event.kind not in NAMED_EVENTS:
            text += " · " + gettext(language, "Internal note: {note}").format(note=event.note)
        by_candidate = event.payload.get("by") == "candidate"
        who = actor or (gettext(language, "The candidate") if by_candidate else gettext(language, "System"))
        lines.append(HistoryLine(at=event.created_at, actor=who, text=text))
    return lines


def _candidate_names(session: Session, user: CurrentUser, candidate_ids: set) -> dict[int, str]:
    """Names of the candidates history lines point at, while they exist, are not anonymised and user sees them."""
    if not candidate_ids:
        return {}
    return {int(c.id): f"{c.first_name} {c.last_name}" for c in (duplicates.visible_candidate(session, user, int(i))
                                                            for i in candidate_ids) if c is not None}


def _reason_labels(session: Session, reason_ids: set, language: str) -> dict[int, str]:
    """Reason labels in language for the reason rows history lines point at (any language's row)."""
    if not reason_ids:
        return {}
    codes = dict(session.exec(select(RejectionReason.id, RejectionReason.code)
                              .where(col(RejectionReason.id).in_(reason_ids))).all())
    labels: dict[str, str] = {}
    for code, lang, label in session.exec(select(RejectionReason.code, RejectionReason.language, RejectionReason.label)
                                          .where(col(RejectionReason.code).in_(set(codes.values())))).all():
        if lang == language or (lang == "en" and code not in labels):
            labels[code] = label
    return {int(i): labels.get(code, code) for i, code in codes.items()}


def _status(language: str, status: str | None) -> str:
    return gettext(language, STATUS_LABELS.get(status or "new", STATUS_LABELS["new"]))


# History lines about email, in words (the email's subject is added from the message itself).
EMAIL_EVENTS = {
    "email_sent": N_("Email sent"),
    "login_sent": N_("Link to choose a password for the candidate portal sent"),
    "forwarded": N_("Forwarded to {recipient}"),
    "email_cancelled": N_("Email cancelled before it was sent"),
    "email_resent": N_("Email queued to be sent again"),
    "email_bounced": N_("Email could not be delivered (bounced)"),
    "email_complained": N_("Email marked as spam by the recipient"),
}


INTERVIEW_EVENTS = {
    "interview_scheduled": N_("Interview scheduled"), "interview_invitation": N_("Interview invitation"),
    "reminder_scheduled": N_("Interview reminder scheduled"), "interview_moved": N_("Interview moved"),
    "interview_cancelled": N_("Interview cancelled"),
    "interview_answered": N_("The candidate answered the interview invitation"),
    "acceptance_set": N_("Interview answer set by a recruiter"),
}
ANSWERS = {"coming": N_("Yes, I'm coming"), "not_coming": N_("I can't come"),
           "new_time": N_("Contact me for a new time"), "withdraw": N_("I want to withdraw my application")}
ACCEPTANCES = {"awaiting": N_("Awaiting response"), "accepted": N_("Accepted"), "not_accepted": N_("Not accepted"),
               "contact_new_time": N_("Contact for new time")}


# History lines about review panels (panel_review): the payload holds the panel's id, counts, the due date and
# the reviewer's name or address (what the recruiter typed to send it).
PANEL_SENT = N_("Sent to a review panel (reviewers: {count}, due {date})")
PANEL_SENT_NO_DATE = N_("Sent to a review panel (reviewers: {count})")
PANEL_COMPLETED = N_("{reviewer} completed the panel review")
PANEL_RATED = N_("{reviewer} rated the candidate (review panel)")
PANEL_RATING_CHANGED = N_("{reviewer} changed their rating (review panel)")
PANEL_REVOKED = N_("Review panel revoked")
PANEL_REVIEWER_REVOKED = N_("Review link of {reviewer} revoked")


def _panel_text(kind: str, payload: dict, language: str) -> str:
    """A panel_sent, panel_completed or panel_revoked line in words."""
    _ = lambda message: gettext(language, message)  # noqa: E731
    reviewer = payload.get("reviewer") or "?"
    if kind == "panel_completed":
        return _(PANEL_COMPLETED).format(reviewer=reviewer)
    if kind in ("panel_rated", "panel_rating_changed"):
        message = PANEL_RATED if kind == "panel_rated" else PANEL_RATING_CHANGED
        return _(message).format(reviewer=reviewer)
    if kind == "panel_revoked":
        return _(PANEL_REVIEWER_REVOKED).format(reviewer=reviewer) if payload.get("reviewer") else _(PANEL_REVOKED)
    try:
        due = format_day(date.fromisoformat(str(payload.get("due_date"))), language)
    except ValueError:
        due = ""
    count = payload.get("reviewers", "?")
    return _(PANEL_SENT).format(count=count, date=due) if due else _(PANEL_SENT_NO_DATE).format(count=count)


# History lines naming another record of the candidate (payload["name"], added by history()).
NAMED_EVENTS = ("candidate_merged", "duplicate_dismissed")


def describe(kind: str, payload: dict, language: str, titles: dict[int, str]) -> str:
    """One history line in words."""
    _ = lambda message: gettext(language, message)  # noqa: E731
    project = lambda key: titles.get(payload.get(key), "?")  # noqa: E731
    if kind == "applied":
        return _("Applied")
    if kind == "status_changed":
        if payload.get("target") == "cv_database":
            return _("Transferred to the CV database (status Saved)")
        text = _("Status changed from {old} to {new}").format(old=_status(language, payload.get("from")),
                                                              new=_status(language, payload.get("to")))
        stage = payload.get("rejection_type")
        text = f"{text} ({_(STAGE_LABELS[stage])})" if stage in STAGE_LABELS else text
        if payload.get("automatic"):  # rejection.automatic: knocked out, N days after applying
            text += " · " + _("rejected automatically {days} days after applying").format(
                days=payload.get("after_days", "?"))
        return text
    if kind == "deleted":
        return _("Deleted")
    if kind == "transferred_in":
        if payload.get("mode") == "cv_database":
            return _("Transferred from the CV database")
        return _("Transferred from {project}").format(project=project("from_project_id"))
    if kind == "transferred_out":
        message = N_("Copied to {project}") if payload.get("mode") == "copy" else N_("Moved to {project}")
        return _(message).format(project=project("to_project_id"))
    if kind == "rejection_email":
        return _("Rejection email")
    if kind == "call_task_created":
        return _("Call task created: call the candidate instead of emailing")
    if kind == "call_logged":
        return _("Call logged")
    if kind == "task_done":
        return _("Task done")
    if kind in INTERVIEW_EVENTS:
        text = gettext(language, INTERVIEW_EVENTS[kind])
        choice = payload.get("answer") if kind == "interview_answered" else payload.get("acceptance")
        label = (ANSWERS if kind == "interview_answered" else ACCEPTANCES).get(choice)
        return f"{text}: {gettext(language, label)}" if label else text
    if kind == "letter_sent":
        return _("Letter printed")
    if kind in CONTRACT_EVENTS:
        return contract_line(kind, payload, language)
    if kind in OFFER_EVENTS:
        return describe_offer(kind, payload, language)
    if kind in ("panel_sent", "panel_completed", "panel_revoked", "panel_rated", "panel_rating_changed"):
        return _panel_text(kind, payload, language)
    if kind in EMAIL_EVENTS:
        text = _(EMAIL_EVENTS[kind])
        if kind == "forwarded":
            text = text.format(recipient=payload.get("recipient", "?"))
            options = [_(label) for key, label in (("anonymised", N_("anonymised")),
                                                   ("attachments", N_("with the CV"))) if payload.get(key)]
            text += f" ({', '.join(options)})" if options else ""
        return text
    if kind == "contact_updated":
        return _("The candidate updated their contact details")
    if kind == "data_deletion_requested":
        return _("The candidate asked for their data to be deleted")
    if kind == "auto_reject_stopped":
        return _("Automatic rejection stopped")
    if kind == "auto_reject_resumed":
        return _("Automatic rejection resumed")
    if kind == "ranking_changed":
        return _("Ranking changed from {old} to {new}").format(old=payload.get("from") or "–",
                                                               new=payload.get("to") or "–")
    if kind == "candidate_merged":
        message = (N_("Moved here by merging the duplicate record {name} into this candidate") if payload.get("moved")
                   else N_("The duplicate record {name} was merged into this candidate"))
        return _(message).format(name=payload.get("name") or "?")
    if kind == "duplicate_dismissed":
        if payload.get("name"):
            return _("Possible duplicate dismissed: not the same person as {name}").format(name=payload["name"])
        return _("Possible duplicate dismissed: not the same person as another candidate")
    return kind.replace("_", " ")
