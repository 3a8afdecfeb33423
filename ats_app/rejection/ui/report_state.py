"""The Rejection reasons report page's state: the project filter, the table, the totals and the chart.

Only recruiters and admins see the report (it is about how the organisation treats candidates, across
departments); a hiring manager gets `forbidden` and no data, whatever the browser sends. The chart's
data is one small row per reason, with a count per rejection type, so the state stays small however
many applications there are.
"""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts import access
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.stages import STAGE_COLOURS
from ats_app.core.errors import ProjectNotFound
from ats_app.rejection import report as rejection_report

CSV_ROUTE = "/reports/rejections.csv"
NO_TYPE_KEY = "none"  # the chart's key for rejections without a type ("" cannot be a data key)
CHART_ROW_HEIGHT = 44
CHART_PADDING = 80



@dataclass
class ReportLine:
    """One table row as shown."""

    type_label: str
    reason_label: str
    count: int
    median: str


@dataclass
class TotalLine:
    """One line of the totals by type or by reason."""

    label: str
    count: int
    median: str


@dataclass
class ProjectOption:
    """One choice in the project filter (the value is a string: a select's values are)."""

    value: str
    title: str


def chart_key(type_code: str) -> str:
    """The chart's data key for a rejection type."""
    return type_code or NO_TYPE_KEY


class RejectionReportState(rx.State):
    """What the report page shows for the chosen project (or all projects)."""

    forbidden: bool = False
    project: str = "all"
    projects: list[ProjectOption] = []
    rows: list[ReportLine] = []
    type_totals: list[TotalLine] = []
    reason_totals: list[TotalLine] = []
    total: int = 0
    median: str = ""
    chart: list[dict[str, str | int]] = []
    chart_series: list[dict[str, str]] = []  # {"key", "name", "colour"} per rejection type present
    chart_height: int = CHART_PADDING
    export_href: str = CSV_ROUTE

    async def _reload(self) -> None:
        user = current_user()
        if not access.may_act(user):
            self._clear()
            self.forbidden = True
            return
        self.forbidden = False
        project_id = int(self.project) if self.project.isdigit() else None
        try:
            report = await run_in_session(rejection_report.rejection_report, user, project_id)
        except ProjectNotFound:
            self.project = "all"
            report = await run_in_session(rejection_report.rejection_report, user, None)
        self._show(report, user.language)

    def _show(self, report: rejection_report.Report, language: str) -> None:
        days = rejection_report.days_text
        self.projects = [ProjectOption(str(p.id), p.title) for p in report.projects]
        self.rows = [ReportLine(r.type_label, r.reason_label, r.count, days(r.median_days, language))
                     for r in report.rows]
        self.type_totals = [TotalLine(t.label, t.count, days(t.median_days, language)) for t in report.by_type]
        self.reason_totals = [TotalLine(t.label, t.count, days(t.median_days, language)) for t in report.by_reason]
        self.total, self.median = report.total, days(report.median_days, language)
        by_reason: dict[str, dict[str, str | int]] = {}
        for total in report.by_reason:
            by_reason[total.code] = {"reason": total.label}
        for row in report.rows:
            by_reason[row.reason_code][chart_key(row.type_code)] = row.count
        self.chart = list(by_reason.values())
        self.chart_series = [{"key": chart_key(t.code), "name": t.label,
                              "colour": f"var(--{STAGE_COLOURS.get(t.code, 'gray')}-9)"} for t in report.by_type]
        self.chart_height = CHART_PADDING + CHART_ROW_HEIGHT * len(self.chart)
        self.export_href = CSV_ROUTE if report.project_id is None else f"{CSV_ROUTE}?project_id={report.project_id}"

    def _clear(self) -> None:
        self.projects, self.rows, self.type_totals, self.reason_totals = [], [], [], []
        self.chart, self.chart_series, self.total, self.median = [], [], 0, ""
        self.chart_height, self.export_href = CHART_PADDING, CSV_ROUTE

    @rx.event
    @requires()
    async def load(self):
        """Read the report when the page opens (and after a language switch)."""
        await self._reload()

    @rx.event
    @requires()
    async def set_project(self, value: str):
        """Show one project, or "all" the projects the user may see."""
        value = str(value)
        self.project = value if value == "all" or value.isdigit() else "all"
        await self._reload()
