"""Recruitment calendar: interviews by week (seven columns) or month (a 6×7 grid).

Each interview shows its time, the candidate (a link to the application), the interview type and the
candidate's answer by colour and word. Recruiters open an interview to set the answer by hand or move
it; hiring managers see their projects' interviews read-only.
"""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.interviews.calendar import ACCEPTANCE_LABELS, MODE_LABELS, SETTABLE, TYPE_LABELS
from ats_app.interviews.ui.calendar_state import CalendarState, DayView, EntryView
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t, t_choice

ACCEPTANCE_COLOURS = {"awaiting": "gray", "accepted": "green", "not_accepted": "red",
                      "contact_new_time": "orange", "not_relevant": "gray"}
LABEL = {"font_weight": "500", "font_size": "14px"}
BORDER = f"1px solid {rx.color('gray', 5)}"
COLUMNS = "repeat(7, minmax(0, 1fr))"


def _colour(acceptance: rx.Var) -> rx.Var:
    return rx.match(acceptance, *ACCEPTANCE_COLOURS.items(), "gray")


def _stripe(acceptance: rx.Var) -> rx.Var:
    """The card's coloured edge, the same colour as its answer."""
    return rx.match(acceptance, *[(key, f"var(--{colour}-9)") for key, colour in ACCEPTANCE_COLOURS.items()],
                    "var(--gray-9)")


def acceptance_badge(acceptance: rx.Var) -> rx.Component:
    """The candidate's answer, coloured and in words."""
    return rx.badge(t_choice(acceptance, ACCEPTANCE_LABELS), color_scheme=_colour(acceptance), variant="soft",
                    class_name="acceptance", data_acceptance=acceptance, white_space="normal")


def _edit_button(entry: EntryView) -> rx.Component:
    return rx.cond(CalendarState.can_act,
                   rx.icon_button(rx.icon("pencil", size=12), size="1", variant="ghost", color_scheme="gray",
                                  on_click=CalendarState.open_interview(entry.id), class_name="edit-interview",
                                  aria_label=t("Edit")))


def _week_card(entry: EntryView) -> rx.Component:
    return rx.box(
        rx.hstack(rx.text(entry.time_range, size="1", weight="bold", class_name="interview-time"), rx.spacer(),
                  _edit_button(entry), width="100%", align="center"),
        rx.link(entry.candidate, href=entry.href, size="2", weight="medium", class_name="interview-candidate"),
        rx.text(t_choice(entry.interview_type, TYPE_LABELS), " · ", t_choice(entry.mode, MODE_LABELS), size="1",
                color_scheme="gray", class_name="interview-type"),
        rx.text(entry.project, size="1", color_scheme="gray", class_name="interview-project"),
        acceptance_badge(entry.acceptance),
        title=entry.recruiters,
        padding="6px 8px", border_radius="var(--radius-2)", background=rx.color("gray", 1), border=BORDER,
        border_left="4px solid", border_left_color=_stripe(entry.acceptance),
        display="flex", flex_direction="column", gap="2px", width="100%", min_width="0",
        class_name="interview-card", data_id=entry.id,
    )


def _week_column(day: DayView) -> rx.Component:
    return rx.vstack(
        rx.text(day.label, size="2", weight=rx.cond(day.is_today, "bold", "medium"),
                color=rx.cond(day.is_today, rx.color("accent", 11), rx.color("gray", 12)), class_name="day-label"),
        rx.foreach(day.interviews, _week_card),
        spacing="2", min_height="320px", padding="8px", min_width="0",
        background=rx.cond(day.is_today, rx.color("accent", 2), "transparent"),
        border=BORDER, border_radius="var(--radius-3)", class_name="calendar-day", data_day=day.iso,
    )


def _month_line(entry: EntryView) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.link(rx.text.strong(entry.start_time), " ", entry.candidate, href=entry.href, size="1",
                    class_name="interview-candidate", overflow="hidden", text_overflow="ellipsis",
                    white_space="nowrap", min_width="0", flex="1"),
            _edit_button(entry), spacing="1", align="center", width="100%"),
        rx.hstack(rx.text(t_choice(entry.interview_type, TYPE_LABELS), size="1", color_scheme="gray"),
                  acceptance_badge(entry.acceptance), spacing="1", align="center", wrap="wrap"),
        title=entry.time_range + " · " + entry.project,
        padding="2px 4px", border_left="3px solid", border_left_color=_stripe(entry.acceptance),
        width="100%", min_width="0", class_name="interview-line", data_id=entry.id,
    )


def _month_cell(day: DayView) -> rx.Component:
    return rx.vstack(
        rx.text(day.label, size="1", weight=rx.cond(day.is_today, "bold", "regular"),
                color=rx.cond(day.is_today, rx.color("accent", 11), rx.color("gray", 11))),
        rx.foreach(day.interviews, _month_line),
        spacing="1", min_height="104px", padding="4px", min_width="0",
        opacity=rx.cond(day.in_month, "1", "0.55"),
        background=rx.cond(day.is_today, rx.color("accent", 2), "transparent"),
        border=BORDER, class_name="calendar-day", data_day=day.iso,
    )


def _week() -> rx.Component:
    return rx.grid(rx.foreach(CalendarState.days, _week_column), grid_template_columns=COLUMNS, gap="8px", width="100%",
                   id="calendar-week")


def _month() -> rx.Component:
    return rx.vstack(
        rx.grid(rx.foreach(CalendarState.weekdays, lambda name: rx.text(name, size="1", weight="medium",
                                                                        color_scheme="gray", padding_left="4px")),
                grid_template_columns=COLUMNS, width="100%"),
        rx.grid(rx.foreach(CalendarState.days, _month_cell), grid_template_columns=COLUMNS, width="100%",
                id="calendar-month"),
        spacing="1", width="100%")


def _filter(options: rx.Var, value: rx.Var, on_change, all_label: str, id_: str) -> rx.Component:
    return rx.el.select(
        rx.el.option(t(all_label), value=""),
        rx.foreach(options, lambda o: rx.el.option(o.label, value=o.value)),
        value=value, on_change=on_change, id=id_, **{**NATIVE_SELECT, "max_width": "260px"})


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.segmented_control.root(
            rx.segmented_control.item(t("Week"), value="week"),
            rx.segmented_control.item(t("Month"), value="month"),
            value=CalendarState.view, on_change=CalendarState.set_view, id="calendar-view"),
        rx.hstack(
            rx.icon_button(rx.icon("chevron-left", size=16), variant="soft", on_click=CalendarState.step("previous"),
                           id="calendar-previous", aria_label=t("Previous")),
            rx.button(t("Today"), variant="soft", on_click=CalendarState.step("today"), id="calendar-today"),
            rx.icon_button(rx.icon("chevron-right", size=16), variant="soft", on_click=CalendarState.step("next"),
                           id="calendar-next", aria_label=t("Next")),
            spacing="2", align="center"),
        rx.heading(CalendarState.title, size="4", id="calendar-title"),
        rx.spacer(),
        _filter(CalendarState.recruiter_options, CalendarState.recruiter, CalendarState.set_recruiter,
                N_("All recruiters"), "calendar-recruiter"),
        _filter(CalendarState.project_options, CalendarState.project, CalendarState.set_project, N_("All projects"),
                "calendar-project"),
        spacing="3", align="center", wrap="wrap", width="100%")


def field_error(name: str) -> rx.Component:
    """The message next to a dialog field, when the last try left one."""
    return rx.cond(CalendarState.errors.contains(name),
                   rx.text(CalendarState.errors[name], color_scheme="red", size="2", class_name="field-error",
                           id=f"error-{name}"))


def _answer_button(key: str) -> rx.Component:
    return rx.button(t(ACCEPTANCE_LABELS[key]), size="1", color_scheme=ACCEPTANCE_COLOURS[key],
                     variant=rx.cond(CalendarState.edit_acceptance == key, "solid", "soft"),
                     on_click=CalendarState.choose_acceptance(key), id=f"acceptance-{key}")


def _input(label: str, name: str, type_: str, **props) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(label), html_for=name.replace("_", "-"), **LABEL),
        rx.input(type=type_, value=getattr(CalendarState, name), id=name.replace("_", "-"),
                 on_change=lambda v: CalendarState.set_move_field(name, v), **props),
        field_error(name.removeprefix("move_")),
        spacing="1")


def _dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(CalendarState.edit_candidate),
            rx.text(CalendarState.edit_summary, size="2", color_scheme="gray"),
            rx.vstack(
                rx.text(t("The candidate's answer"), **LABEL),
                rx.flex(*[_answer_button(key) for key in SETTABLE], spacing="2", wrap="wrap"),
                field_error("acceptance"),
                rx.divider(),
                rx.text(t("Move the interview"), **LABEL),
                rx.flex(_input(N_("Date"), "move_date", "date"), _input(N_("Time"), "move_time", "time"),
                        _input(N_("Duration (minutes)"), "move_duration", "number", min="10", max="480",
                               width="110px"),
                        spacing="3", wrap="wrap"),
                rx.text(t("The candidate gets an updated invitation by email."), size="1", color_scheme="gray"),
                field_error("general"),
                spacing="3", width="100%", margin_top="12px"),
            rx.flex(rx.button(t("Close"), variant="soft", color_scheme="gray", on_click=CalendarState.close_interview,
                              id="close-interview"),
                    rx.button(t("Cancel interview"), color_scheme="red", variant="soft",
                              on_click=CalendarState.cancel_interview, id="cancel-interview"),
                    rx.button(t("Move interview"), on_click=CalendarState.move_interview, id="move-interview"),
                    justify="end", spacing="3", margin_top="16px", wrap="wrap"),
            max_width="520px", id="interview-dialog"),
        open=CalendarState.edit_id != 0)


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Recruitment calendar"), N_("Interviews by day and week, with each candidate's answer.")),
        _toolbar(),
        rx.cond(CalendarState.notice != "",
                rx.callout(CalendarState.notice, icon="info", size="1", id="calendar-notice")),
        rx.cond(CalendarState.view == "week", _week(), _month()),
        rx.text(t("Times are in the organisation's time zone:"), " ", CalendarState.zone, size="1",
                color_scheme="gray"),
        _dialog(),
        spacing="4", width="100%")


@rx.page(route="/calendar", title="Recruitment calendar · Nordlys ATS",
         on_load=[AuthState.require_login, CalendarState.load])
def calendar_page() -> rx.Component:
    """The Recruitment calendar, for recruiters and (read-only) hiring managers."""
    return shell(_content(), active_route="/calendar", on_locale_change=CalendarState.load)

