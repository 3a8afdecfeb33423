"""The contracts sent for an application: the candidate's sealed link to one, which one still stands, the
Contracts list on Application and CV, and the recruiter's download.

A contract's link token is derived with the server's secret (delivery.sealed_links.contract_token) and only
its SHA-256 is stored; the cover email holds a placeholder the delivery worker replaces as it leaves. A
newer contract for the same application supersedes the older ones: their links still open, say so, and take
no acknowledgement.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.lookup import find_application
from ats_app.core import config, files, tokens
from ats_app.core.errors import ActionRefused
from ats_app.delivery import sealed_links
from ats_app.models import Application, ApplicationStatus, Contract, ContractTemplate, ContractTemplateVersion

TOKEN_MAX = 100
PDF = "application/pdf"
CLOSED = (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)  # its contracts no longer stand


@dataclass(frozen=True)
class ContractFile:
    """A contract PDF ready to stream."""

    filename: str
    content: bytes
    media_type: str = PDF


@dataclass(frozen=True)
class SentContract:
    """One line of the Contracts list on Application and CV."""

    contract_id: int
    sent_at: datetime
    title: str
    version: int
    acknowledged_at: datetime | None
    acknowledged_name: str | None
    superseded: bool
    closed: bool  # the application was rejected, withdrawn or deleted: it can no longer be acknowledged


def seal(contract: Contract) -> None:
    """Store the hash of the contract's link token (the contract must have its id: flushed)."""
    contract.token_hash = tokens.token_hash(sealed_links.contract_token(contract))


def unsealed_hash() -> str:
    """A stand-in hash for a contract row before it has an id (never a token anyone holds)."""
    return tokens.token_hash(tokens.new_token())


def contract_link(contract: Contract) -> str:
    """The candidate's link as the cover email holds it (a placeholder for the token)."""
    return config.link(f"/contract/{sealed_links.CONTRACT.format(id=contract.id)}")


def contract_by_token(session: Session, token: str | None) -> Contract | None:
    """The contract a link's token belongs to (None for an unknown token)."""
    if not token or len(token) > TOKEN_MAX:
        return None
    return session.exec(select(Contract).where(Contract.token_hash == tokens.token_hash(token))).first()


def application_closed(application: Application | None) -> bool:
    """Whether the application's contracts no longer take an acknowledgement (their links answer 410): it is
    gone, deleted, rejected or withdrawn."""
    return application is None or application.deleted_at is not None or application.status in CLOSED


def is_superseded(session: Session, contract: Contract) -> bool:
    """Whether a newer contract was sent for the same application."""
    return session.exec(select(Contract.id).where(Contract.application_id == contract.application_id,
                                                  col(Contract.id) > contract.id).limit(1)).first() is not None


def standing_contract(session: Session, application_id: int) -> Contract | None:
    """The application's contract that stands: the newest (every older one is superseded by it), or None."""
    return session.exec(select(Contract).where(Contract.application_id == application_id)
                        .order_by(col(Contract.id).desc()).limit(1)).first()


def template_of(session: Session, contract: Contract) -> tuple[str, int]:
    """(template title, version number) the contract was made from."""
    row = session.exec(select(ContractTemplate.title, ContractTemplateVersion.version)
                       .join(ContractTemplateVersion, ContractTemplateVersion.template_id == ContractTemplate.id)
                       .where(ContractTemplateVersion.id == contract.template_version_id)).first()
    return (row[0], row[1]) if row else ("", 0)


def contracts_of_application(session: Session, user: CurrentUser, application_id: int) -> list[SentContract]:
    """The contracts sent for an application user may see, newest first (ActionRefused when not visible)."""
    application = find_application(session, user, application_id, include_deleted_projects=True)
    closed = application_closed(application)
    rows = session.exec(select(Contract, ContractTemplate.title, ContractTemplateVersion.version)
                        .join(ContractTemplateVersion, ContractTemplateVersion.id == Contract.template_version_id)
                        .join(ContractTemplate, ContractTemplate.id == ContractTemplateVersion.template_id)
                        .where(Contract.application_id == application_id)
                        .order_by(col(Contract.id).desc())).all()
    return [SentContract(int(contract.id), contract.created_at, title, version, contract.acknowledged_at,
                         contract.acknowledged_name, index > 0, closed)
            for index, (contract, title, version) in enumerate(rows)]


def read_contract(contract: Contract) -> ContractFile | None:
    """The stored PDF of a contract (None when the file is gone)."""
    try:
        return ContractFile(contract.filename, files.read_bytes(contract.file_key))
    except (ValueError, FileNotFoundError):
        return None


def contract_for_download(session: Session, user: CurrentUser, contract_id: int) -> ContractFile | None:
    """A contract's PDF for a user who may see its application (None otherwise, or when gone)."""
    contract = session.get(Contract, contract_id)
    if contract is None or contract.application_id is None:
        return None
    try:
        find_application(session, user, contract.application_id, include_deleted_projects=True)
    except ActionRefused:
        return None
    return read_contract(contract)


_UNSAFE = re.compile(r"[^\w .,()-]+")


def contract_filename(title: str, candidate_name: str) -> str:
    """"Employment contract - Kari Nordmann.pdf": readable, and safe as a file name on every system."""
    text = unicodedata.normalize("NFC", f"{title} - {candidate_name}")
    text = " ".join(_UNSAFE.sub(" ", text).split()).strip(" .") or "contract"
    return f"{text[:150]}.pdf"
