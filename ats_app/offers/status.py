"""Where an offer stands, in one word for the list's badge and the Application and CV section, and until when the
candidate may answer it (the end of its validity date in the organisation's time zone).

Accept and Decline are final; a question leaves the offer open. An offer past its validity without a final
answer is expired even before the periodic job has marked it (offers.expiry), so a late visitor is never let in.
"""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlmodel import Session

from ats_app.core.i18n import N_
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import Offer
from ats_app.models.base import utcnow
from ats_app.offers.current import current_offers

WAITING, QUESTION, ACCEPTED, DECLINED, EXPIRED, SUPERSEDED = (
    "waiting", "question", "accepted", "declined", "expired", "superseded")
FINAL_ANSWERS = (ACCEPTED, DECLINED)
# The list's badge and the section's status line.
LABELS = {
    WAITING: N_("Offer: waiting for answer"),
    QUESTION: N_("Offer: question asked"),
    ACCEPTED: N_("Offer accepted"),
    DECLINED: N_("Offer declined"),
    EXPIRED: N_("Offer expired"),
    SUPERSEDED: N_("Offer superseded"),
}
COLOURS = {WAITING: "amber", QUESTION: "orange", ACCEPTED: "green", DECLINED: "red", EXPIRED: "gray",
           SUPERSEDED: "gray"}


def aware(value: datetime | None) -> datetime | None:
    """A stored timestamp as aware UTC (SQLite hands back naive ones)."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def answer_deadline(valid_until: date, zone: ZoneInfo) -> datetime:
    """The moment an offer stops taking answers: the end of its validity date, local time."""
    return datetime.combine(valid_until + timedelta(days=1), time(0), zone)


def past_validity(offer: Offer, zone: ZoneInfo, now: datetime) -> bool:
    """True once the candidate may no longer answer because the validity date has passed."""
    moment = now if now.tzinfo else now.replace(tzinfo=timezone.utc)
    return offer.valid_until is not None and moment >= answer_deadline(offer.valid_until, zone)


def offer_status(offer: Offer, zone: ZoneInfo, now: datetime) -> str:
    """One of WAITING, QUESTION, ACCEPTED, DECLINED, EXPIRED, SUPERSEDED."""
    if offer.answered_at is not None and offer.answer in FINAL_ANSWERS:
        return str(offer.answer)
    if offer.superseded_at is not None:
        return SUPERSEDED
    if offer.expired_at is not None or past_validity(offer, zone, now):
        return EXPIRED
    return QUESTION if offer.answer == QUESTION else WAITING


def offer_states(session: Session, application_ids: list[int], now: datetime | None = None) -> dict[int, str]:
    """application id → where its current offer stands, for a page of rows in one query (none: not in the dict)."""
    offers = current_offers(session, application_ids)
    if not offers:
        return {}
    zone, now = organisation_zone(session), now or utcnow()
    return {application_id: offer_status(offer, zone, now) for application_id, offer in offers.items()}
