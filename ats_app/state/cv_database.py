"""The CV database: saved candidates, searched and filtered, and transferred into a project."""

from dataclasses import dataclass

import reflex as rx

from ..services import actions, cv_database, further_progress as fp
from ..services.i18n import LANGUAGES, format_day, gettext
from .further_progress import ChoiceGroup, transfer_targets
from .guard import current_user, requires, run_in_session
from .paged import TickedListState


@dataclass
class SavedView:
    id: int
    name: str
    email: str
    language: str
    saved_from: str
    saved_on: str
    cv_href: str


class CvDatabaseState(TickedListState, rx.State):
    """One page of saved candidates, the ticked ones and the Transfer form."""

    rows: list[SavedView] = []
    language: str = ""
    may_transfer: bool = False
    transferring: bool = False
    target_status: str = "open"
    targets: list[ChoiceGroup] = []
    target: str = ""
    error: str = ""
    result_line: str = ""
    skipped: list[str] = []

    async def _fetch(self, user, offset: int) -> int:
        rows, total = await run_in_session(cv_database.list_saved, user, search=self.search, language=self.language,
                                           offset=offset)
        self.rows = [SavedView(r.candidate_id, r.name, r.email, LANGUAGES.get(r.language, r.language), r.saved_from,
                               format_day(r.saved_at.date(), user.language),
                               f"/files/cv/{r.candidate_id}" if r.has_cv else "") for r in rows]
        self.ticked = [i for i in self.ticked if any(r.id == i for r in self.rows)]
        self.may_transfer = actions.allowed(user, "transfer")
        return total

    @rx.event
    @requires()
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
        if not self.ticked:
            self.error = gettext(user.language, "Tick at least one candidate.")
            return
        self.error, self.transferring = "", True
        await self._load_targets()

    @rx.event
    @requires("can_transfer")
    async def set_target_status(self, status: str | list[str]):
        """Transfer form: list open or closed projects."""
        status = status[0] if isinstance(status, list) and status else status
        self.target_status = status if status in ("open", "closed") else "open"
        await self._load_targets()

    @rx.event
    @requires("can_transfer")
    async def set_target(self, target: str):
        """Transfer form: the chosen project."""
        self.target, self.error = str(target)[:20], ""

    @rx.event
    @requires()
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
        except actions.NotAllowed:
            self.error = gettext(user.language, "You do not have the right to do this.")
            return
        except actions.InvalidChoice as bad:
            self.error = gettext(user.language, bad.message).format(**bad.params)
            return
        self.transferring, self.ticked = False, []
        self.result_line = fp.summary_line(result, user.language)
        self.skipped = [f"{o.name}: {gettext(user.language, o.reason).format(**o.params)}" for o in result.skipped]
        await self._reload()
