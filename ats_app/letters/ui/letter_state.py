"""Send letter: the ticked applicants' letters in one A4 PDF to print, with a download link."""

import reflex as rx

from ats_app.letters import printing as letters
from ats_app.handling.further_progress import Outcome, BulkResult
from ats_app.core.i18n import gettext
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidChoice, NotAllowed


MAX_LETTERS = 100  # WeasyPrint makes about 10–25 pages a second: a bigger run would hold the page too long


class LetterState(FurtherProgressState):
    """The letter form (which letter, an optional message) and the PDF made by the last run."""

    letter_kind: str = "letter.application_rejected"
    letter_message: str = ""
    download_href: str = ""
    warnings: list[str] = []

    def _open_letters(self) -> None:
        self.letter_message, self.download_href, self.warnings = "", "", []

    @rx.event
    @requires()
    async def set_letter_field(self, name: str, value: str):
        """Which letter, or the message it carries."""
        if name == "letter_kind" and value in letters.LETTER_KINDS:
            self.letter_kind = value
        elif name == "letter_message":
            self.letter_message = str(value)[:2000]

    @rx.event
    @requires()
    async def make_letters(self):
        """Print: one PDF with a letter per ticked applicant, in each one's language."""
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        if further.dialog != "letter":
            return
        ids = await further._chosen_ids()
        if len(ids) > MAX_LETTERS:
            further.errors = {"action": gettext(user.language, "Print at most {max} letters at a time.").format(
                max=MAX_LETTERS)}
            further.dialog = ""
            return
        names = await run_in_session(_names, user, ids)
        try:
            run = await run_in_session(_make, user, ids, self.letter_kind, self.letter_message)
        except NotAllowed:
            further.errors = {"action": gettext(user.language, "You do not have the right to do this.")}
            return
        except InvalidChoice as refused:
            further.errors = {refused.field: gettext(user.language, refused.message)}
            return
        result = BulkResult([Outcome(i, names.get(i, ""), i in run.done, run.refused.get(i, "")) for i in ids])
        further._show(result, user.language)
        self.download_href = letters.download_link(run.file_key, user.id) if run.file_key else ""
        self.warnings = [f"{names.get(i, '')}: {gettext(user.language, why)}" for i, why in run.warnings.items()]
        further.dialog = ""
        await further._refresh_page()


def _make(session, user, ids, kind, message):
    run = letters.letters_pdf(session, user, ids, kind, message=message)
    session.commit()
    return run


def _names(session, user, ids):
    from ats_app.handling.further_progress import _names as names_of

    return names_of(session, user, ids)
