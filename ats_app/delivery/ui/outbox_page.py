"""The Outbox: every email, its status and delivery; read one, cancel a waiting one, resend a failed one."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.delivery.outbox_admin import FILTERS, MESSAGE_STATUS_LABELS
from ats_app.delivery.ui.message_status import message_status_badge
from ats_app.delivery.ui.outbox_state import MessageView, OutboxState
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.paged_table import paged_table, search_box
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t


def _buttons(cancellable: rx.Var, resendable: rx.Var, message_id: rx.Var, size: str = "1") -> rx.Component:
    return rx.hstack(
        rx.cond(cancellable,
                rx.button(t("Cancel sending"), size=size, variant="soft", color_scheme="red",
                          on_click=OutboxState.cancel(message_id), class_name="cancel-message")),
        rx.cond(resendable,
                rx.button(t("Send again"), size=size, variant="soft", on_click=OutboxState.resend(message_id),
                          class_name="resend-message")),
        spacing="2")


def _row(row: MessageView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.recipient, size="2")),
        rx.table.cell(rx.link(row.subject, on_click=OutboxState.open_message(row.id), cursor="pointer",
                              class_name="message-subject")),
        rx.table.cell(message_status_badge(row.status)),
        rx.table.cell(row.scheduled_at, white_space="nowrap"),
        rx.table.cell(row.attempts),
        rx.table.cell(rx.text(row.last_error, size="1", color_scheme="red", max_width="260px")),
        rx.table.cell(_buttons(row.cancellable, row.resendable, row.id)),
        class_name="message-row",
    )


def _filter() -> rx.Component:
    return rx.el.select(
        *[rx.el.option(t(MESSAGE_STATUS_LABELS[key]), value=key) for key in FILTERS],
        value=OutboxState.status, on_change=OutboxState.set_status, id="outbox-status",
        **{**NATIVE_SELECT, "width": "240px"})


def _message_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(OutboxState.open_subject),
            rx.vstack(
                rx.text(t("From"), ": ", OutboxState.open_sender, size="2"),
                rx.text(t("To"), ": ", OutboxState.open_recipient, size="2", id="open-recipient"),
                rx.hstack(message_status_badge(OutboxState.open_status),
                          rx.text(OutboxState.open_error, size="1", color_scheme="red"), align="center"),
                rx.cond(OutboxState.open_attachments.length() > 0,
                        rx.text(t("Attachments"), ": ", OutboxState.open_attachments.join(", "), size="2")),
                rx.el.iframe(src_doc=OutboxState.open_html, sandbox="", title="email", id="open-html",
                             style={"width": "100%", "height": "420px", "border": f"1px solid {rx.color('gray', 6)}",
                                    "border_radius": "6px", "background": "white"}),
                rx.el.details(rx.el.summary(t("Plain-text version")),
                              rx.el.pre(OutboxState.open_text, style={"white_space": "pre-wrap", "font_size": "12px"},
                                        id="open-text")),
                spacing="2", width="100%"),
            rx.hstack(_buttons(OutboxState.open_cancellable, OutboxState.open_resendable, OutboxState.open_id, "2"),
                      rx.spacer(),
                      rx.button(t("Close"), variant="soft", color_scheme="gray", on_click=OutboxState.close_message,
                                id="close-message"),
                      margin_top="12px", width="100%"),
            max_width="760px", id="message-dialog"),
        open=OutboxState.open_id != 0)


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Outbox"), N_("Every email and text message, scheduled, sent or held.")),
        rx.hstack(search_box(OutboxState, N_("Search by recipient or subject"), "outbox-search"), _filter(),
                  rx.button(rx.icon("refresh-cw", size=16), t("Refresh"), variant="soft", on_click=OutboxState.refresh,
                            id="outbox-refresh"),
                  spacing="3", align="center", wrap="wrap"),
        rx.cond(OutboxState.notice != "", rx.callout(OutboxState.notice, icon="info", size="1", id="outbox-notice")),
        paged_table(OutboxState,
                    (N_("To"), N_("Subject"), N_("Status"), N_("Send time"), N_("Attempts"), N_("Last error"), ""),
                    _row, "outbox-table", N_("No messages.")),
        _message_dialog(),
        spacing="4", width="100%")


@rx.page(route="/outbox", title="Outbox · Nordlys ATS", on_load=[AuthState.require_login, OutboxState.load])
def outbox_page() -> rx.Component:
    """The Outbox, for recruiters and admins."""
    return shell(rx.cond(OutboxState.forbidden,
                         rx.callout(t("You do not have the right to do this."), icon="lock", color_scheme="red"),
                         _content()),
                 active_route="/outbox", on_locale_change=OutboxState.load)
