"""Employees: people hired through recruitment projects."""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.ui.guard import run_in_session
from ats_app.core.i18n import format_day
from ats_app.employees import register as employees
from ats_app.ui.paged_state import PagedListState


@dataclass
class EmployeeView:
    id: int
    name: str
    position: str
    department: str
    start_date: str
    project: str


class EmployeesState(PagedListState, rx.State):
    """One page of employees."""

    rows: list[EmployeeView] = []

    async def _fetch(self, user, offset: int) -> int:
        rows, total = await run_in_session(employees.list_employees, user, search=self.search, offset=offset)
        self.rows = [EmployeeView(r.id, r.name, r.position, r.department, format_day(r.start_date, user.language),
                                  r.project) for r in rows]
        return total
