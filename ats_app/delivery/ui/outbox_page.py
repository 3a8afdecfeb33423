"""The Outbox: every email, its status and delivery; read one, cancel a waiting one, resend a failed one."""

import reflex as rx

from ats_app.handling.ui.further_progress import NATIVE_SELECT
from ats_app.delivery.ui.message_status import message_status_badge
from ats_app.ui.paged_table import paged_table, search_box
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t
from ats_app.core.i18n import N_
from ats_app.delivery.outbox_admin import FILTERS, MESSAGE_STATUS_LABELS
from ats_app.accounts.ui.auth_state import AuthState
from ats_app.delivery.ui.outbox_state import MessageView, OutboxState as O

CANCELLABLE = ("queued", "scheduled", "held")
RESENDABLE = ("failed", "bounced", "held", "cancelled")


def _buttons(status: rx.Var, message_id: rx.Var, size: str = "1") -> rx.Component:
    return rx.hstack(
        rx.cond(rx.Var.create(list(CANCELLABLE)).contains(status),
                rx.button(t("Cancel sending"), size=size, variant="soft", color_scheme="red",
                          on_click=O.cancel(message_id), class_name="cancel-message")),
        rx.cond(rx.Var.create(list(RESENDABLE)).contains(status),
                rx.button(t("Send again"), size=size, variant="soft", on_click=O.resend(message_id),
                          class_name="resend-message")),
        spacing="2")


def _row(row: MessageView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.recipient, size="2")),
        rx.table.cell(rx.link(row.subject, on_click=O.open_message(row.id), cursor="pointer",
                              class_name="message-subject")),
        rx.table.cell(message_status_badge(row.status)),
        rx.table.cell(row.scheduled_at, white_space="nowrap"),
        rx.table.cell(row.attempts),
        rx.table.cell(rx.text(row.last_error, size="1", color_scheme="red", max_width="260px")),
        rx.table.cell(_buttons(row.status, row.id)),
        class_name="message-row",
    )


def _filter() -> rx.Component:
    return rx.el.select(
        *[rx.el.option(t(MESSAGE_STATUS_LABELS[key]), value=key) for key in FILTERS],
        value=O.status, on_change=O.set_status, id="outbox-status",
        **{**NATIVE_SELECT, "width": "240px"})


def _message_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(O.open_subject),
            rx.vstack(
                rx.text(t("From"), ": ", O.open_sender, size="2"),
                rx.text(t("To"), ": ", O.open_recipient, size="2", id="open-recipient"),
                rx.hstack(message_status_badge(O.open_status), rx.text(O.open_error, size="1", color_scheme="red"),
                          align="center"),
                rx.cond(O.open_attachments.length() > 0,
                        rx.text(t("Attachments"), ": ", O.open_attachments.join(", "), size="2")),
                rx.el.iframe(src_doc=O.open_html, sandbox="", title="email", id="open-html",
                             style={"width": "100%", "height": "420px", "border": f"1px solid {rx.color('gray', 6)}",
                                    "border_radius": "6px", "background": "white"}),
                rx.el.details(rx.el.summary(t("Plain-text version")),
                              rx.el.pre(O.open_text, style={"white_space": "pre-wrap", "font_size": "12px"},
                                        id="open-text")),
                spacing="2", width="100%"),
            rx.hstack(_buttons(O.open_status, O.open_id, "2"), rx.spacer(),
                      rx.button(t("Close"), variant="soft", color_scheme="gray", on_click=O.close_message,
                                id="close-message"),
                      margin_top="12px", width="100%"),
            max_width="760px", id="message-dialog"),
        open=O.open_id != 0)


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Outbox"), N_("Every email and text message, scheduled, sent or held.")),
        rx.hstack(search_box(O, N_("Search by recipient or subject"), "outbox-search"), _filter(),
                  rx.button(rx.icon("refresh-cw", size=16), t("Refresh"), variant="soft", on_click=O.refresh,
                            id="outbox-refresh"),
                  spacing="3", align="center", wrap="wrap"),
        rx.cond(O.notice != "", rx.callout(O.notice, icon="info", size="1", id="outbox-notice")),
        paged_table(O, (N_("To"), N_("Subject"), N_("Status"), N_("Send time"), N_("Attempts"), N_("Last error"), ""),
                    _row, "outbox-table", N_("No messages.")),
        _message_dialog(),
        spacing="4", width="100%")


@rx.page(route="/outbox", title="Outbox · Nordlys ATS", on_load=[AuthState.require_login, O.load])
def outbox_page() -> rx.Component:
    """The Outbox, for recruiters and admins."""
    return shell(rx.cond(O.forbidden, rx.callout(t("You do not have the right to do this."), icon="lock",
                                                 color_scheme="red"), _content()),
                 active_route="/outbox", on_locale_change=O.load)
