"""Application handling: one recruitment project's applicants, counted, filtered, ticked and moved on."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.applications.statuses import STATUS_LABELS
from ats_app.core.i18n import N_
from ats_app.handling.ui.further_progress_forms import further_progress
from ats_app.handling.ui.list_state import ApplicantView, ApplicationListState
from ats_app.intake.ui.add_candidate import add_candidate_dialog
from ats_app.offers.ui.offer_section import offer_badge
from ats_app.panel_review.ui.panels_section import panels_section
from ats_app.projects.screening import KNOCKED_OUT, MEETS
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.shell import shell
from ats_app.ui.status_badges import application_status_badge
from ats_app.ui.translate import t

SUMMARY = (("all", N_("All applications")), ("new", N_("New")), ("in_process", N_("In process")),
           ("processed", N_("Processed")), ("saved", N_("Saved")), ("deleted", N_("Deleted")))
RANKINGS = (("1", "1"), ("2", "2"), ("3", "3"))
REQUIREMENTS = ((MEETS, N_("Meets requirements")), (KNOCKED_OUT, N_("Knocked out")))


def _summary_card(key: str, label: str) -> rx.Component:
    active = ApplicationListState.group == key
    return rx.button(
        rx.vstack(rx.text(ApplicationListState.counts[key].to(int), size="5", weight="bold"),
                  rx.text(t(label), size="1"), spacing="0", align="start"),
        on_click=ApplicationListState.set_group(key), variant=rx.cond(active, "solid", "surface"),
        color_scheme=rx.cond(key == "deleted", "gray", "teal"), height="auto", padding="8px 14px",
        id=f"summary-{key}", aria_pressed=rx.cond(active, "true", "false"),
    )


def _ranking_select(row: ApplicantView) -> rx.Component:
    return rx.el.select(
        rx.el.option("–", value="0"), *[rx.el.option(label, value=value) for value, label in RANKINGS],
        value=row.ranking, on_change=lambda v: ApplicationListState.set_ranking(row.id, v),
        disabled=~ApplicationListState.may_rank, aria_label=t("Ranking"), class_name="ranking-select",
        **{**NATIVE_SELECT, "padding": "2px 6px", "min_height": "26px"},
    )


def _requirements_cell(row: ApplicantView) -> rx.Component:
    """Meets / Knocked out (nothing when the project asks no knock-out question), and the automatic rejection's
    day when one is scheduled."""
    return rx.vstack(
        rx.match(row.requirements,
                 (MEETS, rx.badge(t("Meets"), color_scheme="green", variant="soft")),
                 (KNOCKED_OUT, rx.badge(t("Knocked out"), color_scheme="red", variant="soft")),
                 rx.fragment()),
        rx.cond(row.auto_reject_on != "",
                rx.text(t("Automatic rejection"), " ", row.auto_reject_on, size="1", color_scheme="gray",
                        white_space="nowrap", class_name="auto-reject-on")),
        spacing="1", class_name="requirements", data_requirements=row.requirements)


def _row(row: ApplicantView) -> rx.Component:
    ticked = ApplicationListState.ticked.contains(row.id)
    return rx.table.row(
        rx.table.cell(rx.checkbox(checked=ticked, on_change=lambda _v: ApplicationListState.toggle_tick(row.id),
                                  aria_label=row.name, class_name="tick")),
        rx.table.cell(rx.vstack(rx.link(row.name, href=row.href, weight="medium", class_name="applicant-name"),
                                rx.text(row.email, size="1", color_scheme="gray", class_name="applicant-email"),
                                spacing="0")),
        rx.table.cell(rx.vstack(application_status_badge(row.status, row.stage), offer_badge(row.offer), spacing="1")),
        rx.table.cell(_requirements_cell(row)),
        rx.table.cell(_ranking_select(row)),
        rx.table.cell(row.rating, text_align="right", white_space="nowrap", class_name="applicant-rating"),
        rx.table.cell(row.applied, white_space="nowrap"),
        rx.table.cell(row.language),
        class_name="applicant-row", background=rx.cond(ticked, rx.color("accent", 2), "transparent"),
    )


def _sort_header(key: str, label: str, align: str = "left") -> rx.Component:
    arrow = rx.cond(ApplicationListState.sort == key, rx.cond(ApplicationListState.descending, " ↓", " ↑"), "")
    return rx.table.column_header_cell(
        rx.button(t(label), arrow, variant="ghost", size="1", on_click=ApplicationListState.sort_by(key),
                  id=f"sort-{key}",
                  color_scheme="gray", style={"font_weight": "600"}),
        white_space="nowrap", text_align=align,
    )


def _filters() -> rx.Component:
    return rx.hstack(
        rx.input(rx.input.slot(rx.icon("search", size=16)), placeholder=t("Search by name or email"),
                 on_change=ApplicationListState.set_search, id="applicant-search", width="280px"),
        rx.el.select(
            rx.el.option(t("Every status"), value=""),
            *[rx.el.option(t(label), value=key) for key, label in STATUS_LABELS.items()],
            value=ApplicationListState.status_filter, on_change=ApplicationListState.set_status_filter,
            id="status-filter", aria_label=t("Status"), **NATIVE_SELECT,
        ),
        rx.el.select(
            rx.el.option(t("Meets requirements or not"), value=""),
            *[rx.el.option(t(label), value=value) for value, label in REQUIREMENTS],
            value=ApplicationListState.requirements_filter, on_change=ApplicationListState.set_requirements_filter,
            id="requirements-filter", aria_label=t("Requirements"), **NATIVE_SELECT,
        ),
        rx.el.select(
            rx.el.option(t("Any ranking"), value=""), rx.el.option(t("Not ranked"), value="0"),
            *[rx.el.option(t("Ranking") + " " + label, value=value) for value, label in RANKINGS],
            value=ApplicationListState.ranking_filter, on_change=ApplicationListState.set_ranking_filter,
            id="ranking-filter", aria_label=t("Ranking"), **NATIVE_SELECT,
        ),
        spacing="3", align="center", wrap="wrap",
    )


def _table() -> rx.Component:
    return rx.card(
        rx.table.root(
            rx.table.header(rx.table.row(
                rx.table.column_header_cell(rx.checkbox(checked=ApplicationListState.all_on_page_ticked,
                                                        on_change=ApplicationListState.tick_all_on_page,
                                                        aria_label=t("Tick all on this page"), id="tick-all")),
                _sort_header("name", N_("Name")), _sort_header("status", N_("Status for the project")),
                rx.table.column_header_cell(rx.text(t("Requirements"), size="1", color_scheme="gray",
                                                    style={"font_weight": "600"}), white_space="nowrap"),
                _sort_header("ranking", N_("Ranking")), _sort_header("rating", N_("Rating"), "right"),
                _sort_header("applied", N_("Applied")), _sort_header("language", N_("Language")),
            )),
            rx.table.body(rx.foreach(ApplicationListState.rows, _row)),
            variant="ghost", size="1", width="100%", id="applicants-table",
        ),
        rx.cond(ApplicationListState.total == 0,
                rx.center(rx.text(t("No applicants match."), color_scheme="gray"), padding="32px")),
        rx.hstack(
            rx.text(ApplicationListState.range_label, size="2", color_scheme="gray", id="range-label"),
            rx.cond(ApplicationListState.loading, rx.spinner(size="1")),
            rx.spacer(),
            rx.button(rx.icon("chevron-left", size=16), on_click=ApplicationListState.previous_page, variant="soft",
                      size="1",
                      disabled=ApplicationListState.page == 0, aria_label=t("Previous page"), id="previous-page"),
            rx.button(rx.icon("chevron-right", size=16), on_click=ApplicationListState.next_page, variant="soft",
                      size="1",
                      disabled=~ApplicationListState.has_next, aria_label=t("Next page"), id="next-page"),
            align="center", padding_top="12px",
        ),
        width="100%", overflow_x="auto",
    )


def _content() -> rx.Component:
    return rx.cond(
        ApplicationListState.not_found,
        rx.callout(t("This recruitment project does not exist or you may not see it."), icon="circle-alert",
                   color_scheme="red", id="not-found"),
        rx.vstack(
            rx.vstack(
                rx.link(t("Recruitment overview"), href="/", size="2"),
                rx.hstack(rx.heading(ApplicationListState.project_title, size="7", id="page-title"),
                          rx.cond(ApplicationListState.may_edit_project,
                                  rx.link(rx.hstack(rx.icon("pencil", size=14), rx.text(t("Edit project")), spacing="1",
                                                    align="center"), size="2", id="edit-project",
                                          href="/projects/" + ApplicationListState.project_id.to_string() + "/edit")),
                          add_candidate_dialog(ApplicationListState.may_rank), align="center", spacing="4",
                          wrap="wrap"),
                rx.text(t("Application handling"), color_scheme="gray", size="2"),
                spacing="1", margin_bottom="12px",
            ),
            rx.hstack(*[_summary_card(k, label) for k, label in SUMMARY], spacing="2", wrap="wrap", id="summary"),
            panels_section(ApplicationListState.project_id),
            _filters(),
            further_progress(rx.text(t("Ticked:"), " ", ApplicationListState.ticked_count, size="2",
                                     color_scheme="gray", id="ticked-count")),
            _table(),
            width="100%", spacing="4",
        ),
    )


@rx.page(route="/projects/[project_id]", title="Application handling · Nordlys ATS",
         on_load=[AuthState.require_login, ApplicationListState.load])
def application_handling_page() -> rx.Component:
    """Every application to one recruitment project."""
    return shell(_content(), active_route="/", on_locale_change=ApplicationListState.load)

