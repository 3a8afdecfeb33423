"""Tasks: the calls to make (tap the number to call from a phone) and the requests to handle.

Cards rather than a table, so the list reads on a phone in the recruiter's hand while calling.
"""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.tasks.calls import CALL, KIND_LABELS, OUTCOME_LABELS, OUTCOMES
from ats_app.tasks.ui.tasks_state import TasksState, TaskView
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t, t_choice

KIND_COLOURS = {CALL: "blue", "new_interview_time": "amber", "data_deletion": "red", "offer_accepted": "green",
                "offer_declined": "red", "offer_question": "amber"}
LABEL = {"font_weight": "500", "font_size": "14px"}


def field_error(name: str) -> rx.Component:
    """The message next to a dialog field, when the last try left one."""
    return rx.cond(TasksState.errors.contains(name),
                   rx.text(TasksState.errors[name], color_scheme="red", size="2", class_name="field-error",
                           id=f"error-{name}"))


def _phone(number: rx.Var, readable: rx.Var, id_: str | None = None) -> rx.Component:
    return rx.cond(number != "",
                   rx.link(rx.hstack(rx.icon("phone", size=16), rx.text(readable), align="center", spacing="2"),
                           href="tel:" + number, class_name="task-phone", id=id_, white_space="nowrap",
                           weight="medium"),
                   rx.text(t("No phone number"), color_scheme="gray", size="2"))


def _kind_badge(kind: rx.Var) -> rx.Component:
    return rx.badge(t_choice(kind, KIND_LABELS),
                    color_scheme=rx.match(kind, *[(k, c) for k, c in KIND_COLOURS.items()], "gray"),
                    class_name="task-kind")


def _card(row: TaskView) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(_kind_badge(row.kind), rx.spacer(),
                      rx.cond(row.is_open & (row.due != ""),
                              rx.text(t("Due"), " ", row.due, size="1", weight=rx.cond(row.overdue, "bold", "regular"),
                                      color_scheme=rx.cond(row.overdue, "red", "gray"), class_name="task-due")),
                      width="100%", align="center", wrap="wrap"),
            rx.cond(row.href != "",
                    rx.link(row.candidate, href=row.href, weight="bold", size="3", class_name="task-candidate"),
                    rx.text(row.candidate, weight="bold", size="3")),
            _phone(row.phone, row.phone_readable),
            rx.cond(row.project != "", rx.text(row.project, size="2", color_scheme="gray", class_name="task-project")),
            rx.cond(row.note != "", rx.text(row.note, size="2", white_space="pre-wrap", class_name="task-note")),
            rx.cond(row.called != "",
                    rx.text(t("Last call"), ": ", row.called, " · ", t_choice(row.outcome, OUTCOME_LABELS),
                            size="2", class_name="task-called")),
            rx.cond(row.outcome_note != "",
                    rx.text(row.outcome_note, size="2", white_space="pre-wrap", color_scheme="gray")),
            rx.cond(row.assignee != "", rx.text(t("Assigned to"), ": ", row.assignee, size="1", color_scheme="gray")),
            rx.cond(row.is_open,
                    rx.cond(row.kind == CALL,
                            rx.button(rx.icon("phone-call", size=16), t("Log call"),
                                      on_click=TasksState.open_call(row.id),
                                      class_name="log-call", width="100%"),
                            rx.button(rx.icon("check", size=16), t("Mark done"), on_click=TasksState.mark_done(row.id),
                                      variant="soft", class_name="mark-done", width="100%")),
                    rx.text(t("Done"), " ", row.done, " · ", row.done_by, size="2", color_scheme="green",
                            class_name="task-done")),
            spacing="2", width="100%", align="start",
        ),
        class_name="task-card", width="100%", min_width="0",
    )


def _filters() -> rx.Component:
    return rx.flex(
        rx.segmented_control.root(
            rx.segmented_control.item(t("To do"), value="open"),
            rx.segmented_control.item(t("Done"), value="done"),
            rx.segmented_control.item(t("All"), value="all"),
            value=TasksState.show, on_change=TasksState.set_show, id="tasks-show"),
        rx.segmented_control.root(
            rx.segmented_control.item(t("Everyone's"), value="everyone"),
            rx.segmented_control.item(t("Mine"), value="mine"),
            value=TasksState.whose, on_change=TasksState.set_whose, id="tasks-whose"),
        spacing="3", wrap="wrap")


def _outcome(key: str) -> rx.Component:
    return rx.text(rx.flex(rx.radio_group.item(value=key, id=f"outcome-{key}"), t(OUTCOME_LABELS[key]), spacing="2",
                           align="center"), as_="label", size="2")


def _confirmation() -> rx.Component:
    return rx.vstack(
        rx.el.label(t("From"), html_for="call-sender", **LABEL),
        rx.input(value=TasksState.sender, on_change=lambda v: TasksState.set_call_field("sender", v), id="call-sender",
                 width="100%"),
        field_error("sender"),
        rx.el.label(t("Subject"), html_for="call-subject", **LABEL),
        rx.input(value=TasksState.subject, on_change=lambda v: TasksState.set_call_field("subject", v),
                 id="call-subject", width="100%"),
        field_error("subject"),
        rx.el.label(t("Content"), html_for="call-body", **LABEL),
        rx.text_area(value=TasksState.body, on_change=lambda v: TasksState.set_call_field("body", v), id="call-body",
                     rows="7", width="100%"),
        field_error("body"),
        spacing="2", width="100%", id="call-confirmation")


def _call_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Log call")),
            rx.vstack(
                rx.text(TasksState.call_candidate, weight="bold"),
                _phone(TasksState.call_phone, TasksState.call_phone_readable, "call-phone"),
                rx.el.label(t("When did you call?"), html_for="call-when", **LABEL),
                rx.input(type="datetime-local", value=TasksState.called_at, id="call-when",
                         on_change=lambda v: TasksState.set_call_field("called_at", v)),
                field_error("called_at"),
                rx.text(t("How did it go?"), **LABEL),
                rx.radio_group.root(rx.flex(*[_outcome(key) for key in OUTCOMES], direction="column", spacing="2"),
                                    value=TasksState.outcome,
                                    on_change=lambda v: TasksState.set_call_field("outcome", v), id="call-outcome"),
                field_error("outcome"),
                rx.el.label(t("Notes"), html_for="call-note", **LABEL),
                rx.text_area(value=TasksState.call_note, on_change=lambda v: TasksState.set_call_field("call_note", v),
                             id="call-note", rows="4", width="100%",
                             placeholder=t("What did you talk about? Only colleagues see this.")),
                field_error("note"),
                rx.checkbox(t("Send a short written confirmation"), checked=TasksState.confirm,
                            on_change=TasksState.set_confirm, id="call-confirm"),
                rx.cond(TasksState.confirm, _confirmation()),
                field_error("general"),
                spacing="2", width="100%"),
            rx.flex(rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=TasksState.close_call),
                    rx.button(t("Log call"), on_click=TasksState.log_call, id="call-save"),
                    justify="end", spacing="3", margin_top="16px", wrap="wrap"),
            max_width="560px", id="call-dialog"),
        open=TasksState.call_id != 0)


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Tasks"), N_("Calls to make, new interview times to find and data-deletion requests.")),
        _filters(),
        rx.cond(TasksState.notice != "", rx.callout(TasksState.notice, icon="info", size="1", id="tasks-notice")),
        rx.cond(TasksState.rows.length() > 0,
                rx.grid(rx.foreach(TasksState.rows, _card), width="100%", gap="12px", id="tasks-list",
                        grid_template_columns="repeat(auto-fill, minmax(min(100%, 320px), 1fr))"),
                rx.text(t("No tasks."), color_scheme="gray", id="tasks-empty")),
        _call_dialog(),
        spacing="4", width="100%")


@rx.page(route="/tasks", title="Tasks · Nordlys ATS", on_load=[AuthState.require_login, TasksState.load])
def tasks_page() -> rx.Component:
    """Tasks, for recruiters and admins."""
    return shell(rx.cond(TasksState.forbidden,
                         rx.callout(t("You do not have the right to do this."), icon="lock", color_scheme="red"),
                         _content()),
                 active_route="/tasks", on_locale_change=TasksState.load)
