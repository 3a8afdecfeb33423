"""Email templates: each kind of email in each language, edited, previewed for a real candidate, reset."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.mail.kinds import KINDS
from ats_app.mail.ui.templates_state import EmailTemplatesState, KindRow, TemplateCell
from ats_app.ui.forms import NATIVE_SELECT, Choice
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t, t_choice

KIND_LABELS = {kind.code: kind.label for kind in KINDS}
SOURCES = {"default": N_("Our default text"), "organisation": N_("Edited for the whole organisation"),
           "department": N_("Edited for this department")}
_LABEL = {"font_weight": "500", "font_size": "14px"}


def _cell(cell: TemplateCell) -> rx.Component:
    return rx.table.cell(rx.button(
        rx.cond(cell.edited, t("Edited"), rx.cond(cell.inherits, t("Organisation"), t("Default"))),
        size="1", variant=rx.cond(cell.edited, "solid", "soft"), color_scheme=rx.cond(cell.edited, "teal", "gray"),
        on_click=EmailTemplatesState.open_template(cell.kind, cell.language), class_name="template-cell",
        id="template-" + cell.kind + "-" + cell.language))


def _kind_row(row: KindRow) -> rx.Component:
    return rx.table.row(rx.table.row_header_cell(t_choice(row.kind, KIND_LABELS)), rx.foreach(row.cells, _cell))


def _list() -> rx.Component:
    return rx.card(rx.table.root(
        rx.table.header(rx.table.row(rx.table.column_header_cell(t("Email")),
                                     *[rx.table.column_header_cell(name) for name in LANGUAGES.values()])),
        rx.table.body(rx.foreach(EmailTemplatesState.kinds, _kind_row)), size="1", variant="ghost",
        id="templates-table"), width="100%")


def _error(name: str) -> rx.Component:
    return rx.cond(EmailTemplatesState.errors.contains(name),
                   rx.text(EmailTemplatesState.errors[name], color_scheme="red", size="2", class_name="field-error",
                           id=f"error-template-{name}"))


def _editor() -> rx.Component:
    return rx.card(rx.vstack(
        rx.hstack(rx.heading(t_choice(EmailTemplatesState.kind, KIND_LABELS), size="4"),
                  rx.badge(rx.match(EmailTemplatesState.language, *[(code, name) for code, name in LANGUAGES.items()],
                                    EmailTemplatesState.language)),
                  rx.badge(t_choice(EmailTemplatesState.source, SOURCES), color_scheme="gray", variant="soft",
                           id="template-source"),
                  align="center", spacing="3", wrap="wrap"),
        rx.el.label(t("Subject"), html_for="template-subject", **_LABEL),
        rx.input(value=EmailTemplatesState.subject, on_change=lambda v: EmailTemplatesState.edit("subject", v),
                 id="template-subject", width="100%"),
        _error("subject"),
        rx.el.label(t("Content"), html_for="template-body", **_LABEL),
        rx.text_area(value=EmailTemplatesState.body, on_change=lambda v: EmailTemplatesState.edit("body", v),
                     id="template-body", rows="16",
                     width="100%", resize="vertical"),
        _error("body"),
        rx.text(t("Blank line: new paragraph. **bold**, *italic*, lines starting with - make a list, "
                  "[text](https://…) a link."), size="1", color_scheme="gray"),
        rx.text(t("Tags you can use:"), " ",
                rx.foreach(EmailTemplatesState.tags, lambda tag: rx.code(tag, margin_right="4px")),
                size="1", color_scheme="gray", id="template-tags"),
        rx.cond(EmailTemplatesState.notice != "",
                rx.callout(EmailTemplatesState.notice, icon="check", size="1", id="template-notice")),
        rx.hstack(
            rx.button(t("Save"), on_click=EmailTemplatesState.save, id="template-save"),
            rx.button(t("Preview"), variant="soft", on_click=EmailTemplatesState.preview, id="template-preview-button"),
            rx.cond(EmailTemplatesState.source != "default",
                    rx.button(t("Reset to default"), variant="soft", color_scheme="red",
                              on_click=EmailTemplatesState.reset_to_default, id="template-reset")),
            rx.spacer(),
            rx.button(t("Back to the list"), variant="soft", color_scheme="gray",
                      on_click=EmailTemplatesState.close_editor, id="template-close"),
            width="100%", spacing="3"),
        spacing="2", width="100%"), width="100%")


def _preview_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(EmailTemplatesState.preview_subject),
        rx.text(t("Preview for"), " ", rx.text.strong(EmailTemplatesState.preview_name), size="2"),
        rx.el.iframe(src_doc=EmailTemplatesState.preview_html, sandbox="", title="preview", id="template-preview",
                     style={"width": "100%", "height": "460px", "border": f"1px solid {rx.color('gray', 6)}",
                            "border_radius": "6px", "background": "white", "margin_top": "8px"}),
        rx.hstack(rx.button(t("Close"), variant="soft", color_scheme="gray", on_click=EmailTemplatesState.close_preview,
                            id="template-preview-close"), justify="end", margin_top="12px"),
        max_width="760px"), open=EmailTemplatesState.preview_html != "")


def _department_option(option: Choice) -> rx.Component:
    return rx.el.option(option.label, value=option.value)


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Email templates"), N_("The emails candidates receive, in every language.")),
        rx.hstack(rx.el.label(t("Department"), html_for="templates-department", **_LABEL),
                  rx.el.select(rx.el.option(t("Whole organisation"), value=""),
                               rx.foreach(EmailTemplatesState.departments, _department_option),
                               value=EmailTemplatesState.department,
                               on_change=EmailTemplatesState.set_department, id="templates-department",
                               **NATIVE_SELECT),
                  align="center", spacing="3"),
        rx.cond(EmailTemplatesState.kind != "", _editor(), _list()),
        _preview_dialog(),
        spacing="4", width="100%")


@rx.page(route="/email-templates", title="Email templates · Nordlys ATS",
         on_load=[AuthState.require_login, EmailTemplatesState.load])
def email_templates_page() -> rx.Component:
    """Email templates, for users with the edit-templates right."""
    return shell(rx.cond(AuthState.user_rights.contains("can_edit_templates"), _content(),
                         rx.callout(t("You do not have the right to do this."), icon="lock", color_scheme="red")),
                 active_route="/email-templates", on_locale_change=EmailTemplatesState.load)
