"""The email form of Further progress: Send email, Send offer, Save and send, Forward to email.

One editable draft per language among the chosen applicants (a tab each), the sender, the recipient
when it can be chosen, a rendered preview per language, and the Forward options. Checking and
sending are the services' (email_compose, email_actions, forward); this keeps the form's small values.
"""

from dataclasses import dataclass

import reflex as rx

from ats_app.mail import compose as compose
from ats_app.mail.kinds import kind_for
from ats_app.core.i18n import LANGUAGES, gettext
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidChoice

# The template kind each email action's drafts are written in ("custom": the candidate tags only).
KIND_OF = {"send_email": "custom", "offer": "offer", "save_and_send": "candidate_saved"}
COMPOSED = tuple(KIND_OF) + ("forward",)
BODY_MAX = 20_000


@dataclass
class DraftRow:
    """One language's draft in the form."""

    language: str
    name: str
    subject: str
    body: str


def _candidate_email(session, application_id: int) -> str:
    from ats_app.models import Application, Candidate

    application = session.get(Application, application_id)
    candidate = session.get(Candidate, application.candidate_id) if application else None
    return candidate.email if candidate else ""


def _project_department(session, application_id: int) -> int | None:
    from ats_app.models import Application, RecruitmentProject

    application = session.get(Application, application_id)
    project = session.get(RecruitmentProject, application.project_id) if application else None
    return project.department_id if project else None


class ComposeState(FurtherProgressState):
    """The email form's values (a substate: it lives and dies with Further progress)."""

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
    draft_kind: str = "custom"  # the template kind the drafts are checked and previewed as

    async def _open(self, action: str, ids: list[int]) -> None:
        """Fill the form for action on ids (called by FurtherProgressState.execute)."""
        user = current_user()
        self.preview_html = self.preview_name = self.note = self.starting_point = ""
        self.anonymise = self.without_attachments = False
        self.sender = compose.default_sender(user, action)
        if action == "forward":
            self.recipient, self.recipient_editable, self.drafts, self.tags = "", True, [], []
            return
        self.recipient_editable = action == "send_email" and len(ids) == 1
        self.recipient = await run_in_session(_candidate_email, ids[0]) if self.recipient_editable else ""
        languages = await run_in_session(compose.languages_of, ids) or [user.language]
        kind = KIND_OF[action]
        self.draft_kind = kind
        if kind == "custom":
            drafts = compose.blank_drafts(languages)
        else:
            department = await run_in_session(_project_department, ids[0])
            drafts = await run_in_session(compose.drafts_from_template, kind, languages, department)
        self._set_drafts(drafts)
        self.tags = ["{" + tag + "}" for tag in kind_for(kind).tags]

    def _use_template(self, kind: str, drafts) -> None:
        """Drafts of kind (the rejection wizard's step 2 loads its type's template this way)."""
        self.draft_kind = kind
        self._set_drafts(drafts)
        self.tags = ["{" + tag + "}" for tag in kind_for(kind).tags]
        self.preview_html = ""

    def _set_drafts(self, drafts) -> None:
        self.drafts = [DraftRow(d.language, LANGUAGES.get(d.language, d.language), d.subject, d.body) for d in drafts]
        self.language = self.drafts[0].language if self.drafts else ""

    def _form_choices(self) -> dict:
        choices = {"sender": self.sender,
                   "drafts": [{"language": d.language, "subject": d.subject, "body": d.body} for d in self.drafts]}
        if self.recipient_editable:
            choices["recipient"] = self.recipient
        if self.action == "forward":
            choices.update(note=self.note, anonymise=self.anonymise, without_attachments=self.without_attachments)
        return choices

    @rx.event
    @requires()
    async def set_field(self, name: str, value: str | bool):
        """A plain field changed: sender, recipient, note, or a Forward option."""
        if name in ("sender", "recipient"):
            setattr(self, name, str(value)[:320])
        elif name == "note":
            self.note = str(value)[:4000]
        elif name in ("anonymise", "without_attachments"):
            setattr(self, name, bool(value))
        self.errors = {k: v for k, v in self.errors.items() if k != name}

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
        limit = BODY_MAX if part == "body" else 300
        self.drafts = [DraftRow(d.language, d.name, **{"subject": d.subject, "body": d.body, part: str(value)[:limit]})
                       if d.language == self.language else d for d in self.drafts]
        self.errors = {k: v for k, v in self.errors.items() if k != f"{part}:{self.language}"}

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
        self._set_drafts(drafts)
        self.language = shown if shown in languages else self.language
        self.preview_html = ""

    @rx.event
    @requires()
    async def show_preview(self):
        """Render the language shown for a real applicant, as the email will look."""
        user = current_user()
        draft = next((d for d in self.drafts if d.language == self.language), None)
        if draft is None:
            return
        ids = await self._chosen_ids()
        try:
            self.preview_name, self.preview_html = await run_in_session(
                compose.preview, user, ids, compose.Draft(draft.language, draft.subject, draft.body),
                self.draft_kind)
        except InvalidChoice as refused:
            self.preview_html = ""
            self.errors = {refused.field: gettext(user.language, refused.message).format(**refused.params)}

    @rx.event
    @requires()
    async def hide_preview(self):
        """Back to editing."""
        self.preview_html = ""

    @rx.event
    @requires()
    async def send(self):
        """The form's Send button: run the action with the form's values (checked by the services)."""
        if self.dialog not in COMPOSED or self.action != self.dialog:
            return
        further = await self.get_state(FurtherProgressState)
        further._extra_choices = self._form_choices()
        outcome = await further._run()
        for field in further.errors:  # show the tab whose draft has the problem
            if ":" in field:
                self.language = field.split(":", 1)[1]
                break
        return outcome

    @rx.var
    def shown_subject(self) -> str:
        """The subject of the language shown."""
        return next((d.subject for d in self.drafts if d.language == self.language), "")

    @rx.var
    def shown_body(self) -> str:
        """The content of the language shown."""
        return next((d.body for d in self.drafts if d.language == self.language), "")
