"""The Further progress list and Execute, on the ticked applicants or on the one applicant open.

Runs of more than 50 applicants go to a background event in chunks, with a progress bar; the page
stays usable meanwhile. The rules all live in services.further_progress.
"""

from dataclasses import dataclass

import reflex as rx

from ats_app.handling import further_progress as fp, transfer
from ats_app.core.i18n import gettext
from ats_app.accounts.ui.guard import current_user, requires, requires_in_background, run_in_session
from ats_app.ui.paged_state import one_of
from ats_app.core.errors import InvalidChoice, NotAllowed

CHUNK = 50  # applicants per transaction batch of a background run; more than this shows a progress bar
DIALOGS = ("transfer", "hire")  # actions with a form to fill in before they run
EMAIL_FORMS = ("send_email", "offer", "save_and_send", "forward")  # their form is state.compose


@dataclass
class Choice:
    """An option of a select: value and label (a project, a position, a department)."""

    value: str
    label: str
    group: str = ""


@dataclass
class ChoiceGroup:
    """Options under one heading: the projects of one department."""

    label: str
    choices: list[Choice]


async def transfer_targets(status: str) -> list[ChoiceGroup]:
    """Open (or closed) projects the current user may transfer to, grouped by department."""
    user = current_user()
    found = await run_in_session(transfer.target_projects, user, status)
    groups: dict[str, list[Choice]] = {}
    for p in found:
        groups.setdefault(p.department or gettext(user.language, "No department"), []).append(
            Choice(str(p.id), p.title))
    return [ChoiceGroup(label, choices) for label, choices in groups.items()]


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


class FurtherProgressState(rx.State):
    """The chosen action, its form, and the result of the last Execute."""

    offered: list[str] = []
    enabled: list[str] = []
    action: str = ""
    dialog: str = ""
    errors: dict[str, str] = {}
    target_status: str = "open"
    targets: list[ChoiceGroup] = []
    target: str = ""
    copy_only: bool = False
    positions: list[Choice] = []
    departments: list[Choice] = []
    position_id: str = ""
    department_id: str = ""
    start_date: str = ""
    running: bool = False
    progress: int = 0
    result_line: str = ""
    skipped: list[Skipped] = []
    others: list[Other] = []
    _job: tuple | None = None  # (action, ids, choices) handed from execute to run_in_background
    _extra_choices: dict = {}  # the email form's values (state.compose), for the run it starts
    _mode: str = "list"
    _single_id: int = 0

    def _enter(self, mode: str, single_id: int = 0) -> None:
        """A page with the list opened (called by the page's own load handler, never by the client)."""
        user = current_user()
        offered = fp.offered(user)
        self.offered = [a.key for a, _ in offered]
        self.enabled = [a.key for a, available in offered if available]
        if (self._mode, self._single_id) != (mode, single_id):
            self.action, self.result_line, self.skipped, self.others = "", "", [], []
        self._mode, self._single_id = mode, single_id
        self.dialog, self.errors = "", {}

    async def _chosen_ids(self) -> list[int]:
        if self._mode == "application":
            return [self._single_id] if self._single_id else []
        from ats_app.handling.ui.list_state import ApplicationListState
        return list((await self.get_state(ApplicationListState)).ticked)

    async def _refresh_page(self) -> None:
        if self._mode == "application":
            from ats_app.handling.ui.application_state import ApplicationState
            await (await self.get_state(ApplicationState))._reload()
        else:
            from ats_app.handling.ui.list_state import ApplicationListState
            listing = await self.get_state(ApplicationListState)
            listing.ticked = []
            await listing._reload()

    def _choices(self) -> dict:
        return {"target": self.target, "copy": self.copy_only, "position_id": self.position_id,
                "department_id": self.department_id, "start_date": self.start_date, **self._extra_choices}

    def _show(self, result: fp.BulkResult, language: str) -> None:
        self.result_line = fp.summary_line(result, language)
        self.skipped = [Skipped(o.name, fp.reason(o, language)) for o in result.skipped]
        self.others = [Other(i, project, name) for i, project, name in result.others_to_withdraw]

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
            return
        if self.action not in self.enabled:
            self.errors = {"action": gettext(user.language, "Choose an action from the list.")}
            return
        if not await self._chosen_ids():
            self.errors = {"action": gettext(user.language, "Tick at least one applicant.")}
            return
        self.errors, self._extra_choices = {}, {}
        if self.action in DIALOGS:  # the form first; confirm() runs it
            self.dialog = self.action
            await self._load_form()
            return
        if self.action == "letter":  # which letter first; its Print makes the PDF
            from ats_app.letters.ui.letter_state import LetterState
            (await self.get_state(LetterState))._open_letters()
            self.dialog = self.action
            return
        if self.action == "invite":  # the invitation wizard first; its Send runs it
            from ats_app.interviews.ui.wizard_state import InviteState
            await (await self.get_state(InviteState))._open_wizard(await self._chosen_ids())
            self.dialog = self.action
            return
        if self.action == "reject":  # the rejection wizard first; its Send runs it
            from ats_app.rejection.ui.wizard_state import RejectState
            await (await self.get_state(RejectState))._open_wizard(await self._chosen_ids())
            self.dialog = self.action
            return
        if self.action in EMAIL_FORMS:  # the email form first; its Send runs it
            from ats_app.handling.ui.compose_state import ComposeState
            await (await self.get_state(ComposeState))._open(self.action, await self._chosen_ids())
            self.dialog = self.action
            return
        return await self._run()

    async def _load_form(self) -> None:
        if self.action == "transfer":
            self.copy_only = False  # Move is the default each time, as in EasyCruit
            await self._load_targets()
        elif self.action == "hire":
            from ats_app.organisation import structure as organisation
            positions, departments = await run_in_session(organisation.positions_and_departments)
            self.positions = [Choice(str(i), title, department) for i, title, department in positions]
            self.departments = [Choice(str(i), name) for i, name in departments]
            self.position_id = self.department_id = self.start_date = ""

    async def _load_targets(self) -> None:
        self.targets, self.target = await transfer_targets(self.target_status), ""

    @rx.event
    @requires()
    async def set_target_status(self, status: str | list[str]):
        """Transfer form: list open or closed target projects."""
        self.target_status = one_of(status, ("open", "closed"))
        await self._load_targets()

    @rx.event
    @requires()
    async def set_form_field(self, name: str, value: str):
        """A field of the action's form changed (target, copy, position, department, start date)."""
        if name == "copy_only":
            self.copy_only = value in (True, "true", "copy")
        elif name in ("target", "position_id", "department_id", "start_date"):
            setattr(self, name, str(value)[:40])
        self.errors = {k: v for k, v in self.errors.items() if k != name.removesuffix("_id")}

    @rx.event
    @requires()
    async def close_dialog(self):
        """Cancel the action's form; nothing changes."""
        self.dialog, self.errors, self._extra_choices = "", {}, {}

    @rx.event
    @requires()
    async def confirm(self):
        """The form's button: run the action with its choices."""
        if self.dialog and self.action in DIALOGS:
            return await self._run()

    async def _run(self):
        user = current_user()
        ids = await self._chosen_ids()
        choices = self._choices()
        try:  # the run's choices and the right are checked before anyone is touched
            await run_in_session(fp.prepare, user, self.action, choices)
        except (NotAllowed, InvalidChoice) as refused:
            self.errors = dict([fp.explain(refused, user.language)])
            return
        self.dialog = ""
        if len(ids) > CHUNK:
            self.running, self.progress, self.result_line, self.skipped = True, 0, "", []
            self._job = (self.action, ids, choices)
            return FurtherProgressState.run_in_background
        result = await run_in_session(fp.run, user, self.action, ids, choices)
        self._show(result, user.language)
        await self._refresh_page()
        if self._mode == "application":
            from ats_app.handling.ui.application_state import ApplicationState
            page = await self.get_state(ApplicationState)
            if page.not_found and page.project_href:  # a Move took it to another project
                return rx.redirect(page.project_href)

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
        action, ids, choices = job
        total = fp.BulkResult()
        try:
            prepared = await run_in_session(fp.prepare, user, action, choices)  # once, for every chunk
            for start in range(0, len(ids), CHUNK):
                part = await run_in_session(fp.execute, user, action, ids[start:start + CHUNK], prepared)
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
            result = await run_in_session(fp.run, user, "withdraw", ids, {})
            self.result_line = gettext(user.language, "Other applications: {summary}").format(
                summary=fp.summary_line(result, user.language))
            await self._refresh_page()

    @rx.event
    @requires()
    async def keep_others(self):
        """After a hire: leave the person's other applications as they are."""
        self.others = []
