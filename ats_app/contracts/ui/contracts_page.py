"""Contracts: the contract templates per department and language, edited with their own variables,
saved as versions and previewed for a real applicant (as the page and as the PDF)."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.contracts.template_library import RIGHT
from ats_app.contracts.ui.contracts_state import (
    ContractsState,
    SampleValue,
    TemplateGroup,
    TemplateView,
    VariableRow,
    VersionView,
)
from ats_app.contracts.variables import TYPES
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice, error_for
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t

_LANGUAGE_NAMES = [(code, name) for code, name in LANGUAGES.items()]


def _language_name(code) -> rx.Component:
    return rx.match(code, *_LANGUAGE_NAMES, code)


def _option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label, value=choice.value)


def _template_row(row: TemplateView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.link(row.title, on_click=ContractsState.open_template(row.id), cursor="pointer",
                              class_name="contract-template-title")),
        rx.table.cell(_language_name(row.language)),
        rx.table.cell(row.version, class_name="contract-template-version"),
        rx.table.cell(row.updated),
        rx.table.cell(rx.cond(row.archived, rx.badge(t("Archived"), color_scheme="gray"))),
        class_name="contract-template-row")


def _group(group: TemplateGroup) -> rx.Component:
    return rx.card(rx.vstack(
        rx.heading(group.department, size="3"),
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(t(label)) for label in (
                N_("Title"), N_("Language"), N_("Version"), N_("Updated"), N_("Status"))])),
            rx.table.body(rx.foreach(group.templates, _template_row)), size="1", variant="ghost", width="100%"),
        spacing="2", width="100%"), width="100%", class_name="contract-group")


def _filters() -> rx.Component:
    return rx.hstack(
        rx.el.label(t("Department"), html_for="contracts-department", **LABEL),
        rx.el.select(rx.el.option(t("All"), value=""), rx.el.option(t("Whole organisation"), value="organisation"),
                     rx.foreach(ContractsState.departments, _option), value=ContractsState.filter_department,
                     on_change=lambda v: ContractsState.set_filter("department", v), id="contracts-department",
                     **NATIVE_SELECT),
        rx.el.label(t("Language"), html_for="contracts-language", **LABEL),
        rx.el.select(rx.el.option(t("All"), value=""),
                     *[rx.el.option(name, value=code) for code, name in _LANGUAGE_NAMES],
                     value=ContractsState.filter_language, id="contracts-language",
                     on_change=lambda v: ContractsState.set_filter("language", v), **NATIVE_SELECT),
        rx.checkbox(t("Show archived"), checked=ContractsState.show_archived, id="contracts-archived",
                    on_change=lambda v: ContractsState.set_filter("archived", v)),
        rx.spacer(),
        rx.button(rx.icon("plus", size=14), t("New contract template"), on_click=ContractsState.new_template,
                  id="contracts-new"),
        align="center", spacing="3", wrap="wrap", width="100%")


def _list() -> rx.Component:
    return rx.vstack(
        _filters(),
        rx.cond(ContractsState.groups.length() > 0, rx.foreach(ContractsState.groups, _group),
                rx.callout(t("No contract templates match."), icon="info", id="contracts-empty")),
        spacing="3", width="100%")


def _variable_row(row: VariableRow) -> rx.Component:
    return rx.vstack(rx.hstack(
        rx.input(value=row.key, placeholder=t("key, e.g. probation_months"), width="200px",
                 on_change=lambda v: ContractsState.edit_variable(row.index, "key", v), class_name="variable-key"),
        rx.input(value=row.label, placeholder=t("Label the recruiter is asked"), flex="1",
                 on_change=lambda v: ContractsState.edit_variable(row.index, "label", v), class_name="variable-label"),
        rx.el.select(*[rx.el.option(t(label), value=code) for code, label in TYPES.items()], value=row.type,
                     on_change=lambda v: ContractsState.edit_variable(row.index, "type", v),
                     class_name="variable-type", **NATIVE_SELECT),
        rx.icon_button(rx.icon("trash-2", size=14), variant="soft", color_scheme="red", aria_label=t("Remove"),
                       on_click=ContractsState.remove_variable(row.index), class_name="variable-remove"),
        spacing="2", align="center", width="100%"),
        *[rx.cond(ContractsState.errors.contains("variables." + row.index.to_string() + "." + part),
                  rx.text(ContractsState.errors["variables." + row.index.to_string() + "." + part], color_scheme="red",
                          size="2", class_name="field-error")) for part in ("key", "label", "type")],
        spacing="1", width="100%")


def _history_row(row: VersionView) -> rx.Component:
    return rx.table.row(rx.table.cell(row.version), rx.table.cell(row.saved_by), rx.table.cell(row.saved_at),
                        rx.table.cell(row.contracts), class_name="contract-version-row")


def _history() -> rx.Component:
    return rx.cond(ContractsState.history.length() > 0, rx.vstack(
        rx.heading(t("Versions"), size="3"),
        rx.text(t("Each save with a changed text or variables is a new version; a contract keeps the version it "
                  "was made from."), size="1", color_scheme="gray"),
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(t(label)) for label in (
                N_("Version"), N_("Saved by"), N_("Saved"), N_("Contracts made"))])),
            rx.table.body(rx.foreach(ContractsState.history, _history_row)), size="1", variant="ghost",
            id="contract-history"),
        spacing="2", width="100%"))


def _fields() -> rx.Component:
    return rx.vstack(
        rx.el.label(t("Title"), html_for="contract-title", **LABEL),
        rx.input(value=ContractsState.title, on_change=lambda v: ContractsState.edit("title", v), id="contract-title",
                 width="100%"),
        error_for(ContractsState.errors, "title"),
        rx.hstack(
            rx.vstack(rx.el.label(t("Department"), html_for="contract-department", **LABEL),
                      rx.el.select(rx.el.option(t("Whole organisation"), value=""),
                                   rx.foreach(ContractsState.departments, _option), value=ContractsState.department,
                                   on_change=lambda v: ContractsState.edit("department", v), id="contract-department",
                                   **NATIVE_SELECT),
                      error_for(ContractsState.errors, "department"), spacing="1"),
            rx.vstack(rx.el.label(t("Language"), html_for="contract-language", **LABEL),
                      rx.el.select(*[rx.el.option(name, value=code) for code, name in _LANGUAGE_NAMES],
                                   value=ContractsState.language, id="contract-language",
                                   on_change=lambda v: ContractsState.edit("language", v), **NATIVE_SELECT),
                      error_for(ContractsState.errors, "language"), spacing="1"),
            spacing="5"),
        rx.el.label(t("Content"), html_for="contract-body", **LABEL),
        rx.text_area(value=ContractsState.body, on_change=lambda v: ContractsState.edit("body", v), id="contract-body",
                     rows="18", width="100%", resize="vertical"),
        error_for(ContractsState.errors, "body"),
        rx.text(t("Blank line: new paragraph. **bold**, *italic*, lines starting with - make a list, "
                  "[text](https://…) a link."), size="1", color_scheme="gray"),
        rx.text(t("Tags you can use:"), " ",
                rx.foreach(ContractsState.tags, lambda tag: rx.code(tag, margin_right="4px")),
                size="1", color_scheme="gray", id="contract-tags"),
        rx.heading(t("Your own variables"), size="3", margin_top="8px"),
        rx.text(t("Filled in by the recruiter when the contract is made; write {key} in the text where the value "
                  "goes."), size="1", color_scheme="gray"),
        rx.foreach(ContractsState.variables, _variable_row),
        error_for(ContractsState.errors, "variables"),
        rx.button(rx.icon("plus", size=14), t("Add variable"), variant="soft", size="1",
                  on_click=ContractsState.add_variable, id="contract-add-variable"),
        spacing="2", width="100%")


def _editor() -> rx.Component:
    return rx.card(rx.vstack(
        rx.hstack(rx.heading(rx.cond(ContractsState.template_id > 0, t("Edit contract template"),
                                     t("New contract template")), size="4"),
                  rx.cond(ContractsState.current_version > 0,
                          rx.badge(t("Version"), " ", ContractsState.current_version, id="contract-version")),
                  rx.cond(ContractsState.archived, rx.badge(t("Archived"), color_scheme="gray")),
                  align="center", spacing="3"),
        _fields(),
        error_for(ContractsState.errors, "template"),
        rx.cond(ContractsState.notice != "", rx.callout(ContractsState.notice, icon="check", size="1",
                                                        id="contract-notice")),
        rx.hstack(
            rx.button(t("Save"), on_click=ContractsState.save, id="contract-save"),
            rx.button(t("Preview"), variant="soft", on_click=ContractsState.open_preview, id="contract-preview-open"),
            rx.cond(ContractsState.template_id > 0,
                    rx.button(rx.cond(ContractsState.archived, t("Unarchive"), t("Archive")), variant="soft",
                              color_scheme="gray", on_click=ContractsState.toggle_archived, id="contract-archive")),
            rx.spacer(),
            rx.button(t("Back to the list"), variant="soft", color_scheme="gray", on_click=ContractsState.close_editor,
                      id="contract-close"),
            width="100%", spacing="3"),
        error_for(ContractsState.errors, "application"),
        _history(),
        spacing="3", width="100%"), width="100%")


def _sample(sample: SampleValue) -> rx.Component:
    return rx.vstack(
        rx.el.label(sample.label, **LABEL),
        rx.input(value=sample.value, type=rx.cond(sample.type == "date", "date", "text"), class_name="preview-sample",
                 on_change=lambda v: ContractsState.set_sample(sample.key, v), on_blur=ContractsState.render_preview),
        rx.cond(ContractsState.errors.contains("variable:" + sample.key),
                rx.text(ContractsState.errors["variable:" + sample.key], color_scheme="red", size="2",
                        class_name="field-error")),
        spacing="1")


def _preview_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(t("Preview for a real applicant")),
        rx.hstack(
            rx.input(value=ContractsState.applicant_search, placeholder=t("Search by name or email"),
                     on_change=ContractsState.search_applicants.debounce(300), id="contract-preview-search"),
            rx.el.select(rx.foreach(ContractsState.applicants, _option), value=ContractsState.applicant,
                         on_change=ContractsState.choose_applicant, id="contract-preview-applicant", **NATIVE_SELECT),
            spacing="2", wrap="wrap", align="center"),
        error_for(ContractsState.errors, "application"),
        rx.cond(~ContractsState.offered.contains(ContractsState.applicant),
                rx.text(t("This applicant has no offer yet: the offer's tags stay empty."), size="1",
                        color_scheme="gray", id="contract-preview-no-offer")),
        rx.hstack(rx.foreach(ContractsState.samples, _sample), spacing="3", wrap="wrap", margin_top="8px"),
        error_for(ContractsState.errors, "body"),
        rx.el.iframe(src_doc=ContractsState.preview_html, sandbox="", title="contract preview", id="contract-preview",
                     style={"width": "100%", "height": "52vh", "border": f"1px solid {rx.color('gray', 6)}",
                            "border_radius": "6px", "background": "white", "margin_top": "8px"}),
        rx.hstack(
            rx.button(t("Update preview"), variant="soft", on_click=ContractsState.render_preview,
                      id="contract-preview-update"),
            rx.button(rx.icon("file-text", size=14), t("Make the PDF"), variant="soft",
                      on_click=ContractsState.make_pdf, id="contract-preview-pdf"),
            rx.cond(ContractsState.pdf_link != "",
                    rx.link(t("Open the PDF"), href=ContractsState.pdf_link, is_external=True, id="contract-pdf-link")),
            rx.spacer(),
            rx.button(t("Close"), variant="soft", color_scheme="gray", on_click=ContractsState.close_preview,
                      id="contract-preview-close"),
            align="center", spacing="3", margin_top="12px", width="100%"),
        max_width="900px"), open=ContractsState.preview_html != "")


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Contracts"), N_("Employment contract templates per department and language.")),
        rx.cond(ContractsState.editing, _editor(), _list()),
        _preview_dialog(),
        spacing="4", width="100%")


@rx.page(route="/contracts", title="Contracts · Nordlys ATS", on_load=[AuthState.require_login, ContractsState.load])
def contracts_page() -> rx.Component:
    """Contract templates, for users with the right to manage them."""
    return shell(rx.cond(AuthState.user_rights.contains(RIGHT), _content(),
                         rx.callout(t("You do not have the right to do this."), icon="lock", color_scheme="red")),
                 active_route="/contracts", on_locale_change=ContractsState.load)
