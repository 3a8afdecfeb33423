"""The Recruitment overview: one page of project rows with their counts."""

from dataclasses import dataclass

import reflex as rx

from ..services import overview
from ..services.i18n import format_day, gettext
from .guard import current_user, requires, run_in_session


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


class OverviewState(rx.State):
    """Filters, the visible page of projects and the paging label."""

    rows: list[ProjectRow] = []
    total: int = 0
    page: int = 0
    status_filter: str = "all"
    search: str = ""
    range_label: str = ""
    has_next: bool = False
    loading: bool = False

    async def _reload(self) -> None:
        user = current_user()
        page = await run_in_session(
            overview.list_projects, user, status="" if self.status_filter == "all" else self.status_filter,
            search=self.search, offset=self.page * overview.PAGE_SIZE)
        self.rows = [
            ProjectRow(id=r.id, title=r.title, href=f"/projects/{r.id}", department=r.department, status=r.status,
                       deadline=format_day(r.deadline, user.language), **r.counts)
            for r in page.rows
        ]
        self.total = page.total
        self.has_next = (self.page + 1) * overview.PAGE_SIZE < page.total
        first = self.page * overview.PAGE_SIZE + (1 if page.rows else 0)
        self.range_label = gettext(user.language, "{first}–{last} of {total}").format(
            first=first, last=self.page * overview.PAGE_SIZE + len(page.rows), total=page.total)

    @rx.event
    @requires()
    async def load(self):
        """Fill the table when the page opens (and after a language switch, for dates)."""
        self.loading = True
        yield
        await self._reload()
        self.loading = False

    @rx.event
    @requires()
    async def set_status_filter(self, status: str | list[str]):
        """Show only open, draft or closed projects (or all)."""
        status = status[0] if isinstance(status, list) and status else status
        self.status_filter = status if status in ("all", "open", "draft", "closed") else "all"
        self.page = 0
        await self._reload()

    @rx.event(debounce=250)
    @requires()
    async def set_search(self, text: str):
        """Search project titles and departments as the recruiter types."""
        self.search = str(text)[:200]
        self.page = 0
        await self._reload()

    @rx.event
    @requires()
    async def next_page(self):
        """The next page of projects, if there is one."""
        if self.has_next:
            self.page += 1
            await self._reload()

    @rx.event
    @requires()
    async def previous_page(self):
        """The previous page of projects."""
        if self.page > 0:
            self.page -= 1
            await self._reload()
