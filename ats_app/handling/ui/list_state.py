"""Application handling: one project's summary, one page of applicant rows, and the ticked ones."""

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import reflex as rx

from ats_app.accounts.ui.guard import requires, run_in_session
from ats_app.applications.statuses import STATUS_LABELS
from ats_app.core.errors import ProjectNotFound
from ats_app.core.i18n import LANGUAGES, format_average, format_day
from ats_app.handling import applicant_list
from ats_app.handling import ranking as ranking_rules
from ats_app.handling.ui.further_progress_state import ActionPage, FurtherProgressState
from ats_app.handling.ui.ranking_edit import change_ranking
from ats_app.models.base import utcnow
from ats_app.projects.editing import may_edit
from ats_app.projects.screening import KNOCKED_OUT, MEETS
from ats_app.rejection.automatic import due_at
from ats_app.ui.paged_state import TickedListState

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
    rating: str  # "5.5 (3)": the average and how many rated
    applied: str
    language: str
    requirements: str  # "meets", "knocked_out", or "" when the project asks nothing that can knock out
    auto_reject_on: str  # the day the automatic rejection happens ("" when none is scheduled)
    offer: str = ""  # where the current offer stands (offers.status), "" without one


def _requirements(knocked_out: bool | None) -> str:
    return "" if knocked_out is None else KNOCKED_OUT if knocked_out else MEETS


class ApplicationListState(ActionPage, TickedListState, rx.State):
    """The project's counts and one page of applicants; the rest stays in the database."""

    project_id: int = 0
    project_title: str = ""
    not_found: bool = False
    counts: dict[str, int] = {}
    group: str = "all"
    status_filter: str = ""
    ranking_filter: str = ""  # "", "0" (not ranked), "1".."3"
    requirements_filter: str = ""  # "", "meets", "knocked_out"
    sort: str = "applied"
    descending: bool = True
    rows: list[ApplicantView] = []
    may_rank: bool = False
    may_edit_project: bool = False

    async def _fetch(self, user, offset: int) -> int:
        ranking = int(self.ranking_filter) if self.ranking_filter else None

        try:
            project, self.counts, found = await run_in_session(
                applicant_list.handling_page, user, self.project_id, group=self.group, status=self.status_filter,
                ranking=ranking, search=self.search, requirements=self.requirements_filter, sort=self.sort,
                descending=self.descending, offset=offset)
        except ProjectNotFound:
            self.not_found, self.rows, self.counts = True, [], {}
            return 0
        self.not_found, self.project_title = False, project.title
        self.may_rank = ranking_rules.may_rank(user)
        self.may_edit_project = may_edit(user)
        zone, now, days = ZoneInfo(user.time_zone), utcnow(), project.auto_reject_after_days

        def auto_reject_on(r) -> str:
            at = due_at(days, knocked_out=r.knocked_out, status=r.status, applied_at=r.applied_at,
                        stopped=r.auto_reject_stopped, deleted=self.group == "deleted")
            return format_day(max(at, now).astimezone(zone).date(), user.language) if at else ""

        self.rows = [
            ApplicantView(id=r.application_id, href=f"/applications/{r.application_id}", name=r.name, email=r.email,
                          status=r.status, stage=r.rejection_stage or "", ranking=str(r.ranking or 0),
                          rating=format_average(r.rating, r.rating_count, user.language),
                          applied=format_day(r.applied_at.date(), user.language),
                          language=LANGUAGES.get(r.language, r.language),
                          requirements=_requirements(r.knocked_out), auto_reject_on=auto_reject_on(r),
                          offer=r.offer)
            for r in found.rows
        ]
        return found.total

    async def _chosen_ids(self) -> list[int]:
        return list(self.ticked)

    async def _after_action(self):
        """After a run: the ticks are done with, the page shows where everyone stands now."""
        self.ticked = []
        await self._reload()
        return None

    async def _refilter(self) -> None:
        self.ticked = []  # what was ticked under another filter is not what the recruiter sees now
        await super()._refilter()

    @rx.event
    @requires()
    async def load(self):
        """Open the project named in the address and show its first page."""
        match = _PROJECT_PATH.search(self.router.url.path)
        project_id = int(match.group(1)) if match else 0
        if project_id != self.project_id:  # another project: start from its defaults
            self.project_id, self.group, self.status_filter, self.ranking_filter = project_id, "all", "", ""
            self.requirements_filter = ""
            self.search, self.sort, self.descending, self.page, self.ticked = "", "applied", True, 0, []
        self.loading = True
        yield
        await self._reload()
        (await self.get_state(FurtherProgressState))._enter(self)
        self.loading = False

    @rx.event
    @requires()
    async def set_group(self, group: str):
        """A summary count was clicked: show that group (all, new, in process, processed, saved, deleted)."""
        self.group = group if group in applicant_list.SUMMARY_KEYS else "all"
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

    @rx.event
    @requires()
    async def set_requirements_filter(self, requirements: str):
        """Show those who meet the screening questions' requirements, or those knocked out, or all ("")."""
        self.requirements_filter = requirements if requirements in applicant_list.REQUIREMENTS else ""
        await self._refilter()

    @rx.event
    @requires()
    async def sort_by(self, key: str):
        """Sort by a column; the same column again turns the order round."""
        if key not in applicant_list.SORT_KEYS:
            return
        self.descending = not self.descending if key == self.sort else key in ("applied", "rating", "ranking")
        self.sort = key
        self.page = 0
        await self._reload()

    @rx.event
    @requires()
    async def set_ranking(self, application_id: int, ranking: str):
        """The recruiter ranked an applicant 1–3 (or took the ranking away) right in the list."""
        refused = await change_ranking(application_id, ranking)
        await self._reload()
        return refused
