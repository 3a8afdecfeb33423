"""The rejection wizard: step 1 the type, reason, message and internal note; step 2 the email per
language, when it leaves, who is left out and who gets a call instead. Rules: services.rejection."""

from dataclasses import dataclass

import reflex as rx

from ats_app.mail import compose as compose
from ats_app.rejection import reject as rejection
from ats_app.core.i18n import LANGUAGES, gettext
from ats_app.handling.ui.compose_state import ComposeState
from ats_app.handling.ui.further_progress_state import Choice, FurtherProgressState
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidChoice

STEP_ONE_FIELDS = ("rejection_type", "reason", "message", "note")


@dataclass
class RejectRow:
    """A ticked applicant in the wizard."""

    id: int
    name: str
    language: str
    stage: str
    email: bool
    call: bool


def _department_of(session, application_id: int):
    from ats_app.models import Application, RecruitmentProject

    application = session.get(Application, application_id)
    project = session.get(RecruitmentProject, application.project_id) if application else None
    return project.department_id if project else None


class RejectState(ComposeState):
    """The wizard's own values; the email drafts live in ComposeState."""

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

    async def _open_wizard(self, ids: list[int]) -> None:
        """Fill step 1 for the ticked applicants (called by FurtherProgressState.execute)."""
        user = current_user()
        proposal = await run_in_session(rejection.propose, ids)
        people = await run_in_session(rejection.applicants, ids, proposal.stages)
        call = set(proposal.call_instead)
        self.rows = [RejectRow(p.application_id, p.name, LANGUAGES.get(p.language, p.language), p.stage,
                               p.application_id not in call, p.application_id in call) for p in people]
        self.types = await run_in_session(rejection.type_codes)
        self.reasons = [Choice(code, label) for code, label in await run_in_session(rejection.reason_choices,
                                                                                     user.language)]
        self.rejection_type, self.reason, self.message, self.note = proposal.type_code, "", "", ""
        self._use_delay(proposal.delay_days)
        self.step, self._drafts_for = 1, ""
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html = ""
        compose_state.sender = compose.default_sender(user, "reject")
        compose_state.recipient_editable = False

    def _use_delay(self, days: int) -> None:
        """The type's default from Settings: a delay means "Send in N days" is preselected."""
        self.timing = "later" if days > 0 else "now"
        self.delay_days = str(max(1, days))

    @rx.event
    @requires("can_reject")
    async def set_choice(self, name: str, value: str):
        """A field of the wizard changed."""
        further = await self.get_state(FurtherProgressState)
        if name == "rejection_type" and value in self.types:
            self.rejection_type = value
            self._use_delay(await run_in_session(rejection.delay_for, value))
        elif name == "reason" and value in {c.value for c in self.reasons} | {""}:
            self.reason = value
        elif name in ("message", "note"):
            setattr(self, name, str(value)[:rejection.MESSAGE_MAX])
        elif name == "timing" and value in rejection.TIMINGS:
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
                row = RejectRow(row.id, row.name, row.language, row.stage, not row.email, row.call and row.email)
            elif row.id == application_id and what == "call":
                row = RejectRow(row.id, row.name, row.language, row.stage, row.email and row.call, not row.call)
            rows.append(row)
        self.rows = rows  # email on turns the call off and the other way round: a call replaces the email

    @rx.event
    @requires("can_reject")
    async def next_step(self):
        """Step 1 → 2: check the type and reason, load the type's email in each language present."""
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        if not self.rejection_type:
            further.errors = {"rejection_type": gettext(user.language, "Choose the rejection type.")}
            return
        if not self.reason:
            further.errors = {"reason": gettext(user.language, "Choose a reason from the list.")}
            return
        ids = [row.id for row in self.rows]
        kind = f"rejection.{self.rejection_type}"
        languages = await run_in_session(compose.languages_of, ids) or [user.language]
        loaded_for = f"{kind}|{','.join(languages)}"
        if loaded_for != self._drafts_for:  # a new type: its template; the same one: the edits are kept
            department = await run_in_session(_department_of, ids[0]) if ids else None
            drafts = await run_in_session(compose.drafts_from_template, kind, languages, department)
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
        user = current_user()
        compose_state = await self.get_state(ComposeState)
        row = next((r for r in self.rows if r.id == application_id), None)
        language = next((code for code, name in LANGUAGES.items() if row and name == row.language), "")
        draft = next((d for d in compose_state.drafts if d.language == language), None) or \
            (compose_state.drafts[0] if compose_state.drafts else None)
        if row is None or draft is None:
            return
        try:
            compose_state.preview_name, compose_state.preview_html = await run_in_session(
                _preview, user, row.id, compose.Draft(draft.language, draft.subject, draft.body),
                compose_state.draft_kind, self.message)
        except InvalidChoice as refused:
            (await self.get_state(FurtherProgressState)).errors = {
                refused.field: gettext(user.language, refused.message).format(**refused.params)}
            if ":" in refused.field:  # show the language whose draft has the problem
                compose_state.language = refused.field.split(":", 1)[1]

    @rx.event
    @requires("can_reject")
    async def send_rejection(self):
        """Send: reject every ticked applicant with the wizard's choices (checked by the service)."""
        further = await self.get_state(FurtherProgressState)
        if further.dialog != "reject" or further.action != "reject":
            return
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html = ""  # errors show on the form, not behind a preview
        further._extra_choices = {
            **compose_state._form_choices(), "rejection_type": self.rejection_type, "reason": self.reason,
            "message": self.message, "note": self.note, "timing": self.timing, "delay_days": self.delay_days,
            "leave_out": [r.id for r in self.rows if not r.email], "call_instead": [r.id for r in self.rows if r.call]}
        outcome = await further._run()
        for field in further.errors:
            if field in STEP_ONE_FIELDS:
                self.step = 1
            elif ":" in field:
                compose_state.language = field.split(":", 1)[1]
        return outcome


def _preview(session, user, application_id: int, draft, kind: str, message: str) -> tuple[str, str]:
    """(name, HTML) of the rejection email for one applicant, with the wizard's message in it."""
    from ats_app.mail.render import TagValues
    from ats_app.mail.tag_values import recipients

    compose.check_drafts(kind, [draft])
    people = recipients(session, [application_id], compose.sender_user(session, user))
    if not people:
        return "", ""
    person = people[0]
    values = TagValues({**person.values.values, "message": message})
    return person.name, compose.render_draft(session, draft, kind, values, person.language).html
