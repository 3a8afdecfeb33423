"""The shell's Log out: a plain HTML form that POSTs to /logout (accounts.routes), no Reflex event.

Reflex's own form component always prevents the browser's submit, so this is a bare <form> element."""

import reflex as rx
from reflex_base.vars.base import Var
from reflex_components_core.el.elements.base import BaseHTML

from ats_app.ui.translate import t


class PlainForm(BaseHTML):
    """<form method action>: submitted by the browser itself (a full page load)."""

    tag = "form"
    method: Var[str]
    action: Var[str]


def log_out_button(control_id: str = "log-out") -> rx.Component:
    """Log out, as the navigation shows it."""
    return PlainForm.create(
        rx.button(rx.icon("log-out", size=14), t("Log out"), type="submit", variant="soft", color_scheme="gray",
                  width="100%", id=control_id),
        method="post", action="/logout", width="100%", style={"width": "100%", "margin": 0},
    )
