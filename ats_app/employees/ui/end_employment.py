"""End employment: the end date, a reason from the short list and an optional note; the rules check it and
write the history line (employees.records.end_employment). Editing the employee undoes it."""

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import EmployeeNotFound, InvalidInput
from ats_app.core.i18n import gettext
from ats_app.employees import records
from ats_app.employees.history import END_REASONS
from ats_app.employees.register import employee_name
from ats_app.employees.ui.employee_page_state import EmployeePageState
from ats_app.employees.ui.employees_state import EmployeesState
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice, error_for
from ats_app.ui.translate import t


class EndEmploymentState(rx.State):
    """The dialog for one employee."""

    open: bool = False
    employee_id: int = 0
    name: str = ""
    end_date: str = ""
    reason: str = ""
    note: str = ""
    reasons: list[Choice] = []
    errors: dict[str, str] = {}

    @rx.event
    @requires()
    async def open_for(self, employee_id: int):
        """Start with empty fields for this employee (refused for one the user may not see)."""
        user = current_user()
        try:
            self.name = await run_in_session(employee_name, user, int(employee_id))
        except EmployeeNotFound:
            return rx.toast.error(gettext(user.language, "You do not have the right to do this."))
        self.employee_id = int(employee_id)
        self.end_date, self.reason, self.note, self.errors = "", "", "", {}
        self.reasons = [Choice(code, gettext(user.language, label)) for code, label in END_REASONS.items()]
        self.open = True

    @rx.event
    @requires()
    async def set_value(self, name: str, value: str):
        """Keep what was typed or chosen."""
        if name in ("end_date", "reason", "note"):
            setattr(self, name, str(value)[:600])

    @rx.event
    @requires()
    async def open_changed(self, value: bool):
        """The dialog closed itself (Escape, a click outside, Cancel)."""
        if not value:
            self.open = False

    @rx.event
    @requires()
    async def save(self):
        """End the employment; a wrong field keeps the dialog open with its message."""
        user = current_user()
        try:
            await run_in_session(records.end_employment, user, self.employee_id, self.end_date, self.reason,
                                 self.note)
        except InvalidInput as refused:
            self.errors = {field: gettext(user.language, message) for field, message in refused.errors.items()}
            return
        except EmployeeNotFound:
            self.errors = {"form": gettext(user.language, "You do not have the right to do this.")}
            return
        self.open = False
        await (await self.get_state(EmployeesState))._refresh()
        await (await self.get_state(EmployeePageState))._refresh(self.employee_id)
        return rx.toast.success(gettext(user.language, "Employment ended."))


def end_employment_dialog() -> rx.Component:
    """The End employment dialog."""
    s = EndEmploymentState
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(t("End employment")),
        rx.dialog.description(s.name, size="2", color_scheme="gray", margin_bottom="12px"),
        rx.vstack(
            rx.el.label(t("End date"), html_for="end-date", **LABEL),
            rx.input(type="date", value=s.end_date, on_change=lambda v: s.set_value("end_date", v), id="end-date"),
            error_for(s.errors, "end_date"),
            rx.el.label(t("Reason"), html_for="end-reason", **LABEL),
            rx.el.select(rx.el.option(t("Choose a reason"), value=""),
                         rx.foreach(s.reasons, lambda c: rx.el.option(c.label, value=c.value)),
                         value=s.reason, on_change=lambda v: s.set_value("reason", v), id="end-reason",
                         **NATIVE_SELECT),
            error_for(s.errors, "end_reason"),
            rx.el.label(t("Note (optional)"), html_for="end-note", **LABEL),
            rx.text_area(value=s.note, on_change=lambda v: s.set_value("note", v), id="end-note", rows="3",
                         width="100%"),
            error_for(s.errors, "note"),
            error_for(s.errors, "form"),
            spacing="2", width="100%"),
        rx.hstack(
            rx.dialog.close(rx.button(t("Cancel"), variant="soft", color_scheme="gray")),
            rx.button(t("End employment"), color_scheme="red", on_click=s.save, id="end-save"),
            justify="end", spacing="3", margin_top="16px"),
        max_width="440px", id="end-dialog",
    ), open=s.open, on_open_change=s.open_changed)
