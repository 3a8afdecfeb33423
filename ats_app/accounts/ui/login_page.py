"""The login page."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.ui.language_switch import language_switch
from ats_app.ui.translate import t


def _field(control_id: str, label, control: rx.Component) -> rx.Component:
    """A label tied to its input by id, so screen readers and tests find the field by its name."""
    return rx.vstack(
        rx.el.label(label, html_for=control_id, style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
        control,
        spacing="1", width="100%",
    )


@rx.page(route="/login", title="Log in · Nordlys ATS", on_load=AuthState.open_login_page)
def login_page() -> rx.Component:
    """Email, password, Log in; the language can be chosen before logging in."""
    return rx.center(
        rx.card(
            rx.form.root(
                rx.vstack(
                    rx.hstack(rx.icon("briefcase-business", size=28, color=rx.color("accent", 9)),
                              rx.heading("Nordlys ATS", size="6"), align="center", spacing="2"),
                    rx.text(t("Log in to handle your recruitment projects."), color_scheme="gray", size="2"),
                    _field("email", t("Email"), rx.input(
                        name="email", id="email", type="email", placeholder="name@example.com",
                        auto_complete="username", size="3", width="100%", required=True)),
                    _field("password", t("Password"), rx.input(
                        name="password", id="password", type="password", auto_complete="current-password",
                        size="3", width="100%", required=True)),
                    rx.cond(
                        AuthState.login_error != "",
                        rx.callout(AuthState.login_error, icon="triangle-alert", color_scheme="red", size="1",
                                   width="100%", id="login-error"),
                    ),
                    rx.button(t("Log in"), type="submit", size="3", width="100%", id="log-in"),
                    rx.box(language_switch(), width="100%", padding_top="8px"),
                    spacing="4", width="100%",
                ),
                on_submit=AuthState.log_in,
                reset_on_submit=False,
            ),
            width="100%", max_width="400px", size="4",
        ),
        min_height="100vh", padding="16px", background=rx.color("gray", 2),
    )
