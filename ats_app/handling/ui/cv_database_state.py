"""The CV database: saved candidates, searched and filtered, and transferred into a project."""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import allowed
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, format_day, gettext
from ats_app.handling import cv_database
from ats_app.handling.transfer import TRANSFER
from ats_app.handling.ui.action_forms import transfer_targets
from ats_app.handling.ui.ticked_actions import TickedActionState
from ats_app.ui.forms import ChoiceGroup
from ats_app.ui.paged_state import one_of


@dataclass
class SavedView:
    id: int
    name: str
    email: str
    language: str
    saved_from: str
    saved_on: str
    cv_href: str


class CvDatabaseState(TickedActionState, rx.State):
    """One page of saved candidates, the ticked ones and the Transfer form."""

    rows: list[SavedView] = []
    language: str = ""
    may_transfer: bool = False
    transferring: bool = False
    target_status: str = "open"
    targets: list[ChoiceGroup] = []
    target: str = ""

    async def _fetch(self, user, offset: int) -> int:
        rows, total = await run_in_session(cv_database.list_saved, user, search=self.search, language=self.language,
                                           offset=offset)
        self.rows = [SavedView(r.candidate_id, r.name, r.email, LANGUAGES.get(r.language, r.language), r.saved_from,
                               format_day(r.saved_at.date(), user.language),
                               f"/files/cv/{r.candidate_id}" if r.has_cv else "") for r in rows]
        self._keep_ticks_on_page()
        self.may_transfer = allowed(user, TRANSFER) and user.has(cv_database.RIGHT)
        return total

    @rx.event
    @requires(cv_database.RIGHT)
    async def set_language(self, language: str):
        """Show candidates of one language only ("" for all)."""
        self.language = language if language in LANGUAGES else ""
        self.page = 0
        await self._reload()

    async def _load_targets(self) -> None:
        self.targets, self.target = await transfer_targets(self.target_status), ""

    @rx.event
    @requires("can_transfer")
    async def open_transfer(self):
        """Open the Transfer form for the ticked candidates."""
        user = current_user()
        if not user.has(cv_database.RIGHT):  # Transfer from the CV database needs both rights
            return
        if not self.ticked:
            self.error = gettext(user.language, "Tick at least one candidate.")
            return
        self.error, self.transferring = "", True
        await self._load_targets()

    @rx.event
    @requires("can_transfer")
    async def set_target_status(self, status: str | list[str]):
        """Transfer form: list open or closed projects."""
        self.target_status = one_of(status, ("open", "closed"))
        await self._load_targets()

    @rx.event
    @requires("can_transfer")
    async def set_target(self, target: str):
        """Transfer form: the chosen project."""
        self.target, self.error = str(target)[:20], ""

    @rx.event
    @requires(cv_database.RIGHT)
    async def cancel_transfer(self):
        """Close the Transfer form; nothing changes."""
        self.transferring, self.error = False, ""

    @rx.event
    @requires("can_transfer")
    async def transfer(self):
        """Transfer the ticked candidates into the chosen project (status Transferred there)."""
        user = current_user()
        try:
            result = await run_in_session(cv_database.transfer_saved, user, list(self.ticked), self.target)
        except (NotAllowed, InvalidChoice) as refused:
            self._show_refusal(refused, user.language)
            return
        self.transferring, self.ticked = False, []
        self._show_result(result, user.language)
        await self._reload()
