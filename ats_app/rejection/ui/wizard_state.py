"""The rejection wizard: step 1 the type, reason, message and internal note; step 2 the email per
language, when it leaves, who is left out and who gets a call instead. Rules: rejection.reject and
rejection.proposal."""

from dataclasses import dataclass
from typing import ClassVar

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.applications.stages import email_kind
from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import LANGUAGES, gettext
from ats_app.handling.ui.compose_state import ComposeState, language_of_field
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.mail import compose
from ats_app.rejection import proposal, reject
from ats_app.rejection.reject import REJECT, RejectionForm
from ats_app.ui.forms import Choice

STEP_ONE_FIELDS = ("rejection_type", "reason", "message", "note")


@dataclass
class RejectRow:
    """A ticked applicant in the wizard."""

    id: int
    name: str
    language: str  # the language's name, as shown
    language_code: str
    stage: str
    email: bool
    call: bool


class RejectState(ComposeState):
    """The wizard's own values; the email drafts live in ComposeState."""

    FORM: ClassVar[str] = "reject"
    step: int = 1
    types: list[str] = []
    reasons: list[Choice] = []
    rejection_type: str = ""
    reason: str = ""
    message: str = ""
    note: str = ""
    timing: str = "now"
    delay_days: str = "3"
    rows: list[RejectRow] = []
    _drafts_for: str = ""  # the type and languages the step-2 drafts were loaded for

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        """Fill step 1 for the ticked applicants (Execute opens the wizard)."""
        user = current_user()
        proposed = await run_in_session(proposal.propose, ids)
        people = await run_in_session(proposal.applicants, ids, proposed.stages)
        call = set(proposed.call_instead)
        self.rows = [RejectRow(p.application_id, p.name, LANGUAGES.get(p.language, p.language), p.language, p.stage,
                               p.application_id not in call, p.application_id in call) for p in people]
        self.types = await run_in_session(proposal.type_codes)
        self.reasons = [Choice(code, label) for code,
                        label in await run_in_session(proposal.reason_choices, user.language)]
        self.rejection_type, self.reason, self.message, self.note = proposed.type_code, "", "", ""
        self._use_delay(proposed.delay_days)
        self.step, self._drafts_for = 1, ""
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html = ""
        compose_state.sender = compose.default_sender(user, REJECT.key)
        compose_state.recipient_editable = False

    def _use_delay(self, days: int) -> None:
        """The type's default from Settings: a delay means "Send in N days" is preselected."""
        self.timing = "later" if days > 0 else "now"
        self.delay_days = str(max(1, days))

    def _decision(self) -> RejectionForm:
        return RejectionForm(rejection_type=self.rejection_type, reason=self.reason, message=self.message,
                             note=self.note)

    async def _form(self) -> RejectionForm:
        compose_state = await self.get_state(ComposeState)
        return RejectionForm(**compose_state._email_form(), **self._decision(), timing=self.timing,
                             delay_days=self.delay_days, leave_out=[r.id for r in self.rows if not r.email],
                             call_instead=[r.id for r in self.rows if r.call])

    @rx.event
    @requires("can_reject")
    async def set_choice(self, name: str, value: str):
        """A field of the wizard changed."""
        further = await self.get_state(FurtherProgressState)
        if name == "rejection_type" and value in self.types:
            self.rejection_type = value
            self._use_delay(await run_in_session(proposal.delay_for, value))
        elif name == "reason" and value in {c.value for c in self.reasons} | {""}:
            self.reason = value
        elif name in ("message", "note"):
            setattr(self, name, str(value)[:reject.MESSAGE_MAX])
        elif name == "timing" and value in reject.TIMINGS:
            self.timing = value
        elif name == "delay_days":
            self.delay_days = str(value)[:3]
        further.errors = {k: v for k, v in further.errors.items() if k != name}

    @rx.event
    @requires("can_reject")
    async def toggle(self, application_id: int, what: str):
        """Email this applicant or not; call instead or not (a call replaces the email)."""
        rows = []
        for row in self.rows:
            if row.id == application_id and what == "email":
                row = RejectRow(row.id, row.name, row.language, row.language_code, row.stage, not row.email,
                                row.call and row.email)
            elif row.id == application_id and what == "call":
                row = RejectRow(row.id, row.name, row.language, row.language_code, row.stage, row.email and row.call,
                                not row.call)
            rows.append(row)
        self.rows = rows  # email on turns the call off and the other way round: a call replaces the email

    @rx.event
    @requires("can_reject")
    async def next_step(self):
        """Step 1 → 2: check the type and reason, load the type's email in each language present."""
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        try:
            await run_in_session(reject.check_decision, self._decision())
        except InvalidChoice as refused:
            further.errors = {refused.field: gettext(user.language, refused.message).format(**refused.params)}
            return
        ids = [row.id for row in self.rows]
        kind = email_kind(self.rejection_type)
        languages = await run_in_session(compose.languages_of, ids) or [user.language]
        loaded_for = f"{kind}|{','.join(languages)}"
        if loaded_for != self._drafts_for and ids:  # a new type: its template; the same one: the edits are kept
            drafts = await run_in_session(compose.starting_drafts, kind, languages, ids[0])
            (await self.get_state(ComposeState))._use_template(kind, drafts)
            self._drafts_for = loaded_for
        further.errors, self.step = {}, 2

    @rx.event
    @requires("can_reject")
    async def back_step(self):
        """Back to the type and reason (the edited email is kept until the type changes)."""
        self.step = 1

    @rx.event
    @requires("can_reject")
    async def preview_for(self, application_id: int):
        """Step 2: the email as this applicant will read it."""
        row = next((r for r in self.rows if r.id == application_id), None)
        if row is not None:
            await (await self.get_state(ComposeState))._preview([row.id], {"message": self.message},
                                                                row.language_code)

    @rx.event
    @requires("can_reject")
    async def send_rejection(self):
        """Send: reject every ticked applicant with the wizard's choices (checked by the rules)."""
        further = await self.get_state(FurtherProgressState)
        if further.dialog != REJECT.key or further.action != REJECT.key:
            return None
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html = ""  # errors show on the form, not behind a preview
        outcome = await further._run(await self._form())
        for field in further.errors:
            if field in STEP_ONE_FIELDS:
                self.step = 1
            elif language_of_field(field):
                compose_state.language = language_of_field(field)
        return outcome
