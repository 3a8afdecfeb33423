"""An offer's history lines in words: sent (with the terms in short), answered, expired.

The payloads hold the offer's id, codes and the employer's terms as sent (position, dates, salary), never the
candidate's words: a decline reason or a question lives on the offer and its task, which Delete permanently
removes with the application.
"""

from datetime import date

from ats_app.core.i18n import N_, format_day, gettext
from ats_app.offers.current import SALARY_PERIODS

OFFER_EVENTS = ("offer_sent", "offer_answered", "offer_expired")
SENT = N_("Offer sent: {terms}")
REVISED = N_("Revised offer sent (the previous one is superseded): {terms}")
START = N_("start {date}")
ANSWER_BY = N_("answer by {date}")
ANSWERED = {"accept": N_("The candidate accepted the offer"), "decline": N_("The candidate declined the offer"),
            "question": N_("The candidate asked a question about the offer")}
EXPIRED = N_("The offer expired without an answer")


def _day(value, language: str) -> str:
    try:
        return format_day(date.fromisoformat(str(value)), language)
    except ValueError:
        return ""


def terms_summary(payload: dict, language: str) -> str:
    """"Backend developer · start 1 Mar 2027 · 52 000 NOK per month · answer by 17 Dec 2026"."""
    _ = lambda message: gettext(language, message)  # noqa: E731
    parts = [str(payload.get("position") or "")]
    if _day(payload.get("start_date"), language):
        parts.append(_(START).format(date=_day(payload.get("start_date"), language)))
    if payload.get("salary"):
        period = SALARY_PERIODS.get(str(payload.get("period")))
        parts.append(" ".join(p for p in (str(payload["salary"]), str(payload.get("currency") or ""),
                                          _(period) if period else "") if p))
    if _day(payload.get("valid_until"), language):
        parts.append(_(ANSWER_BY).format(date=_day(payload.get("valid_until"), language)))
    return " · ".join(p for p in parts if p)


def describe_offer(kind: str, payload: dict, language: str) -> str:
    """One offer history line in words."""
    if kind == "offer_sent":
        message = REVISED if payload.get("superseded_offer_id") else SENT
        return gettext(language, message).format(terms=terms_summary(payload, language))
    if kind == "offer_answered":
        return gettext(language, ANSWERED.get(str(payload.get("answer")), ANSWERED["question"]))
    return gettext(language, EXPIRED)
