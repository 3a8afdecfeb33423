"""The Employment contract form's "Preview PDF": the first ticked applicant's contract, kept privately for the
user who asked, behind an address signed for them (the Contracts page's preview route serves it). Nothing is
recorded as a contract.

The PDF opens in a new tab (the browser's own viewer), so it has to be fetched by address; the file is replaced
by the user's next preview and removed when the form sends or opens again.
"""

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.contracts.preview import preview_signature
from ats_app.contracts.sending import ContractForm, preview_pdf
from ats_app.core import files


def make_preview(session: Session, user: CurrentUser, form: ContractForm) -> tuple[str, str]:
    """(file key, the address signed for user) of the first ticked applicant's contract; InvalidChoice on the
    field that stops it, ActionRefused when that applicant cannot get a contract."""
    key = files.store_bytes(preview_pdf(session, user, form))
    return key, f"/files/contract-preview/{key}?sig={preview_signature(key, user.id)}"


def discard(key: str) -> None:
    """Remove a preview file (a key that is not ours is ignored)."""
    try:
        files.delete(key)
    except ValueError:
        pass
