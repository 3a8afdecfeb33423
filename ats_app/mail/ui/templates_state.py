"""The Email templates page: every kind × language, edited in a small text format, previewed, reset."""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, gettext
from ats_app.mail import templates
from ats_app.mail.kinds import KINDS_BY_CODE
from ats_app.mail.markup import html_to_markdown
from ats_app.mail.template_preview import preview_template
from ats_app.organisation import structure
from ats_app.ui.forms import Choice


@dataclass
class TemplateCell:
    """One kind in one language on the list: edited here, or the default (or the organisation's)."""

    kind: str
    language: str
    edited: bool
    inherits: bool


@dataclass
class KindRow:
    """One kind with its cells, one per language."""

    kind: str
    label: str
    cells: list[TemplateCell]


class EmailTemplatesState(rx.State):
    """The list, the department shown, and the template open in the editor."""

    kinds: list[KindRow] = []
    departments: list[Choice] = []
    department: str = ""
    kind: str = ""
    kind_label: str = ""
    language: str = ""
    subject: str = ""
    body: str = ""
    source: str = ""
    tags: list[str] = []
    errors: dict[str, str] = {}
    notice: str = ""
    preview_html: str = ""
    preview_subject: str = ""
    preview_name: str = ""

    def _department_id(self) -> int | None:
        return int(self.department) if self.department.isdigit() else None

    async def _reload(self) -> None:
        rows = await run_in_session(templates.template_rows, self._department_id())
        grouped: dict[str, KindRow] = {}
        for row in rows:
            grouped.setdefault(row["kind"], KindRow(row["kind"], row["label"], [])).cells.append(
                TemplateCell(row["kind"], row["language"], row["edited"], row["inherits"]))
        self.kinds = list(grouped.values())

    @rx.event
    @requires("can_edit_templates")
    async def load(self):
        """Open the page: the list for the organisation (no department)."""
        _positions, departments = await run_in_session(structure.positions_and_departments)
        self.departments = [Choice(str(i), name) for i, name in departments]
        self.kind, self.notice = "", ""
        await self._reload()

    @rx.event
    @requires("can_edit_templates")
    async def set_department(self, value: str):
        """Edit the templates of one department (or, empty, the organisation's)."""
        self.department = value if value in {d.value for d in self.departments} else ""
        self.kind = ""
        await self._reload()

    @rx.event
    @requires("can_edit_templates")
    async def open_template(self, kind: str, language: str):
        """Open kind × language in the editor."""
        if kind not in KINDS_BY_CODE or language not in LANGUAGES:
            return
        found = await run_in_session(templates.template_for, kind, language, self._department_id())
        self.kind, self.language, self.kind_label = kind, language, KINDS_BY_CODE[kind].label
        self.subject, self.body = found.subject, html_to_markdown(found.body_html)
        self.source, self.errors, self.notice, self.preview_html = found.source, {}, "", ""
        self.tags = ["{" + tag + "}" for tag in KINDS_BY_CODE[kind].tags]

    @rx.event
    @requires("can_edit_templates")
    async def edit(self, part: str, value: str):
        """The subject or content in the editor changed."""
        if part == "subject":
            self.subject = str(value)[:300]
        elif part == "body":
            self.body = str(value)[:20_000]
        self.errors = {k: v for k, v in self.errors.items() if k != part}

    def _refused(self, refused: InvalidChoice, language: str) -> None:
        self.errors = {refused.field: gettext(language, refused.message).format(**refused.params)}

    @rx.event
    @requires("can_edit_templates")
    async def save(self):
        """Save the edited version (its tags are checked, its HTML cleaned)."""
        user = current_user()
        try:
            await run_in_session(templates.save_template, user, self.kind, self.language, self._department_id(),
                                 self.subject, self.body)
        except InvalidChoice as refused:
            self._refused(refused, user.language)
            return
        except NotAllowed:
            self.notice = gettext(user.language, "You do not have the right to do this.")
            return
        self.notice = gettext(user.language, "Saved. New emails of this kind use this text.")
        self.source = "department" if self._department_id() else "organisation"
        await self._reload()

    @rx.event
    @requires("can_edit_templates")
    async def reset_to_default(self):
        """Remove the edited version; the default text (or the organisation's) applies again."""
        user = current_user()
        await run_in_session(templates.reset_template, user, self.kind, self.language, self._department_id())
        kind, language = self.kind, self.language
        await self._reload()
        found = await run_in_session(templates.template_for, kind, language, self._department_id())
        self.subject, self.body, self.source = found.subject, html_to_markdown(found.body_html), found.source
        self.notice = gettext(user.language, "Reset to the default text.")

    @rx.event
    @requires("can_edit_templates")
    async def preview(self):
        """Render the text in the editor for a real candidate writing this language."""
        user = current_user()
        try:
            templates.check_template(self.kind, self.subject, self.body)
            self.preview_name, self.preview_subject, self.preview_html = await run_in_session(
                preview_template, user, self.kind, self.language, self.subject, self.body)
        except InvalidChoice as refused:
            self._refused(refused, user.language)

    @rx.event
    @requires("can_edit_templates")
    async def close_preview(self):
        """Back to the editor."""
        self.preview_html = ""

    @rx.event
    @requires("can_edit_templates")
    async def close_editor(self):
        """Back to the list without saving."""
        self.kind, self.preview_html = "", ""
