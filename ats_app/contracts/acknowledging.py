"""The candidate's contract page: what it shows, and the acknowledgement "I have received and accept this
contract" with the candidate's name typed and the time recorded.

This is an acknowledgement, not a qualified electronic signature (eIDAS): the page says so. The typed name
must be the candidate's full name as the application holds it, ignoring case, accents written the same way
and extra spaces ("kari  NORDMANN" is Kari Nordmann; "Kari" or "K. Nordmann" are not): a plain check that the
person reading is the person named, not proof of identity. Acknowledging twice changes nothing. A contract
superseded by a newer one for the same application takes no acknowledgement; an application that was
deleted, rejected or withdrawn closes its links.
"""

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col

from ats_app.applications.history import record
from ats_app.contracts import issued
from ats_app.core import throttle, tokens
from ats_app.core.errors import InvalidInput
from ats_app.core.i18n import N_, gettext, normalise_language
from ats_app.mail.tag_values import company_name, long_date, organisation_zone
from ats_app.models import Application, Candidate, Contract, RecruitmentProject, Task, User
from ats_app.models.base import utcnow
from ats_app.offers.current import current_offer
from ats_app.tasks.assignees import recruiter_to_tell

OPEN, SUPERSEDED, GONE, UNKNOWN = "open", "superseded", "gone", "unknown"
CLOSED = issued.CLOSED  # the application's statuses in which its contracts no longer stand
POST_LIMIT = "30 per 10 minutes"  # forms and downloads per client address and link (ATS_CONTRACT_RATE_LIMIT)
NAME_MAX = 200
TASK_KIND = "contract_acknowledged"
TASK_NOTE = N_("{name} has acknowledged the employment contract ({title}).")
NAME_MISSING = N_("Type your full name.")
NAME_WRONG = N_("Type your full name as it is written in the contract.")


@dataclass(frozen=True)
class Opened:
    """A link's contract, whether it still takes an acknowledgement, and the candidate's language."""

    status: str
    contract: Contract | None = None
    language: str | None = None


@dataclass(frozen=True)
class ContractView:
    """What the contract page shows."""

    organisation: str
    position: str
    title: str
    version: int
    sent_on: str
    filename: str
    acknowledged_on: str  # "" while waiting
    acknowledged_name: str


def open_link(session: Session, token: str | None) -> Opened:
    """The contract behind token and what its page may do."""
    contract = issued.contract_by_token(session, token)
    if contract is None:
        return Opened(UNKNOWN)
    application = session.get(Application, contract.application_id) if contract.application_id else None
    candidate = session.get(Candidate, application.candidate_id) if application else None
    if candidate is None or issued.application_closed(application):
        return Opened(GONE, contract)
    language = normalise_language(candidate.language)
    if issued.is_superseded(session, contract):
        return Opened(SUPERSEDED, contract, language)
    return Opened(OPEN, contract, language)


def _local(session: Session, moment: datetime) -> datetime:
    """moment in the organisation's time zone (SQLite gives naive datetimes back: they are UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)
    return aware.astimezone(organisation_zone(session))


def _moment(session: Session, moment: datetime, language: str) -> str:
    """"3. desember 2026, 14:05" in the organisation's time zone."""
    local = _local(session, moment)
    return f"{long_date(local.date(), language)}, {local:%H:%M}"


def contract_view(session: Session, contract: Contract, language: str) -> ContractView:
    """The page's facts in language."""
    application = session.get(Application, contract.application_id)
    project = session.get(RecruitmentProject, application.project_id) if application else None
    offer = current_offer(session, contract.application_id)
    title, version = issued.template_of(session, contract)
    position = (offer.position_title if offer and offer.position_title else "") or (project.title if project else "")
    acknowledged = _moment(session, contract.acknowledged_at, language) if contract.acknowledged_at else ""
    return ContractView(company_name(session), position, title, version,
                        long_date(_local(session, contract.created_at).date(), language), contract.filename,
                        acknowledged, contract.acknowledged_name or "")


def same_name(typed: str, expected: str) -> bool:
    """Whether typed is expected, ignoring case, Unicode form and spacing."""
    def key(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())
    return bool(key(typed)) and key(typed) == key(expected)


def acknowledge(session: Session, contract: Contract, typed: object, now: datetime | None = None) -> bool:
    """Record "I have received and accept this contract" for an open contract (open_link said OPEN); False
    when it was acknowledged already (nothing changes). InvalidInput({"name": …}) when the name is not the
    candidate's."""
    if contract.acknowledged_at is not None:
        return False
    application = session.get(Application, contract.application_id)
    candidate = session.get(Candidate, application.candidate_id) if application else None
    if application is None or candidate is None:
        raise LookupError("contract without application")
    name = " ".join(str(typed or "").split())[:NAME_MAX]
    if not name:
        raise InvalidInput({"name": NAME_MISSING})
    if not same_name(name, f"{candidate.first_name} {candidate.last_name}"):
        raise InvalidInput({"name": NAME_WRONG})
    # Claimed by a conditional UPDATE, not read-check-write: of two submits at once (a double click, two tabs)
    # only one matches the row, so the acknowledgement, its history line and the task are written once.
    claimed = session.execute(update(Contract).where(col(Contract.id) == contract.id,
                                                     col(Contract.acknowledged_at).is_(None))
                              .values(acknowledged_at=now or utcnow(), acknowledged_name=name))
    session.refresh(contract)
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return False
    record(session, None, application, "contract_acknowledged", contract_id=contract.id)
    _tell_recruiter(session, contract, application, name)
    return True


def _tell_recruiter(session: Session, contract: Contract, application: Application, name: str) -> None:
    """A task for whoever sent the contract while still active (else the project's owner): it was acknowledged."""
    assignee_id = recruiter_to_tell(session, contract.created_by_id, application.project_id)
    assignee = session.get(User, assignee_id) if assignee_id else None
    language = normalise_language(assignee.language if assignee else None)
    title, _version = issued.template_of(session, contract)
    now = contract.acknowledged_at or utcnow()
    session.add(Task(application_id=application.id, assignee_id=assignee_id, kind=TASK_KIND,
                     note=gettext(language, TASK_NOTE).format(name=name, title=title), due_at=now, created_at=now))


def allow_post(client: str, token: str) -> bool:
    """Count one form or download from client on this link; False when over the limit (nothing is done)."""
    return throttle.allow("contract", "ATS_CONTRACT_RATE_LIMIT", POST_LIMIT, client or "unknown",
                          tokens.token_hash(token)[:16])
