"""Badges for project and application statuses, translated."""

import reflex as rx

from ats_app.applications.stages import STAGE_LABELS
from ats_app.applications.statuses import STATUS_COLOURS, STATUS_LABELS
from ats_app.core.i18n import N_
from ats_app.ui.translate import t_choice

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


def application_status_badge(status: rx.Var, stage: rx.Var) -> rx.Component:
    """The status for the project, with the rejection stage after it: "Rejected (after first interview)"."""
    return rx.hstack(
        rx.match(
            status,
            *[(key, rx.badge(t_choice(status, STATUS_LABELS), color_scheme=colour, variant="soft"))
              for key, colour in STATUS_COLOURS.items()],
            rx.badge(status),
        ),
        rx.cond(stage != "", rx.text("(", t_choice(stage, STAGE_LABELS), ")", size="1", color_scheme="gray")),
        spacing="1", align="center", wrap="wrap", class_name="application-status",
    )
