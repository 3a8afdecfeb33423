"""A searchable list shown a page at a time, and one whose rows can be ticked: the behaviour shared by
the Recruitment overview, Application handling, Deleted applications, the CV database, the Outbox and
Employees. Each concrete state says how to fetch one page."""

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires
from ats_app.core.i18n import gettext

PAGE_SIZE = 50


def one_of(value: str | list[str], allowed: tuple[str, ...]) -> str:
    """A segmented control's value (it may arrive as a one-item list) if allowed, else allowed[0]."""
    value = value[0] if isinstance(value, list) and value else value
    return value if value in allowed else allowed[0]


class PagedListState(rx.State, mixin=True):
    """search, page and the range label; subclasses implement _fetch(user, offset) -> total."""

    search: str = ""
    page: int = 0
    total: int = 0
    range_label: str = ""
    has_next: bool = False
    loading: bool = False

    def _page_size(self) -> int:
        return PAGE_SIZE

    async def _fetch(self, user, offset: int) -> int:
        raise NotImplementedError

    async def _reload(self) -> None:
        user = current_user()
        size = self._page_size()
        offset = self.page * size
        self.total = await self._fetch(user, offset)
        shown = min(size, max(self.total - offset, 0))
        self.has_next = offset + shown < self.total
        self.range_label = gettext(user.language, "{first}–{last} of {total}").format(
            first=offset + (1 if shown else 0), last=offset + shown, total=self.total)

    async def _refilter(self) -> None:
        """A filter or the search changed: back to the first page."""
        self.page = 0
        await self._reload()

    @rx.event
    @requires()
    async def load(self):
        """Show the first page when the page opens."""
        self.loading = True
        yield
        await self._reload()
        self.loading = False

    @rx.event(debounce=250)
    @requires()
    async def set_search(self, text: str):
        """Search as the user types."""
        self.search = str(text)[:200]
        await self._refilter()

    @rx.event
    @requires()
    async def next_page(self):
        """The next page of rows."""
        if self.has_next:
            self.page += 1
            await self._reload()

    @rx.event
    @requires()
    async def previous_page(self):
        """The previous page of rows."""
        if self.page > 0:
            self.page -= 1
            await self._reload()


class TickedListState(PagedListState, mixin=True):
    """A paged list whose rows (each with an id) can be ticked for an action."""

    ticked: list[int] = []

    def _row_ids(self) -> list[int]:
        return [row.id for row in self.rows]

    def _keep_ticks_on_page(self) -> None:
        on_page = self._row_ids()
        self.ticked = [i for i in self.ticked if i in on_page]

    @rx.var
    def ticked_count(self) -> int:
        """How many rows are ticked, on any page."""
        return len(self.ticked)

    @rx.var
    def all_on_page_ticked(self) -> bool:
        """True when every row on this page is ticked (the header tick box)."""
        on_page = self._row_ids()
        return bool(on_page) and all(i in self.ticked for i in on_page)

    @rx.event
    @requires()
    async def toggle_tick(self, row_id: int):
        """Tick or untick one row (only rows on this page can be ticked)."""
        if row_id in self.ticked:
            self.ticked = [i for i in self.ticked if i != row_id]
        elif row_id in self._row_ids():
            self.ticked = [*self.ticked, row_id]

    @rx.event
    @requires()
    async def tick_all_on_page(self, checked: bool):
        """The header tick box: tick (or untick) every row on this page."""
        on_page = self._row_ids()
        rest = [i for i in self.ticked if i not in on_page]
        self.ticked = rest + on_page if checked else rest
