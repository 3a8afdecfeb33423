"""The Employment contract form: the template per candidate language, the template's self-defined values, the
cover email (ComposeState's drafts), Preview PDF, and Send, which prints and sends in a background event with
progress ("12 of 40"), PDF making being slow. Rules: contracts.sending and contracts.previews."""

import asyncio
from dataclasses import dataclass
from typing import ClassVar

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, requires_in_background, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.contracts import previews, sending
from ats_app.contracts.sending import CONTRACT, ContractForm
from ats_app.contracts.ui.contracts_section_state import ContractsSectionState
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_, gettext
from ats_app.handling import further_progress
from ats_app.handling.further_progress import BulkResult, explain
from ats_app.handling.ui.compose_state import ComposeState, language_of_field
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.mail import compose

RIGHT = sending.RIGHT
STEP = 5  # applicants per background step: the progress moves at least every half second
VALUE_MAX = 500
PROGRESS = N_("{done} of {total} contracts made")


@dataclass
class TemplateChoiceRow:
    """A template in the list: its id (as the select's value) and what the list shows."""

    id: str
    label: str
    language: str


@dataclass
class LanguageRow:
    """The template chosen for the candidates of one language."""

    language: str
    name: str
    template_id: str


@dataclass
class VariableRow:
    """One self-defined variable's field."""

    key: str
    label: str
    type: str  # text, number, date, money
    value: str


def _choice_label(choice: sending.TemplateChoice, language: str) -> str:
    where = choice.department or gettext(language, "The whole organisation")
    return f"{choice.title} · {LANGUAGES.get(choice.language, choice.language)} · {where}"


class ContractState(ComposeState):
    """The form's own values; the sender and the drafts live in ComposeState."""

    FORM: ClassVar[str] = "contract"
    choices: list[TemplateChoiceRow] = []
    per_language: list[LanguageRow] = []
    variables: list[VariableRow] = []
    preview_href: str = ""
    progress_line: str = ""  # "12 of 40" while a run goes on
    _preview_key: str = ""
    _ids: list[int] = []

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        """Fill the form for the ticked applicants (Execute opens it)."""
        user = current_user()
        self._ids = list(ids)
        await self._discard_preview()
        choices = await run_in_session(sending.choosable_templates)
        self.choices = [TemplateChoiceRow(str(c.id), _choice_label(c, user.language), c.language) for c in choices]
        starting = await run_in_session(sending.starting_templates, ids)
        self.per_language = [LanguageRow(lang, LANGUAGES.get(lang, lang), str(template_id or ""))
                             for lang, template_id in (starting or {user.language: None}).items()]
        self.variables = []
        await self._load_variables()
        compose_state = await self.get_state(ComposeState)
        compose_state.sender = compose.default_sender(user, CONTRACT.key)
        compose_state.recipient_editable, compose_state.recipient = False, ""
        languages = [row.language for row in self.per_language]
        drafts = await run_in_session(compose.starting_drafts, sending.KIND, languages, ids[0])
        compose_state._use_template(sending.KIND, drafts)

    async def _load_variables(self) -> None:
        """The fields of the chosen templates' variables (what was typed for a key is kept)."""
        typed = {row.key: row.value for row in self.variables}
        chosen = [int(row.template_id) for row in self.per_language if row.template_id.isdigit()]
        found = await run_in_session(sending.run_variables, chosen)
        self.variables = [VariableRow(v.key, v.label, v.type, typed.get(v.key, "")) for v in found]

    async def _discard_preview(self) -> None:
        """The preview PDF holds personal data: remove its file (off the event loop), not just the link."""
        key, self._preview_key, self.preview_href = self._preview_key, "", ""
        if key:
            await asyncio.to_thread(previews.discard, key)

    async def _close(self) -> None:
        """Cancel: the form's preview goes with it."""
        await self._discard_preview()

    async def _form(self) -> ContractForm:
        compose_state = await self.get_state(ComposeState)
        return ContractForm(application_ids=list(self._ids),
                            templates={r.language: int(r.template_id) if r.template_id.isdigit() else 0
                                       for r in self.per_language},
                            values={r.key: r.value for r in self.variables}, **compose_state._email_form())

    async def _clear_error(self, field: str) -> None:
        further = await self.get_state(FurtherProgressState)
        further.errors = {k: v for k, v in further.errors.items() if k not in (field, "action")}

    async def _show_refusal(self, refused: InvalidChoice | NotAllowed | ActionRefused) -> None:
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        if isinstance(refused, ActionRefused):
            further.errors = {"action": gettext(user.language, refused.reason).format(**refused.params)}
        else:
            further.errors = dict([explain(refused, user.language)])
        compose_state = await self.get_state(ComposeState)
        for field in further.errors:  # a draft's problem: show that language's tab
            if field.startswith(("subject:", "body:")):
                compose_state.language = language_of_field(field)

    @rx.event
    @requires(RIGHT)
    async def choose_template(self, language: str, template_id: str):
        """The template for the candidates of one language changed."""
        if not any(c.id == template_id for c in self.choices):
            template_id = ""
        self.per_language = [LanguageRow(r.language, r.name, template_id) if r.language == language else r
                             for r in self.per_language]
        await self._discard_preview()
        await self._clear_error(f"template:{language}")
        await self._load_variables()

    @rx.event
    @requires(RIGHT)
    async def set_value(self, key: str, value: str):
        """A self-defined value was typed."""
        self.variables = [VariableRow(r.key, r.label, r.type, str(value)[:VALUE_MAX]) if r.key == key else r
                          for r in self.variables]
        await self._clear_error(f"variable:{key}")

    @rx.event
    @requires(RIGHT)
    async def make_preview(self):
        """Preview PDF: the first ticked applicant's contract, opened in a new tab (nothing is sent or kept)."""
        user = current_user()
        await self._discard_preview()
        try:
            self._preview_key, self.preview_href = await run_in_session(previews.make_preview, user,
                                                                        await self._form())
        except (InvalidChoice, NotAllowed, ActionRefused) as refused:
            await self._show_refusal(refused)
            return None
        (await self.get_state(FurtherProgressState)).errors = {}

    @rx.event
    @requires(RIGHT)
    async def show_email_preview(self):
        """The cover email in the language shown, as the first such candidate will read it."""
        user = current_user()
        compose_state = await self.get_state(ComposeState)
        draft = next((d for d in compose_state.drafts if d.language == compose_state.language), None)
        if draft is None:
            return
        try:
            compose_state.preview_name, compose_state.preview_html = await run_in_session(
                sending.email_preview, user, list(self._ids), compose.Draft(draft.language, draft.subject, draft.body))
        except InvalidChoice as refused:
            compose_state.preview_html = ""
            await self._show_refusal(refused)

    @rx.event
    @requires(RIGHT)
    async def send_contracts(self):
        """Send: the form is checked once, then the contracts are printed and sent in the background."""
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        if further.dialog != CONTRACT.key or further.action != CONTRACT.key or further.running:
            return None
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html = ""  # errors show on the form, not behind a preview
        try:
            await run_in_session(further_progress.prepare, user, CONTRACT.key, await self._form())
        except (InvalidChoice, NotAllowed) as refused:
            await self._show_refusal(refused)
            return None
        await self._discard_preview()
        further.dialog, further.errors, further.result_line, further.skipped = "", {}, "", []
        further.running, further.progress = True, 0
        self.progress_line = gettext(user.language, PROGRESS).format(done=0, total=len(self._ids))
        return ContractState.run_contracts

    @rx.event(background=True)
    @requires_in_background(RIGHT)
    async def run_contracts(self):
        """Print and send each applicant's contract, a few at a time, each in their own transaction; the page
        gets the result so far and its Execute button back whatever happens."""
        user = current_user()
        async with self:
            form, ids = await self._form(), list(self._ids)
            further = await self.get_state(FurtherProgressState)
            running = further.running
        if not running:
            return
        total = BulkResult()
        try:
            plan = await run_in_session(further_progress.prepare, user, CONTRACT.key, form)
            for first in range(0, len(ids), STEP):
                part = await run_in_session(further_progress.execute, user, CONTRACT.key, ids[first:first + STEP],
                                            plan)
                total.outcomes += part.outcomes
                done = min(len(ids), first + STEP)
                async with self:
                    self.progress_line = gettext(user.language, PROGRESS).format(done=done, total=len(ids))
                    further = await self.get_state(FurtherProgressState)
                    further.progress = done * 100 // len(ids)
        except (NotAllowed, InvalidChoice):
            pass  # the right or a template went away since Send: what was done is reported below
        finally:
            async with self:
                further = await self.get_state(FurtherProgressState)
                further._show(total, user.language)
                further.running, self.progress_line = False, ""
                await further._refresh_page()
                section = await self.get_state(ContractsSectionState)
                if section.application_id in ids:
                    await section._reload()
