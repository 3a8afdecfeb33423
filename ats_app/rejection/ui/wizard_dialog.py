"""The rejection wizard's dialog: step 1 (type, reason, message, note), step 2 (the email, when, who)."""

import reflex as rx

from ats_app.applications.stages import STAGE_LABELS
from ats_app.handling.ui.compose_dialog import addresses_block, drafts_block, preview_block
from ats_app.handling.ui.compose_state import ComposeState
from ats_app.handling.ui.further_progress import field_error
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.rejection.ui.wizard_state import RejectRow, RejectState
from ats_app.ui.forms import NATIVE_SELECT, Choice
from ats_app.ui.translate import t, t_choice

_LABEL = {"font_weight": "500", "font_size": "14px"}


def _type_option(code: rx.Var) -> rx.Component:
    return rx.el.option(t_choice(code, STAGE_LABELS), value=code)


def _reason_option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label, value=choice.value)


def _step_one() -> rx.Component:
    return rx.vstack(
        rx.el.label(t("Rejection type"), html_for="reject-type", **_LABEL),
        rx.el.select(rx.foreach(RejectState.types, _type_option), id="reject-type", value=RejectState.rejection_type,
                     on_change=lambda v: RejectState.set_choice("rejection_type", v), width="100%", **NATIVE_SELECT),
        rx.text(t("Preselected from how far the applicants got: the stage is shown beside each name below."),
                size="1", color_scheme="gray"),
        field_error("rejection_type"),
        rx.el.label(t("Reason"), html_for="reject-reason", **_LABEL),
        rx.el.select(rx.el.option(t("Choose a reason…"), value=""), rx.foreach(RejectState.reasons, _reason_option),
                     id="reject-reason", value=RejectState.reason,
                     on_change=lambda v: RejectState.set_choice("reason", v), width="100%", **NATIVE_SELECT),
        field_error("reason"),
        rx.el.label(t("Message to the candidate (optional)"), html_for="reject-message", **_LABEL),
        rx.text_area(value=RejectState.message, on_change=lambda v: RejectState.set_choice("message", v),
                     id="reject-message", rows="3",
                     width="100%", placeholder=t("Why: which requirement was not met, how a test result was used.")),
        field_error("message"),
        rx.el.label(t("Internal note (the candidate never sees it)"), html_for="reject-note", **_LABEL),
        rx.text_area(value=RejectState.note, on_change=lambda v: RejectState.set_choice("note", v), id="reject-note",
                     rows="2", width="100%"),
        field_error("note"),
        _applicants(with_choices=False),
        spacing="2", width="100%")


def _row(row: RejectRow, with_choices: bool) -> rx.Component:
    cells = [rx.table.cell(rx.text(row.name, weight="medium"), rx.text(row.language, size="1", color_scheme="gray")),
             rx.table.cell(rx.text(t_choice(row.stage, STAGE_LABELS), size="1"))]
    if with_choices:
        cells += [
            rx.table.cell(rx.checkbox(checked=row.email, on_change=lambda _v: RejectState.toggle(row.id, "email"),
                                      class_name="reject-email", aria_label=t("Email"))),
            rx.table.cell(rx.checkbox(checked=row.call, on_change=lambda _v: RejectState.toggle(row.id, "call"),
                                      class_name="reject-call", aria_label=t("Call instead"))),
            rx.table.cell(rx.button(t("Preview"), size="1", variant="soft", on_click=RejectState.preview_for(row.id),
                                    class_name="reject-preview")),
        ]
    return rx.table.row(*cells, class_name="reject-row")


def _applicants(with_choices: bool) -> rx.Component:
    headers = [t("Applicant"), t("Stage")] + ([t("Email"), t("Call instead"), ""] if with_choices else [])
    return rx.box(rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
        rx.table.body(rx.foreach(RejectState.rows, lambda row: _row(row, with_choices))), size="1", width="100%",
        id="reject-applicants"), max_height="220px", overflow_y="auto", width="100%")


def _timing() -> rx.Component:
    return rx.vstack(
        rx.radio_group.root(
            rx.radio_group.item(t("Send now"), value="now"),
            rx.radio_group.item(t("Send in"), value="later"),
            rx.radio_group.item(t("No email"), value="none"),
            value=RejectState.timing, on_change=lambda v: RejectState.set_choice("timing", v), direction="row",
            spacing="4", id="reject-timing"),
        rx.cond(RejectState.timing == "later", rx.hstack(
            rx.input(value=RejectState.delay_days, on_change=lambda v: RejectState.set_choice("delay_days", v),
                     type="number",
                     min="1", max="30", width="80px", id="reject-delay"),
            rx.text(t("days, at 09:00"), size="2"), align="center")),
        field_error("delay_days"),
        spacing="2")


def _step_two() -> rx.Component:
    return rx.cond(ComposeState.preview_html != "", preview_block(), rx.vstack(
        _timing(),
        rx.cond(RejectState.timing != "none", rx.vstack(addresses_block(), drafts_block(), spacing="3", width="100%")),
        rx.text(t("A call replaces the email: it goes on your Tasks list with the candidate's number."),
                size="1", color_scheme="gray"),
        _applicants(with_choices=True),
        spacing="3", width="100%"))


def reject_dialog() -> rx.Component:
    """The wizard, open while Further progress waits for the rejection's details."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Reject"), " · ", rx.cond(RejectState.step == 1, t("Step 1 of 2"), t("Step 2 of 2"))),
            rx.cond(RejectState.step == 1, _step_one(), _step_two()),
            rx.hstack(
                rx.cond((RejectState.step == 2) & (ComposeState.preview_html == ""),
                        rx.button(t("Back"), variant="soft", color_scheme="gray", on_click=RejectState.back_step,
                                  id="reject-back")),
                rx.spacer(),
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=FurtherProgressState.close_dialog,
                          id="reject-cancel"),
                rx.cond(RejectState.step == 1, rx.button(t("Next"), on_click=RejectState.next_step, id="reject-next"),
                        rx.button(t("Send"), on_click=RejectState.send_rejection, id="reject-send",
                                  loading=FurtherProgressState.running)),
                spacing="3", margin_top="16px", width="100%"),
            id="reject-dialog", max_width="780px"),
        open=FurtherProgressState.dialog == "reject")
