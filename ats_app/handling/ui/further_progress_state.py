"""The Further progress list and Execute, on the ticked applicants or on the one applicant open.

Execute reads the action's declaration: an action with a form opens it (the form's state is a substate
of this one that names its form), the others run at once. Runs of more than 50 applicants go to a
background event in chunks, with a progress bar; the page stays usable meanwhile. The page the list
sits on (Application handling, Application and CV) says which applicants are chosen and reads itself
again afterwards. The rules all live in handling.further_progress.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import reflex as rx
from reflex.event import EventSpec

from ats_app.accounts.ui.guard import current_user, requires, requires_in_background, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.applications.lookup import all_visible
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import gettext
from ats_app.handling import further_progress

CHUNK = 50  # applicants per transaction batch of a background run; more than this shows a progress bar


@dataclass
class Skipped:
    """An applicant the action was not done for, and why (translated)."""

    name: str
    reason: str


@dataclass
class Other:
    """A hired person's other live application, offered for withdrawal."""

    id: int
    project: str
    name: str


class ActionPage(rx.State, mixin=True):
    """A page with Further progress on it: it says which applicants are chosen and reads itself again
    after a run (returning where to go instead, when the applicant left the page)."""

    async def _chosen_ids(self) -> list[int]:
        raise NotImplementedError

    async def _after_action(self) -> EventSpec | None:
        raise NotImplementedError


class FurtherProgressState(rx.State):
    """The chosen action, its form, and the result of the last Execute."""

    offered: list[str] = []
    enabled: list[str] = []
    action: str = ""
    dialog: str = ""  # the action whose form is open
    errors: dict[str, str] = {}
    running: bool = False
    progress: int = 0
    result_line: str = ""
    skipped: list[Skipped] = []
    others: list[Other] = []
    _job: tuple | None = None  # (action key, ids, form) handed from Execute to run_in_background
    _page: str = ""  # the full name of the page's state (an ActionPage)
    _single_id: int = 0

    def _enter(self, page: ActionPage, single_id: int = 0) -> None:
        """A page with the list opened (called by the page's own load handler, never by the client)."""
        user = current_user()
        offered = further_progress.offered(user)
        self.offered = [a.key for a, _ in offered]
        self.enabled = [a.key for a, available in offered if available]
        name = type(page).get_full_name()
        if (self._page, self._single_id) != (name, single_id):
            self.action, self.result_line, self.skipped, self.others = "", "", [], []
        self._page, self._single_id = name, single_id
        self.dialog, self.errors = "", {}

    async def _page_state(self) -> ActionPage:
        return await self.get_state(rx.State.get_class_substate(self._page))

    async def _chosen_ids(self) -> list[int]:
        return await (await self._page_state())._chosen_ids() if self._page else []

    async def _refresh_page(self) -> EventSpec | None:
        return await (await self._page_state())._after_action() if self._page else None

    async def _form_state(self, form: str) -> "ActionForm":
        """The substate holding an action's form (each form's state names the form it is)."""
        stack = list(type(self).get_substates())
        while stack:
            cls = stack.pop()
            if getattr(cls, "FORM", "") == form:
                return await self.get_state(cls)
            stack.extend(cls.get_substates())
        raise LookupError(f"no state holds the form {form!r}")

    def _show(self, result: further_progress.BulkResult, language: str) -> None:
        self.result_line = further_progress.summary_line(result, language)
        self.skipped = [Skipped(o.name, further_progress.reason(o, language)) for o in result.skipped]
        self.others = [Other(o.application_id, o.project_title, o.candidate_name) for o in result.others_to_withdraw]

    @rx.event
    @requires()
    async def choose_action(self, key: str):
        """An action was picked in the Further progress list."""
        self.action = key if key in self.enabled else ""
        self.errors, self.result_line, self.skipped = {}, "", []

    @rx.event
    @requires()
    async def execute(self):
        """Execute: check the choice and the ticks, open the action's form if it has one, else run."""
        user = current_user()
        if self.running:  # one long run at a time per page
            return None
        if self.action not in self.enabled:
            self.errors = {"action": gettext(user.language, "Choose an action from the list.")}
            return None
        ids = await self._chosen_ids()
        if not ids:
            self.errors = {"action": gettext(user.language, "Tick at least one applicant.")}
            return None
        self.errors = {}
        action = further_progress.action_for(self.action)
        if action.form:  # the form first; its own button runs the action
            if not await run_in_session(all_visible, user, ids):  # no name, email or preview of a hidden one
                self.action = ""
                return rx.toast.error(gettext(user.language, "You do not have the right to do this."))
            await (await self._form_state(action.form))._open(action, ids)
            self.dialog = action.key
            return None
        return await self._run({})

    @rx.event
    @requires()
    async def close_dialog(self):
        """Cancel the action's form; nothing changes (the form drops what it made for itself, a preview)."""
        action = further_progress.BY_KEY.get(self.dialog)
        if action is not None and action.form:
            await (await self._form_state(action.form))._close()
        self.dialog, self.errors = "", {}

    @rx.event
    @requires()
    async def confirm(self):
        """The button of a small form (Transfer, Hire): run the action with the form's values. The wizards
        and the email form have buttons of their own."""
        if not self.dialog or self.dialog != self.action:
            return None
        action = further_progress.action_for(self.action)
        form = await self._form_state(action.form) if action.form else None
        return await self._run(await form._form()) if form is not None and form.CONFIRMED_HERE else None

    async def _run(self, form: Mapping):
        """Run the chosen action with form on the chosen applicants (forms call this with their values)."""
        user = current_user()
        ids = await self._chosen_ids()
        try:  # the run's form and the right are checked before anyone is touched
            await run_in_session(further_progress.prepare, user, self.action, form)
        except (NotAllowed, InvalidChoice) as refused:
            self.errors = dict([further_progress.explain(refused, user.language)])
            return None
        self.dialog = ""
        if len(ids) > CHUNK:
            self.running, self.progress, self.result_line, self.skipped = True, 0, "", []
            self._job = (self.action, ids, dict(form))
            return FurtherProgressState.run_in_background
        result = await run_in_session(further_progress.run, user, self.action, ids, form)
        self._show(result, user.language)
        return await self._refresh_page()

    @rx.event(background=True)
    @requires_in_background()
    async def run_in_background(self):
        """A long Execute: chunks of 50 applicants, each applicant in its own transaction. Whatever
        happens, the page gets the result so far and its Execute button back."""
        user = current_user()
        async with self:
            job, self._job = self._job, None
        if not job:
            return
        key, ids, form = job
        total = further_progress.BulkResult()
        try:
            plan = await run_in_session(further_progress.prepare, user, key, form)  # once, for every chunk
            for start in range(0, len(ids), CHUNK):
                part = await run_in_session(further_progress.execute, user, key, ids[start:start + CHUNK], plan)
                total.outcomes += part.outcomes
                total.others_to_withdraw += part.others_to_withdraw
                async with self:
                    self.progress = min(100, (start + CHUNK) * 100 // len(ids))
        except (NotAllowed, InvalidChoice):
            pass  # the right or the choice went away since Execute: what was done is reported below
        finally:
            async with self:
                self._show(total, user.language)
                self.running = False
                await self._refresh_page()

    @rx.event
    @requires()
    async def withdraw_others(self):
        """After a hire: withdraw the person's other live applications too."""
        user = current_user()
        ids = [o.id for o in self.others]
        self.others = []
        if ids:
            result = await run_in_session(further_progress.run, user, "withdraw", ids, {})
            self.result_line = gettext(user.language, "Other applications: {summary}").format(
                summary=further_progress.summary_line(result, user.language))
            await self._refresh_page()

    @rx.event
    @requires()
    async def keep_others(self):
        """After a hire: leave the person's other applications as they are."""
        self.others = []


class ActionForm(rx.State, mixin=True):
    """The form of a further-progress action: a substate of FurtherProgressState naming the form it is (the
    declaration's `form`). Execute opens it; its button runs the action with `_form()`."""

    FORM: ClassVar[str] = ""
    CONFIRMED_HERE: ClassVar[bool] = False  # its button is FurtherProgressState.confirm

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        raise NotImplementedError

    async def _form(self) -> Mapping:
        raise NotImplementedError

    async def _close(self) -> None:
        """Cancel closed the form: drop whatever it made for itself (nothing, unless a form overrides this)."""
