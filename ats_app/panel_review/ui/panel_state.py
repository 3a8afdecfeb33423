"""The Send to review panel form: reviewers from the project's department and by address, the due date, the
options, what the reviewers will see, and the invitation per reviewer language (the email form's drafts, kept in
ComposeState). Rules: panel_review.choosing and panel_review.sending."""

from dataclasses import dataclass
from typing import ClassVar

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES
from ats_app.handling.further_progress import explain
from ats_app.handling.ui.compose_state import ComposeState, draft_rows, language_of_field
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.mail import compose
from ats_app.panel_review import choosing, panels
from ats_app.panel_review.material import Sharing
from ats_app.panel_review.sending import MAX_REVIEWERS, OPTION_DEFAULTS, PANEL_REVIEW, PanelForm

RIGHT = panels.RIGHT
CARD_LINES = 3
LINE_MAX = 240


@dataclass
class InternalRow:
    """A user of the department, ticked or not."""

    id: int
    name: str
    email: str
    language: str
    ticked: bool = False


@dataclass
class OutsideRow:
    """An outside reviewer's row (or a remembered one offered as a quick pick)."""

    email: str = ""
    name: str = ""
    language: str = "en"


class PanelState(ComposeState):
    """The form's own values; the sender and the drafts live in ComposeState."""

    FORM: ClassVar[str] = "panel_review"
    internal: list[InternalRow] = []
    outside: list[OutsideRow] = []
    remembered: list[OutsideRow] = []
    due_date: str = ""
    earliest: str = ""
    latest: str = ""
    options: dict[str, bool] = dict(OPTION_DEFAULTS)
    card_name: str = ""
    card_city: str = ""
    card_applied: str = ""
    card_lines: list[str] = []
    _department_id: int | None = None

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        """Fill the form for the ticked applicants (Execute opens it)."""
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        try:
            choices = await run_in_session(choosing.reviewer_choices, user, ids)
        except (InvalidChoice, NotAllowed) as refused:
            further.errors = dict([explain(refused, user.language)])
            self.internal, self.outside, self.remembered = [], [], []
            return
        self.internal = [InternalRow(c.id, c.name, c.email, c.language) for c in choices.internal]
        self.remembered = [OutsideRow(c.email, c.name, c.language) for c in choices.outside]
        self.outside = [OutsideRow(language=user.language)]
        self.options, self.due_date = dict(OPTION_DEFAULTS), ""
        self.earliest, self.latest = await run_in_session(choosing.due_date_range)
        self._department_id = choices.department_id
        compose_state = await self.get_state(ComposeState)
        compose_state.sender = compose.default_sender(user, PANEL_REVIEW.key)
        compose_state.recipient_editable, compose_state.recipient = False, ""
        drafts = await run_in_session(compose.drafts_from_template, choosing.KIND, [user.language],
                                      self._department_id)
        compose_state._use_template(choosing.KIND, drafts)
        await self._load_card(ids)

    async def _ids(self) -> list[int]:
        return await (await self.get_state(FurtherProgressState))._chosen_ids()

    async def _load_card(self, ids: list[int] | None = None) -> None:
        """What the reviewers will see of the first ticked applicant, with the ticks as they are now."""
        user = current_user()
        sharing = Sharing(**{k: self.options[k] for k in ("share_cv", "share_cover_letter", "share_answers",
                                                           "anonymise")})
        try:
            shown = await run_in_session(choosing.preview, user, ids if ids is not None else await self._ids(), sharing,
                                         user.language)
        except (InvalidChoice, NotAllowed):
            shown = None
        self.card_name = shown.name if shown else ""
        self.card_city = shown.city if shown else ""
        self.card_applied = shown.applied if shown else ""
        self.card_lines = [p[:LINE_MAX] + ("…" if len(p) > LINE_MAX else "") for p in shown.cv_text[:CARD_LINES]] \
            if shown else []

    def _languages(self) -> list[str]:
        """The languages the chosen reviewers read, in the order they were chosen."""
        found = [r.language for r in self.internal if r.ticked] + [r.language for r in self.outside if r.email]
        return list(dict.fromkeys(language for language in found if language in LANGUAGES))

    async def _sync_drafts(self) -> None:
        """A draft for each language the reviewers read: new languages start from the template, edits are kept."""
        compose_state = await self.get_state(ComposeState)
        languages = self._languages() or [d.language for d in compose_state.drafts[:1]]
        have = {d.language: d for d in compose_state.drafts}
        missing = [language for language in languages if language not in have]
        new = {d.language: d for d in await run_in_session(compose.drafts_from_template, choosing.KIND, missing,
                                                           self._department_id)} if missing else {}
        rows = draft_rows([new[lang] for lang in missing])
        compose_state.drafts = [have[lang] if lang in have else next(r for r in rows if r.language == lang)
                                for lang in languages]
        if compose_state.language not in languages:
            compose_state.language = languages[0]
        compose_state.preview_html = ""

    async def _clear_error(self, *fields: str) -> None:
        further = await self.get_state(FurtherProgressState)
        further.errors = {k: v for k, v in further.errors.items() if k not in fields and k != "reviewers"}

    async def _form(self) -> PanelForm:
        compose_state = await self.get_state(ComposeState)
        return PanelForm(application_ids=await self._ids(), internal=[r.id for r in self.internal if r.ticked],
                         external=[{"email": r.email, "name": r.name, "language": r.language} for r in self.outside],
                         due_date=self.due_date, **compose_state._email_form(), **self.options)

    @rx.event
    @requires(RIGHT)
    async def toggle_internal(self, user_id: int):
        """Tick or untick a user of the department."""
        self.internal = [InternalRow(r.id, r.name, r.email, r.language, not r.ticked) if r.id == user_id else r
                         for r in self.internal]
        await self._clear_error("internal")
        await self._sync_drafts()

    @rx.event
    @requires(RIGHT)
    async def add_outside(self):
        """Add reviewer: one more row for an outside address."""
        if len(self.outside) < MAX_REVIEWERS:
            self.outside = [*self.outside, OutsideRow(language=current_user().language)]

    @rx.event
    @requires(RIGHT)
    async def remove_outside(self, index: int):
        """Take an outside reviewer's row away."""
        self.outside = [r for i, r in enumerate(self.outside) if i != index] or [OutsideRow(
            language=current_user().language)]
        further = await self.get_state(FurtherProgressState)
        further.errors = {k: v for k, v in further.errors.items() if not k.startswith("external:")}
        await self._sync_drafts()

    @rx.event
    @requires(RIGHT)
    async def set_outside(self, index: int, field: str, value: str):
        """An outside reviewer's address, name or language changed."""
        if field not in ("email", "name", "language") or not 0 <= index < len(self.outside):
            return
        value = str(value)[:254] if field != "language" else (value if value in LANGUAGES else "en")
        self.outside = [OutsideRow(**{**vars(r), field: value}) if i == index else r
                        for i, r in enumerate(self.outside)]
        await self._clear_error(f"external:{index}")
        if field != "name":
            await self._sync_drafts()

    @rx.event
    @requires(RIGHT)
    async def pick_remembered(self, email: str):
        """A remembered outside reviewer was picked: into the first empty row, else a new one."""
        picked = next((r for r in self.remembered if r.email == email), None)
        if picked is None or any(r.email.lower() == email.lower() for r in self.outside):
            return
        rows = list(self.outside)
        empty = next((i for i, r in enumerate(rows) if not r.email and not r.name), None)
        if empty is None:
            rows.append(OutsideRow(picked.email, picked.name, picked.language))
        else:
            rows[empty] = OutsideRow(picked.email, picked.name, picked.language)
        self.outside = rows[:MAX_REVIEWERS]
        await self._clear_error()
        await self._sync_drafts()

    @rx.event
    @requires(RIGHT)
    async def set_option(self, name: str, value: bool):
        """A tick box changed ("Do not allow …" boxes say the opposite of the option)."""
        opposite = {"no_rating": "allow_rating", "no_comments": "allow_comments"}
        key = opposite.get(name, name)
        if key not in self.options:
            return
        self.options = {**self.options, key: (not value) if name in opposite else bool(value)}
        await self._clear_error("allow_rating")
        if key.startswith("share_") or key == "anonymise":
            await self._load_card()

    @rx.event
    @requires(RIGHT)
    async def set_due_date(self, value: str):
        """The due date changed."""
        self.due_date = str(value)[:10]
        await self._clear_error("due_date")

    @rx.event
    @requires(RIGHT)
    async def show_email_preview(self):
        """The invitation in the language shown, as a reviewer will read it."""
        user = current_user()
        compose_state = await self.get_state(ComposeState)
        further = await self.get_state(FurtherProgressState)
        draft = next((d for d in compose_state.drafts if d.language == compose_state.language), None)
        if draft is None:
            return
        try:
            shown = compose.Draft(draft.language, draft.subject, draft.body)
            compose_state.preview_html = await run_in_session(choosing.email_preview, user, await self._ids(), shown,
                                                              choosing.parse_day(self.due_date))
            compose_state.preview_name = choosing.EXAMPLE_REVIEWER
        except (InvalidChoice, NotAllowed) as refused:
            compose_state.preview_html = ""
            further.errors = dict([explain(refused, user.language)])
            compose_state._show_draft_error(further.errors)

    @rx.event
    @requires(RIGHT)
    async def send_panel(self):
        """Send: one panel for the ticked applicants, an invitation per reviewer (checked by the rules)."""
        further = await self.get_state(FurtherProgressState)
        if further.dialog != PANEL_REVIEW.key or further.action != PANEL_REVIEW.key:
            return None
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html = ""  # errors show on the form, not behind a preview
        outcome = await further._run(await self._form())
        for field in further.errors:
            if language_of_field(field):
                compose_state.language = language_of_field(field)
        return outcome

    @rx.var
    def ticked_count(self) -> int:
        """How many reviewers are chosen."""
        return sum(r.ticked for r in self.internal) + sum(bool(r.email) for r in self.outside)

    @rx.var
    def no_rating(self) -> bool:
        return not self.options.get("allow_rating", True)

    @rx.var
    def no_comments(self) -> bool:
        return not self.options.get("allow_comments", True)

