"""The Contracts page's state: one page of template rows, the template in the editor, and its preview."""

import asyncio
import json
from dataclasses import dataclass
from datetime import date

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.contracts import preview, previews, template_library
from ats_app.contracts.documents import CONTRACT_TAGS
from ats_app.contracts.variables import TYPES, Variable, sample_value
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, format_moment, gettext
from ats_app.mail.markup import html_to_markdown
from ats_app.organisation import structure
from ats_app.ui.forms import Choice

RIGHT = template_library.RIGHT


@dataclass
class TemplateView:
    """One row of the list."""

    id: int
    title: str
    language: str
    version: int
    updated: str
    archived: bool


@dataclass
class TemplateGroup:
    """The templates of one department (or the whole organisation)."""

    department: str
    templates: list[TemplateView]


@dataclass
class VariableRow:
    """One self-defined variable in the editor."""

    index: int
    key: str
    label: str
    type: str


@dataclass
class VersionView:
    """One line of the version history."""

    version: int
    saved_by: str
    saved_at: str
    contracts: int


@dataclass
class SampleValue:
    """An example value for one variable in the preview."""

    key: str
    label: str
    type: str
    value: str


class ContractsState(rx.State):
    """The list and its filters, the editor (template_id 0: a new template) and the preview."""

    groups: list[TemplateGroup] = []
    departments: list[Choice] = []
    filter_department: str = ""
    filter_language: str = ""
    show_archived: bool = False
    editing: bool = False
    template_id: int = 0
    title: str = ""
    department: str = ""
    language: str = "en"
    body: str = ""
    variables: list[VariableRow] = []
    archived: bool = False
    history: list[VersionView] = []
    current_version: int = 0
    errors: dict[str, str] = {}
    notice: str = ""
    applicants: list[Choice] = []
    applicant_search: str = ""
    applicant: str = ""
    offered: list[str] = []  # the applicants (ids) with a current offer: the offer's tags have values
    samples: list[SampleValue] = []
    preview_html: str = ""
    pdf_link: str = ""

    async def _drop_pdf(self) -> None:
        """The preview PDF holds personal data: remove its file (off the event loop), not just the link."""
        key, self.pdf_link = previews.key_of_link(self.pdf_link), ""
        if key:
            await asyncio.to_thread(previews.discard, key)

    def _scope(self) -> int | None:
        if self.filter_department == "organisation":
            return template_library.ORGANISATION
        return int(self.filter_department) if self.filter_department.isdigit() else None

    async def _reload(self) -> None:
        user = current_user()
        rows = await run_in_session(template_library.templates_for, user, department_id=self._scope(),
                                    language=self.filter_language or None, include_archived=self.show_archived)
        organisation = gettext(user.language, "Whole organisation")
        groups: dict[str, TemplateGroup] = {}
        for row in rows:
            name = row.department or organisation
            groups.setdefault(name, TemplateGroup(name, [])).templates.append(TemplateView(
                row.id, row.title, row.language, row.version,
                format_moment(row.updated_at, user.language, user.time_zone), row.archived))
        self.groups = list(groups.values())

    @rx.event
    @requires(RIGHT)
    async def load(self):
        """Open the page on the list."""
        _positions, departments = await run_in_session(structure.positions_and_departments)
        self.departments = [Choice(str(i), name) for i, name in departments]
        self.editing, self.notice, self.preview_html = False, "", ""
        await self._drop_pdf()
        await self._reload()

    @rx.event
    @requires(RIGHT)
    async def set_filter(self, part: str, value: str):
        """The list's department, language or archived filter changed."""
        if part == "department":
            self.filter_department = value if value in {"organisation", *(d.value for d in self.departments)} else ""
        elif part == "language":
            self.filter_language = value if value in LANGUAGES else ""
        elif part == "archived":
            self.show_archived = bool(value)
        await self._reload()

    def _open(self, title: str, department: str, language: str, body: str, variables: list[dict]) -> None:
        self.title, self.department, self.language, self.body = title, department, language, body
        self.variables = [VariableRow(i, str(v["key"]), str(v["label"]), str(v["type"]))
                          for i, v in enumerate(variables)]
        self.editing, self.errors, self.notice, self.preview_html, self.pdf_link = True, {}, "", "", ""

    @rx.event
    @requires(RIGHT)
    async def new_template(self):
        """An empty template for the whole organisation in the user's language."""
        language = current_user().language
        await self._drop_pdf()
        self._open("", "", language if language in LANGUAGES else "en", "", [])
        self.template_id, self.archived, self.history, self.current_version = 0, False, [], 0

    @rx.event
    @requires(RIGHT)
    async def open_template(self, template_id: int):
        """Open a template's current version in the editor, with its history."""
        user = current_user()
        try:
            template, version = await run_in_session(template_library.template_to_edit, user, int(template_id))
        except InvalidChoice:
            await self._reload()
            return
        await self._drop_pdf()
        self._open(template.title, str(template.department_id or ""), template.language,
                   html_to_markdown(version.body_html), list(version.variables or []))
        self.template_id, self.archived = int(template.id), template.archived_at is not None
        await self._load_history()

    async def _load_history(self) -> None:
        user = current_user()
        rows = await run_in_session(template_library.versions_of, self.template_id)
        self.history = [VersionView(r.version, r.saved_by, format_moment(r.saved_at, user.language, user.time_zone),
                                    r.contracts) for r in rows]
        self.current_version = rows[0].version if rows else 0

    @rx.event
    @requires(RIGHT)
    async def edit(self, part: str, value: str):
        """The title, department, language or body in the editor changed."""
        value = str(value)
        if part == "title":
            self.title = value[:300]
        elif part == "department":
            self.department = value if value in {d.value for d in self.departments} else ""
        elif part == "language":
            self.language = value if value in LANGUAGES else self.language
        elif part == "body":
            self.body = value[:template_library.BODY_MAX + 1000]
        self.errors = {k: v for k, v in self.errors.items() if k != part}

    @rx.event
    @requires(RIGHT)
    async def insert_tag(self, tag: str):
        """Put a listed tag into the content where the cursor is (the browser reports the new text)."""
        if tag not in self.tags:
            return None
        script = ("(() => { const el = document.getElementById('contract-body'); if (!el) return null;"
                  " const start = el.selectionStart ?? el.value.length, end = el.selectionEnd ?? start;"
                  f" return el.value.slice(0, start) + {json.dumps(tag)} + el.value.slice(end); }})()")
        return rx.call_script(script, callback=ContractsState.tag_inserted)

    @rx.event
    @requires(RIGHT)
    async def tag_inserted(self, text: str | None):
        """The content with the tag put in (from insert_tag)."""
        if isinstance(text, str):
            self.body = text[:template_library.BODY_MAX + 1000]

    @rx.event
    @requires(RIGHT)
    async def add_variable(self):
        """A new empty variable row."""
        self.variables = [*self.variables, VariableRow(len(self.variables), "", "", "text")]

    @rx.event
    @requires(RIGHT)
    async def remove_variable(self, index: int):
        """Remove a variable row."""
        kept = [row for row in self.variables if row.index != int(index)]
        self.variables = [VariableRow(i, r.key, r.label, r.type) for i, r in enumerate(kept)]
        self.errors = {k: v for k, v in self.errors.items() if not k.startswith("variables.")}

    @rx.event
    @requires(RIGHT)
    async def edit_variable(self, index: int, part: str, value: str):
        """A variable row's key, label or type changed."""
        rows = list(self.variables)
        index = int(index)
        if 0 <= index < len(rows) and part in ("key", "label", "type"):
            row = rows[index]
            value = str(value)[:120]
            rows[index] = VariableRow(index, value if part == "key" else row.key,
                                      value if part == "label" else row.label,
                                      (value if value in TYPES else row.type) if part == "type" else row.type)
            self.variables = rows
            self.errors = {k: v for k, v in self.errors.items() if k != f"variables.{index}.{part}"}

    def _variable_dicts(self) -> list[dict]:
        return [{"key": r.key, "label": r.label, "type": r.type} for r in self.variables]

    def _department_id(self) -> int | None:
        return int(self.department) if self.department.isdigit() else None

    def _refused(self, refused: InvalidChoice) -> None:
        language = current_user().language
        self.errors = {refused.field: gettext(language, refused.message).format(**refused.params)}

    @rx.event
    @requires(RIGHT)
    async def save(self):
        """Save: a new version when the text or the variables changed (the old one stays as it was)."""
        user = current_user()
        try:
            version = await run_in_session(
                template_library.save_template, user, self.template_id or None, title=self.title,
                department_id=self._department_id(), language=self.language, body_text=self.body,
                variables=self._variable_dicts())
        except InvalidChoice as refused:
            self._refused(refused)
            return
        except NotAllowed:
            self.notice = gettext(user.language, "You do not have the right to do this.")
            return
        self.template_id, self.errors = int(version.template_id), {}
        self.variables = [VariableRow(i, v["key"], v["label"], v["type"]) for i, v in enumerate(version.variables)]
        await self._load_history()
        self.notice = gettext(user.language, "Saved as version {version}.").format(version=version.version)
        await self._reload()

    @rx.event
    @requires(RIGHT)
    async def toggle_archived(self):
        """Archive the template (no longer offered) or bring it back."""
        user = current_user()
        if not self.template_id:
            return
        template = await run_in_session(template_library.set_archived, user, self.template_id, not self.archived)
        self.archived = template.archived_at is not None
        self.notice = (gettext(user.language, "Archived: no longer offered for new contracts.") if self.archived
                       else gettext(user.language, "Back in use."))
        await self._reload()

    @rx.event
    @requires(RIGHT)
    async def close_editor(self):
        """Back to the list without saving."""
        self.editing, self.preview_html = False, ""
        await self._drop_pdf()
        await self._reload()

    async def _find_applicants(self) -> None:
        found = await run_in_session(preview.preview_applicants, current_user(), self.applicant_search)
        self.applicants = [Choice(str(a.application_id), f"{a.name} · {a.project}") for a in found]
        self.offered = [str(a.application_id) for a in found if a.has_offer]
        if self.applicant not in {c.value for c in self.applicants}:
            self.applicant = self.applicants[0].value if self.applicants else ""

    @rx.event
    @requires(RIGHT)
    async def open_preview(self):
        """Show the preview panel: recent applicants to choose from and example values for the variables."""
        user = current_user()
        await self._find_applicants()
        today = date.today()
        old = {s.key: s.value for s in self.samples}
        self.samples = [SampleValue(r.key, r.label, r.type,
                                    old.get(r.key) or sample_value(Variable(r.key, r.label, r.type), today))
                        for r in self.variables if r.key]
        if not self.applicants:
            self.errors = {"application": gettext(user.language, "No applicant to preview with yet.")}
            return
        await self.render_preview()

    @rx.event
    @requires(RIGHT)
    async def search_applicants(self, value: str):
        """The applicant search box changed."""
        self.applicant_search = str(value)[:100]
        await self._find_applicants()

    @rx.event
    @requires(RIGHT)
    async def choose_applicant(self, value: str):
        """Preview for another applicant."""
        if value in {c.value for c in self.applicants}:
            self.applicant = value
            await self.render_preview()

    @rx.event
    @requires(RIGHT)
    async def set_sample(self, key: str, value: str):
        """An example value changed."""
        self.samples = [SampleValue(s.key, s.label, s.type, str(value)[:500] if s.key == key else s.value)
                        for s in self.samples]

    def _preview_args(self) -> dict:
        return {"title": self.title, "language": self.language, "body_text": self.body,
                "variables": self._variable_dicts(), "values": {s.key: s.value for s in self.samples}}

    @rx.event
    @requires(RIGHT)
    async def render_preview(self):
        """Render the document in the editor for the chosen applicant."""
        if not self.applicant.isdigit():
            return
        try:
            self.preview_html = await run_in_session(preview.preview_html, current_user(), int(self.applicant),
                                                     **self._preview_args())
            self.errors = {}
            await self._drop_pdf()  # the PDF was of the text before
        except InvalidChoice as refused:
            self._refused(refused)
            self.preview_html = ""

    @rx.event
    @requires(RIGHT)
    async def make_pdf(self):
        """Print the preview as the PDF a contract would be, and link to it."""
        if not self.applicant.isdigit():
            return
        previous = previews.key_of_link(self.pdf_link)
        try:
            self.pdf_link = await run_in_session(preview.preview_pdf_link, current_user(), int(self.applicant),
                                                 previous_key=previous, **self._preview_args())
        except InvalidChoice as refused:
            self._refused(refused)

    @rx.event
    @requires(RIGHT)
    async def close_preview(self):
        """Back to the editor."""
        self.preview_html, self.applicants = "", []
        await self._drop_pdf()

    @rx.var
    def tags(self) -> list[str]:
        """The tags the body may use: the contract's and the variables' keys."""
        return ["{" + tag + "}" for tag in CONTRACT_TAGS] + ["{" + r.key + "}" for r in self.variables if r.key]
