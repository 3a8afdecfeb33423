"""The offer as Application and CV shows it to a recruiter: the terms, where the offer stands in words (Waiting for
answer, Question asked, Accepted on …, Declined on … with the reason, Expired), and what to do next.

Accepting does not hire and declining does not reject: the section says what the recruiter does next, so the
decision stays theirs. To give the candidate the offer again, the recruiter sends it again with Send offer: the new
offer replaces this one and its email carries a new link (the old link then says it was replaced).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, func, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.lookup import find_application
from ats_app.core.i18n import N_, format_day, format_moment, gettext
from ats_app.mail.markup import clean_html
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import Offer, User
from ats_app.models.base import utcnow
from ats_app.offers import status
from ats_app.offers.answers import TERM_LINES
from ats_app.offers.current import current_offer, offer_values

STATE_LINES = {
    status.WAITING: N_("Waiting for the candidate's answer (until the end of {date})"),
    status.QUESTION: N_("Question asked: the offer is still open (until the end of {date})"),
    status.ACCEPTED: N_("Accepted on {moment}"),
    status.DECLINED: N_("Declined on {moment}"),
    status.EXPIRED: N_("Expired on {date} without an answer"),
}
NEXT_STEPS = {
    status.WAITING: N_("The candidate answers from the link in the offer email. Sending the offer again with Send "
                       "offer replaces this one and emails the candidate a new link."),
    status.QUESTION: N_("The question is on your Tasks list. Answer the candidate, or send a revised offer."),
    status.ACCEPTED: N_("Accepting does not hire: hire the candidate with Further progress → Hire when you are "
                        "ready."),
    status.DECLINED: N_("Declining does not reject: the application stays at Offer received until you reject the "
                        "candidate or send a revised offer."),
    status.EXPIRED: N_("Send a new offer to give the candidate more time."),
}
# An offer without a validity date or a sender (made before the terms, or by a user since removed) says less.
OPEN_LINES = {status.WAITING: N_("Waiting for the candidate's answer"),
              status.QUESTION: N_("Question asked: the offer is still open")}
SENT_BY, SENT = N_("Sent {moment} by {name}"), N_("Sent {moment}")
REASON, QUESTION = N_("Reason"), N_("Question")


@dataclass(frozen=True)
class OfferSection:
    """The current offer of one application, worded in the reader's language."""

    status: str  # offers.status's word
    badge: str
    state_line: str
    next_step: str
    sent: str
    terms: list[tuple[str, str]]
    terms_html: str  # the free text, clean HTML ("" when none)
    note_label: str  # "Reason" or "Question" ("" when there is no note)
    note: str
    earlier: int  # superseded offers before this one


def offer_section(session: Session, user: CurrentUser, application_id: int,
                  now: datetime | None = None) -> OfferSection | None:
    """The section for an application the user may see (ApplicationNotFound otherwise); None without an offer."""
    find_application(session, user, application_id)
    offer = current_offer(session, application_id)
    if offer is None:
        return None
    language, zone = user.language, organisation_zone(session)
    found = status.offer_status(offer, zone, now or utcnow())
    day = offer.valid_until
    if found == status.EXPIRED:  # the day it was marked, else the day after the validity (not marked yet)
        ended = status.aware(offer.expired_at) or status.answer_deadline(offer.valid_until, zone)
        day = ended.astimezone(zone).date()
    wording = OPEN_LINES[found] if day is None and found in OPEN_LINES else STATE_LINES[found]
    line = gettext(language, wording).format(
        date=format_day(day, language), moment=format_moment(offer.answered_at, language, user.time_zone))
    sender = session.get(User, offer.created_by_id) if offer.created_by_id else None
    values = offer_values(session, offer, language)
    noted = found in (status.DECLINED, status.QUESTION) and bool(offer.answer_note)
    earlier = session.exec(select(func.count(col(Offer.id))).where(
        Offer.application_id == application_id, col(Offer.superseded_at).is_not(None))).one()
    return OfferSection(
        status=found, badge=gettext(language, status.LABELS[found]), state_line=line,
        next_step=gettext(language, NEXT_STEPS[found]),
        sent=gettext(language, SENT_BY if sender else SENT).format(
            moment=format_moment(offer.created_at, language, user.time_zone), name=sender.name if sender else ""),
        terms=[(gettext(language, label), values[tag]) for tag, label in TERM_LINES if values[tag]]
        + ([(gettext(language, N_("Valid until")), values["offervaliduntil"])] if values["offervaliduntil"] else []),
        terms_html=clean_html(offer.terms or ""),
        note_label=gettext(language, REASON if found == status.DECLINED else QUESTION) if noted else "",
        note=(offer.answer_note or "") if noted else "", earlier=int(earlier))
