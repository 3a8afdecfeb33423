"""Application handling: one project's summary, one page of applicant rows, and the ticked ones."""

import re
from dataclasses import dataclass

import reflex as rx

from ..services import actions, application_list as listing
from ..services.i18n import LANGUAGES, format_day, gettext
from ..services.statuses import STATUS_LABELS
from .further_progress import FurtherProgressState
from .guard import current_user, requires, run_in_session

_PROJECT_PATH = re.compile(r"/projects/(\d+)")


@dataclass
class ApplicantView:
    """One row as the table shows it: only strings and small numbers, already formatted."""

    id: int
    href: str
    name: str
    email: str
    status: str
    stage: str
    ranking: str  # "0" (not ranked) to "3", for the ranking select
    rating: str
    applied: str
    language: str


class ApplicationListState(rx.State):
    """The project's counts and one page of applicants; the rest stays in the database."""

    project_id: int = 0
    project_title: str = ""
    not_found: bool = False
    counts: dict[str, int] = {}
    group: str = "all"
    status_filter: str = ""
    ranking_filter: str = ""  # "", "0" (not ranked), "1".."3"
    search: str = ""
    sort: str = "applied"
    descending: bool = True
    page: int = 0
    rows: list[ApplicantView] = []
    total: int = 0
    range_label: str = ""
    has_next: bool = False
    ticked: list[int] = []
    loading: bool = False
    may_rank: bool = False

    @rx.var
    def all_on_page_ticked(self) -> bool:
        """True when every row on this page is ticked (the header tick box)."""
        return bool(self.rows) and all(r.id in self.ticked for r in self.rows)

    @rx.var
    def ticked_count(self) -> int:
        """How many applicants are ticked, on any page."""
        return len(self.ticked)

    async def _reload(self) -> None:
        user = current_user()
        ranking = int(self.ranking_filter) if self.ranking_filter else None

        def fetch(session):
            return (listing.visible_project(session, user, self.project_id).title,
                    listing.summary(session, user, self.project_id),
                    listing.list_applicants(session, user, self.project_id, group=self.group,
                                            status=self.status_filter, ranking=ranking, search=self.search,
                                            sort=self.sort, descending=self.descending,
                                            offset=self.page * listing.PAGE_SIZE))

        try:
            self.project_title, self.counts, found = await run_in_session(fetch)
        except listing.ProjectNotFound:
            self.not_found, self.rows, self.total, self.counts = True, [], 0, {}
            return
        self.not_found = False
        self.may_rank = actions.allowed(user, "ranking")
        self.rows = [
            ApplicantView(id=r.application_id, href=f"/applications/{r.application_id}", name=r.name, email=r.email,
                          status=r.status, stage=r.rejection_stage or "", ranking=str(r.ranking or 0),
                          rating=f"{r.rating:.1f}" if r.rating is not None else "",
                          applied=format_day(r.applied_at.date(), user.language),
                          language=LANGUAGES.get(r.language, r.language))
            for r in found.rows
        ]
        self.total = found.total
        first = self.page * listing.PAGE_SIZE
        self.has_next = first + len(found.rows) < found.total
        self.range_label = gettext(user.language, "{first}–{last} of {total}").format(
            first=first + (1 if found.rows else 0), last=first + len(found.rows), total=found.total)

    async def _refilter(self) -> None:
        self.page = 0
        self.ticked = []
        await self._reload()

    @rx.event
    @requires()
    async def load(self):
        """Open the project named in the address and show its first page."""
        match = _PROJECT_PATH.search(self.router.url.path)
        project_id = int(match.group(1)) if match else 0
        if project_id != self.project_id:  # another project: start from its defaults
            self.project_id, self.group, self.status_filter, self.ranking_filter = project_id, "all", "", ""
            self.search, self.sort, self.descending, self.page, self.ticked = "", "applied", True, 0, []
        self.loading = True
        yield
        await self._reload()
        (await self.get_state(FurtherProgressState))._enter("list")
        self.loading = False

    @rx.event
    @requires()
    async def set_group(self, group: str):
        """A summary count was clicked: show that group (all, new, in process, processed, saved, deleted)."""
        self.group = group if group in listing.SUMMARY_KEYS else "all"
        self.status_filter = ""
        await self._refilter()

    @rx.event
    @requires()
    async def set_status_filter(self, status: str):
        """Show one status for the project only ("" for every status)."""
        self.status_filter = status if status in STATUS_LABELS else ""
        await self._refilter()

    @rx.event
    @requires()
    async def set_ranking_filter(self, ranking: str):
        """Show applicants ranked 1, 2 or 3, or not ranked ("0"), or all ("")."""
        self.ranking_filter = ranking if ranking in ("0", "1", "2", "3") else ""
        await self._refilter()

    @rx.event(debounce=250)
    @requires()
    async def set_search(self, text: str):
        """Search names and emails as the recruiter types."""
        self.search = str(text)[:200]
        await self._refilter()

    @rx.event
    @requires()
    async def sort_by(self, key: str):
        """Sort by a column; the same column again turns the order round."""
        if key not in listing.SORT_KEYS:
            return
        self.descending = not self.descending if key == self.sort else key in ("applied", "rating", "ranking")
        self.sort = key
        self.page = 0
        await self._reload()

    @rx.event
    @requires()
    async def next_page(self):
        """The next 50 applicants."""
        if self.has_next:
            self.page += 1
            await self._reload()

    @rx.event
    @requires()
    async def previous_page(self):
        """The previous 50 applicants."""
        if self.page > 0:
            self.page -= 1
            await self._reload()

    @rx.event
    @requires()
    async def toggle_tick(self, application_id: int):
        """Tick or untick one applicant (only rows on this page can be ticked)."""
        if application_id in self.ticked:
            self.ticked = [i for i in self.ticked if i != application_id]
        elif any(r.id == application_id for r in self.rows):
            self.ticked = [*self.ticked, application_id]

    @rx.event
    @requires()
    async def tick_all_on_page(self, checked: bool):
        """The header tick box: tick (or untick) every applicant on this page."""
        on_page = [r.id for r in self.rows]
        rest = [i for i in self.ticked if i not in on_page]
        self.ticked = rest + on_page if checked else rest

    @rx.event
    @requires()
    async def set_ranking(self, application_id: int, ranking: str):
        """The recruiter ranked an applicant 1–3 (or took the ranking away) right in the list."""
        user = current_user()
        try:
            await run_in_session(actions.set_ranking, user, int(application_id), int(ranking or 0))
        except (actions.NotAllowed, actions.InvalidChoice, actions.ActionRefused, ValueError):
            await self._reload()
            return rx.toast.error(gettext(user.language, "The ranking was not changed."))
        await self._reload()
