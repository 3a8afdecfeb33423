"""The Settings page's rules: rejection reasons per language, the default email delay per rejection type,
and the organisation's name, address and time zone.

Only admins change settings. Reasons that have been used are never deleted: a deactivated reason stays
in the rejection report and in history, but the rejection wizard no longer offers it. Nothing here
commits; the caller's transaction holds the change.
"""

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import available_timezones

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.stages import STAGE_LABELS
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from ats_app.models import RejectionReason, RejectionType, Role, Setting
from ats_app.organisation.reference_data import DEFAULT_SETTINGS

LABEL_MAX = 200
CODE_MAX = 60
DELAY_MIN, DELAY_MAX = 0, 30
NAME_MAX, ADDRESS_MAX = 200, 500
ORGANISATION_KEYS = ("company_name", "company_address", "time_zone")
# The zones most of our customers live in; the page adds the organisation's own when it is another.
COMMON_TIME_ZONES = ("Europe/Oslo", "Europe/Stockholm", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Amsterdam",
                     "Europe/London", "UTC")
_NOT_ZONES = {"localtime", "Factory", "posixrules"}  # files in the tz database that are no place's time


class ReasonRow(NamedTuple):
    """One rejection reason as a list shows it: its label in one language, whether it is offered."""

    code: str
    label: str
    active: bool
    sequence: int


class TypeRow(NamedTuple):
    """One rejection type: its code, the message key of its label, its default email delay in days."""

    code: str
    label: str
    delay_days: int
    active: bool


CHANGED_BY = (Role.ADMIN,)  # Settings change the whole organisation's behaviour: admins only


def may_change(user: CurrentUser) -> bool:
    """Whether user may change Settings (everyone else reads them)."""
    return user.role in CHANGED_BY


def _require_admin(user: CurrentUser) -> None:
    if not may_change(user):
        raise NotAllowed("settings")


# ---------------------------------------------------------------- rejection reasons

def _reason_rows(session: Session) -> dict[str, list[RejectionReason]]:
    """Every reason row grouped by code, codes in list order (sequence, then code)."""
    rows = session.exec(select(RejectionReason).order_by(RejectionReason.sequence, RejectionReason.code)).all()
    grouped: dict[str, list[RejectionReason]] = {}
    for row in rows:
        grouped.setdefault(row.code, []).append(row)
    return dict(sorted(grouped.items(), key=lambda item: (min(r.sequence for r in item[1]), item[0])))


def _label(rows: list[RejectionReason], language: str) -> str:
    by_language = {row.language: row.label for row in rows}
    return by_language.get(language) or by_language.get(DEFAULT_LANGUAGE) or next(iter(by_language.values()), "")


def rejection_reasons(session: Session, language: str) -> list[ReasonRow]:
    """Every reason, inactive ones too, in list order, labelled in language (English when it lacks one).

    The Settings page and the rejection report use this; the wizard uses active_reasons.
    """
    return [ReasonRow(code, _label(rows, language), all(r.active for r in rows), min(r.sequence for r in rows))
            for code, rows in _reason_rows(session).items()]


def active_reasons(session: Session, language: str) -> list[tuple[str, str]]:
    """(code, label) of the reasons the rejection wizard offers, in list order."""
    return [(row.code, row.label) for row in rejection_reasons(session, language) if row.active]


def reason_table(session: Session) -> dict[str, dict[str, str]]:
    """{code: {language: label}} for the editor, every language present ('' where one is missing)."""
    table = {}
    for code, rows in _reason_rows(session).items():
        by_language = {row.language: row.label for row in rows}
        table[code] = {language: by_language.get(language, "") for language in LANGUAGES}
    return table


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:CODE_MAX - 4].rstrip("_") or "reason"


def _new_code(session: Session, english_label: str) -> str:
    """A stable code for a new reason, from its English label, unique among every reason ever made."""
    taken = set(session.exec(select(RejectionReason.code)).all())
    base = _slug(english_label)
    code, number = base, 2
    while code in taken:
        code, number = f"{base}_{number}", number + 1
    return code


def _clean_labels(session: Session, code: str | None, labels: dict[str, str]) -> dict[str, str]:
    """The six labels on one line each, or InvalidChoice on the first language field that is wrong."""
    cleaned = {}
    others = session.exec(select(RejectionReason.language, RejectionReason.label)
                          .where(RejectionReason.code != (code or ""))).all()
    taken = {(language, label.casefold()) for language, label in others}
    for language, name in LANGUAGES.items():
        label = " ".join(str(labels.get(language) or "").split())
        field = f"label_{language}"
        if not label:
            raise InvalidChoice(field, N_("Write the reason in {language}."), language=name)
        if len(label) > LABEL_MAX:
            raise InvalidChoice(field, N_("A reason can be at most {max} characters."), max=LABEL_MAX)
        if (language, label.casefold()) in taken:
            raise InvalidChoice(field, N_("Another reason already has this label."))
        cleaned[language] = label
    return cleaned


def _rows_of(session: Session, code: str) -> list[RejectionReason]:
    rows = session.exec(select(RejectionReason).where(RejectionReason.code == code)).all()
    if not rows:
        raise InvalidChoice("code", N_("Choose a reason from the list."))
    return list(rows)


def save_reason(session: Session, user: CurrentUser, code: str | None, labels: dict[str, str],
                active: bool) -> str:
    """Add a reason (code None) or change one's labels and whether it is offered; returns its code.

    Every language needs a label, so a candidate's rejection is never recorded in words they cannot read.
    """
    _require_admin(user)
    if code:
        rows = _rows_of(session, code)
    cleaned = _clean_labels(session, code, labels)
    if not code:
        code = _new_code(session, cleaned[DEFAULT_LANGUAGE])
        sequences = session.exec(select(RejectionReason.sequence)).all()
        sequence, rows = max(sequences, default=0) + 1, []
    else:
        sequence = min(row.sequence for row in rows)
    by_language = {row.language: row for row in rows}
    for language, label in cleaned.items():
        row = by_language.get(language) or RejectionReason(code=code, language=language, label=label,
                                                          sequence=sequence)
        row.label, row.active = label, bool(active)
        session.add(row)
    for row in rows:  # a language we no longer ship keeps its text but follows the reason's state
        row.active = bool(active)
        session.add(row)
    session.flush()
    return code


def set_reason_active(session: Session, user: CurrentUser, code: str, active: bool) -> None:
    """Offer a reason in the rejection wizard again, or stop offering it (it stays in reports and history)."""
    _require_admin(user)
    for row in _rows_of(session, code):
        row.active = bool(active)
        session.add(row)
    session.flush()


def move_reason(session: Session, user: CurrentUser, code: str, direction: str) -> bool:
    """Move a reason one place up or down the list; False when it is already first or last."""
    _require_admin(user)
    if direction not in ("up", "down"):
        raise InvalidChoice("direction", N_("Choose up or down."))
    grouped = _reason_rows(session)
    codes = list(grouped)
    if code not in grouped:
        raise InvalidChoice("code", N_("Choose a reason from the list."))
    index = codes.index(code)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(codes):
        return False
    codes[index], codes[other] = codes[other], codes[index]
    for sequence, each in enumerate(codes, start=1):  # renumber: the list stays 1..n without gaps or ties
        for row in grouped[each]:
            row.sequence = sequence
            session.add(row)
    session.flush()
    return True


# ---------------------------------------------------------------- rejection types

def rejection_types(session: Session) -> list[TypeRow]:
    """Every rejection type in process order, with its label key (STAGE_LABELS) and default delay."""
    rows = session.exec(select(RejectionType).order_by(RejectionType.sequence, RejectionType.code)).all()
    return [TypeRow(row.code, STAGE_LABELS.get(row.code, row.code), row.default_delay_days, row.active)
            for row in rows]


def _days(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if re.fullmatch(r"[+-]?\d{1,4}", text) else None


def set_delay(session: Session, user: CurrentUser, code: str, days) -> int:
    """Set how many days the rejection wizard waits, by default, before sending this type's email."""
    _require_admin(user)
    row = session.exec(select(RejectionType).where(RejectionType.code == code)).first()
    if row is None:
        raise InvalidChoice("code", N_("Choose a rejection type from the list."))
    number = _days(days)
    if number is None or not DELAY_MIN <= number <= DELAY_MAX:
        raise InvalidChoice("delay", N_("Enter a whole number of days from {min} to {max}."),
                            min=DELAY_MIN, max=DELAY_MAX)
    row.default_delay_days = number
    session.add(row)
    session.flush()
    return number


# ---------------------------------------------------------------- the organisation

@lru_cache(maxsize=1)
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones() - _NOT_ZONES)


def valid_time_zone(name: str) -> bool:
    """True for an IANA time zone name this server's zoneinfo knows (Europe/Oslo, UTC, …)."""
    return name in _known_zones()


def organisation(session: Session) -> dict[str, str]:
    """The organisation's name, address and time zone (defaults where never set)."""
    rows = session.exec(select(Setting).where(col(Setting.key).in_(ORGANISATION_KEYS)))
    stored = {row.key: row.value for row in rows}
    return {key: stored.get(key) or DEFAULT_SETTINGS.get(key, "") for key in ORGANISATION_KEYS}


def _clean_address(text: str) -> str:
    lines = [line.strip() for line in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def save_organisation(session: Session, user: CurrentUser, company_name: str, company_address: str,
                      time_zone: str) -> dict[str, str]:
    """Store the name emails are signed with, the address letters carry and the zone dates are shown in."""
    _require_admin(user)
    name = str(company_name or "").strip()
    if not name:
        raise InvalidChoice("company_name", N_("Write the organisation's name."))
    if "\n" in name or len(name) > NAME_MAX:
        raise InvalidChoice("company_name", N_("The name must be one line of at most {max} characters."),
                            max=NAME_MAX)
    address = _clean_address(company_address)
    if len(address) > ADDRESS_MAX:
        raise InvalidChoice("company_address", N_("The address can be at most {max} characters."), max=ADDRESS_MAX)
    zone = str(time_zone or "").strip()
    if not valid_time_zone(zone):
        raise InvalidChoice("time_zone", N_("Choose a time zone from the list, such as Europe/Oslo."))
    values = {"company_name": name, "company_address": address, "time_zone": zone}
    for key, value in values.items():
        row = session.get(Setting, key) or Setting(key=key)
        row.value = value
        session.add(row)
    session.flush()
    return values


def time_zone_choices(current: str) -> list[str]:
    """The zones the Settings page offers: the common ones, plus the organisation's own when it is another."""
    zones = list(COMMON_TIME_ZONES)
    if current and current not in zones:
        zones.insert(0, current)
    return zones
