"""Employees: people hired through recruitment projects."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.employees.ui.employees_state import EmployeesState, EmployeeView
from ats_app.ui.paged_table import paged_table, search_box
from ats_app.ui.shell import page_header, shell


def _row(row: EmployeeView) -> rx.Component:
    return rx.table.row(rx.table.cell(row.name, font_weight="500"), rx.table.cell(row.position),
                        rx.table.cell(row.department), rx.table.cell(row.start_date), rx.table.cell(row.project),
                        class_name="employee-row")


@rx.page(route="/employees", title="Employees · Nordlys ATS", on_load=[AuthState.require_login, EmployeesState.load])
def employees_page() -> rx.Component:
    """Everyone hired, with position, department, start date and the project they came from."""
    return shell(
        rx.vstack(
            page_header(N_("Employees"), N_("People hired through recruitment projects.")),
            search_box(EmployeesState, N_("Search by name, position or department"), "employee-search"),
            paged_table(EmployeesState,
                        (N_("Name"), N_("Position"), N_("Department"), N_("Start date"), N_("Hired from")), _row,
                        "employees-table", N_("Nobody has been hired yet.")),
            spacing="4", width="100%",
        ),
        active_route="/employees", on_locale_change=EmployeesState.load,
    )
