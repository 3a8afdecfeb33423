"""Deleted applications: restore them, or delete them permanently after typing the confirmation word."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.handling.ui.deleted_state import DeletedState, DeletedView
from ats_app.ui.paged_table import paged_table, result_callout, search_box
from ats_app.ui.shell import page_header, shell
from ats_app.ui.status_badges import application_status_badge
from ats_app.ui.translate import t


def _row(row: DeletedView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.checkbox(checked=DeletedState.ticked.contains(row.id),
                                  on_change=lambda _v: DeletedState.toggle_tick(row.id),
                                  aria_label=row.name, class_name="tick")),
        rx.table.cell(rx.vstack(rx.text(row.name, weight="medium", class_name="deleted-name"),
                                rx.text(row.email, size="1", color_scheme="gray"), spacing="0")),
        rx.table.cell(rx.text(row.project),
                      rx.cond(row.project_deleted, rx.badge(t("Project deleted"), color_scheme="red"))),
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
            rx.el.label(t("Type this word to confirm:"), " ", rx.text.strong(DeletedState.confirmation_word),
                        html_for="purge-confirmation", font_size="14px"),
            rx.input(value=DeletedState.confirmation, on_change=DeletedState.set_confirmation, id="purge-confirmation",
                     margin_top="6px"),
            rx.cond(DeletedState.error != "",
                    rx.text(DeletedState.error, color_scheme="red", size="2", class_name="field-error")),
            rx.hstack(
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=DeletedState.cancel_purge),
                rx.button(t("Delete permanently"), color_scheme="red", on_click=DeletedState.purge, id="purge-confirm"),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="520px", id="purge-dialog",
        ),
        open=DeletedState.confirming,
    )


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Deleted applications"), N_("Deleted applications, to restore or delete permanently.")),
        rx.hstack(
            search_box(DeletedState, N_("Search by name or email"), "deleted-search"),
            rx.button(rx.icon("undo-2", size=16), t("Restore"), on_click=DeletedState.restore, id="restore"),
            rx.cond(DeletedState.may_purge,
                    rx.button(rx.icon("trash-2", size=16), t("Delete permanently"), color_scheme="red",
                              variant="soft", on_click=DeletedState.ask_to_purge, id="purge")),
            spacing="3", align="center", wrap="wrap",
        ),
        rx.cond((DeletedState.error != "") & ~DeletedState.confirming,
                rx.text(DeletedState.error, color_scheme="red", size="2", id="deleted-error")),
        result_callout(DeletedState.result_line, DeletedState.skipped),
        paged_table(DeletedState,
                    ("", N_("Name"), N_("Recruitment project"), N_("Status for the project"), N_("Deleted"),
                     N_("Deleted by")), _row, "deleted-table", N_("No deleted applications.")),
        _purge_dialog(),
        spacing="4", width="100%",
    )


@rx.page(route="/deleted", title="Deleted applications · Nordlys ATS",
         on_load=[AuthState.require_login, DeletedState.load])
def deleted_page() -> rx.Component:
    """Deleted applications from every project the user may see."""
    return shell(
        rx.cond(DeletedState.forbidden,
                rx.callout(t("You do not have the right to do this."), icon="lock", color_scheme="red"), _content()),
        active_route="/deleted", on_locale_change=DeletedState.load,
    )
