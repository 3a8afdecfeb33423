"""The Employment contract dialog: the template per candidate language, the self-defined values, Preview PDF,
the cover email, Send; and the progress of a run."""

import reflex as rx

from ats_app.contracts.ui.contract_state import ContractState, LanguageRow, TemplateChoiceRow, VariableRow
from ats_app.core.i18n import N_
from ats_app.handling.ui.compose_dialog import addresses_block, drafts_block, preview_block
from ats_app.handling.ui.compose_state import ComposeState
from ats_app.handling.ui.further_progress import field_error
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.ui.forms import LABEL, NATIVE_SELECT
from ats_app.ui.translate import t

_SECTION = {"size": "3", "weight": "bold"}
INPUT_TYPES = {"date": "date", "number": "text", "money": "text", "text": "text"}


def _error(key: rx.Var) -> rx.Component:
    return rx.cond(FurtherProgressState.errors.contains(key),
                   rx.text(FurtherProgressState.errors[key], color_scheme="red", size="2", class_name="field-error"))


def _option(choice: TemplateChoiceRow) -> rx.Component:
    return rx.el.option(choice.label, value=choice.id)


def _template_row(row: LanguageRow) -> rx.Component:
    field = "contract-template-" + row.language
    return rx.vstack(
        rx.el.label(t("Template"), " · ", row.name, html_for=field, **LABEL),
        rx.el.select(rx.el.option(t("Choose a template…"), value=""), rx.foreach(ContractState.choices, _option),
                     id=field, value=row.template_id, class_name="contract-template",
                     on_change=lambda v: ContractState.choose_template(row.language, v), width="100%",
                     **NATIVE_SELECT),
        _error("template:" + row.language),
        spacing="1", width="100%")


def _variable(row: VariableRow) -> rx.Component:
    field = "contract-variable-" + row.key
    return rx.vstack(
        rx.el.label(row.label, html_for=field, **LABEL),
        rx.input(value=row.value, id=field, class_name="contract-variable",
                 type=rx.match(row.type, *INPUT_TYPES.items(), "text"),
                 on_change=lambda v: ContractState.set_value(row.key, v), width="100%"),
        _error("variable:" + row.key),
        spacing="1", width="100%")


def _document() -> rx.Component:
    return rx.vstack(
        rx.text(t("The contract"), **_SECTION),
        rx.foreach(ContractState.per_language, _template_row),
        rx.cond(ContractState.choices.length() == 0,
                rx.text(t("There are no contract templates yet: they are made on the Contracts page."), size="2",
                        color_scheme="gray")),
        rx.cond(ContractState.variables.length() > 0, rx.grid(rx.foreach(ContractState.variables, _variable),
                                                              columns=rx.breakpoints(initial="1", sm="2"),
                                                              spacing="3", width="100%")),
        rx.hstack(
            rx.button(rx.icon("file-search", size=14), t("Preview PDF"), variant="soft", size="2",
                      on_click=ContractState.make_preview, id="contract-preview-pdf"),
            rx.cond(ContractState.preview_href != "",
                    rx.link(rx.icon("external-link", size=14), t("Open the preview (PDF)"),
                            href=ContractState.preview_href, is_external=True, id="contract-preview-link", size="2")),
            spacing="3", align="center", wrap="wrap"),
        rx.text(t("The preview is the first ticked applicant's contract; nothing is sent or kept as a contract."),
                size="1", color_scheme="gray"),
        spacing="2", width="100%")


def _form() -> rx.Component:
    return rx.vstack(
        _document(),
        rx.text(t("The cover email"), **_SECTION, margin_top="8px"),
        addresses_block(N_("To: each candidate's own email address, with their contract attached as a PDF.")),
        drafts_block(),
        spacing="3", width="100%")


def contract_dialog() -> rx.Component:
    """The form, open while Further progress waits for the contract's details."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Employment contract")),
            field_error("action"),
            rx.cond(ComposeState.preview_html != "", preview_block(), _form()),
            rx.hstack(
                rx.cond(ComposeState.preview_html == "",
                        rx.button(t("Preview the email"), variant="soft", on_click=ContractState.show_email_preview,
                                  id="contract-email-preview")),
                rx.spacer(),
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=FurtherProgressState.close_dialog,
                          id="contract-cancel"),
                rx.button(t("Send"), on_click=ContractState.send_contracts, id="contract-send",
                          loading=FurtherProgressState.running),
                spacing="3", margin_top="16px", width="100%", wrap="wrap"),
            id="contract-dialog", max_width="820px"),
        open=FurtherProgressState.dialog == "contract")


def contract_progress() -> rx.Component:
    """"12 of 40 contracts made" while a run prints and sends."""
    return rx.cond(ContractState.progress_line != "",
                   rx.text(ContractState.progress_line, size="2", color_scheme="gray", id="contract-progress"))
