"""Send letter: the ticked applicants' letters in one A4 PDF to print, with a download link."""

from typing import ClassVar

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.applications.lookup import applicant_names
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import gettext
from ats_app.handling.further_progress import BulkResult, Outcome
from ats_app.handling.ui.further_progress_state import ActionForm, FurtherProgressState
from ats_app.letters import printing
from ats_app.letters.printing import LETTER, LetterForm


class LetterState(ActionForm, FurtherProgressState):
    """The letter form (which letter, an optional message) and the PDF made by the last run."""

    FORM: ClassVar[str] = "letter"
    letter_kind: str = "letter.application_rejected"
    letter_message: str = ""
    download_href: str = ""
    warnings: list[str] = []

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        self.letter_message, self.download_href, self.warnings = "", "", []

    async def _form(self) -> LetterForm:
        return LetterForm(kind=self.letter_kind, message=self.letter_message)

    @rx.event
    @requires()
    async def set_letter_field(self, name: str, value: str):
        """Which letter, or the message it carries."""
        if name == "letter_kind" and value in printing.LETTER_KINDS:
            self.letter_kind = value
        elif name == "letter_message":
            self.letter_message = str(value)[:2000]

    @rx.event
    @requires()
    async def make_letters(self):
        """Print: one PDF with a letter per ticked applicant, in each one's language."""
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        if further.dialog != LETTER.key:
            return
        ids = await further._chosen_ids()
        names = await run_in_session(applicant_names, user, ids)
        try:
            run = await run_in_session(printing.print_letters, user, ids, await self._form())
        except NotAllowed:
            further.errors = {"action": gettext(user.language, "You do not have the right to do this.")}
            return
        except InvalidChoice as refused:
            further.errors = {refused.field: gettext(user.language, refused.message).format(**refused.params)}
            if refused.field == "action":  # too many at once: the list says so, next to Execute
                further.dialog = ""
            return
        result = BulkResult([Outcome(i, names.get(i, ""), i in run.done, run.refused.get(i, "")) for i in ids])
        further._show(result, user.language)
        self.download_href = printing.download_link(run.file_key, user.id) if run.file_key else ""
        self.warnings = [f"{names.get(i, '')}: {gettext(user.language, why)}" for i, why in run.warnings.items()]
        further.dialog = ""
        await further._refresh_page()
