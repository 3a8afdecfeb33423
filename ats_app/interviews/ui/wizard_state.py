"""The invitation wizard: 1 the interview (type, how, who, when, where), 2 the email (per language, with
the answer link), 3 the reminders. Rules and checks: interviews.invitation and interviews.reminders."""

from dataclasses import dataclass
from typing import ClassVar

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import gettext
from ats_app.handling.ui.compose_state import ComposeState, DraftRow, draft_rows, language_of_field
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.interviews import invitation, reminders
from ats_app.interviews.details import MODES, TYPES, email_kind
from ats_app.interviews.invitation import INVITE, InvitationForm
from ats_app.mail import compose
from ats_app.ui.forms import Choice

STEP_ONE_FIELDS = ("interview_type", "mode", "recruiters", "date", "duration", "place")


@dataclass
class RecruiterTick:
    """A colleague who may take part, ticked or not."""

    id: int
    name: str
    ticked: bool


class InviteState(ComposeState):
    """The wizard's own values; the invitation drafts live in ComposeState."""

    FORM: ClassVar[str] = "invite"
    step: int = 1
    interview_type: str = "first"
    mode: str = "in_person"
    recruiters: list[RecruiterTick] = []
    day: str = ""
    clock: str = "10:00"
    duration: str = "60"
    place: str = ""
    shared_slot: bool = False
    many: bool = False
    send_email: bool = True
    include_link: bool = True
    reminder: str = "none"
    reminder_days: str = "1"
    reminder_rows: list[DraftRow] = []
    reminder_language: str = ""
    signature: str = ""
    may_sms: bool = False
    no_mobile: list[str] = []
    sms_info: str = ""  # the reminder SMS's length, encoding and parts, as the recruiter sees it
    _loaded_for: str = ""

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        """Fill step 1 for the ticked applicants (Execute opens the wizard)."""
        user = current_user()
        people = await run_in_session(invitation.interviewers)
        self.recruiters = [RecruiterTick(i, name, i == user.id) for i, name in people]
        self.step, self.many, self.shared_slot = 1, len(ids) > 1, False
        self.interview_type, self.mode, self.place, self.day, self.clock, self.duration = \
            "first", "in_person", "", "", "10:00", "60"
        self.send_email, self.reminder, self.reminder_days, self.signature = True, "none", "1", ""
        self.may_sms = reminders.may_use(user, "sms")
        self.no_mobile = await run_in_session(reminders.without_mobile, ids)
        languages = await run_in_session(compose.languages_of, ids) or [user.language]
        self.reminder_rows = draft_rows(await run_in_session(compose.drafts_from_template, reminders.KIND,
                                                             languages))
        self.reminder_language = languages[0]
        self._loaded_for = ""
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html, compose_state.recipient_editable = "", False
        compose_state.sender = compose.default_sender(user, INVITE.key)

    def _slot(self) -> InvitationForm:
        return InvitationForm(interview_type=self.interview_type, mode=self.mode,
                              recruiters=[r.id for r in self.recruiters if r.ticked], date=self.day,
                              time=self.clock, duration=self.duration, place=self.place, shared_slot=self.shared_slot)

    async def _form(self) -> InvitationForm:
        compose_state = await self.get_state(ComposeState)
        return InvitationForm(
            **compose_state._email_form(), **self._slot(), action="send" if self.send_email else "none",
            include_link=self.include_link, reminder=self.reminder, reminder_days=self.reminder_days,
            reminder_signature=self.signature, applicants=await compose_state._chosen_ids(),
            reminder_drafts=[{"language": r.language, "subject": r.subject, "body": r.body}
                             for r in self.reminder_rows])

    @rx.event
    @requires()
    async def set_value(self, name: str, value):
        """A field of the wizard changed."""
        further = await self.get_state(FurtherProgressState)
        text = str(value)[:300]
        if name == "interview_type" and text in TYPES:
            self.interview_type = text
        elif name == "mode" and text in MODES:
            self.mode = text
        elif name in ("day", "clock", "duration", "place", "reminder_days"):
            setattr(self, name, text)
        elif name == "signature":
            self.signature = str(value)[:1000]
        elif name in ("shared_slot", "include_link"):
            setattr(self, name, bool(value))
        elif name == "send_email":
            self.send_email = value in (True, "send")
        elif name == "reminder" and text in reminders.CHANNELS:
            self.reminder = text if reminders.may_use(current_user(), text) else self.reminder
            self._describe_sms()
        elif name == "reminder_language" and text in {r.language for r in self.reminder_rows}:
            self.reminder_language = text
        further.errors = {k: v for k, v in further.errors.items() if k != name}

    def _describe_sms(self) -> None:
        """The SMS reminder as it will read (in the user's language) with its length and parts."""
        if self.reminder not in reminders.SMS_CHANNELS:
            self.sms_info = ""
            return
        user = current_user()
        sample, parts = reminders.sms_sample(user.language, self.interview_type, self.day, self.clock, self.place)
        self.sms_info = gettext(user.language, "SMS: {characters} characters, {encoding}, {parts} part(s)").format(
            characters=parts.characters, encoding=parts.encoding, parts=parts.parts) + f" · «{sample}»"

    @rx.event
    @requires()
    async def toggle_recruiter(self, user_id: int):
        """Tick or untick a recruiter taking part."""
        self.recruiters = [RecruiterTick(r.id, r.name, not r.ticked) if r.id == user_id else r
                           for r in self.recruiters]

    @rx.event
    @requires()
    async def edit_reminder(self, part: str, value: str):
        """The reminder's subject or content in the language shown."""
        if part in ("subject", "body"):
            self.reminder_rows = [DraftRow(r.language, r.name,
                                           **{"subject": r.subject, "body": r.body, part: str(value)[:5000]})
                                  if r.language == self.reminder_language else r for r in self.reminder_rows]

    @rx.event
    @requires()
    async def go_to(self, step: int):
        """Next or Back; leaving step 1 checks the interview and loads the type's invitation in each language
        present."""
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        if step >= 2 and self.step == 1:
            try:
                await run_in_session(invitation.check_slot, self._slot())
            except InvalidChoice as refused:
                further.errors = {refused.field: gettext(user.language, refused.message).format(**refused.params)}
                return
            kind = email_kind(self.interview_type)
            ids = await further._chosen_ids()
            languages = await run_in_session(compose.languages_of, ids) or [user.language]
            if f"{kind}|{languages}" != self._loaded_for:
                drafts = await run_in_session(compose.drafts_from_template, kind, languages)
                (await self.get_state(ComposeState))._use_template(kind, drafts)
                self.include_link = invitation.include_link_by_default([d.body for d in drafts])
                self._loaded_for = f"{kind}|{languages}"
        further.errors = {}
        self.step = max(1, min(3, int(step)))

    @rx.event
    @requires()
    async def send_invitations(self):
        """Send: invite every ticked applicant with the wizard's choices (checked by the rules)."""
        further = await self.get_state(FurtherProgressState)
        if further.dialog != INVITE.key or further.action != INVITE.key:
            return None
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html = ""
        outcome = await further._run(await self._form())
        for field in further.errors:
            if field in STEP_ONE_FIELDS:
                self.step = 1
            elif field.startswith("reminder"):
                self.step = 3
            elif language_of_field(field) or field == "sender":
                self.step = 2
                if language_of_field(field):
                    compose_state.language = language_of_field(field)
        return outcome

    @rx.var
    def reminder_subject(self) -> str:
        """The reminder subject in the language shown."""
        return next((r.subject for r in self.reminder_rows if r.language == self.reminder_language), "")

    @rx.var
    def reminder_body(self) -> str:
        """The reminder content in the language shown."""
        return next((r.body for r in self.reminder_rows if r.language == self.reminder_language), "")

    @rx.var
    def reminder_options(self) -> list[Choice]:
        """Reminder choices; the SMS ones only for users with SMS access."""
        return [Choice(channel, channel) for channel in reminders.CHANNELS
                if channel not in reminders.SMS_CHANNELS or self.may_sms]
