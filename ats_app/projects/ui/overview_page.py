"""The Recruitment overview: every project with its counts, filterable and searchable."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.projects.ui.new_project import new_project_button, new_project_dialog
from ats_app.projects.ui.overview_state import OverviewState, ProjectRow
from ats_app.ui.shell import page_header, shell
from ats_app.ui.status_badges import project_status_badge
from ats_app.ui.translate import t


def _count(value, tone: str | None = None) -> rx.Component:
    return rx.table.cell(rx.text(value, color_scheme=tone, weight="medium" if tone else None), text_align="right")


def _row(row: ProjectRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.hstack(
            rx.link(row.title, href=row.href, weight="medium", class_name="project-title"),
            rx.cond(OverviewState.may_edit,
                    rx.link(rx.icon("pencil", size=14), href=row.href + "/edit", aria_label=t("Edit project"),
                            title=t("Edit project"), class_name="project-edit", color_scheme="gray")),
            align="center", spacing="2")),
        rx.table.cell(row.department),
        rx.table.cell(project_status_badge(row.status)),
        rx.table.cell(row.deadline, white_space="nowrap"),
        _count(row.total),
        _count(row.new, "blue"),
        _count(row.in_process, "amber"),
        _count(row.processed, "gray"),
        _count(row.saved, "green"),
        class_name="project-row",
    )


def _heading(message: str, count: bool = False) -> rx.Component:
    # Count headings wrap onto two lines ("Under behandling") so all nine columns fit a laptop screen.
    if count:
        return rx.table.column_header_cell(t(message), text_align="right", white_space="normal", width="88px",
                                           line_height="1.2")
    return rx.table.column_header_cell(t(message), white_space="nowrap")


def _filters() -> rx.Component:
    return rx.hstack(
        rx.segmented_control.root(
            rx.segmented_control.item(t("All"), value="all"),
            rx.segmented_control.item(t("Open"), value="open"),
            rx.segmented_control.item(t("Draft"), value="draft"),
            rx.segmented_control.item(t("Closed"), value="closed"),
            value=OverviewState.status_filter,
            on_change=OverviewState.set_status_filter,
            id="status-filter",
        ),
        rx.input(
            rx.input.slot(rx.icon("search", size=16)),
            placeholder=t("Search projects or departments"),
            on_change=OverviewState.set_search,
            id="project-search", width="320px",
        ),
        spacing="4", align="center", wrap="wrap", margin_bottom="16px",
    )


def _table() -> rx.Component:
    return rx.card(
        rx.table.root(
            rx.table.header(rx.table.row(
                _heading(N_("Recruitment project")), _heading(N_("Department")), _heading(N_("Status")),
                _heading(N_("Deadline")),
                _heading(N_("All"), True), _heading(N_("New"), True), _heading(N_("In process"), True),
                _heading(N_("Processed"), True), _heading(N_("Saved"), True),
            )),
            rx.table.body(rx.foreach(OverviewState.rows, _row)),
            variant="ghost", size="2", width="100%", id="projects-table",
        ),
        rx.cond(
            OverviewState.total == 0,
            rx.center(rx.text(t("No recruitment projects match."), color_scheme="gray"), padding="32px"),
        ),
        rx.hstack(
            rx.text(OverviewState.range_label, size="2", color_scheme="gray", id="range-label"),
            rx.cond(OverviewState.loading, rx.spinner(size="1")),
            rx.spacer(),
            rx.button(rx.icon("chevron-left", size=16), on_click=OverviewState.previous_page, variant="soft",
                      size="1", disabled=OverviewState.page == 0, aria_label=t("Previous page")),
            rx.button(rx.icon("chevron-right", size=16), on_click=OverviewState.next_page, variant="soft",
                      size="1", disabled=~OverviewState.has_next,
                      aria_label=t("Next page")),
            align="center", padding_top="12px",
        ),
        width="100%", overflow_x="auto",
    )


@rx.page(route="/", title="Recruitment overview · Nordlys ATS", on_load=[AuthState.require_login, OverviewState.load])
def overview_page() -> rx.Component:
    """Every recruitment project the user may see, with application counts by status."""
    return shell(
        rx.vstack(
            rx.hstack(
                page_header(N_("Recruitment overview"),
                            N_("The recruitment projects you may see, with their applications by status.")),
                rx.spacer(),
                rx.cond(OverviewState.may_edit, new_project_button()),
                width="100%", align="start", flex_wrap="wrap", margin_bottom=["16px", "16px", "0"]),
            new_project_dialog(),
            _filters(),
            _table(),
            width="100%", spacing="0",
        ),
        active_route="/",
        on_locale_change=OverviewState.load,
    )
