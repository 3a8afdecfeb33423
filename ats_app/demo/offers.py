"""The demo's offers: on two open projects, one applicant with Offer received has accepted the offer (a task tells
the recruiter to hire) and another is still deciding, each with believable terms in their own currency and the
history lines the product writes."""

from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from ats_app.core import tokens
from ats_app.core.i18n import gettext, normalise_language
from ats_app.delivery.sealed_links import offer_token
from ats_app.mail.markup import markdown_to_html
from ats_app.models import Application, ApplicationEvent, Offer, RecruitmentProject, Task, User
from ats_app.offers.answers import TASK_KINDS, TASK_NOTES
from ats_app.projects.editing import organisation_today

# (days since sent, answered days after sending or None, salary per month, hours, free-text terms)
OFFERS = (
    (6, 2, "58 500", "37.5 hours a week, flexible", "Pension 7 % from the first krone.\n\n- Six months' probation\n"
                                                   "- Three months' notice\n- Phone and broadband paid"),
    (3, None, "49 000", "Full time, 37.5 hours a week", "Pension 5 %.\n\n- Six months' probation\n- Gym membership"),
)


def _candidates(session: Session) -> list[Application]:
    """Applicants with Offer received on open projects, one per project, the earliest first."""
    found = session.exec(select(Application).join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
                         .where(Application.status == "offer", col(Application.deleted_at).is_(None),
                                RecruitmentProject.status == "open").order_by(col(Application.id))).all()
    per_project: dict[int, Application] = {}
    for application in found:
        per_project.setdefault(application.project_id, application)
    return list(per_project.values())[:len(OFFERS)]


def _event(application: Application, actor_id: int | None, kind: str, at: datetime, **payload) -> ApplicationEvent:
    return ApplicationEvent(application_id=application.id, project_id=application.project_id, actor_id=actor_id,
                            kind=kind, payload=payload, created_at=at)


def demo_offers(session: Session, now: datetime, recruiter_id: int) -> int:
    """The offers (accepted, waiting), their history and the recruiter's task; how many."""
    today = organisation_today(session, now)
    recruiter = session.get(User, recruiter_id)
    language = normalise_language(recruiter.language if recruiter else None)
    made = 0
    for application, (sent_ago, answered_after, salary, hours, terms) in zip(_candidates(session), OFFERS):
        project = session.get(RecruitmentProject, application.project_id)
        sent = now - timedelta(days=sent_ago)
        start = date(today.year + (today.month > 10), (today.month + 1) % 12 + 1, 1)  # the 1st, two months on
        offer = Offer(application_id=application.id, position_title=project.title,
                      department_id=project.department_id, start_date=start, salary=salary, salary_currency="NOK",
                      salary_period="month", hours=hours, place_of_work=project.place or "Oslo",
                      valid_until=sent.date() + timedelta(days=14), terms=markdown_to_html(terms),
                      created_by_id=recruiter_id, created_at=sent, token_hash="demo")
        session.add(offer)
        session.flush()
        offer.token_hash = tokens.token_hash(offer_token(offer))
        session.add(_event(application, recruiter_id, "offer_sent", sent, offer_id=offer.id,
                           superseded_offer_id=None, position=offer.position_title, start_date=start.isoformat(),
                           valid_until=offer.valid_until.isoformat(), salary=salary, currency="NOK", period="month"))
        if answered_after is not None:
            answered = sent + timedelta(days=answered_after, hours=3)
            offer.answer, offer.answered_at = "accepted", answered
            session.add(_event(application, None, "offer_answered", answered, offer_id=offer.id, answer="accept",
                               by="candidate"))
            session.add(Task(application_id=application.id, assignee_id=recruiter_id, kind=TASK_KINDS["accept"],
                             note=gettext(language, TASK_NOTES["accept"]).format(position=offer.position_title),
                             due_at=answered, created_at=answered))
        session.add(offer)
        made += 1
    session.flush()
    return made
