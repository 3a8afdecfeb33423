"""Deleted applications: restore, or delete permanently after a typed confirmation."""

from collections.abc import Mapping
from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import allowed
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import format_moment, gettext
from ats_app.handling import deleted as deleted_list
from ats_app.handling import further_progress
from ats_app.handling.purge import CONFIRMATION_WORD, PURGE, PurgeForm
from ats_app.handling.status_actions import RESTORE
from ats_app.handling.ui.ticked_actions import TickedActionState


@dataclass
class DeletedView:
    id: int
    name: str
    email: str
    project: str
    project_deleted: bool
    status: str
    deleted_at: str
    deleted_by: str


class DeletedState(TickedActionState, rx.State):
    """One page of deleted applications, the ticked ones and the purge confirmation."""

    rows: list[DeletedView] = []
    confirming: bool = False
    confirmation: str = ""
    confirmation_word: str = "DELETE"
    may_purge: bool = False
    forbidden: bool = False

    async def _fetch(self, user, offset: int) -> int:
        try:
            rows, total = await run_in_session(deleted_list.list_deleted, user, search=self.search, offset=offset)
        except NotAllowed:  # the page needs the right to see deleted applications
            self.rows, self.forbidden = [], True
            return 0
        self.forbidden = False
        self.rows = [DeletedView(r.application_id, r.name, r.email, r.project_title, r.project_deleted, r.status,
                                 format_moment(r.deleted_at, user.language, user.time_zone), r.deleted_by)
                     for r in rows]
        self._keep_ticks_on_page()
        self.may_purge = allowed(user, PURGE)
        self.confirmation_word = gettext(user.language, CONFIRMATION_WORD)
        return total

    async def _run(self, key: str, form: Mapping) -> None:
        user = current_user()
        if not self.ticked:
            self.error = gettext(user.language, "Tick at least one application.")
            return
        try:
            result = await run_in_session(further_progress.run, user, key, list(self.ticked), form)
        except (NotAllowed, InvalidChoice) as refused:
            self._show_refusal(refused, user.language)
            return
        self.error, self.confirming, self.confirmation, self.ticked = "", False, "", []
        self._show_result(result, user.language)
        await self._reload()

    @rx.event
    @requires("can_see_deleted")
    async def restore(self):
        """Restore the ticked applications to their projects (status Restored)."""
        await self._run(RESTORE.key, {})

    @rx.event
    @requires("can_delete")
    async def ask_to_purge(self):
        """Open the typed confirmation for Delete permanently."""
        user = current_user()
        if not self.ticked:
            self.error = gettext(user.language, "Tick at least one application.")
            return
        self.error, self.confirming, self.confirmation = "", True, ""

    @rx.event
    @requires("can_delete")
    async def set_confirmation(self, text: str):
        """What the recruiter typed in the confirmation field."""
        self.confirmation = str(text)[:40]

    @rx.event
    @requires("can_delete")
    async def purge(self):
        """Delete the ticked applications permanently, if the confirmation word was typed."""
        await self._run(PURGE.key, PurgeForm(confirmation=self.confirmation))

    @rx.event
    @requires()
    async def cancel_purge(self):
        """Close the confirmation; nothing is deleted."""
        self.confirming, self.confirmation, self.error = False, "", ""
