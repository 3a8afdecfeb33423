"""Outbox rows: the status badge, and the table used on the Outbox and on Application and CV."""

import reflex as rx

from ats_app.delivery.outbox_admin import MESSAGE_STATUS_COLOURS, MESSAGE_STATUS_LABELS
from ats_app.ui.translate import t_choice


def message_status_badge(status: rx.Var) -> rx.Component:
    """A coloured badge with the message's status in the client's language."""
    return rx.match(
        status,
        *[(key, rx.badge(t_choice(status, MESSAGE_STATUS_LABELS), color_scheme=colour, variant="soft",
                         class_name="message-status"))
          for key, colour in MESSAGE_STATUS_COLOURS.items()],
        rx.badge(status),
    )
