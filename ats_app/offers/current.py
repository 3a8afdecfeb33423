"""The offer that stands for an application, and what its terms read as in an email or a contract.

An application has at most one current offer: a new offer supersedes the old one (superseded_at). The
values are plain strings in the candidate's language, keyed by the tags recruiters write ({salary}), so
the offer email, the contract and the candidate's answer page all say the same thing.
"""

import re

from markupsafe import Markup
from sqlmodel import Session, col, select

from ats_app.core.i18n import N_, gettext
from ats_app.mail.markup import clean_html
from ats_app.mail.tag_values import long_date, offer_summary
from ats_app.models import Department, Offer

# The offer's tags, in the order the editor lists them ({offerlink} only in the offer email).
OFFER_TAGS = ("offerposition", "offerdepartment", "startdate", "salary", "hours", "placeofwork",
              "offervaliduntil", "offersummary", "offerterms")
SALARY_PERIODS = {"hour": N_("per hour"), "month": N_("per month"), "year": N_("per year")}


def current_offer(session: Session, application_id: int) -> Offer | None:
    """The application's offer that has not been superseded (the newest), or None."""
    return session.exec(select(Offer).where(Offer.application_id == application_id,
                                            col(Offer.superseded_at).is_(None))
                        .order_by(col(Offer.id).desc()).limit(1)).first()


def current_offers(session: Session, application_ids: list[int]) -> dict[int, Offer]:
    """application id → its current offer, for many applications in one query (lists, bulk runs)."""
    if not application_ids:
        return {}
    rows = session.exec(select(Offer).where(col(Offer.application_id).in_(application_ids),
                                            col(Offer.superseded_at).is_(None))
                        .order_by(col(Offer.id))).all()
    return {offer.application_id: offer for offer in rows}


def salary_text(offer: Offer, language: str) -> str:
    """"52 000 NOK per month" in language; empty when the offer names no salary."""
    if not (offer.salary or "").strip():
        return ""
    period = SALARY_PERIODS.get(offer.salary_period)
    parts = [offer.salary.strip(), offer.salary_currency, gettext(language, period) if period else ""]
    return " ".join(part for part in parts if part)


def terms_inline(terms_html: str | None) -> str:
    """The free-text terms (the editor's clean HTML) as safe markup that fits inside one paragraph of an email
    or a contract ("<p>{offerterms}</p>"): paragraphs become line breaks, list items lines starting with •."""
    if not (terms_html or "").strip():
        return ""
    html = clean_html(terms_html or "")
    html = re.sub(r"\s*<li>", "• ", html)
    html = re.sub(r"</li>\s*", "<br>", html)
    html = re.sub(r"</ul>\s*", "<br>", html)
    html = re.sub(r"<ul>|<p>", "", html)
    html = re.sub(r"</p>\s*", "<br><br>", html)
    return Markup(re.sub(r"(?:<br>)+$", "", html.strip()))


def offer_values(session: Session, offer: Offer | None, language: str) -> dict[str, str]:
    """The offer tags' values in language (every tag present; empty strings without an offer). {offerterms} and
    {offersummary} (the terms that are set, as a list: offer_summary) are safe markup, the rest plain text."""
    if offer is None:
        return dict.fromkeys(OFFER_TAGS, "")
    department = session.get(Department, offer.department_id) if offer.department_id else None
    values = {
        "offerposition": offer.position_title,
        "offerdepartment": department.name if department else "",
        "startdate": long_date(offer.start_date, language),
        "salary": salary_text(offer, language),
        "hours": offer.hours or "",
        "placeofwork": offer.place_of_work or "",
        "offervaliduntil": long_date(offer.valid_until, language),
        "offerterms": terms_inline(offer.terms),
    }
    return {**values, "offersummary": offer_summary(values, language)}
