"""The Further progress list, the Execute button, the result of a run, and the dialog every action's form
is shown in."""

import reflex as rx

from ats_app.core.i18n import N_
from ats_app.handling.further_progress import CATALOGUE
from ats_app.handling.ui.further_progress_state import FurtherProgressState, Other, Skipped
from ats_app.ui.forms import NATIVE_SELECT, ChoiceGroup, error_for
from ats_app.ui.translate import t


def field_error(name: str) -> rx.Component:
    """The message next to a field of an action's form, when the last try left one."""
    return error_for(FurtherProgressState.errors, name)


def _option(action) -> rx.Component:
    label = t(action.label) + " · " + t(action.hint) if action.hint else t(action.label)
    return rx.cond(FurtherProgressState.offered.contains(action.key),
                   rx.el.option(label, value=action.key, disabled=~FurtherProgressState.enabled.contains(action.key)))


def further_progress_bar(count_label: rx.Component | None = None) -> rx.Component:
    """The Further progress list and Execute, above a list or on an applicant's page."""
    return rx.cond(
        FurtherProgressState.offered.length() > 0,
        rx.vstack(
            rx.hstack(
                rx.el.label(t("Further progress"), html_for="further-progress", font_weight="500", font_size="14px"),
                rx.el.select(
                    rx.el.option(t("Choose an action…"), value=""),
                    *[_option(a) for a in CATALOGUE if a.listed],
                    id="further-progress", value=FurtherProgressState.action,
                    on_change=FurtherProgressState.choose_action,
                    **{**NATIVE_SELECT, "width": "300px"},
                ),
                rx.button(t("Execute"), on_click=FurtherProgressState.execute, id="execute",
                          disabled=FurtherProgressState.running),
                count_label or rx.fragment(),
                align="center", spacing="3", wrap="wrap",
            ),
            field_error("action"),
            rx.cond(FurtherProgressState.running,
                    rx.hstack(rx.progress(value=FurtherProgressState.progress, max=100, width="240px", id="progress"),
                              rx.text(FurtherProgressState.progress, "%", size="2"), align="center")),
            _result(),
            spacing="2", width="100%", margin_bottom="12px",
        ),
    )


def _skipped(row: Skipped) -> rx.Component:
    return rx.el.li(rx.text.strong(row.name), ": ", row.reason)


def _result() -> rx.Component:
    return rx.cond(
        FurtherProgressState.result_line != "",
        rx.callout.root(
            rx.callout.icon(rx.icon("info")),
            rx.vstack(
                rx.text(FurtherProgressState.result_line, id="result-line", weight="medium"),
                rx.cond(FurtherProgressState.skipped.length() > 0,
                        rx.el.ul(rx.foreach(FurtherProgressState.skipped, _skipped), id="skipped",
                                 style={"margin": 0, "padding_left": "18px"})),
                spacing="1",
            ),
            color_scheme=rx.cond(FurtherProgressState.skipped.length() > 0, "amber", "green"), size="1", id="result",
        ),
    )


def action_dialog(title: str, body: rx.Component, confirm_label: str, open_: rx.Var, on_cancel, on_confirm,
                  dialog_id: str, cancel_label: str = N_("Cancel")) -> rx.Component:
    """A small dialog: a title, the form's body, Cancel and the action's own button."""
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


def _other(row: Other) -> rx.Component:
    return rx.el.li(row.name, " · ", row.project)


def others_dialog() -> rx.Component:
    """After a hire: withdraw the person's other live applications?"""
    body = rx.vstack(
        rx.text(t("The person you hired has other active applications. Withdraw them?")),
        rx.el.ul(rx.foreach(FurtherProgressState.others, _other), id="other-applications"),
        spacing="2",
    )
    return action_dialog(N_("Other applications"), body, N_("Withdraw them"), FurtherProgressState.others.length() > 0,
                         FurtherProgressState.keep_others,
                         FurtherProgressState.withdraw_others, "others-dialog", N_("Keep them"))
