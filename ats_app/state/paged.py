"""A searchable list shown 50 rows at a time: the shared behaviour of Deleted applications, the CV
database and Employees. Each concrete state says how to fetch one page."""

import reflex as rx

from ..services.i18n import gettext
from .guard import current_user, requires

PAGE_SIZE = 50


class PagedListState(rx.State, mixin=True):
    """search, page and the range label; subclasses implement _fetch(user, offset) -> total."""

    search: str = ""
    page: int = 0
    total: int = 0
    range_label: str = ""
    has_next: bool = False
    loading: bool = False

    async def _fetch(self, user, offset: int) -> int:
        raise NotImplementedError

    async def _reload(self) -> None:
        user = current_user()
        offset = self.page * PAGE_SIZE
        self.total = await self._fetch(user, offset)
        shown = min(PAGE_SIZE, max(self.total - offset, 0))
        self.has_next = offset + shown < self.total
        self.range_label = gettext(user.language, "{first}–{last} of {total}").format(
            first=offset + (1 if shown else 0), last=offset + shown, total=self.total)

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
        self.page = 0
        await self._reload()

    @rx.event
    @requires()
    async def next_page(self):
        """The next 50 rows."""
        if self.has_next:
            self.page += 1
            await self._reload()

    @rx.event
    @requires()
    async def previous_page(self):
        """The previous 50 rows."""
        if self.page > 0:
            self.page -= 1
            await self._reload()
