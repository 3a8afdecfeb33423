"""Send offer: the terms are kept on the application as its current offer, the status becomes Offer received, and
the candidate gets the offer email with the terms and their own sealed link to answer.

A revised offer to an application that already has one supersedes it (its link then says so and takes no
answer). Each applicant of a run gets an offer of their own (own link, own answer) with the same terms.
"""

import secrets
from dataclasses import dataclass

from markupsafe import Markup
from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, start
from ats_app.applications.history import record
from ats_app.applications.lifecycle import change_status
from ats_app.applications.transitions import LIVE
from ats_app.core import config, tokens
from ats_app.core.i18n import N_, gettext
from ats_app.delivery import sealed_links
from ats_app.mail.compose import EmailPlan, check_email, draft_for, queue_to_candidate, sender_user
from ats_app.mail.render import TagValues
from ats_app.mail.tag_values import recipients
from ats_app.models import Application, ApplicationStatus, Offer
from ats_app.models.base import utcnow
from ats_app.offers.current import current_offer, offer_values
from ats_app.offers.terms import OfferForm, OfferTerms, check_terms

KIND = "offer"
LINK_TAG = "offerlink"  # the candidate's only way to answer: the email is useless without it
LINK_LABEL = N_("Answer the offer")
PREVIEW_LINK = "/offer/PREVIEW"


@dataclass(frozen=True)
class OfferPlan:
    """The checked Send offer form: the terms and the email, the same for every applicant of the run."""

    terms: OfferTerms
    email: EmailPlan


def prepare_offer(session: Session, user: CurrentUser, form: OfferForm) -> OfferPlan:
    """The terms and the offer email, checked once for the run (the email must keep {offerlink})."""
    terms = check_terms(session, form)
    return OfferPlan(terms, check_email(KIND, form, required_tag=LINK_TAG))


def offer_link(offer: Offer) -> str:
    """The answer link as the outbox keeps it: a placeholder the worker replaces with the sealed token."""
    return config.link(f"/offer/{sealed_links.OFFER.format(id=offer.id)}")


def link_values(link: str, language: str) -> TagValues:
    """{offerlink} as a link labelled in the candidate's language."""
    return TagValues({}, {LINK_TAG: (link, gettext(language, LINK_LABEL))})


def offer_of(terms: OfferTerms, **more) -> Offer:
    """An Offer row holding the terms (not added to the session)."""
    return Offer(position_title=terms.position_title, department_id=terms.department_id, start_date=terms.start_date,
                 salary=terms.salary, salary_currency=terms.salary_currency, salary_period=terms.salary_period,
                 hours=terms.hours, place_of_work=terms.place_of_work, valid_until=terms.valid_until,
                 terms=terms.terms_html, **more)


def preview_values(session: Session, form: OfferForm, language: str) -> dict[str, str]:
    """The offer tags as the form's terms would fill them, for a preview in language ({offerlink} an example link
    that leads nowhere). InvalidChoice names a term that is wrong."""
    example = offer_of(check_terms(session, form), application_id=0, token_hash="")
    link = Markup('<a href="{0}">{1}</a>').format(config.link(PREVIEW_LINK), gettext(language, LINK_LABEL))
    return {**offer_values(session, example, language), LINK_TAG: link}


def new_offer(session: Session, user: CurrentUser | None, application: Application, terms: OfferTerms) -> Offer:
    """The offer row with its sealed link's hash (flushed); the application's previous offer is superseded."""
    now = utcnow()
    previous = current_offer(session, application.id)
    if previous is not None:
        previous.superseded_at = now
        session.add(previous)
    offer = offer_of(terms, application_id=application.id, created_by_id=user.id if user else None, created_at=now,
                     token_hash=secrets.token_hex(32))  # a stand-in until the id is known
    session.add(offer)
    session.flush()
    offer.token_hash = tokens.token_hash(sealed_links.offer_token(offer))
    session.add(offer)
    record(session, user, application, "offer_sent", offer_id=offer.id,
           superseded_offer_id=previous.id if previous else None, position=terms.position_title,
           start_date=terms.start_date.isoformat(), valid_until=terms.valid_until.isoformat(),
           salary=terms.salary, currency=terms.salary_currency, period=terms.salary_period)
    return offer


def send_offer(session: Session, user: CurrentUser, application_id: int, plan: OfferPlan) -> Offer:
    """The offer kept, Offer received, and the offer email with the terms and the candidate's link."""
    application = start(session, user, OFFER, application_id)
    offer = new_offer(session, user, application, plan.terms)
    if application.status != ApplicationStatus.OFFER:
        change_status(session, user, application, ApplicationStatus.OFFER, OFFER.key)
    session.flush()
    [person] = recipients(session, [application_id], sender_user(session, user))
    extra = link_values(offer_link(offer), person.language)
    extra.values.update(offer_values(session, offer, person.language))
    queue_to_candidate(session, user, person, draft_for(plan.email.drafts, person.language), kind=KIND,
                       purpose="offer", sender=plan.email.sender, extra=extra, offer_id=offer.id)
    return offer


OFFER: FurtherProgressAction[OfferForm, OfferPlan] = FurtherProgressAction(
    "offer", N_("Send offer"), rights=("can_make_offers",), allowed_from=LIVE | {ApplicationStatus.SAVED},
    form="offer", template_kind=KIND, prepare=prepare_offer, run_one=send_offer, sends_email=True)
