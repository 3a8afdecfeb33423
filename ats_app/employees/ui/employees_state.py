"""The Employees page's list: one page of rows the user may see, searched and filtered by department and by
current / ended, with ticks for Email; the rules decide the scope (employees.register)."""

from dataclasses import dataclass
from urllib.parse import urlencode

import reflex as rx

from ats_app.accounts.ui.guard import requires, run_in_session
from ats_app.core.i18n import N_, format_day, gettext
from ats_app.core.phones import readable_phone
from ats_app.employees import register as employees
from ats_app.employees.history import END_REASONS
from ats_app.ui.forms import Choice
from ats_app.ui.paged_state import TickedListState, one_of


@dataclass
class EmployeeView:
    id: int
    name: str
    email: str
    mobile: str
    position: str
    department: str
    start_date: str
    ended_line: str  # "Ended on 30 Jun 2027 · Resigned" / "Ends on …" ("": employed)
    ended: bool
    project: str
    href: str


class EmployeesState(TickedListState, rx.State):
    """One page of employees, the filters and the ticked rows."""

    rows: list[EmployeeView] = []
    department: str = ""  # "" : every department
    shown: str = "current"
    departments: list[Choice] = []

    async def _fetch(self, user, offset: int) -> int:
        department_id = int(self.department) if self.department.isdigit() else None
        rows, total = await run_in_session(employees.list_employees, user, search=self.search,
                                           department_id=department_id, shown=self.shown, offset=offset)
        self.departments = [Choice(str(i), name) for i, name in
                            await run_in_session(employees.departments_for, user)]
        lang = user.language
        self.rows = [EmployeeView(r.id, r.name, r.email, readable_phone(r.mobile), r.position, r.department,
                                  format_day(r.start_date, lang), _ended_line(r, lang), r.ended, r.project,
                                  f"/employees/{r.id}") for r in rows]
        self._keep_ticks_on_page()
        return total

    @rx.var
    def export_href(self) -> str:
        """The CSV of the list as filtered now (the route applies the same scope)."""
        query = {"q": self.search, "department": self.department, "shown": self.shown}
        return "/employees/export.csv?" + urlencode({k: v for k, v in query.items() if v})

    @rx.event
    @requires()
    async def set_department(self, value: str):
        """Only this department's employees ("" : all)."""
        self.department = value if str(value).isdigit() else ""
        await self._refilter()

    @rx.event
    @requires()
    async def set_shown(self, value: str | list[str]):
        """Current employees, those whose employment ended, or everyone."""
        self.shown = one_of(value, employees.SHOWN)
        await self._refilter()

    async def _refresh(self) -> None:
        """Read the page again after a change made in a dialog (called from other states)."""
        await self._reload()


def _ended_line(row: employees.EmployeeRow, language: str) -> str:
    if row.end_date is None:
        return ""
    message = N_("Ended on {date}") if row.ended else N_("Ends on {date}")
    text = gettext(language, message).format(date=format_day(row.end_date, language))
    if row.end_reason in END_REASONS:
        text += " · " + gettext(language, END_REASONS[row.end_reason])
    return text

