"""Email the ticked employees: the sender, one subject and body in the editor's format with the employee tags;
each employee gets their own copy through the outbox (employees.mailing)."""

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import EmployeeNotFound, InvalidChoice
from ats_app.core.i18n import gettext
from ats_app.employees import mailing
from ats_app.employees.register import employee_name
from ats_app.employees.ui.employee_page_state import EmployeePageState
from ats_app.employees.ui.employees_state import EmployeesState
from ats_app.mail.compose import default_sender
from ats_app.mail.kinds import EMPLOYEE_TAGS
from ats_app.ui.forms import LABEL, error_for
from ats_app.ui.translate import t

TAGS = ["{" + tag + "}" for tag in EMPLOYEE_TAGS]


class EmployeeEmailState(rx.State):
    """The Email dialog: to the ticked employees of the list, or the one of the employee page."""

    open: bool = False
    employee_ids: list[int] = []
    sender: str = ""
    subject: str = ""
    body: str = ""
    errors: dict[str, str] = {}
    sending: bool = False

    def _start(self, ids: list[int]) -> None:
        self.employee_ids, self.subject, self.body, self.errors = ids, "", "", {}
        self.sender = default_sender(current_user())
        self.open = bool(ids)

    @rx.event
    @requires(mailing.RIGHT)
    async def open_for_ticked(self):
        """Email the employees ticked on the list."""
        self._start(list((await self.get_state(EmployeesState)).ticked))

    @rx.event
    @requires(mailing.RIGHT)
    async def open_for_one(self, employee_id: int):
        """Email one employee (from their page; refused for one the user may not see)."""
        user = current_user()
        try:
            await run_in_session(employee_name, user, int(employee_id))
        except EmployeeNotFound:
            return rx.toast.error(gettext(user.language, "You do not have the right to do this."))
        self._start([int(employee_id)])

    @rx.event
    @requires(mailing.RIGHT)
    async def set_value(self, name: str, value: str):
        """Keep what was typed."""
        if name in ("sender", "subject", "body"):
            setattr(self, name, str(value)[:20_000])

    @rx.event
    @requires(mailing.RIGHT)
    async def open_changed(self, value: bool):
        """The dialog closed itself (Escape, a click outside, Cancel)."""
        if not value:
            self.open = False

    @rx.event
    @requires(mailing.RIGHT)
    async def send(self):
        """Queue one email per employee; a wrong field keeps the dialog open with its message."""
        user = current_user()
        self.sending = True
        yield
        form = mailing.EmployeeEmailForm(sender=self.sender, subject=self.subject, body=self.body)
        try:
            result = await run_in_session(mailing.email_employees, user, self.employee_ids, form)
        except InvalidChoice as wrong:
            self.errors = {wrong.field: gettext(user.language, wrong.message).format(**wrong.params)}
            self.sending = False
            return
        self.open, self.sending = False, False
        listing = await self.get_state(EmployeesState)
        listing.ticked = []
        await listing._refresh()
        for employee_id in self.employee_ids:
            await (await self.get_state(EmployeePageState))._refresh(employee_id)
        yield rx.toast.success(mailing.result_line(result, user.language))


def email_dialog() -> rx.Component:
    """The Email employees dialog."""
    s = EmployeeEmailState
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(t("Email employees")),
        rx.dialog.description(t("Each employee gets their own copy, with the tags filled in."), " (",
                              s.employee_ids.length(), ")", size="2", color_scheme="gray", margin_bottom="12px"),
        rx.vstack(
            rx.el.label(t("From"), html_for="employee-email-sender", **LABEL),
            rx.input(value=s.sender, on_change=lambda v: s.set_value("sender", v), id="employee-email-sender",
                     width="100%"),
            error_for(s.errors, "sender"),
            rx.el.label(t("Subject"), html_for="employee-email-subject", **LABEL),
            rx.input(value=s.subject, on_change=lambda v: s.set_value("subject", v), id="employee-email-subject",
                     width="100%"),
            error_for(s.errors, "subject"),
            rx.el.label(t("Content"), html_for="employee-email-body", **LABEL),
            rx.text_area(value=s.body, on_change=lambda v: s.set_value("body", v), id="employee-email-body",
                         rows="10", width="100%", resize="vertical"),
            error_for(s.errors, "body"),
            rx.text(t("Blank line: new paragraph. **bold**, *italic*, lines starting with - make a list, "
                      "[text](https://…) a link."), size="1", color_scheme="gray"),
            rx.text(t("Tags you can use:"), " ", *[rx.code(tag, margin_right="4px") for tag in TAGS],
                    size="1", color_scheme="gray"),
            error_for(s.errors, "recipients"),
            spacing="2", width="100%"),
        rx.hstack(
            rx.dialog.close(rx.button(t("Cancel"), variant="soft", color_scheme="gray")),
            rx.button(rx.icon("send", size=16), t("Send"), loading=s.sending, on_click=s.send,
                      id="employee-email-send"),
            justify="end", spacing="3", margin_top="16px"),
        max_width="620px", id="employee-email-dialog",
    ), open=s.open, on_open_change=s.open_changed)
