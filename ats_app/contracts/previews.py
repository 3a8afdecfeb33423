"""The Employment contract form's "Preview PDF": the first ticked applicant's contract, kept privately for the
user who asked, behind an address signed for them. Nothing is recorded as a contract.

The PDF opens in a new tab (the browser's own viewer), so it has to be fetched by address; the file is
replaced by the user's next preview and removed when the form sends or closes.
"""

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.contracts.issued import ContractFile
from ats_app.contracts.sending import ContractForm, preview_pdf
from ats_app.core import config, files, tokens

PURPOSE = "contract-preview"


def signature(file_key: str, user_id: int) -> str:
    """The signature of a preview's address for user_id."""
    return tokens.sealed_token(config.secret_key(), PURPOSE, file_key, user_id)


def make_preview(session: Session, user: CurrentUser, form: ContractForm) -> tuple[str, str]:
    """(file key, the address signed for user) of the first ticked applicant's contract; InvalidChoice on the
    field that stops it, ActionRefused when that applicant cannot get a contract."""
    key = files.store_bytes(preview_pdf(session, user, form))
    return key, f"/files/contract-preview/{key}?sig={signature(key, user.id)}"


def read_preview(key: str) -> ContractFile | None:
    """The stored preview (None when gone, or not a key we made)."""
    try:
        return ContractFile("contract-preview.pdf", files.read_bytes(key))
    except (ValueError, FileNotFoundError):
        return None


def discard(key: str) -> None:
    """Remove a preview file (a key that is not ours is ignored)."""
    try:
        files.delete(key)
    except ValueError:
        pass
