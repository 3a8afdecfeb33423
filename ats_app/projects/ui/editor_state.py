"""The recruitment project's edit page: the form as typed, the choices its selects offer, the status buttons'
refusals and the history. The rules (projects.editing, publishing, history) decide; this keeps what is typed."""

import re
from dataclasses import dataclass

import reflex as rx
from sqlmodel import Session

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidInput, NotAllowed, ProjectNotFound, ProjectRefused
from ats_app.core.i18n import LANGUAGES, N_, format_moment, gettext
from ats_app.projects import editing, history, publishing, question_drafts, screening
from ats_app.projects.ui.question_rows import QuestionRow, row_of, stored_of
from ats_app.ui.forms import Choice

EDITORS = tuple(role.value for role in editing.EDITORS)
_PATH = re.compile(r"/projects/(\d+)/edit")
SAVED = N_("Your changes are saved.")
NOT_SAVED = N_("Nothing was saved: please correct the fields marked in red.")
NOT_ALLOWED = N_("You do not have the right to do this.")
DONE = {"publish": N_("The project is published and open for applications."),
        "close": N_("The project is closed: it takes no more applications."),
        "reopen": N_("The project is open for applications again."),
        "delete": N_("The project is deleted.")}
TEXT_FIELDS = ("title", "department_id", "position_id", "owner_id", "deadline", "start_date", "positions", "place",
               "employment_type", "auto_reject_after_days")
LIMIT = editing.SECTION_MAX + 100  # what a field keeps as typed (the rules refuse longer)


@dataclass
class HistoryRow:
    at: str
    actor: str
    text: str


def _snapshot(session: Session, user, project_id: int):
    form = editing.project_form(session, user, project_id)
    project = editing.editable_project(session, user, project_id)
    return (form, editing.editor_choices(session, project), project.status, project.title,
            history.project_history(session, project_id, user.language),
            publishing.application_count(session, project_id))


def _history(session: Session, user, project_id: int):
    editing.editable_project(session, user, project_id)
    return history.project_history(session, project_id, user.language)


def _save_then(session: Session, user, project_id: int, form: editing.ProjectForm, change: str):
    editing.update_project(session, user, project_id, form)
    if change:
        getattr(publishing, change)(session, user, project_id)


class ProjectEditorState(rx.State):
    """One project's editor."""

    project_id: int = 0
    not_found: bool = False
    loaded: bool = False
    status: str = ""
    heading: str = ""
    applications: int = 0
    values: dict[str, str] = {}
    recruiter_ids: list[str] = []
    languages: list[str] = []
    adverts: dict[str, dict[str, str]] = {}
    advert_tab: str = "en"
    questions: list[QuestionRow] = []
    auto_reject_on: bool = False
    departments: list[Choice] = []
    positions: list[Choice] = []
    recruiters: list[Choice] = []
    errors: dict[str, str] = {}
    notice: str = ""
    status_error: str = ""
    confirming_delete: bool = False
    history: list[HistoryRow] = []

    def _apply(self, user, found) -> None:
        form, choices, self.status, self.heading, lines, self.applications = found
        self.values = {name: str(getattr(form, name)) for name in TEXT_FIELDS}
        self.auto_reject_on = bool(form.auto_reject_after_days)
        self.recruiter_ids, self.languages = list(form.recruiter_ids), list(form.languages)
        self.adverts = {code: {name: (form.adverts.get(code) or {}).get(name, "") for name in editing.ADVERT_FIELDS}
                        for code in LANGUAGES}
        self.advert_tab = self.languages[0] if self.languages else "en"
        self._set_questions(form.questions)
        self.departments = [Choice(str(i), name) for i, name in choices.departments]
        self.positions = [Choice(str(i), name, str(d or "")) for i, name, d in choices.positions]
        self.recruiters = [Choice(str(i), name) for i, name in choices.recruiters]
        self._show_history(user, lines)

    def _show_history(self, user, lines) -> None:
        self.history = [HistoryRow(format_moment(line.at, user.language, user.time_zone), line.actor, line.text)
                        for line in lines]

    def _set_questions(self, stored: list[dict]) -> None:
        self.questions = [row_of(q, i, len(stored)) for i, q in enumerate(stored)]

    def _stored_questions(self) -> list[dict]:
        return [stored_of(q) for q in self.questions]

    def _form(self) -> editing.ProjectForm:
        values = dict(self.values)
        if not self.auto_reject_on:
            values["auto_reject_after_days"] = ""
        return editing.ProjectForm(**values, recruiter_ids=list(self.recruiter_ids), languages=list(self.languages),
                                   adverts={code: dict(self.adverts.get(code, {})) for code in self.languages},
                                   questions=self._stored_questions())

    async def _reload(self, user) -> None:
        try:
            found = await run_in_session(_snapshot, user, self.project_id)
        except (ProjectNotFound, NotAllowed):
            self.not_found, self.loaded = True, True
            return
        self.not_found, self.loaded = False, True
        self._apply(user, found)

    def _forget(self, *names: str) -> None:
        self.errors = {k: v for k, v in self.errors.items() if k not in names}
        self.notice = ""

    @rx.event
    @requires()
    async def load(self):
        """Open the project named in the address, as stored."""
        user = current_user()
        match = _PATH.search(self.router.url.path)
        self.project_id = int(match.group(1)) if match else 0
        self.errors, self.notice, self.status_error, self.confirming_delete = {}, "", "", False
        if user.role not in EDITORS:
            self.not_found, self.loaded = True, True
            return
        await self._reload(user)

    @rx.event
    @requires(roles=EDITORS)
    async def relabel(self):
        """The UI language changed: the history in the new language, everything typed kept."""
        user = current_user()
        try:
            lines = await run_in_session(_history, user, self.project_id)
        except (ProjectNotFound, NotAllowed):
            return
        self._show_history(user, lines)

    @rx.event
    @requires(roles=EDITORS)
    async def set_value(self, name: str, value: str):
        """A detail field changed (kept as typed until Save)."""
        if name in TEXT_FIELDS:
            self.values = {**self.values, name: str(value)[:LIMIT]}
            self._forget(name, "recruiters" if name == "owner_id" else "")

    @rx.event
    @requires(roles=EDITORS)
    async def toggle_recruiter(self, user_id: str, ticked: bool):
        """Another recruiter was ticked on or off."""
        rest = [i for i in self.recruiter_ids if i != str(user_id)]
        self.recruiter_ids = rest + [str(user_id)] if ticked is True else rest
        self._forget("recruiters")

    @rx.event
    @requires(roles=EDITORS)
    async def toggle_language(self, code: str, ticked: bool):
        """A language the project is advertised in was ticked on or off."""
        if code not in LANGUAGES:
            return
        rest = [c for c in self.languages if c != code]
        self.languages = rest + [code] if ticked is True else rest
        if self.advert_tab not in self.languages and self.languages:
            self.advert_tab = self.languages[0]
        self._forget("languages")

    @rx.event
    @requires(roles=EDITORS)
    async def show_advert(self, code: str | list[str]):
        """Show one language's advert."""
        code = code[0] if isinstance(code, list) and code else code
        if code in LANGUAGES:
            self.advert_tab = str(code)

    @rx.event
    @requires(roles=EDITORS)
    async def set_advert(self, code: str, part: str, value: str):
        """One part of one language's advert changed."""
        if code in LANGUAGES and part in editing.ADVERT_FIELDS:
            self.adverts = {**self.adverts, code: {**self.adverts.get(code, {}), part: str(value)[:LIMIT]}}
            self._forget(f"advert_{code}_{part}")

    @rx.event
    @requires(roles=EDITORS)
    async def set_auto_reject(self, on: bool):
        """Automatic rejection of knocked-out applicants turned on or off."""
        self.auto_reject_on = on is True
        if self.auto_reject_on and not self.values.get("auto_reject_after_days"):
            self.values = {**self.values, "auto_reject_after_days": "3"}
        self._forget("auto_reject_after_days")

    # ------------------------------------------------------------ screening questions

    def _change_question(self, question_id: str, change) -> None:
        stored = self._stored_questions()
        self._set_questions([change(q) if q["id"] == question_id else q for q in stored])
        self._forget(f"question-{question_id}", "questions")

    @rx.event
    @requires(roles=EDITORS)
    async def add_question(self):
        """A new yes/no question at the end of the list."""
        stored = self._stored_questions()
        if len(stored) < screening.MAX_QUESTIONS:
            self._set_questions([*stored, question_drafts.blank_question(stored)])

    @rx.event
    @requires(roles=EDITORS)
    async def remove_question(self, question_id: str):
        """Take a question off the list."""
        self._set_questions([q for q in self._stored_questions() if q["id"] != question_id])
        self._forget(f"question-{question_id}", "questions")

    @rx.event
    @requires(roles=EDITORS)
    async def move_question(self, question_id: str, direction: str):
        """Move a question one place up or down."""
        self._set_questions(question_drafts.moved(self._stored_questions(), question_id, direction))

    @rx.event
    @requires(roles=EDITORS)
    async def set_question_kind(self, question_id: str, kind: str):
        """The kind of question changed (yes/no, one choice, several choices, short text, number)."""
        self._change_question(question_id, lambda q: question_drafts.with_kind(q, str(kind)))

    @rx.event
    @requires(roles=EDITORS)
    async def set_question_mandatory(self, question_id: str, mandatory: bool):
        """Whether the candidate must answer."""
        self._change_question(question_id, lambda q: {**q, "mandatory": mandatory is True})

    @rx.event
    @requires(roles=EDITORS)
    async def set_question_text(self, question_id: str, part: str, code: str, value: str):
        """The question's wording (part "text") or its requirement's (part "requirement") in one language."""
        if part in ("text", "requirement") and code in LANGUAGES:
            self._change_question(question_id, lambda q: {**q, part: {**q[part], code: str(value)[:1000]}})

    @rx.event
    @requires(roles=EDITORS)
    async def set_minimum(self, question_id: str, value: str):
        """A number question's minimum (below it knocks out; empty: none)."""
        self._change_question(question_id, lambda q: {**q, "minimum": str(value)[:20]})

    @rx.event
    @requires(roles=EDITORS)
    async def add_choice(self, question_id: str):
        """One more answer to choose from."""
        self._change_question(question_id, question_drafts.with_choice)

    @rx.event
    @requires(roles=EDITORS)
    async def remove_choice(self, question_id: str, choice_id: str):
        """Take an answer off the question."""
        self._change_question(question_id, lambda q: {**q, "choices": [c for c in q["choices"]
                                                                       if c["id"] != choice_id]})

    @rx.event
    @requires(roles=EDITORS)
    async def set_choice_label(self, question_id: str, choice_id: str, code: str, value: str):
        """An answer's wording in one language."""
        if code in LANGUAGES:
            self._change_question(question_id, lambda q: {**q, "choices": [
                {**c, "label": {**c["label"], code: str(value)[:300]}} if c["id"] == choice_id else c
                for c in q["choices"]]})

    @rx.event
    @requires(roles=EDITORS)
    async def set_knockout(self, question_id: str, choice_id: str, knockout: bool):
        """Whether picking this answer means the candidate does not meet the requirement."""
        self._change_question(question_id, lambda q: {**q, "choices": [
            {**c, "knockout": knockout is True} if c["id"] == choice_id else c for c in q["choices"]]})

    # ------------------------------------------------------------ saving and the status

    async def _run(self, change: str):
        user = current_user()
        self.status_error, self.notice = "", ""
        try:
            await run_in_session(_save_then, user, self.project_id, self._form(), change)
        except InvalidInput as refused:
            self.errors = {k: gettext(user.language, v) for k, v in refused.errors.items()}
            self.notice = gettext(user.language, NOT_SAVED)
            return None
        except ProjectRefused as refused:
            self.errors = {}
            self.status_error = " ".join(gettext(user.language, r).format(**refused.params) for r in refused.reasons)
            return None
        except (ProjectNotFound, NotAllowed):
            self.status_error = gettext(user.language, NOT_ALLOWED)
            return None
        self.errors = {}
        if change == "delete":
            return rx.redirect("/")
        await self._reload(user)
        self.notice = gettext(user.language, DONE.get(change, SAVED))
        return None

    @rx.event
    @requires(roles=EDITORS)
    async def save(self):
        """Store everything on the page."""
        return await self._run("")

    @rx.event
    @requires(roles=EDITORS)
    async def change_status(self, change: str):
        """Save, then publish, close or reopen (each refused with its reason when it may not happen)."""
        if change in ("publish", "close", "reopen"):
            return await self._run(change)
        return None

    @rx.event
    @requires(roles=EDITORS)
    async def ask_delete(self, asking: bool):
        """Show (or hide) the question "Delete this project?"."""
        self.confirming_delete, self.status_error = asking is True, ""

    @rx.event
    @requires(roles=EDITORS)
    async def delete(self):
        """Delete the project (refused when it has applications: close it instead)."""
        user = current_user()
        self.confirming_delete, self.status_error = False, ""
        try:
            await run_in_session(publishing.delete, user, self.project_id)
        except ProjectRefused as refused:
            self.status_error = gettext(user.language, refused.reason).format(**refused.params)
            return None
        except (ProjectNotFound, NotAllowed):
            self.status_error = gettext(user.language, NOT_ALLOWED)
            return None
        return rx.redirect("/")
