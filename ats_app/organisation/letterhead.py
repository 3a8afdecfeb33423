"""The organisation's letterhead: its name and postal address from Settings, as letters and contracts print it."""

from dataclasses import dataclass

from sqlmodel import Session

from ats_app.models import Setting
from ats_app.organisation.reference_data import DEFAULT_SETTINGS


@dataclass(frozen=True)
class Letterhead:
    """The organisation's name and its address lines (the address is optional)."""

    name: str
    address_lines: tuple[str, ...]


def letterhead(session: Session) -> Letterhead:
    """The letterhead as Settings hold it now."""
    name = session.get(Setting, "company_name")
    address = session.get(Setting, "company_address")
    lines = tuple(line.strip() for line in (address.value if address else "").splitlines() if line.strip())
    return Letterhead(name.value if name and name.value else DEFAULT_SETTINGS["company_name"], lines)
