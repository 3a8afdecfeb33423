"""The "New recruitment project" button and its dialog on the Recruitment overview: a title, a department and
the languages, then on to the project's edit page (the project starts as a Draft)."""

import reflex as rx
from sqlmodel import Session

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidInput, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_, gettext
from ats_app.projects import editing
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice, error_for
from ats_app.ui.translate import t

EDITORS = tuple(role.value for role in editing.EDITORS)
NOT_ALLOWED = N_("You do not have the right to do this.")


def _create(session: Session, user, form: editing.ProjectForm) -> int:
    return int(editing.create_project(session, user, form).id)


def _departments(session: Session) -> list[tuple[int, str]]:
    return editing.editor_choices(session).departments


class NewProjectState(rx.State):
    """The dialog's fields as typed and their errors."""

    open: bool = False
    title: str = ""
    department_id: str = ""
    languages: list[str] = []
    departments: list[Choice] = []
    errors: dict[str, str] = {}

    @rx.event
    @requires(roles=EDITORS)
    async def start(self):
        """Open the dialog, empty, in the user's own language."""
        user = current_user()
        self.departments = [Choice(str(i), name) for i, name in await run_in_session(_departments)]
        self.title, self.department_id, self.errors = "", "", {}
        self.languages, self.open = [user.language if user.language in LANGUAGES else "en"], True

    @rx.event
    @requires()
    async def cancel(self):
        """Close the dialog without creating anything."""
        self.open, self.errors = False, {}

    @rx.event
    @requires(roles=EDITORS)
    async def set_title(self, value: str):
        """The title as typed."""
        self.title = str(value)[:editing.TITLE_MAX + 50]
        self.errors = {k: v for k, v in self.errors.items() if k != "title"}

    @rx.event
    @requires(roles=EDITORS)
    async def set_department(self, value: str):
        """The department chosen."""
        self.department_id = str(value)
        self.errors = {k: v for k, v in self.errors.items() if k != "department_id"}

    @rx.event
    @requires(roles=EDITORS)
    async def toggle_language(self, code: str, ticked: bool):
        """A language ticked on or off (the first one ticked is the main one)."""
        if code in LANGUAGES:
            rest = [c for c in self.languages if c != code]
            self.languages = rest + [code] if ticked is True else rest
            self.errors = {k: v for k, v in self.errors.items() if k != "languages"}

    @rx.event
    @requires(roles=EDITORS)
    async def create(self):
        """Create the Draft and open its edit page."""
        user = current_user()
        form = editing.ProjectForm(title=self.title, department_id=self.department_id, languages=list(self.languages))
        try:
            project_id = await run_in_session(_create, user, form)
        except InvalidInput as refused:
            self.errors = {k: gettext(user.language, v) for k, v in refused.errors.items()}
            return None
        except NotAllowed:
            self.errors = {"title": gettext(user.language, NOT_ALLOWED)}
            return None
        self.open = False
        return rx.redirect(f"/projects/{project_id}/edit")


def _option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label, value=choice.value)


def new_project_dialog() -> rx.Component:
    """The dialog (opened by the button)."""
    s = NewProjectState
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(t("New recruitment project")),
        rx.text(t("The project starts as a draft: write the advert and publish it when it is ready."), size="2",
                color_scheme="gray"),
        rx.vstack(
            rx.el.label(t("Title"), html_for="new-project-title", **LABEL),
            rx.input(value=s.title, on_change=s.set_title, id="new-project-title", width="100%", max_length=300),
            error_for(s.errors, "title"),
            rx.el.label(t("Department"), html_for="new-project-department", **LABEL),
            rx.el.select(rx.el.option(t("Choose…"), value=""), rx.foreach(s.departments, _option),
                         value=s.department_id, on_change=s.set_department, id="new-project-department",
                         **{**NATIVE_SELECT, "width": "100%"}),
            error_for(s.errors, "department_id"),
            rx.text(t("Advertised in"), **LABEL),
            rx.flex(*[rx.checkbox(name, checked=s.languages.contains(code),
                                  on_change=lambda v, code=code: s.toggle_language(code, v),
                                  id="new-project-language-" + code) for code, name in LANGUAGES.items()],
                    wrap="wrap", spacing="4"),
            error_for(s.errors, "languages"),
            spacing="2", width="100%", margin_top="12px"),
        rx.hstack(rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=s.cancel,
                            id="new-project-cancel"),
                  rx.button(t("Create project"), on_click=s.create, id="new-project-create"),
                  justify="end", spacing="3", margin_top="16px", width="100%"),
        id="new-project-dialog", max_width="560px"), open=s.open)


def new_project_button() -> rx.Component:
    """The overview's button (for admins and recruiters)."""
    return rx.button(rx.icon("plus", size=16), t("New recruitment project"), on_click=NewProjectState.start,
                     id="new-project")
