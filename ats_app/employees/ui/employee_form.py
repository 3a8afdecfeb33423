"""Add employee and Edit employee: one dialog with the person's fields (position chosen from the list or
typed), the errors next to each field; editing also holds the end of employment, so clearing its date undoes
it. The rules check and record everything (employees.records)."""

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import EmployeeNotFound, InvalidInput
from ats_app.core.i18n import N_, gettext
from ats_app.employees import records
from ats_app.employees.history import END_REASONS
from ats_app.employees.profile import employee_detail
from ats_app.employees.register import departments_for
from ats_app.employees.ui.employee_page_state import EmployeePageState
from ats_app.employees.ui.employees_state import EmployeesState
from ats_app.organisation.structure import positions_and_departments
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice, error_for
from ats_app.ui.translate import t

FIELDS = ("first_name", "last_name", "email", "mobile", "position", "department_id", "start_date", "end_date",
          "end_reason")
LABELS = {"first_name": N_("First name"), "last_name": N_("Last name"), "email": N_("Email"),
          "mobile": N_("Mobile"), "position": N_("Position"), "start_date": N_("Start date"),
          "end_date": N_("End date")}


class EmployeeFormState(rx.State):
    """The dialog: add (employee_id 0) or edit one employee; fields as typed, problems by field."""

    open: bool = False
    employee_id: int = 0
    fields: dict[str, str] = {}
    errors: dict[str, str] = {}
    positions: list[str] = []
    departments: list[Choice] = []
    reasons: list[Choice] = []
    saving: bool = False

    async def _choices(self, user) -> None:
        positions, _ = await run_in_session(positions_and_departments)
        self.positions = sorted({title for _, title, _ in positions})
        self.departments = [Choice(str(i), name) for i, name in await run_in_session(departments_for, user)]
        self.reasons = [Choice(code, gettext(user.language, label)) for code, label in END_REASONS.items()]
        self.errors, self.saving = {}, False

    @rx.event
    @requires()
    async def open_add(self):
        """Add employee: empty fields (the department: the only one a hiring manager may choose)."""
        user = current_user()
        await self._choices(user)
        self.employee_id = 0
        self.fields = {name: "" for name in FIELDS}
        if len(self.departments) == 1:
            self.fields["department_id"] = self.departments[0].value
        self.open = True

    @rx.event
    @requires()
    async def open_edit(self, employee_id: int):
        """Edit employee: the fields as they are now (refused for an employee the user may not see)."""
        user = current_user()
        try:
            detail = await run_in_session(employee_detail, user, int(employee_id))
        except EmployeeNotFound:
            return rx.toast.error(gettext(user.language, "You do not have the right to do this."))
        await self._choices(user)
        e = detail.employee
        self.employee_id = int(e.id)
        self.fields = {"first_name": e.first_name, "last_name": e.last_name, "email": e.email or "",
                       "mobile": e.mobile or "", "position": detail.position,
                       "department_id": str(e.department_id or ""),
                       "start_date": e.start_date.isoformat() if e.start_date else "",
                       "end_date": e.end_date.isoformat() if e.end_date else "", "end_reason": e.end_reason or ""}
        self.open = True

    @rx.event
    @requires()
    async def close_dialog(self):
        """Close without saving."""
        self.open = False

    @rx.event
    @requires()
    async def open_changed(self, value: bool):
        """The dialog closed itself (Escape, a click outside)."""
        if not value:
            self.open = False

    @rx.event
    @requires()
    async def set_field(self, name: str, value: str):
        """Keep what was typed in one field."""
        if name in FIELDS:
            self.fields = {**self.fields, name: str(value)[:500]}

    @rx.event
    @requires()
    async def save(self):
        """Add or save the employee; a wrong field keeps the dialog open with its message."""
        user = current_user()
        self.saving = True
        yield
        try:
            if self.employee_id:
                await run_in_session(records.edit_employee, user, self.employee_id, dict(self.fields))
                done = N_("The employee was saved.")
            else:
                await run_in_session(records.add_employee, user, dict(self.fields))
                done = N_("The employee was added.")
        except InvalidInput as refused:
            self.errors = {field: gettext(user.language, message) for field, message in refused.errors.items()}
            self.saving = False
            return
        except EmployeeNotFound:
            self.errors = {"form": gettext(user.language, "You do not have the right to do this.")}
            self.saving = False
            return
        self.open, self.saving = False, False
        await (await self.get_state(EmployeesState))._refresh()
        await (await self.get_state(EmployeePageState))._refresh(self.employee_id)
        yield rx.toast.success(gettext(user.language, done))


def _input(name: str, kind: str = "text", **props) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(LABELS[name]), html_for=f"employee-{name}", **LABEL),
        rx.input(value=EmployeeFormState.fields[name], on_change=lambda v: EmployeeFormState.set_field(name, v),
                 id=f"employee-{name}", type=kind, width="100%", **props),
        error_for(EmployeeFormState.errors, name),
        spacing="1", width="100%",
    )


def _select(name: str, label: str, options, blank: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(label), html_for=f"employee-{name}", **LABEL),
        rx.el.select(rx.el.option(t(blank), value=""),
                     rx.foreach(options, lambda c: rx.el.option(c.label, value=c.value)),
                     value=EmployeeFormState.fields[name], id=f"employee-{name}",
                     on_change=lambda v: EmployeeFormState.set_field(name, v), width="100%", **NATIVE_SELECT),
        error_for(EmployeeFormState.errors, name),
        spacing="1", width="100%",
    )


def _end_of_employment() -> rx.Component:
    return rx.cond(EmployeeFormState.employee_id > 0, rx.vstack(
        rx.separator(),
        rx.text(t("End of employment"), weight="medium", size="2"),
        rx.grid(_input("end_date", "date"),
                _select("end_reason", N_("Reason"), EmployeeFormState.reasons, N_("Choose a reason")),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        rx.text(t("Clear the end date to undo the end of employment."), size="1", color_scheme="gray"),
        spacing="2", width="100%"))


def employee_form_dialog() -> rx.Component:
    """The Add / Edit employee dialog."""
    body = rx.vstack(
        rx.grid(_input("first_name"), _input("last_name"), _input("email", "email"), _input("mobile", "tel"),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        _input("position", list="employee-positions", placeholder=t("Choose from the list or type the position")),
        rx.el.datalist(rx.foreach(EmployeeFormState.positions, lambda title: rx.el.option(value=title)),
                       id="employee-positions"),
        rx.grid(_select("department_id", N_("Department"), EmployeeFormState.departments, N_("Choose a department")),
                _input("start_date", "date"), columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        _end_of_employment(),
        error_for(EmployeeFormState.errors, "form"),
        spacing="3", width="100%",
    )
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(EmployeeFormState.employee_id > 0, t("Edit employee"), t("Add employee"))),
            body,
            rx.hstack(
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=EmployeeFormState.close_dialog),
                rx.button(rx.cond(EmployeeFormState.employee_id > 0, t("Save"), t("Add employee")),
                          loading=EmployeeFormState.saving, on_click=EmployeeFormState.save, id="employee-save"),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="560px", id="employee-dialog",
        ),
        open=EmployeeFormState.open, on_open_change=EmployeeFormState.open_changed,
    )
