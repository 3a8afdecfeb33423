"""The Recruitment overview: one page of project rows with their counts."""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.ui.guard import requires, run_in_session
from ats_app.core.i18n import format_day
from ats_app.projects import overview
from ats_app.projects.editing import may_edit
from ats_app.ui.paged_state import PagedListState, one_of


@dataclass
class ProjectRow:
    """What the overview table shows for one project."""

    id: int
    title: str
    href: str
    department: str
    status: str
    deadline: str
    total: int
    new: int
    in_process: int
    processed: int
    saved: int


class OverviewState(PagedListState, rx.State):
    """The status filter and the visible page of projects."""

    rows: list[ProjectRow] = []
    status_filter: str = "all"
    may_edit: bool = False  # admins and recruiters create and edit projects

    def _page_size(self) -> int:
        return overview.PAGE_SIZE

    async def _fetch(self, user, offset: int) -> int:
        page = await run_in_session(
            overview.list_projects, user, status="" if self.status_filter == "all" else self.status_filter,
            search=self.search, offset=offset)
        self.may_edit = may_edit(user)
        self.rows = [
            ProjectRow(id=r.id, title=r.title, href=f"/projects/{r.id}", department=r.department, status=r.status,
                       deadline=format_day(r.deadline, user.language), **r.counts)
            for r in page.rows
        ]
        return page.total

    @rx.event
    @requires()
    async def set_status_filter(self, status: str | list[str]):
        """Show only open, draft or closed projects (or all)."""
        self.status_filter = one_of(status, ("all", "open", "draft", "closed"))
        await self._refilter()
