"""The Employment contract form's "Preview PDF": the first ticked applicant's contract, kept privately for the
user who asked, behind an address signed for them (the Contracts page's preview route serves it). Nothing is
recorded as a contract.

The PDF opens in a new tab (the browser's own viewer), so it has to be fetched by address; the file is replaced
by the user's next preview and removed when the form sends, opens again or is cancelled. The Contracts page's
template previews are kept the same way. A preview holds personal data, so one left behind (a closed tab) is
swept after a day by a periodic job (sweep_previews on the delivery worker's hook).
"""

from sqlalchemy import Engine
from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.contracts.preview import preview_link
from ats_app.contracts.sending import ContractForm, preview_pdf
from ats_app.core import files

JOB_NAME = "contract_preview_sweep"
RUN_EVERY = 3600.0  # seconds between runs in one worker process
KEEP_FOR = 24 * 3600.0  # a preview older than a day is nobody's any more


def make_preview(session: Session, user: CurrentUser, form: ContractForm) -> tuple[str, str]:
    """(file key, the address signed for user) of the first ticked applicant's contract; InvalidChoice on the
    field that stops it, ActionRefused when that applicant cannot get a contract."""
    key = files.store_scratch(preview_pdf(session, user, form))
    return key, preview_link(key, user.id)


def discard(key: str) -> None:
    """Remove a preview file (a key that is not ours is ignored)."""
    try:
        files.delete(key)
    except ValueError:
        pass


def key_of_link(link: str) -> str:
    """The file key in a preview's address ("" for no address)."""
    return link.split("/files/contract-preview/")[-1].split("?")[0] if link else ""


def sweep_previews(engine: Engine | None = None) -> int:
    """Remove the preview files older than a day (the periodic job; the engine is not needed); how many."""
    return files.sweep_scratch(KEEP_FOR)
