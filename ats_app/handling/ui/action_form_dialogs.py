"""The dialogs of Transfer and Hire."""

import reflex as rx

from ats_app.core.i18n import N_
from ats_app.handling.ui.action_forms import HireFormState, TransferFormState
from ats_app.handling.ui.further_progress import action_dialog, field_error, target_select
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice
from ats_app.ui.translate import t


def transfer_dialog() -> rx.Component:
    """Transfer: the target (open or closed projects, by department, or the CV database), Move or Copy."""
    body = rx.vstack(
        rx.segmented_control.root(
            rx.segmented_control.item(t("Open"), value="open"),
            rx.segmented_control.item(t("Closed"), value="closed"),
            value=TransferFormState.target_status, on_change=TransferFormState.set_target_status, id="target-status",
        ),
        rx.el.label(t("Transfer to"), html_for="transfer-target", **LABEL),
        target_select(TransferFormState.targets, TransferFormState.target,
                      lambda v: TransferFormState.set_field("target", v), "transfer-target", cv_database=True),
        field_error("target"),
        rx.radio_group.root(
            rx.radio_group.item(t("Move"), value="move"),
            rx.radio_group.item(t("Copy (do not move)"), value="copy"),
            value=rx.cond(TransferFormState.copy_only, "copy", "move"),
            on_change=lambda v: TransferFormState.set_field("copy_only", v),
            id="transfer-mode", direction="row", spacing="4",
        ),
        rx.text(t("Only the candidate moves: the cover letter and this project's screening answers stay here."),
                size="2", color_scheme="gray"),
        spacing="3", width="100%",
    )
    return action_dialog(N_("Transfer"), body, N_("Transfer"), FurtherProgressState.dialog == "transfer",
                         FurtherProgressState.close_dialog, FurtherProgressState.confirm, "transfer-dialog")


def _position_option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label + rx.cond(choice.group != "", " · " + choice.group, ""), value=choice.value)


def _plain_option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label, value=choice.value)


def hire_dialog() -> rx.Component:
    """Hire: the position and department (both required) and the start date."""
    body = rx.vstack(
        rx.el.label(t("Position"), html_for="hire-position", **LABEL),
        rx.el.select(rx.el.option(t("Choose a position…"), value=""),
                     rx.foreach(HireFormState.positions, _position_option),
                     id="hire-position", value=HireFormState.position_id,
                     on_change=lambda v: HireFormState.set_field("position_id", v), width="100%", **NATIVE_SELECT),
        field_error("position"),
        rx.el.label(t("Department"), html_for="hire-department", **LABEL),
        rx.el.select(rx.el.option(t("Choose a department…"), value=""),
                     rx.foreach(HireFormState.departments, _plain_option),
                     id="hire-department", value=HireFormState.department_id,
                     on_change=lambda v: HireFormState.set_field("department_id", v), width="100%", **NATIVE_SELECT),
        field_error("department"),
        rx.el.label(t("Start date"), html_for="hire-start", **LABEL),
        rx.input(type="date", id="hire-start", value=HireFormState.start_date,
                 on_change=lambda v: HireFormState.set_field("start_date", v)),
        field_error("start_date"),
        spacing="2", width="100%",
    )
    return action_dialog(N_("Hire"), body, N_("Hire"), FurtherProgressState.dialog == "hire",
                         FurtherProgressState.close_dialog, FurtherProgressState.confirm, "hire-dialog")
