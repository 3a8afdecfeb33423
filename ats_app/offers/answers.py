"""The candidate's answer to an offer ({offerlink}): what the answer page shows, and what Accept, Decline and Ask a
question record.

The page is public (the sealed link is the key), so everything here is about one offer of one application.
Accept and Decline are final (answered_at) and each makes a task for the recruiter who sent the offer: accepting
does not hire (the recruiter hires, with Further progress → Hire), declining does not reject (the recruiter
decides what follows). A question leaves the offer open and becomes a task with the candidate's words. A
superseded, expired or closed offer takes no answer. The answer is written by one conditional UPDATE (still
unanswered, not superseded, not expired), so of two answers sent at the same moment only one counts: the other
gets "already answered" and makes no task. Every answer is a history line with no actor and by="candidate".
Nothing here commits.
"""

from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup
from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from ats_app.applications.history import record
from ats_app.core import tokens
from ats_app.core.errors import AnswerRefused, InvalidChoice
from ats_app.core.i18n import N_, format_moment, gettext, normalise_language
from ats_app.mail.markup import clean_html
from ats_app.mail.tag_values import OFFER_TERM_LINES, company_name, organisation_zone
from ats_app.models import Application, ApplicationStatus, Candidate, Offer, RecruitmentProject, Task, User
from ats_app.models.base import utcnow
from ats_app.offers import status
from ats_app.offers.current import offer_values
from ats_app.projects.editing import organisation_today
from ats_app.tasks.assignees import recruiter_to_tell

ANSWERS = ("accept", "decline", "question")
NOTE_MAX = 2000
OPEN, CLOSED = "open", "closed"  # a page state beside offers.status's: the application left the offer stage
TASK_KINDS = {"accept": "offer_accepted", "decline": "offer_declined", "question": "offer_question"}
TASK_NOTES = {
    "accept": N_("Accepted the offer ({position}). Hire them with Further progress → Hire when you are ready."),
    "decline": N_("Declined the offer ({position}). Reason: {note}"),
    "question": N_("Asks about the offer ({position}): {note}"),
}
NO_REASON = N_("none given")
NOT_OPEN = {
    status.ACCEPTED: N_("You have already accepted this offer."),
    status.DECLINED: N_("You have already declined this offer."),
    status.EXPIRED: N_("This offer has expired, so it can no longer be answered."),
    status.SUPERSEDED: N_("This offer has been replaced by a newer one. Please use the link in the latest email."),
    CLOSED: N_("This offer is no longer open. If you have questions, please contact the recruiter."),
}
# Where the page still shows the terms: the offer stage, and hired (the person may look up what they accepted).
SHOWS_TERMS = (ApplicationStatus.OFFER, ApplicationStatus.HIRED)
TERM_LINES = OFFER_TERM_LINES  # the terms as the page lists them: (tag, label), as {offersummary} does


@dataclass(frozen=True)
class OfferView:
    """What the answer page shows, in the reader's language."""

    organisation: str
    project_title: str
    first_name: str
    terms_shown: bool  # False once the application is closed (rejected, withdrawn, …): no salary or terms then
    terms: list[tuple[str, str]]  # (label, value) of the terms that are set
    free_text: Markup  # the free-text terms, clean HTML
    valid_until: str
    state: str  # OPEN, CLOSED or one of offers.status's
    question_asked: bool
    answered_at: str  # when accepted or declined, in the organisation's time zone
    note: str  # the reason given when declining


def offer_for_token(session: Session, token: str | None) -> Offer | None:
    """The offer a link belongs to, whatever it has become (None for an unknown link)."""
    if not token or len(token) > 100:
        return None
    return session.exec(select(Offer).where(Offer.token_hash == tokens.token_hash(token))).first()


def at_offer_stage(application: Application | None) -> bool:
    """True while the application waits at Offer received (not deleted, moved to another project or gone on)."""
    return application is not None and application.deleted_at is None and application.moved_to_id is None \
        and application.status == ApplicationStatus.OFFER


def _application(session: Session, offer: Offer) -> Application | None:
    """The offer's application while it is still in the offer stage."""
    application = session.get(Application, offer.application_id)
    return application if at_offer_stage(application) else None


def page_state(session: Session, offer: Offer, now: datetime | None = None) -> str:
    """OPEN when the candidate may answer now, else why not (offers.status's word, or CLOSED)."""
    found = status.offer_status(offer, organisation_zone(session), now or utcnow())
    if found not in (status.WAITING, status.QUESTION):
        return found
    return OPEN if _application(session, offer) is not None else CLOSED


def link_gone(session: Session, offer: Offer) -> bool:
    """True when the offer's application is deleted or moved to another project: the link is then a 410."""
    application = session.get(Application, offer.application_id)
    return application is None or application.deleted_at is not None or application.moved_to_id is not None


def candidate_language(session: Session, offer: Offer) -> str:
    """The language the candidate chose when applying (English when unknown)."""
    application = session.get(Application, offer.application_id)
    candidate = session.get(Candidate, application.candidate_id) if application else None
    return normalise_language(candidate.language if candidate else None)


def offer_view(session: Session, offer: Offer, language: str, now: datetime | None = None) -> OfferView:
    """The offer as the candidate reads it: the terms formatted as the email has them, the validity, the state.
    The terms (salary, free text, validity) are left out once the application is closed."""
    application = session.get(Application, offer.application_id)
    project = session.get(RecruitmentProject, application.project_id) if application else None
    candidate = session.get(Candidate, application.candidate_id) if application else None
    values = offer_values(session, offer, language)
    state = page_state(session, offer, now)
    final = state in status.FINAL_ANSWERS
    shown = state != CLOSED and application is not None and application.status in SHOWS_TERMS
    return OfferView(
        organisation=company_name(session), project_title=project.title if project else "",
        first_name=candidate.first_name if candidate and not candidate.anonymised_at else "", terms_shown=shown,
        terms=[(gettext(language, label), values[tag]) for tag, label in TERM_LINES if values[tag] and shown],
        free_text=Markup(clean_html(offer.terms or "") if shown else ""),
        valid_until=values["offervaliduntil"] if shown else "", state=state,
        question_asked=offer.answer == status.QUESTION,
        answered_at=format_moment(offer.answered_at, language, organisation_zone(session).key) if final else "",
        note=(offer.answer_note or "") if state == status.DECLINED else "")


def _assignee(session: Session, offer: Offer, application: Application) -> int | None:
    """Who hears of the answer: the recruiter who sent the offer, else the project's responsible recruiter."""
    return recruiter_to_tell(session, offer.created_by_id, application.project_id)


def recruiter_task(session: Session, offer: Offer, application: Application, kind: str, message: str,
                   now: datetime, note: str = "") -> Task:
    """A task on the Tasks list for the offer's recruiter, written in their language."""
    assignee_id = _assignee(session, offer, application)
    assignee = session.get(User, assignee_id) if assignee_id else None
    language = normalise_language(assignee.language if assignee else None)
    text = gettext(language, message).format(position=offer.position_title,
                                             note=note or gettext(language, NO_REASON))
    task = Task(application_id=application.id, assignee_id=assignee_id, kind=kind, note=text, due_at=now,
                created_at=now)
    session.add(task)
    return task


def answer(session: Session, offer: Offer, choice: str, note: str | None = None, now: datetime | None = None) -> None:
    """Record the candidate's answer. Raises AnswerRefused when the offer takes no answer (with why), InvalidChoice
    on "note" for a question left empty or a text over NOTE_MAX; ValueError for an unknown choice."""
    if choice not in ANSWERS:
        raise ValueError(f"unknown answer {choice!r}")
    now = now or utcnow()
    state = page_state(session, offer, now)
    if state != OPEN:
        raise AnswerRefused(NOT_OPEN[state])
    text = (note or "").strip()
    if len(text) > NOTE_MAX:
        raise InvalidChoice("note", N_("Write at most {max} characters."), max=NOTE_MAX)
    if choice == "question" and not text:
        raise InvalidChoice("note", N_("Write your question."))
    application = session.get(Application, offer.application_id)
    values: dict[str, object]
    if choice == "question":
        values = {"answer": status.QUESTION, "answer_note": text}
    else:
        values = {"answer": status.ACCEPTED if choice == "accept" else status.DECLINED, "answered_at": now,
                  "answer_note": (text or None) if choice == "decline" else None}
    if not _take_answer(session, offer, values, now):
        session.refresh(offer)  # another answer (or the expiry job) got there first: say what it was
        raise AnswerRefused(NOT_OPEN.get(page_state(session, offer, now), NOT_OPEN[CLOSED]))
    session.refresh(offer)
    recruiter_task(session, offer, application, TASK_KINDS[choice], TASK_NOTES[choice], now, text)
    record(session, None, application, "offer_answered", offer_id=offer.id, answer=choice, by="candidate")
    session.flush()


def _take_answer(session: Session, offer: Offer, values: dict, now: datetime) -> bool:
    """Write the answer only if the offer still takes one, in one conditional UPDATE (the row lock decides a race
    between two answers, or an answer and the expiry job): False when the row no longer matched."""
    today = organisation_today(session, now)
    taken = session.execute(update(Offer).where(
        col(Offer.id) == offer.id, col(Offer.answered_at).is_(None), col(Offer.superseded_at).is_(None),
        col(Offer.expired_at).is_(None), or_(col(Offer.valid_until).is_(None), col(Offer.valid_until) >= today))
        .values(**values).execution_options(synchronize_session=False))
    return taken.rowcount == 1  # type: ignore[attr-defined]
