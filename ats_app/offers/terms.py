"""The terms of an offer as the Send offer form gives them: checked field by field before anything is sent.

The form starts from the project (its position, department, place and start date), the organisation's currency
and a validity of VALID_DAYS days, or up to the start date when that comes sooner (the answer is due by the
start, so the untouched form is always accepted); each field that is wrong is named (InvalidChoice) and nothing
is done. The free-text terms are written in the email editor's format and kept as its clean HTML.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypedDict

from sqlmodel import Session

from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import N_
from ats_app.mail.compose import EmailForm
from ats_app.mail.markup import markdown_to_html
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import Application, Department, Position, RecruitmentProject, Setting
from ats_app.projects.editing import organisation_today

VALID_DAYS = 14  # the form's default validity: two weeks to decide
LONGEST_VALIDITY = 120  # days ahead an offer may stand open
CURRENCIES = ("NOK", "SEK", "DKK", "EUR", "ISK", "GBP", "USD")
PERIODS = ("hour", "month", "year")
# The currency an organisation pays in, read from where it is (no Settings field for it yet).
CURRENCY_BY_ZONE = {"Europe/Oslo": "NOK", "Europe/Stockholm": "SEK", "Europe/Copenhagen": "DKK",
                    "Europe/Helsinki": "EUR", "Europe/Amsterdam": "EUR", "Atlantic/Reykjavik": "ISK"}
_SALARY = re.compile(r"^\d[\d\s\u00a0.,']*$")
TITLE_MAX, SALARY_MAX, HOURS_MAX, PLACE_MAX, TERMS_MAX = 200, 40, 100, 200, 10_000
CHOICE_MAX = 40  # a date, a department's id, a currency or a period as the form sends it
# The longest value the form keeps per field (the UI cuts there; the checks below say the same limits).
FIELD_MAX = {"position_title": TITLE_MAX, "department_id": CHOICE_MAX, "start_date": CHOICE_MAX,
             "salary": SALARY_MAX, "salary_currency": CHOICE_MAX, "salary_period": CHOICE_MAX, "hours": HOURS_MAX,
             "place_of_work": PLACE_MAX, "valid_until": CHOICE_MAX, "terms": TERMS_MAX}


class TermsForm(TypedDict, total=False):
    """The terms as the UI sends them (dates ISO, the department's id as text)."""

    position_title: str
    department_id: str | int | None
    start_date: str | date | None
    salary: str
    salary_currency: str
    salary_period: str
    hours: str
    place_of_work: str
    valid_until: str | date | None
    terms: str  # the editor's text format


class OfferForm(TermsForm, EmailForm, total=False):
    """The whole Send offer form: the terms and the offer email."""


@dataclass(frozen=True)
class OfferTerms:
    """The checked terms every applicant of the run is offered."""

    position_title: str
    department_id: int | None
    start_date: date
    salary: str | None
    salary_currency: str
    salary_period: str
    hours: str | None
    place_of_work: str | None
    valid_until: date
    terms_html: str | None  # clean HTML (mail.markup), None when no free text was written


@dataclass(frozen=True)
class TermsDefaults:
    """What the form starts with for a project."""

    position_title: str
    department_id: str
    start_date: str
    salary_currency: str
    place_of_work: str
    valid_until: str
    earliest: str  # the first day the dates may be (today, organisation time)


def organisation_currency(session: Session) -> str:
    """The organisation's currency: Settings "currency" when set, else from its time zone, else NOK."""
    setting = session.get(Setting, "currency")
    if setting and setting.value in CURRENCIES:
        return setting.value
    return CURRENCY_BY_ZONE.get(organisation_zone(session).key, "NOK")


def defaults_for(session: Session, application_id: int | None) -> TermsDefaults:
    """The form's starting values for an offer on the application's project."""
    application = session.get(Application, application_id) if application_id else None
    project = session.get(RecruitmentProject, application.project_id) if application else None
    position = session.get(Position, project.position_id) if project and project.position_id else None
    today = organisation_today(session)
    start = project.start_date if project and project.start_date and project.start_date >= today else None
    valid_until = min(today + timedelta(days=VALID_DAYS), start) if start else today + timedelta(days=VALID_DAYS)
    return TermsDefaults(
        position_title=(position.title if position else project.title if project else "")[:TITLE_MAX],
        department_id=str(project.department_id) if project and project.department_id else "",
        start_date=start.isoformat() if start else "",
        salary_currency=organisation_currency(session), place_of_work=(project.place or "") if project else "",
        valid_until=valid_until.isoformat(), earliest=today.isoformat())


def _text(form: TermsForm, name: str, limit: int, field: str) -> str | None:
    value = " ".join(str(form.get(name) or "").split())
    if len(value) > limit:
        raise InvalidChoice(field, N_("Write at most {max} characters."), max=limit)
    return value or None


def _date(value, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidChoice(field, N_("Enter a date.")) from None


def _department(session: Session, value) -> int | None:
    if value in (None, ""):
        return None
    try:
        department_id = int(value)
    except (TypeError, ValueError):
        department_id = 0
    if session.get(Department, department_id) is None:
        raise InvalidChoice("offer_department", N_("Choose the department the person joins."))
    return department_id


def _salary(form: TermsForm) -> tuple[str | None, str, str]:
    salary = _text(form, "salary", SALARY_MAX, "salary")
    if salary and not _SALARY.match(salary):
        raise InvalidChoice("salary", N_("Write the salary as a number, for example 52 000."))
    currency = str(form.get("salary_currency") or "").strip().upper()
    if currency not in CURRENCIES:
        raise InvalidChoice("salary_currency", N_("Choose a currency from the list."))
    period = str(form.get("salary_period") or "")
    if period not in PERIODS:
        raise InvalidChoice("salary_period", N_("Choose per hour, per month or per year."))
    return salary, currency, period


def check_terms(session: Session, form: TermsForm) -> OfferTerms:
    """The terms checked (InvalidChoice names the field that is wrong): a position title, a start date and a
    validity date not in the past (organisation time), the answer due no later than the start, a salary that is
    a number, a known currency and period, and texts within their lengths."""
    title = _text(form, "position_title", TITLE_MAX, "position_title")
    if not title:
        raise InvalidChoice("position_title", N_("Write the position offered."))
    department_id = _department(session, form.get("department_id"))
    today = organisation_today(session)
    start = _date(form.get("start_date"), "offer_start_date")
    if start is None:
        raise InvalidChoice("offer_start_date", N_("Enter the start date."))
    if start < today:
        raise InvalidChoice("offer_start_date", N_("The start date cannot be in the past."))
    salary, currency, period = _salary(form)
    hours = _text(form, "hours", HOURS_MAX, "hours")
    place = _text(form, "place_of_work", PLACE_MAX, "place_of_work")
    valid_until = _date(form.get("valid_until"), "valid_until")
    if valid_until is None:
        raise InvalidChoice("valid_until", N_("Enter the last day the candidate may answer."))
    if valid_until < today:
        raise InvalidChoice("valid_until", N_("The offer cannot be valid until a day in the past."))
    if valid_until > today + timedelta(days=LONGEST_VALIDITY):
        raise InvalidChoice("valid_until", N_("An offer can stand open for at most {days} days."),
                            days=LONGEST_VALIDITY)
    if valid_until > start:
        raise InvalidChoice("valid_until", N_("The answer must be due on or before the start date."))
    text = str(form.get("terms") or "")
    if len(text) > TERMS_MAX:
        raise InvalidChoice("terms", N_("Write at most {max} characters."), max=TERMS_MAX)
    terms_html = markdown_to_html(text) if text.strip() else None
    return OfferTerms(title, department_id, start, salary, currency, period, hours, place, valid_until,
                      terms_html or None)
