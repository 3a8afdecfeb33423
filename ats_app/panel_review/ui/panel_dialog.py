"""The Send to review panel dialog: reviewers, due date, options, what the reviewers will see, the invitation."""

import reflex as rx

from ats_app.core.i18n import LANGUAGES, N_
from ats_app.handling.ui.compose_dialog import addresses_block, drafts_block, preview_block
from ats_app.handling.ui.compose_state import ComposeState
from ats_app.handling.ui.further_progress import field_error
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.panel_review.ui.panel_state import InternalRow, OutsideRow, PanelState
from ats_app.ui.forms import LABEL, NATIVE_SELECT
from ats_app.ui.translate import t

_SECTION = {"size": "3", "weight": "bold"}


def _internal_row(row: InternalRow) -> rx.Component:
    return rx.checkbox(rx.text(row.name, " ", rx.text.span(row.email, color_scheme="gray", size="1"), size="2"),
                       checked=row.ticked, on_change=lambda _v: PanelState.toggle_internal(row.id),
                       class_name="panel-internal", data_email=row.email)


def _outside_row(row: OutsideRow, index: rx.Var) -> rx.Component:
    key = "external:" + index.to_string()
    return rx.vstack(
        rx.hstack(
            rx.input(value=row.email, placeholder=t("Email address"), type="email", width="44%",
                     on_change=lambda v: PanelState.set_outside(index, "email", v), class_name="panel-outside-email",
                     aria_label=t("Email address")),
            rx.input(value=row.name, placeholder=t("Name"), width="30%", class_name="panel-outside-name",
                     on_change=lambda v: PanelState.set_outside(index, "name", v), aria_label=t("Name")),
            rx.el.select(*[rx.el.option(name, value=code) for code, name in LANGUAGES.items()], value=row.language,
                         on_change=lambda v: PanelState.set_outside(index, "language", v),
                         class_name="panel-outside-language", aria_label=t("Language"), **NATIVE_SELECT),
            rx.icon_button(rx.icon("x", size=14), variant="ghost", color_scheme="gray", size="1",
                           on_click=PanelState.remove_outside(index), aria_label=t("Remove")),
            spacing="2", align="center", width="100%"),
        rx.cond(FurtherProgressState.errors.contains(key),
                rx.text(FurtherProgressState.errors[key], color_scheme="red", size="2", class_name="field-error")),
        spacing="1", width="100%", class_name="panel-outside-row")


def _quick_pick(row: OutsideRow) -> rx.Component:
    return rx.button(rx.cond(row.name != "", row.name, row.email), size="1", variant="soft", color_scheme="gray",
                     on_click=PanelState.pick_remembered(row.email), class_name="panel-remembered", title=row.email)


def _reviewers() -> rx.Component:
    return rx.vstack(
        rx.text(t("Reviewers"), **_SECTION),
        rx.text(t("Internal reviewers"), **LABEL),
        rx.cond(PanelState.internal.length() > 0,
                rx.box(rx.vstack(rx.foreach(PanelState.internal, _internal_row), spacing="1"), max_height="140px",
                       overflow_y="auto", width="100%", padding="6px 8px", id="panel-internal",
                       border=f"1px solid {rx.color('gray', 5)}", border_radius="6px"),
                rx.text(t("No users in the project's department."), size="2", color_scheme="gray")),
        field_error("internal"),
        rx.text(t("Outside reviewers"), **LABEL),
        rx.foreach(PanelState.outside, _outside_row),
        rx.hstack(
            rx.button(rx.icon("plus", size=14), t("Add reviewer"), size="1", variant="soft",
                      on_click=PanelState.add_outside, id="panel-add-reviewer"),
            rx.cond(PanelState.remembered.length() > 0, rx.hstack(
                rx.text(t("Used before:"), size="1", color_scheme="gray"),
                rx.foreach(PanelState.remembered, _quick_pick), spacing="1", wrap="wrap", align="center")),
            spacing="3", align="center", wrap="wrap"),
        field_error("reviewers"),
        spacing="2", width="100%")


def _option(name: str, label: str, checked) -> rx.Component:
    return rx.checkbox(t(label), checked=checked, on_change=lambda v: PanelState.set_option(name, v),
                       id=f"panel-{name.replace('_', '-')}", size="2")


def _options() -> rx.Component:
    return rx.vstack(
        rx.text(t("Due date"), **_SECTION),
        rx.input(type="date", value=PanelState.due_date, on_change=PanelState.set_due_date, id="panel-due-date",
                 min=PanelState.earliest, max=PanelState.latest, width="180px"),
        field_error("due_date"),
        rx.text(t("The reviewers can rate and change their ratings until the end of this day."), size="1",
                color_scheme="gray"),
        rx.text(t("Options"), **_SECTION, margin_top="8px"),
        _option("no_rating", N_("Do not allow rating"), PanelState.no_rating),
        _option("no_comments", N_("Do not allow comments"), PanelState.no_comments),
        field_error("allow_rating"),
        _option("notify_on_completion", N_("Email me each time a reviewer completes"),
                PanelState.options["notify_on_completion"]),
        _option("share_cv", N_("Share the CV"), PanelState.options["share_cv"]),
        _option("share_cover_letter", N_("Share the cover letter"), PanelState.options["share_cover_letter"]),
        _option("share_answers", N_("Share the screening answers"), PanelState.options["share_answers"]),
        _option("anonymise", N_("Anonymise personal data for this panel"), PanelState.options["anonymise"]),
        spacing="2", width="100%")


def _shared(key: str, label: str) -> rx.Component:
    return rx.cond(PanelState.options[key], rx.badge(t(label), variant="soft", color_scheme="teal"))


def _card() -> rx.Component:
    """What the reviewers will see of the first ticked applicant."""
    return rx.vstack(
        rx.text(t("What the reviewers will see"), **_SECTION),
        rx.card(rx.vstack(
            rx.text(PanelState.card_name, weight="bold", id="panel-card-name"),
            rx.text(rx.cond(PanelState.card_city != "", PanelState.card_city + " · ", ""), t("Applied"), " ",
                    PanelState.card_applied, size="1", color_scheme="gray"),
            rx.hstack(_shared("share_cv", N_("CV")), _shared("share_cover_letter", N_("Cover letter")),
                      _shared("share_answers", N_("Screening answers")),
                      rx.cond(PanelState.options["anonymise"],
                              rx.badge(t("Anonymised"), variant="soft", color_scheme="amber")),
                      spacing="1", wrap="wrap", id="panel-card-shared"),
            rx.cond(PanelState.card_lines.length() > 0,
                    rx.vstack(rx.foreach(PanelState.card_lines, lambda line: rx.text(line, size="1")),
                              spacing="1", border_left=f"3px solid {rx.color('gray', 5)}", padding_left="8px"),
                    rx.text(t("No CV text is shared."), size="1", color_scheme="gray")),
            rx.text(t("Contact details are not listed for a panel; the CV itself may hold them unless you "
                      "anonymise."), size="1", color_scheme="gray"),
            spacing="2"), width="100%", id="panel-card"),
        spacing="2", width="100%")


def _form() -> rx.Component:
    return rx.vstack(
        _reviewers(),
        rx.grid(_options(), _card(), columns=rx.breakpoints(initial="1", sm="2"), spacing="5", width="100%"),
        rx.text(t("The invitation"), **_SECTION, margin_top="8px"),
        addresses_block(N_("To: each reviewer, with their own link.")),
        drafts_block(N_("One version per language: each reviewer gets the version in their language.")),
        spacing="3", width="100%")


def panel_dialog() -> rx.Component:
    """The form, open while Further progress waits for the panel's details."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Send to review panel")),
            field_error("action"),
            rx.cond(ComposeState.preview_html != "", preview_block(), _form()),
            rx.hstack(
                rx.cond(ComposeState.preview_html == "",
                        rx.button(t("Preview"), variant="soft", on_click=PanelState.show_email_preview,
                                  id="panel-preview-button")),
                rx.spacer(),
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=FurtherProgressState.close_dialog,
                          id="panel-cancel"),
                rx.button(t("Send"), on_click=PanelState.send_panel, id="panel-send",
                          loading=FurtherProgressState.running),
                spacing="3", margin_top="16px", width="100%"),
            id="panel-dialog", max_width="860px"),
        open=FurtherProgressState.dialog == "panel_review")
