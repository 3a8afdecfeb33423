"""The Application and CV page: one application with its candidate, the candidate's other applications
and the history, each line saying who did what, when, and with which email."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from ..models import (Application, ApplicationEvent, Candidate, Message, Rating, RecruitmentProject, RejectionReason,
                      RejectionType, User)
from .access import visible_projects
from .auth import CurrentUser
from .i18n import N_, gettext
from .statuses import STAGE_LABELS, STATUS_LABELS


class ApplicationNotFound(LookupError):
    """No such application, or its project is not visible to the user (we do not say which)."""


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
    rating: float | None
    applied_at: datetime
    deleted: bool
    cover_letter: str
    screening: list[tuple[str, str]] = field(default_factory=list)
    others: list[OtherApplication] = field(default_factory=list)
    history: list[HistoryLine] = field(default_factory=list)


def application_detail(session: Session, user: CurrentUser, application_id: int) -> ApplicationDetail:
    """Everything the page shows, for an application whose project user may see."""
    found = session.exec(
        select(Application, RecruitmentProject)
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(Application.id == application_id, Application.moved_to_id.is_(None), visible_projects(user))
    ).first()
    if found is None:
        raise ApplicationNotFound(application_id)
    application, project = found
    candidate = session.get(Candidate, application.candidate_id)
    stage = session.get(RejectionType, application.rejection_type_id).code if application.rejection_type_id else ""
    reason = session.get(RejectionReason, application.rejection_reason_id) if application.rejection_reason_id else None
    rating = session.exec(select(func.avg(Rating.score)).where(Rating.application_id == application.id)).one()
    return ApplicationDetail(
        application_id=application.id, project_id=project.id, project_title=project.title, candidate=candidate,
        status=application.status, stage=stage, reason=reason.label if reason else "", ranking=application.ranking,
        rating=round(float(rating), 1) if rating is not None else None, applied_at=application.applied_at,
        deleted=application.deleted_at is not None, cover_letter=application.cover_letter or "",
        screening=_screening(project, application, user.language),
        others=_others(session, user, application), history=history(session, application.id, user.language, user))


def _screening(project: RecruitmentProject, application: Application, language: str) -> list[tuple[str, str]]:
    """(question in the user's language, else the first one written, answer) for each answered question."""
    lines = []
    for question in project.screening_questions or []:
        texts = question.get("text") or {}
        text = texts.get(language) or texts.get("en") or next(iter(texts.values()), question.get("id", ""))
        answer = (application.screening_answers or {}).get(question.get("id"))
        if answer is not None:
            lines.append((text, str(answer)))
    return lines


def _others(session: Session, user: CurrentUser, application: Application) -> list[OtherApplication]:
    found = session.exec(
        select(Application, RecruitmentProject.title, RejectionType.code)
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .join(RejectionType, RejectionType.id == Application.rejection_type_id, isouter=True)
        .where(Application.candidate_id == application.candidate_id, Application.id != application.id,
               Application.moved_to_id.is_(None), visible_projects(user))
        .order_by(Application.applied_at.desc())
    ).all()
    return [OtherApplication(a.id, title, a.status, code or "", a.deleted_at is not None) for a, title, code in found]


def history(session: Session, application_id: int, language: str, user: CurrentUser) -> list[HistoryLine]:
    """The application's history, newest first, described in language (other projects by title only
    when user may see them)."""
    found = session.exec(
        select(ApplicationEvent, User.name, Message.subject)
        .join(User, User.id == ApplicationEvent.actor_id, isouter=True)
        .join(Message, Message.id == ApplicationEvent.message_id, isouter=True)
        .where(ApplicationEvent.application_id == application_id)
        .order_by(ApplicationEvent.created_at.desc(), ApplicationEvent.id.desc())
    ).all()
    project_ids = {e.payload.get(k) for e, _, _ in found for k in ("from_project_id", "to_project_id")} - {None}
    titles = dict(session.exec(select(RecruitmentProject.id, RecruitmentProject.title)
                               .where(col(RecruitmentProject.id).in_(project_ids), visible_projects(user))).all()
                  ) if project_ids else {}
    lines = []
    for event, actor, subject in found:
        text = describe(event.kind, event.payload, language, titles)
        if subject:
            text += " · " + gettext(language, "Email: {subject}").format(subject=subject)
        by_candidate = event.payload.get("by") == "candidate"
        who = actor or (gettext(language, "The candidate") if by_candidate else gettext(language, "System"))
        lines.append(HistoryLine(at=event.created_at, actor=who, text=text))
    return lines


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
        return f"{text} ({_(STAGE_LABELS[stage])})" if stage in STAGE_LABELS else text
    if kind == "deleted":
        return _("Deleted")
    if kind == "transferred_in":
        if payload.get("mode") == "cv_database":
            return _("Transferred from the CV database")
        return _("Transferred from {project}").format(project=project("from_project_id"))
    if kind == "transferred_out":
        message = N_("Copied to {project}") if payload.get("mode") == "copy" else N_("Moved to {project}")
        return _(message).format(project=project("to_project_id"))
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
    if kind == "ranking_changed":
        return _("Ranking changed from {old} to {new}").format(old=payload.get("from") or "–",
                                                               new=payload.get("to") or "–")
    return kind.replace("_", " ")
