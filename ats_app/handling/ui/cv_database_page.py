"""The CV database: saved candidates worth remembering, searchable, transferable into a project."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.handling import cv_database
from ats_app.handling.ui.cv_database_state import CvDatabaseState, SavedView
from ats_app.handling.ui.further_progress import target_select
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.paged_table import paged_table, result_callout, search_box
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t


def _row(row: SavedView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.checkbox(checked=CvDatabaseState.ticked.contains(row.id),
                                  on_change=lambda _v: CvDatabaseState.toggle_tick(row.id),
                                  aria_label=row.name, class_name="tick")),
        rx.table.cell(rx.vstack(rx.text(row.name, weight="medium", class_name="saved-name"),
                                rx.text(row.email, size="1", color_scheme="gray"), spacing="0")),
        rx.table.cell(row.language),
        rx.table.cell(row.saved_from),
        rx.table.cell(row.saved_on, white_space="nowrap"),
        rx.table.cell(rx.cond(row.cv_href != "",
                              rx.link(rx.icon("file-text", size=16), href=row.cv_href, aria_label="CV"))),
        class_name="saved-row",
    )


def _transfer_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Transfer")),
            rx.vstack(
                rx.segmented_control.root(
                    rx.segmented_control.item(t("Open"), value="open"),
                    rx.segmented_control.item(t("Closed"), value="closed"),
                    value=CvDatabaseState.target_status, on_change=CvDatabaseState.set_target_status,
                ),
                rx.el.label(t("Transfer to"), html_for="cv-transfer-target", font_weight="500", font_size="14px"),
                target_select(CvDatabaseState.targets, CvDatabaseState.target, CvDatabaseState.set_target,
                              "cv-transfer-target", cv_database=False),
                rx.cond(CvDatabaseState.error != "",
                        rx.text(CvDatabaseState.error, color_scheme="red", size="2", class_name="field-error")),
                spacing="3", width="100%",
            ),
            rx.hstack(
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=CvDatabaseState.cancel_transfer),
                rx.button(t("Transfer"), on_click=CvDatabaseState.transfer, id="cv-transfer-confirm"),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="520px",
        ),
        open=CvDatabaseState.transferring,
    )


@rx.page(route="/cv-database", title="CV database · Nordlys ATS",
         on_load=[AuthState.require_login, CvDatabaseState.load])
def cv_database_page() -> rx.Component:
    """Saved candidates from every project the user may see."""
    return shell(rx.cond(
        AuthState.user_rights.contains(cv_database.RIGHT),
        rx.vstack(
            page_header(N_("CV database"), N_("Saved candidates, searchable by name, email and skills in the CV.")),
            rx.hstack(
                search_box(CvDatabaseState, N_("Search by name, email or skills"), "cv-search"),
                rx.el.select(rx.el.option(t("Every language"), value=""),
                             *[rx.el.option(name, value=code) for code, name in LANGUAGES.items()],
                             value=CvDatabaseState.language, on_change=CvDatabaseState.set_language, id="cv-language",
                             aria_label=t("Language"), **NATIVE_SELECT),
                rx.cond(CvDatabaseState.may_transfer,
                        rx.button(rx.icon("arrow-right-left", size=16), t("Transfer to a project"),
                                  on_click=CvDatabaseState.open_transfer, id="cv-transfer")),
                spacing="3", align="center", wrap="wrap",
            ),
            rx.cond((CvDatabaseState.error != "") & ~CvDatabaseState.transferring,
                    rx.text(CvDatabaseState.error, color_scheme="red", size="2")),
            result_callout(CvDatabaseState.result_line, CvDatabaseState.skipped),
            paged_table(CvDatabaseState, ("", N_("Name"), N_("Language"), N_("Saved from"), N_("Saved"), N_("CV")),
                        _row, "cv-table",
                        N_("No saved candidates match.")),
            _transfer_dialog(),
            spacing="4", width="100%",
        ),
        rx.callout(t("You do not have the right to do this."), icon="lock", color_scheme="red")),
        active_route="/cv-database", on_locale_change=CvDatabaseState.load,
    )
