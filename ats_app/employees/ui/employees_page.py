"""The Employees page: the register searched, filtered by department and by current / ended, 50 a page, with
Add employee, Edit and End employment per row, Email for the ticked rows and Export as CSV."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.employees import mailing
from ats_app.employees.ui.email_employees import EmployeeEmailState, email_dialog
from ats_app.employees.ui.employee_form import EmployeeFormState, employee_form_dialog
from ats_app.employees.ui.employees_state import EmployeesState, EmployeeView
from ats_app.employees.ui.end_employment import EndEmploymentState, end_employment_dialog
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.paged_table import paged_table, search_box
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t


def _row(row: EmployeeView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.checkbox(checked=EmployeesState.ticked.contains(row.id),
                                  on_change=lambda _v: EmployeesState.toggle_tick(row.id),
                                  aria_label=row.name, class_name="tick")),
        rx.table.cell(rx.vstack(rx.link(row.name, href=row.href, weight="medium", class_name="employee-name"),
                                rx.text(row.email, size="1", color_scheme="gray"), spacing="0")),
        rx.table.cell(row.position),
        rx.table.cell(row.department),
        rx.table.cell(row.start_date, white_space="nowrap"),
        rx.table.cell(rx.cond(row.ended_line != "",
                              rx.badge(row.ended_line, color_scheme=rx.cond(row.ended, "gray", "amber"),
                                       class_name="ended-line"),
                              rx.badge(t("Employed"), color_scheme="green"))),
        rx.table.cell(row.project),
        rx.table.cell(rx.hstack(
            rx.icon_button(rx.icon("pencil", size=14), variant="ghost", size="1", aria_label=t("Edit"),
                           on_click=EmployeeFormState.open_edit(row.id), class_name="employee-edit"),
            rx.cond(row.ended_line == "",
                    rx.icon_button(rx.icon("user-x", size=14), variant="ghost", size="1", color_scheme="red",
                                   aria_label=t("End employment"), class_name="employee-end",
                                   on_click=EndEmploymentState.open_for(row.id))),
            spacing="2")),
        class_name="employee-row",
    )


def _toolbar() -> rx.Component:
    s = EmployeesState
    return rx.hstack(
        search_box(s, N_("Search by name, email, position or department"), "employee-search"),
        rx.el.select(rx.el.option(t("Every department"), value=""),
                     rx.foreach(s.departments, lambda c: rx.el.option(c.label, value=c.value)),
                     value=s.department, on_change=s.set_department, id="employee-department",
                     aria_label=t("Department"), **NATIVE_SELECT),
        rx.segmented_control.root(
            rx.segmented_control.item(t("Current"), value="current"),
            rx.segmented_control.item(t("Ended"), value="ended"),
            rx.segmented_control.item(t("All"), value="all"),
            value=s.shown, on_change=s.set_shown, id="employee-shown"),
        rx.checkbox(t("Tick all on this page"), checked=s.all_on_page_ticked, on_change=s.tick_all_on_page,
                    id="tick-all", size="2"),
        rx.spacer(),
        rx.cond((s.ticked_count > 0) & AuthState.user_rights.contains(mailing.RIGHT),
                rx.button(rx.icon("mail", size=16), t("Email"), " (", s.ticked_count, ")", variant="soft",
                          on_click=EmployeeEmailState.open_for_ticked, id="employee-email")),
        rx.link(rx.button(rx.icon("download", size=16), t("Export as CSV"), variant="soft"),
                href=s.export_href, download="employees.csv", id="employee-export", is_external=True),
        rx.button(rx.icon("user-plus", size=16), t("Add employee"), on_click=EmployeeFormState.open_add,
                  id="employee-add"),
        spacing="3", align="center", wrap="wrap", width="100%",
    )


@rx.page(route="/employees", title="Employees · Nordlys ATS", on_load=[AuthState.require_login, EmployeesState.load])
def employees_page() -> rx.Component:
    """The register of employees the user may see."""
    return shell(
        rx.vstack(
            page_header(N_("Employees"), N_("People hired through recruitment projects or added by hand.")),
            _toolbar(),
            paged_table(EmployeesState, ("", N_("Name"), N_("Position"), N_("Department"), N_("Start date"),
                                         N_("Employment"), N_("Hired from"), ""), _row,
                        "employees-table", N_("No employees match.")),
            employee_form_dialog(), end_employment_dialog(), email_dialog(),
            spacing="4", width="100%",
        ),
        active_route="/employees", on_locale_change=EmployeesState.load,
    )
