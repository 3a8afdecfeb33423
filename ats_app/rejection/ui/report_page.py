"""Rejection reasons: counts by rejection type and reason, how long candidates waited for the answer, a
chart of the reasons, and the same table as a CSV file. For recruiters and admins."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.rejection.report import COLUMNS
from ats_app.rejection.ui.report_state import RejectionReportState, ReportLine, TotalLine
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.paged_table import header_cells
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t

ROUTE = "/reports/rejections"


def _filter() -> rx.Component:
    return rx.hstack(
        rx.el.label(t("Recruitment project"), html_for="report-project", font_size="14px"),
        rx.el.select(
            rx.el.option(t("All projects"), value="all"),
            rx.foreach(RejectionReportState.projects, lambda p: rx.el.option(p.title, value=p.value)),
            value=RejectionReportState.project, on_change=RejectionReportState.set_project, id="report-project",
            **{**NATIVE_SELECT, "width": "320px"}),
        rx.spacer(),
        # A plain document download (not a client-side route): the CSV comes from ats_app/rejection/routes.py.
        rx.link(rx.hstack(rx.icon("download", size=16), rx.text(t("Export CSV")), spacing="2", align="center"),
                href=RejectionReportState.export_href, reload_document=True, download="rejection-reasons.csv",
                id="export-csv", weight="medium"),
        spacing="3", align="center", wrap="wrap", width="100%")


def _figure(label: str, value: rx.Var, figure_id: str) -> rx.Component:
    return rx.card(rx.vstack(rx.text(t(label), size="2", color_scheme="gray"),
                             rx.heading(value, size="6", id=figure_id), spacing="1"), min_width="220px")


def _chart() -> rx.Component:
    bars = rx.foreach(RejectionReportState.chart_series, lambda s: rx.recharts.bar(
        data_key=s["key"], name=s["name"], fill=s["colour"], stack_id="types", max_bar_size=28))
    return rx.card(
        rx.recharts.bar_chart(
            rx.recharts.cartesian_grid(stroke_dasharray="3 3", horizontal=False),
            rx.recharts.x_axis(type_="number", allow_decimals=False),
            rx.recharts.y_axis(data_key="reason", type_="category", width=300, tick={"fontSize": 12}),
            rx.recharts.graphing_tooltip(),
            rx.recharts.legend(),
            bars,
            data=RejectionReportState.chart, layout="vertical", height=RejectionReportState.chart_height, width="100%",
            margin={"top": 8, "right": 24, "left": 8, "bottom": 8}),
        width="100%", id="rejection-chart")


def _row(row: ReportLine) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.type_label), rx.table.cell(row.reason_label),
        rx.table.cell(row.count, text_align="right"), rx.table.cell(row.median, text_align="right"),
        class_name="report-row")


def _table() -> rx.Component:
    return rx.card(rx.box(rx.table.root(
        header_cells(*COLUMNS),
        rx.table.body(
            rx.foreach(RejectionReportState.rows, _row),
            rx.table.row(rx.table.row_header_cell(t("Total")), rx.table.cell(""),
                         rx.table.cell(rx.text.strong(RejectionReportState.total), text_align="right"),
                         rx.table.cell(rx.text.strong(RejectionReportState.median), text_align="right"),
                         id="report-total")),
        variant="ghost", size="2", width="100%", id="report-table"), overflow_x="auto", width="100%"), width="100%")


def _totals(title: str, first_column: str, lines: rx.Var, table_id: str) -> rx.Component:
    def line(total: TotalLine) -> rx.Component:
        return rx.table.row(rx.table.cell(total.label), rx.table.cell(total.count, text_align="right"),
                            rx.table.cell(total.median, text_align="right"))

    return rx.card(
        rx.heading(t(title), size="3", margin_bottom="8px"),
        rx.table.root(header_cells(first_column, COLUMNS[2], COLUMNS[3]), rx.table.body(rx.foreach(lines, line)),
                      variant="ghost", size="1", width="100%", id=table_id),
        flex="1", min_width="340px")


def _report() -> rx.Component:
    return rx.cond(
        RejectionReportState.total == 0,
        rx.callout(t("No rejections to report."), icon="info", id="no-rejections"),
        rx.vstack(
            rx.hstack(_figure(N_("Rejections"), RejectionReportState.total, "total-rejections"),
                      _figure(N_("Median days to rejection notice"), RejectionReportState.median, "median-days"),
                      spacing="3", wrap="wrap"),
            _chart(),
            _table(),
            rx.hstack(_totals(N_("By rejection type"), COLUMNS[0], RejectionReportState.type_totals, "totals-by-type"),
                      _totals(N_("By reason"), COLUMNS[1], RejectionReportState.reason_totals, "totals-by-reason"),
                      spacing="4", wrap="wrap", width="100%", align="start"),
            rx.text(t("Days are counted from the application to the rejection email, or to the rejection when "
                      "no email was sent."), size="1", color_scheme="gray"),
            spacing="4", width="100%"))


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Rejection reasons"),
                    N_("Rejections by type and reason, and how long candidates waited for the answer.")),
        _filter(),
        _report(),
        spacing="4", width="100%")


@rx.page(route=ROUTE, title="Rejection reasons · Nordlys ATS",
         on_load=[AuthState.require_login, RejectionReportState.load])
def rejection_report_page() -> rx.Component:
    """The Rejection reasons report, for recruiters and admins; hiring managers are told they may not."""
    return shell(rx.cond(RejectionReportState.forbidden,
                         rx.callout(t("Only recruiters and administrators can see the rejection reasons report."),
                                    icon="lock", color_scheme="red", id="report-forbidden"),
                         _content()),
                 active_route=ROUTE, on_locale_change=RejectionReportState.load)

