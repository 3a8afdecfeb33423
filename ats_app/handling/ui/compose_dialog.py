"""The email form of Further progress (Send email, Save and send, Forward to email; Send offer is this form with
the terms beside it: offers.ui)."""

import reflex as rx

from ats_app.core.i18n import N_
from ats_app.handling.ui.compose_state import ComposeState, DraftRow
from ats_app.handling.ui.further_progress import field_error
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.mail.compose import STARTING_POINTS
from ats_app.mail.kinds import KINDS_BY_CODE
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.translate import t

TITLES = {"send_email": N_("Send email"),
          "save_and_send": N_("Save and send username/password"), "forward": N_("Forward to email")}
_LABEL = {"font_weight": "500", "font_size": "14px"}


def _draft_error(part: str) -> rx.Component:
    key = part + ":" + ComposeState.language
    return rx.cond(FurtherProgressState.errors.contains(key),
                   rx.text(FurtherProgressState.errors[key], color_scheme="red", size="2",
                           class_name="field-error", id=f"error-{part}"))


def _language_tab(row: DraftRow) -> rx.Component:
    return rx.segmented_control.item(row.name, value=row.language)


def _starting_point() -> rx.Component:
    return rx.cond(FurtherProgressState.dialog == "send_email", rx.hstack(
        rx.el.label(t("Start from"), html_for="compose-template", **_LABEL),
        rx.el.select(rx.el.option(t("A blank email"), value=""),
                     *[rx.el.option(t(KINDS_BY_CODE[k].label), value=k) for k in STARTING_POINTS],
                     id="compose-template", value=ComposeState.starting_point, on_change=ComposeState.start_from,
                     **NATIVE_SELECT),
        align="center", spacing="3"))


def drafts_block(versions_note: str = N_("One version per language: each candidate gets the version in their "
                                         "language.")) -> rx.Component:
    return rx.cond(ComposeState.drafts.length() > 0, rx.vstack(
        _starting_point(),
        rx.cond(ComposeState.drafts.length() == 1,
                rx.text(t("Language"), ": ", ComposeState.drafts[0].name, size="2", color_scheme="gray",
                        id="compose-language")),
        rx.cond(ComposeState.drafts.length() > 1, rx.vstack(
            rx.text(t(versions_note), size="2", color_scheme="gray"),
            rx.segmented_control.root(rx.foreach(ComposeState.drafts, _language_tab), value=ComposeState.language,
                                      on_change=ComposeState.show_language, id="compose-languages"),
            spacing="1")),
        rx.el.label(t("Subject"), html_for="compose-subject", **_LABEL),
        rx.input(value=ComposeState.shown_subject, on_change=lambda v: ComposeState.edit_draft("subject", v),
                 id="compose-subject", width="100%"),
        _draft_error("subject"),
        rx.el.label(t("Content"), html_for="compose-body", **_LABEL),
        rx.text_area(value=ComposeState.shown_body, on_change=lambda v: ComposeState.edit_draft("body", v),
                     id="compose-body",
                     rows="12", width="100%", resize="vertical"),
        _draft_error("body"),
        rx.text(t("Blank line: new paragraph. **bold**, *italic*, lines starting with - make a list, "
                  "[text](https://…) a link."), size="1", color_scheme="gray"),
        rx.text(t("Tags you can use:"), " ",
                rx.foreach(ComposeState.tags, lambda tag: rx.code(tag, margin_right="4px")),
                size="1", color_scheme="gray", id="compose-tags"),
        spacing="2", width="100%"))


def _forward_options() -> rx.Component:
    return rx.cond(FurtherProgressState.dialog == "forward", rx.vstack(
        rx.el.label(t("Message to the recipient (optional)"), html_for="forward-note", **_LABEL),
        rx.text_area(value=ComposeState.note, on_change=lambda v: ComposeState.set_field("note", v), id="forward-note",
                     rows="4", width="100%"),
        field_error("note"),
        rx.checkbox(t("Anonymise personal data"), checked=ComposeState.anonymise, id="forward-anonymise",
                    on_change=lambda v: ComposeState.set_field("anonymise", v)),
        rx.checkbox(t("Do not include attachments/CV"), checked=ComposeState.without_attachments,
                    id="forward-without-attachments",
                    on_change=lambda v: ComposeState.set_field("without_attachments", v)),
        rx.text(t("Anonymised: name, email, phone, address and birth date are left out and removed from the "
                  "cover letter, answers and CV text; the CV is rebuilt from that text."), size="1",
                color_scheme="gray"),
        spacing="2", width="100%"))


def addresses_block(to_note: str = N_("To: each candidate's own email address.")) -> rx.Component:
    return rx.vstack(
        rx.el.label(t("From"), html_for="compose-sender", **_LABEL),
        rx.input(value=ComposeState.sender, on_change=lambda v: ComposeState.set_field("sender", v),
                 id="compose-sender", width="100%"),
        field_error("sender"),
        rx.cond(ComposeState.recipient_editable, rx.vstack(
            rx.el.label(t("To"), html_for="compose-recipient", **_LABEL),
            rx.input(value=ComposeState.recipient, on_change=lambda v: ComposeState.set_field("recipient", v),
                     id="compose-recipient", width="100%", type="email"),
            field_error("recipient"), spacing="2", width="100%"),
                rx.text(t(to_note), size="2", color_scheme="gray")),
        spacing="2", width="100%")


def preview_block() -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.text(t("Preview for"), " ", rx.text.strong(ComposeState.preview_name), size="2"),
                  rx.button(t("Back to editing"), variant="soft", size="1", on_click=ComposeState.hide_preview,
                            id="compose-edit"), justify="between", width="100%"),
        rx.el.iframe(src_doc=ComposeState.preview_html, id="compose-preview", title="preview", sandbox="",
                     style={"width": "100%", "height": "420px", "border": f"1px solid {rx.color('gray', 6)}",
                            "border_radius": "6px", "background": "white"}),
        spacing="2", width="100%")


def compose_dialog() -> rx.Component:
    """The form, open while Further progress waits for an email action's details."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.match(FurtherProgressState.dialog, *[(key, t(title)) for key, title in TITLES.items()],
                                     "")),
            rx.cond(ComposeState.preview_html != "", preview_block(),
                    rx.vstack(addresses_block(), _forward_options(), drafts_block(), spacing="3", width="100%")),
            rx.hstack(
                rx.cond((ComposeState.drafts.length() > 0) & (ComposeState.preview_html == ""),
                        rx.button(t("Preview"), variant="soft", on_click=ComposeState.show_preview,
                                  id="compose-preview-button")),
                rx.spacer(),
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=FurtherProgressState.close_dialog,
                          id="compose-cancel"),
                rx.button(t("Send"), on_click=ComposeState.send, id="compose-send",
                          loading=FurtherProgressState.running),
                spacing="3", margin_top="16px", width="100%"),
            id="compose-dialog", max_width="760px",
        ),
        open=rx.match(FurtherProgressState.dialog, *[(key, True) for key in TITLES], False),
    )
