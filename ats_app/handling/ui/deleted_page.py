"""Deleted applications: restore them, or delete them permanently after typing the confirmation word."""

import reflex as rx

from ats_app.ui.paged_table import paged_table, result_callout, search_box
from ats_app.ui.shell import page_header, shell
from ats_app.ui.status_badges import application_status_badge
from ats_app.ui.translate import t
from ats_app.core.i18n import N_
from ats_app.accounts.ui.auth_state import AuthState
from ats_app.handling.ui.deleted_state import DeletedState as D, DeletedView


def _row(row: DeletedView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.checkbox(checked=D.ticked.contains(row.id), on_change=lambda _v: D.toggle_tick(row.id),
                                  aria_label=row.name, class_name="tick")),
        rx.table.cell(rx.vstack(rx.text(row.name, weight="medium", class_name="deleted-name"),
                                rx.text(row.email, size="1", color_scheme="gray"), spacing="0")),
        rx.table.cell(rx.text(row.project), rx.cond(row.project_deleted, rx.badge(t("Project deleted"),
                                                                                   color_scheme="red"))),
        rx.table.cell(application_status_badge(row.status, "")),
        rx.table.cell(row.deleted_at, white_space="nowrap"),
        rx.table.cell(row.deleted_by),
        class_name="deleted-row",
    )


def _purge_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(t("Delete permanently")),
            rx.alert_dialog.description(t("The ticked applications are removed for good. The candidate's personal "
                                          "data and CV go too when no other application needs them. This cannot "
                                          "be undone.")),
            rx.el.label(t("Type this word to confirm:"), " ", rx.text.strong(D.confirmation_word),
                        html_for="purge-confirmation", font_size="14px"),
            rx.input(value=D.confirmation, on_change=D.set_confirmation, id="purge-confirmation",
                     margin_top="6px"),
            rx.cond(D.error != "", rx.text(D.error, color_scheme="red", size="2", class_name="field-error")),
            rx.hstack(
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=D.cancel_purge),
                rx.button(t("Delete permanently"), color_scheme="red", on_click=D.purge, id="purge-confirm"),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="520px", id="purge-dialog",
        ),
        open=D.confirming,
    )


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Deleted applications"), N_("Deleted applications, to restore or delete permanently.")),
        rx.hstack(
            search_box(D, N_("Search by name or email"), "deleted-search"),
            rx.button(rx.icon("undo-2", size=16), t("Restore"), on_click=D.restore, id="restore"),
            rx.cond(D.may_purge, rx.button(rx.icon("trash-2", size=16), t("Delete permanently"), color_scheme="red",
                                           variant="soft", on_click=D.ask_to_purge, id="purge")),
            spacing="3", align="center", wrap="wrap",
        ),
        rx.cond((D.error != "") & ~D.confirming, rx.text(D.error, color_scheme="red", size="2", id="deleted-error")),
        result_callout(D.result_line, D.skipped),
        paged_table(D, ("", N_("Name"), N_("Recruitment project"), N_("Status for the project"), N_("Deleted"),
                        N_("Deleted by")), _row, "deleted-table", N_("No deleted applications.")),
        _purge_dialog(),
        spacing="4", width="100%",
    )


@rx.page(route="/deleted", title="Deleted applications · Nordlys ATS", on_load=[AuthState.require_login, D.load])
def deleted_page() -> rx.Component:
    """Deleted applications from every project the user may see."""
    return shell(
        rx.cond(D.forbidden, rx.callout(t("You do not have the right to do this."), icon="lock", color_scheme="red"),
                _content()),
        active_route="/deleted", on_locale_change=D.load,
    )
