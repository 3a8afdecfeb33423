"""One employee's page: the record, where they were hired from, their contracts and their own history."""

import re
from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import EmployeeNotFound
from ats_app.core.i18n import N_, format_day, format_moment, gettext
from ats_app.core.phones import readable_phone
from ats_app.employees.history import END_REASONS
from ats_app.employees.profile import employee_detail

_EMPLOYEE_PATH = re.compile(r"/employees/(\d+)")


@dataclass
class LineView:
    at: str
    actor: str
    text: str


@dataclass
class ContractView:
    filename: str
    made: str
    acknowledged: str
    href: str


class EmployeePageState(rx.State):
    """What the employee page shows (one employee, read from the address)."""

    employee_id: int = 0
    not_found: bool = False
    name: str = ""
    email: str = ""
    mobile: str = ""
    position: str = ""
    department: str = ""
    start_date: str = ""
    ended_line: str = ""
    hired_line: str = ""  # "Hired from <project> on <date>" ("": added by hand)
    application_href: str = ""  # only when the user may see the application
    contracts: list[ContractView] = []
    history: list[LineView] = []

    async def _reload(self) -> None:
        user = current_user()
        lang, zone = user.language, user.time_zone
        try:
            found = await run_in_session(employee_detail, user, self.employee_id)
        except EmployeeNotFound:
            self.not_found, self.name, self.history, self.contracts = True, "", [], []
            return
        e = found.employee
        self.not_found = False
        self.name, self.email, self.mobile = f"{e.first_name} {e.last_name}", e.email or "", readable_phone(e.mobile)
        self.position, self.department = found.position, found.department
        self.start_date = format_day(e.start_date, lang)
        self.ended_line = ""
        if e.end_date:
            reason = gettext(lang, END_REASONS[e.end_reason]) if e.end_reason in END_REASONS else ""
            message = N_("Ended on {date}") if found.ended else N_("Ends on {date}")
            self.ended_line = " · ".join(filter(None, (gettext(lang, message).format(date=format_day(e.end_date, lang)),
                                                       reason)))
        self.hired_line = gettext(lang, N_("Hired from {project} on {date}")).format(
            project=found.hired_from, date=format_day(found.hired_on, lang)) if found.hired_from else ""
        self.application_href = f"/applications/{found.application_id}" if found.application_id else ""
        self.contracts = [ContractView(c.filename, format_moment(c.created_at, lang, zone),
                                       gettext(lang, N_("Acknowledged by {name} on {moment}")).format(
                                           name=c.acknowledged_name, moment=format_moment(c.acknowledged_at, lang,
                                                                                          zone))
                                       if c.acknowledged_at else "",
                                       f"/employees/{self.employee_id}/contracts/{c.id}") for c in found.contracts]
        self.history = [LineView(format_moment(h.at, lang, zone), h.actor, h.text) for h in found.history]

    async def _refresh(self, employee_id: int) -> None:
        """Read the record again after a dialog changed it, when this page shows that employee."""
        if employee_id and employee_id == self.employee_id:
            await self._reload()

    @rx.event
    @requires()
    async def load(self):
        """Open the employee named in the address."""
        match = _EMPLOYEE_PATH.search(self.router.url.path)
        self.employee_id = int(match.group(1)) if match else 0
        await self._reload()
