"""The email form of Further progress: Send email, Send offer, Save and send, Forward to email.

One editable draft per language among the chosen applicants (a tab each), the sender, the recipient
when it can be chosen, a rendered preview per language, and the Forward options. Checking and sending
are the rules' (mail.compose and each action's module); this keeps the form's small values. The
rejection and invitation wizards are this form with steps of their own (substates of it).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import LANGUAGES, gettext
from ats_app.handling import further_progress
from ats_app.handling.forward import FORWARD, ForwardForm
from ats_app.handling.send_email import SEND_EMAIL
from ats_app.handling.ui.further_progress_state import ActionForm, FurtherProgressState
from ats_app.mail import compose
from ats_app.mail.compose import CUSTOM, EmailForm
from ats_app.mail.kinds import kind_for

BODY_MAX = 20_000


@dataclass
class DraftRow:
    """One language's draft in the form."""

    language: str
    name: str
    subject: str
    body: str


def draft_rows(drafts: list[compose.Draft]) -> list[DraftRow]:
    """Drafts as the form's tabs show them (with the language's name)."""
    return [DraftRow(d.language, LANGUAGES.get(d.language, d.language), d.subject, d.body) for d in drafts]


def language_of_field(field: str) -> str:
    """The language a draft field's error names ("body:nb" → "nb"), else ""."""
    return field.split(":", 1)[1] if ":" in field else ""


class ComposeState(ActionForm, FurtherProgressState):
    """The email form's values (a substate: it lives and dies with Further progress)."""

    FORM: ClassVar[str] = "compose"
    sender: str = ""
    recipient: str = ""
    recipient_editable: bool = False
    drafts: list[DraftRow] = []
    language: str = ""
    starting_point: str = ""
    tags: list[str] = []
    note: str = ""
    anonymise: bool = False
    without_attachments: bool = False
    preview_html: str = ""
    preview_name: str = ""
    draft_kind: str = CUSTOM  # the template kind the drafts are checked and previewed as

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        """Fill the form for action on ids (Execute opens it)."""
        user = current_user()
        self.preview_html = self.preview_name = self.note = self.starting_point = ""
        self.anonymise = self.without_attachments = False
        self.sender = compose.default_sender(user, action.key)
        if action.key == FORWARD.key:  # to a colleague: a recipient, a note and two options, no drafts
            self.recipient, self.recipient_editable, self.drafts, self.tags = "", True, [], []
            return
        self.recipient_editable = action.key == SEND_EMAIL.key and len(ids) == 1
        self.recipient = await run_in_session(compose.candidate_email, ids[0]) if self.recipient_editable else ""
        languages = await run_in_session(compose.languages_of, ids) or [user.language]
        drafts = await run_in_session(compose.starting_drafts, action.template_kind, languages, ids[0])
        self._use_template(action.template_kind, drafts)

    def _use_template(self, kind: str, drafts: list[compose.Draft]) -> None:
        """Drafts of kind (the wizards' email steps load their type's template this way)."""
        self.draft_kind = kind
        self.drafts = draft_rows(drafts)
        self.language = self.drafts[0].language if self.drafts else ""
        self.tags = ["{" + tag + "}" for tag in kind_for(kind).tags]
        self.preview_html = ""

    def _email_form(self) -> EmailForm:
        """The sender, the drafts and (when it can be chosen) the recipient, as the rules read them."""
        form = EmailForm(sender=self.sender,
                         drafts=[{"language": d.language, "subject": d.subject, "body": d.body} for d in self.drafts])
        if self.recipient_editable:
            form["recipient"] = self.recipient
        return form

    async def _form(self) -> Mapping:
        if self.action == FORWARD.key:
            return ForwardForm(recipient=self.recipient, sender=self.sender, note=self.note,
                               anonymise=self.anonymise, without_attachments=self.without_attachments)
        return self._email_form()

    def _show_draft_error(self, errors: dict[str, str]) -> None:
        """Show the tab of the language whose draft has the problem."""
        for field in errors:
            if language_of_field(field):
                self.language = language_of_field(field)
                break

    @rx.event
    @requires()
    async def set_field(self, name: str, value: str | bool):
        """A plain field changed: sender, recipient, note, or a Forward option."""
        further = await self.get_state(FurtherProgressState)
        if name in ("sender", "recipient"):
            setattr(self, name, str(value)[:320])
        elif name == "note":
            self.note = str(value)[:4000]
        elif name in ("anonymise", "without_attachments"):
            setattr(self, name, bool(value))
        further.errors = {k: v for k, v in further.errors.items() if k != name}

    @rx.event
    @requires()
    async def show_language(self, language: str | list[str]):
        """Show the draft in another language (a tab)."""
        language = language[0] if isinstance(language, list) else language
        if any(d.language == language for d in self.drafts):
            self.language = language
            self.preview_html = ""

    @rx.event
    @requires()
    async def edit_draft(self, part: str, value: str):
        """The subject or content of the language shown changed."""
        if part not in ("subject", "body"):
            return
        further = await self.get_state(FurtherProgressState)
        limit = BODY_MAX if part == "body" else 300
        self.drafts = [DraftRow(d.language, d.name, **{"subject": d.subject, "body": d.body, part: str(value)[:limit]})
                       if d.language == self.language else d for d in self.drafts]
        further.errors = {k: v for k, v in further.errors.items() if k != f"{part}:{self.language}"}

    @rx.event
    @requires()
    async def start_from(self, kind: str):
        """Send email: start from a template (or blank), in every language of the form."""
        kind = kind if kind in compose.STARTING_POINTS else ""
        self.starting_point = kind
        languages = [d.language for d in self.drafts]
        drafts = (await run_in_session(compose.drafts_from_template, kind, languages) if kind
                  else compose.blank_drafts(languages))
        shown = self.language
        self.drafts = draft_rows(drafts)
        self.language = shown if shown in languages else (self.drafts[0].language if self.drafts else "")
        self.preview_html = ""

    @rx.event
    @requires()
    async def show_preview(self):
        """Render the language shown for a real applicant, as the email will look."""
        await self._preview(await self._chosen_ids(), {})

    async def _preview(self, ids: list[int], extra: dict[str, str], language: str = "") -> None:
        """The draft of the language shown (or of language, else the first), rendered for the first of ids in
        its language (extra: tag values the form adds, such as the rejection's message); a problem shows next
        to its field instead."""
        user = current_user()
        further = await self.get_state(FurtherProgressState)
        draft = next((d for d in self.drafts if d.language == (language or self.language)), None)
        if draft is None and language and self.drafts:
            draft = self.drafts[0]
        if draft is None:
            return
        try:
            self.preview_name, self.preview_html = await run_in_session(
                compose.preview, user, ids, compose.Draft(draft.language, draft.subject, draft.body), self.draft_kind,
                extra)
        except InvalidChoice as refused:
            self.preview_html = ""
            further.errors = {refused.field: gettext(user.language, refused.message).format(**refused.params)}
            self._show_draft_error(further.errors)

    @rx.event
    @requires()
    async def hide_preview(self):
        """Back to editing."""
        self.preview_html = ""

    @rx.event
    @requires()
    async def send(self):
        """The form's Send button: run the action with the form's values (checked by the rules)."""
        further = await self.get_state(FurtherProgressState)
        if not further.dialog or further.dialog != further.action or \
                further_progress.action_for(further.dialog).form != self.FORM:
            return None
        self.preview_html = ""  # errors show on the form, not behind a preview
        outcome = await further._run(await self._form())
        self._show_draft_error(further.errors)
        return outcome

    @rx.var
    def shown_subject(self) -> str:
        """The subject of the language shown."""
        return next((d.subject for d in self.drafts if d.language == self.language), "")

    @rx.var
    def shown_body(self) -> str:
        """The content of the language shown."""
        return next((d.body for d in self.drafts if d.language == self.language), "")
