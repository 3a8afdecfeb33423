"""The Further progress list, the Execute button, the forms of Transfer and Hire, and the result."""

import reflex as rx

from ats_app.handling.further_progress import CATALOGUE
from ats_app.core.i18n import N_
from ats_app.handling.ui.further_progress_state import Choice, ChoiceGroup, FurtherProgressState as FP, Other, Skipped
from ats_app.ui.translate import t

NATIVE_SELECT = {"padding": "6px 10px", "border_radius": "var(--radius-2)", "border": f"1px solid {rx.color('gray', 7)}",
                 "background": rx.color("gray", 1), "font_size": "14px", "min_height": "32px"}


def field_error(name: str) -> rx.Component:
    """The message next to a form field, when the last try left one."""
    return rx.cond(FP.errors.contains(name),
                   rx.text(FP.errors[name], color_scheme="red", size="2", class_name="field-error",
                            id=f"error-{name}"))


def _option(action) -> rx.Component:
    label = t(action.label) + " · " + t(action.hint) if action.hint else t(action.label)
    return rx.cond(FP.offered.contains(action.key),
                   rx.el.option(label, value=action.key, disabled=~FP.enabled.contains(action.key)))


def further_progress_bar(count_label: rx.Component | None = None) -> rx.Component:
    """The Further progress list and Execute, above a list or on an applicant's page."""
    return rx.cond(
        FP.offered.length() > 0,
        rx.vstack(
            rx.hstack(
                rx.el.label(t("Further progress"), html_for="further-progress", font_weight="500", font_size="14px"),
                rx.el.select(
                    rx.el.option(t("Choose an action…"), value=""),
                    *[_option(a) for a in CATALOGUE],
                    id="further-progress", value=FP.action, on_change=FP.choose_action,
                    **{**NATIVE_SELECT, "width": "300px"},
                ),
                rx.button(t("Execute"), on_click=FP.execute, id="execute", disabled=FP.running),
                count_label or rx.fragment(),
                align="center", spacing="3", wrap="wrap",
            ),
            field_error("action"),
            rx.cond(FP.running, rx.hstack(rx.progress(value=FP.progress, max=100, width="240px", id="progress"),
                                          rx.text(FP.progress, "%", size="2"), align="center")),
            _result(),
            spacing="2", width="100%", margin_bottom="12px",
        ),
    )


def _skipped(row: Skipped) -> rx.Component:
    return rx.el.li(rx.text.strong(row.name), ": ", row.reason)


def _result() -> rx.Component:
    return rx.cond(
        FP.result_line != "",
        rx.callout.root(
            rx.callout.icon(rx.icon("info")),
            rx.vstack(
                rx.text(FP.result_line, id="result-line", weight="medium"),
                rx.cond(FP.skipped.length() > 0,
                        rx.el.ul(rx.foreach(FP.skipped, _skipped), id="skipped", style={"margin": 0,
                                                                                         "padding_left": "18px"})),
                spacing="1",
            ),
            color_scheme=rx.cond(FP.skipped.length() > 0, "amber", "green"), size="1", id="result",
        ),
    )


def _dialog(title: str, body: rx.Component, confirm_label: str, open_: rx.Var, on_cancel, on_confirm,
            dialog_id: str, cancel_label: str = N_("Cancel")) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t(title)),
            body,
            rx.hstack(
                rx.button(t(cancel_label), variant="soft", color_scheme="gray", on_click=on_cancel,
                          id=f"{dialog_id}-cancel"),
                rx.button(t(confirm_label), on_click=on_confirm, id=f"{dialog_id}-confirm"),
                justify="end", spacing="3", margin_top="16px",
            ),
            id=dialog_id, max_width="520px",
        ),
        open=open_,
    )


def _target_group(group: ChoiceGroup) -> rx.Component:
    return rx.el.optgroup(rx.foreach(group.choices, lambda c: rx.el.option(c.label, value=c.value)),
                          label=group.label)


def target_select(groups: rx.Var, value: rx.Var, on_change, select_id: str, *, cv_database: bool) -> rx.Component:
    """The Transfer target: projects grouped by department (and the CV database, from a project)."""
    return rx.el.select(
        rx.el.option(t("Choose a project…"), value=""),
        rx.el.option(t("The CV database"), value="cv_database") if cv_database else rx.fragment(),
        rx.foreach(groups, _target_group),
        id=select_id, value=value, on_change=on_change, width="100%", **NATIVE_SELECT,
    )


def transfer_dialog() -> rx.Component:
    """Transfer: the target (open or closed projects, by department, or the CV database), Move or Copy."""
    body = rx.vstack(
        rx.segmented_control.root(
            rx.segmented_control.item(t("Open"), value="open"),
            rx.segmented_control.item(t("Closed"), value="closed"),
            value=FP.target_status, on_change=FP.set_target_status, id="target-status",
        ),
        rx.el.label(t("Transfer to"), html_for="transfer-target", font_weight="500", font_size="14px"),
        target_select(FP.targets, FP.target, lambda v: FP.set_form_field("target", v), "transfer-target",
                      cv_database=True),
        field_error("target"),
        rx.radio_group.root(
            rx.radio_group.item(t("Move"), value="move"),
            rx.radio_group.item(t("Copy (do not move)"), value="copy"),
            value=rx.cond(FP.copy_only, "copy", "move"), on_change=lambda v: FP.set_form_field("copy_only", v),
            id="transfer-mode", direction="row", spacing="4",
        ),
        rx.text(t("Only the candidate moves: the cover letter and this project's screening answers stay here."),
                size="2", color_scheme="gray"),
        spacing="3", width="100%",
    )
    return _dialog(N_("Transfer"), body, N_("Transfer"), FP.dialog == "transfer", FP.close_dialog, FP.confirm,
                   "transfer-dialog")


def _position_option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label + rx.cond(choice.group != "", " · " + choice.group, ""), value=choice.value)


def _plain_option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label, value=choice.value)


def hire_dialog() -> rx.Component:
    """Hire: the position and department (both required) and the start date."""
    body = rx.vstack(
        rx.el.label(t("Position"), html_for="hire-position", font_weight="500", font_size="14px"),
        rx.el.select(rx.el.option(t("Choose a position…"), value=""), rx.foreach(FP.positions, _position_option),
                     id="hire-position", value=FP.position_id,
                     on_change=lambda v: FP.set_form_field("position_id", v), width="100%", **NATIVE_SELECT),
        field_error("position"),
        rx.el.label(t("Department"), html_for="hire-department", font_weight="500", font_size="14px"),
        rx.el.select(rx.el.option(t("Choose a department…"), value=""), rx.foreach(FP.departments, _plain_option),
                     id="hire-department", value=FP.department_id,
                     on_change=lambda v: FP.set_form_field("department_id", v), width="100%", **NATIVE_SELECT),
        field_error("department"),
        rx.el.label(t("Start date"), html_for="hire-start", font_weight="500", font_size="14px"),
        rx.input(type="date", id="hire-start", value=FP.start_date,
                 on_change=lambda v: FP.set_form_field("start_date", v)),
        field_error("start_date"),
        spacing="2", width="100%",
    )
    return _dialog(N_("Hire"), body, N_("Hire"), FP.dialog == "hire", FP.close_dialog, FP.confirm, "hire-dialog")


def _other(row: Other) -> rx.Component:
    return rx.el.li(row.name, " · ", row.project)


def others_dialog() -> rx.Component:
    """After a hire: withdraw the person's other live applications?"""
    body = rx.vstack(
        rx.text(t("The person you hired has other active applications. Withdraw them?")),
        rx.el.ul(rx.foreach(FP.others, _other), id="other-applications"),
        spacing="2",
    )
    return _dialog(N_("Other applications"), body, N_("Withdraw them"), FP.others.length() > 0, FP.keep_others,
                   FP.withdraw_others, "others-dialog", N_("Keep them"))


def further_progress(count_label: rx.Component | None = None) -> rx.Component:
    """Everything Further progress needs on a page."""
    from ats_app.handling.ui.compose_dialog import compose_dialog
    from ats_app.interviews.ui.wizard_dialog import invite_dialog
    from ats_app.letters.ui.letter_dialog import letter_dialog, letter_download
    from ats_app.rejection.ui.wizard_dialog import reject_dialog

    return rx.fragment(further_progress_bar(count_label), letter_download(), transfer_dialog(), hire_dialog(),
                       others_dialog(), compose_dialog(), reject_dialog(), letter_dialog(), invite_dialog())
