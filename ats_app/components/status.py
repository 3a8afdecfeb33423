"""Badges for project and application statuses, translated."""

import reflex as rx

from ..services.i18n import N_
from .translate import t_choice

PROJECT_STATUS = {"draft": N_("Draft"), "open": N_("Open"), "closed": N_("Closed")}
PROJECT_STATUS_COLOR = {"draft": "gray", "open": "green", "closed": "tomato"}


def project_status_badge(status: rx.Var) -> rx.Component:
    """A coloured badge with the project's status in the client's language."""
    return rx.match(
        status,
        *[(key, rx.badge(t_choice(status, PROJECT_STATUS), color_scheme=colour, variant="soft"))
          for key, colour in PROJECT_STATUS_COLOR.items()],
        rx.badge(status),
    )
