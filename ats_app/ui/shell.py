"""The app shell: navigation on the left, the page on the right, shown only to a logged-in user."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.accounts.ui.log_out import log_out_button
from ats_app.core.i18n import N_
from ats_app.ui.language_switch import language_switch
from ats_app.ui.translate import t

# (route, message, icon, right needed to see the link)
NAVIGATION = (
    ("/", N_("Recruitment overview"), "layout-list", None),
    ("/cv-database", N_("CV database"), "database", "can_search_cv_database"),
    ("/deleted", N_("Deleted applications"), "trash-2", "can_see_deleted"),
    ("/calendar", N_("Recruitment calendar"), "calendar-days", None),
    ("/tasks", N_("Tasks"), "phone", None),
    ("/outbox", N_("Outbox"), "send", None),
    ("/email-templates", N_("Email templates"), "mail", "can_edit_templates"),
    ("/contracts", N_("Contracts"), "signature", "can_manage_contracts"),
    ("/employees", N_("Employees"), "users", None),
    ("/reports/rejections", N_("Rejection reasons"), "chart-column", None),
    ("/settings", N_("Settings"), "settings", None),
    ("/account", N_("My account"), "circle-user", None),
)
# Shown to admins and department admins only (the pages check again).
ADMIN_NAVIGATION = (
    ("/users", N_("Users"), "user-cog"),
    ("/departments", N_("Departments"), "building-2"),
)
# Shown to admins only.
ORGANISATION_ADMIN_NAVIGATION = (
    ("/audit", N_("Audit log"), "scroll-text"),
)


def _nav_link(route: str, message: str, icon: str, active: bool) -> rx.Component:
    return rx.link(
        rx.hstack(rx.icon(icon, size=16), rx.text(t(message), size="2", weight="medium"), align="center",
                  spacing="3"),
        href=route,
        underline="none",
        color=rx.color("gray", 12) if active else rx.color("gray", 11),
        background=rx.color("accent", 4) if active else "transparent",
        border_radius="var(--radius-2)",
        padding="8px 12px",
        width="100%",
        _hover={"background": rx.color("accent", 3)},
    )


def _links(active_route: str) -> list[rx.Component]:
    """The navigation links this user may see."""
    links = []
    for route, message, icon, right in NAVIGATION:
        link = _nav_link(route, message, icon, route == active_route)
        links.append(rx.cond(AuthState.user_rights.contains(right), link) if right else link)
    administers = (AuthState.user_role == "admin") | (AuthState.user_role == "department_admin")
    links += [rx.cond(administers, _nav_link(route, message, icon, route == active_route))
              for route, message, icon in ADMIN_NAVIGATION]
    links += [rx.cond(AuthState.user_role == "admin", _nav_link(route, message, icon, route == active_route))
              for route, message, icon in ORGANISATION_ADMIN_NAVIGATION]
    return links


def _brand() -> rx.Component:
    return rx.hstack(rx.icon("briefcase-business", size=22, color=rx.color("accent", 9)),
                     rx.heading("Nordlys ATS", size="4"), align="center", spacing="2")


def _navigation(active_route: str, on_locale_change, *, ids: str = "") -> rx.Component:
    """The links, then who is logged in, the language and Log out. It scrolls on its own when taller than
    the window, so Log out is always reachable. ids: a suffix that keeps the drawer's copy's ids unique."""
    return rx.vstack(
        rx.box(_brand(), padding="4px 12px 16px"),
        rx.vstack(*_links(active_route), spacing="1", width="100%"),
        rx.spacer(),
        rx.vstack(
            rx.text(AuthState.user_name, size="2", weight="bold", id=f"current-user{ids}"),
            rx.text(AuthState.user_email, size="1", color_scheme="gray"),
            language_switch(on_locale_change, control_id=f"language-switch{ids}"),
            log_out_button(f"log-out{ids}"),
            spacing="2", width="100%", padding="12px",
            border_top=f"1px solid {rx.color('gray', 5)}",
        ),
        width="100%", min_height="100%", padding_top="16px", spacing="2",
    )


def _sidebar(active_route: str, on_locale_change) -> rx.Component:
    """From a tablet's width up: the navigation on the left, as tall as the window."""
    return rx.box(
        _navigation(active_route, on_locale_change),
        display=["none", "none", "block"], width="248px", min_width="248px", height="100vh", overflow_y="auto",
        position="sticky", top="0", background=rx.color("gray", 2), border_right=f"1px solid {rx.color('gray', 5)}",
    )


def _top_bar(active_route: str, on_locale_change) -> rx.Component:
    """On a phone: the name and a Menu button that opens the navigation as a drawer (only in the page while
    open; its ids end in -menu, so none is there twice beside the hidden sidebar)."""
    return rx.hstack(
        _brand(),
        rx.spacer(),
        rx.drawer.root(
            rx.drawer.trigger(rx.button(rx.icon("menu", size=16), t("Menu"), variant="soft", id="open-menu")),
            rx.drawer.portal(
                rx.drawer.overlay(background="rgba(0, 0, 0, 0.35)", position="fixed", inset="0", z_index="40"),
                rx.drawer.content(
                    _navigation(active_route, on_locale_change, ids="-menu"),
                    position="fixed", top="0", left="0", bottom="0", width="280px", max_width="85vw",
                    overflow_y="auto", z_index="50", background=rx.color("gray", 2),
                    aria_label=t("Menu"),
                ),
            ),
            direction="left",
        ),
        display=["flex", "flex", "none"], width="100%", align="center", padding="12px 16px",
        border_bottom=f"1px solid {rx.color('gray', 5)}", background=rx.color("gray", 2),
    )


def shell(content: rx.Component, *, active_route: str, on_locale_change=None) -> rx.Component:
    """Wrap a page: the navigation and the content once the server has confirmed the login."""
    return rx.cond(
        AuthState.logged_in,
        rx.flex(
            _top_bar(active_route, on_locale_change),
            _sidebar(active_route, on_locale_change),
            rx.box(content, flex="1", padding=["16px", "16px", "28px 36px"], min_width="0", max_width="1400px",
                   width="100%"),
            direction=rx.breakpoints(initial="column", sm="row"), align="start", width="100%",
        ),
        rx.center(rx.spinner(size="3"), height="100vh"),
    )


def page_header(title: str, subtitle: str | None = None) -> rx.Component:
    """A page's heading (and an optional line under it)."""
    return rx.vstack(
        rx.heading(t(title), size="7", id="page-title"),
        rx.text(t(subtitle), color_scheme="gray", size="2") if subtitle else rx.fragment(),
        spacing="1", margin_bottom="20px",
    )
