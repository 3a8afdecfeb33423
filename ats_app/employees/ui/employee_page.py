"""One employee's page: their details, where they were hired from (with the application, for users who may see
it), their contracts (downloaded through a logged-in route) and their own history; Edit, End employment, Email."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.employees import mailing
from ats_app.employees.ui.email_employees import EmployeeEmailState, email_dialog
from ats_app.employees.ui.employee_form import EmployeeFormState, employee_form_dialog
from ats_app.employees.ui.employee_page_state import ContractView, EmployeePageState, LineView
from ats_app.employees.ui.end_employment import EndEmploymentState, end_employment_dialog
from ats_app.ui.shell import shell
from ats_app.ui.translate import t


def _section(title: str, *children, **props) -> rx.Component:
    return rx.card(rx.vstack(rx.heading(t(title), size="3"), *children, spacing="2", width="100%"), width="100%",
                   **props)


def _fact(label: str, value) -> rx.Component:
    return rx.hstack(rx.text(t(label), size="2", color_scheme="gray", min_width="120px"), rx.text(value, size="2"),
                     spacing="3")


def _history_line(row: LineView) -> rx.Component:
    return rx.table.row(rx.table.cell(row.at, white_space="nowrap"), rx.table.cell(row.actor),
                        rx.table.cell(row.text), class_name="employee-history-line")


def _contract(row: ContractView) -> rx.Component:
    return rx.hstack(rx.icon("file-text", size=16),
                     rx.link(row.filename, href=row.href, is_external=True, class_name="employee-contract"),
                     rx.text(row.made, size="1", color_scheme="gray"),
                     rx.text(row.acknowledged, size="1", color_scheme="green"), spacing="2", align="center",
                     wrap="wrap")


def _content() -> rx.Component:
    s = EmployeePageState
    return rx.cond(s.not_found, rx.callout(t("This employee was not found, or you may not see them."),
                                           icon="info", color_scheme="amber"), rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), t("Employees"), spacing="1", align="center"),
                href="/employees", size="2"),
        rx.hstack(
            rx.vstack(rx.heading(s.name, size="7", id="page-title"),
                      rx.cond(s.ended_line != "", rx.badge(s.ended_line, color_scheme="gray", id="employee-ended")),
                      spacing="1"),
            rx.spacer(),
            rx.cond(AuthState.user_rights.contains(mailing.RIGHT),
                    rx.button(rx.icon("mail", size=16), t("Email"), variant="soft",
                              on_click=EmployeeEmailState.open_for_one(s.employee_id), id="employee-page-email")),
            rx.button(rx.icon("pencil", size=16), t("Edit"), variant="soft",
                      on_click=EmployeeFormState.open_edit(s.employee_id), id="employee-page-edit"),
            rx.cond(s.ended_line == "",
                    rx.button(rx.icon("user-x", size=16), t("End employment"), variant="soft", color_scheme="red",
                              on_click=EndEmploymentState.open_for(s.employee_id), id="employee-page-end")),
            width="100%", align="center", wrap="wrap", spacing="3"),
        _section(N_("Employee"), _fact(N_("Email"), s.email), _fact(N_("Mobile"), s.mobile),
                 _fact(N_("Position"), s.position), _fact(N_("Department"), s.department),
                 _fact(N_("Start date"), s.start_date),
                 rx.cond(s.hired_line != "", rx.hstack(
                     rx.text(s.hired_line, size="2", id="employee-hired-from"),
                     rx.cond(s.application_href != "",
                             rx.link(t("Open the application"), href=s.application_href, size="2",
                                     id="employee-application")), spacing="3", wrap="wrap"))),
        _section(N_("Contracts"), rx.cond(s.contracts.length() > 0, rx.vstack(rx.foreach(s.contracts, _contract)),
                                      rx.text(t("No contract on this record."), size="2", color_scheme="gray")),
                 id="employee-contracts"),
        _section(N_("History"), rx.table.root(rx.table.body(rx.foreach(s.history, _history_line)), size="1",
                                          width="100%", id="employee-history")),
        employee_form_dialog(), end_employment_dialog(), email_dialog(),
        spacing="4", width="100%", max_width="960px"))


@rx.page(route="/employees/[employee_id]", title="Employee · Nordlys ATS",
         on_load=[AuthState.require_login, EmployeePageState.load])
def employee_page() -> rx.Component:
    """One employee."""
    return shell(_content(), active_route="/employees", on_locale_change=EmployeePageState.load)
