"""Pages whose features arrive in later releases: they say so plainly instead of pretending."""

import reflex as rx

from ..components.shell import page_header, shell
from ..components.translate import t
from ..services.i18n import N_
from ..state.auth import AuthState

# (route, title, what it will hold)
COMING = (
)


def _coming(title: str, purpose: str, route: str):
    def page() -> rx.Component:
        return shell(
            rx.vstack(
                page_header(title, purpose),
                rx.callout(t("This page is not built yet. It arrives in a coming release."), icon="construction",
                           color_scheme="amber", id="not-built"),
                rx.link(t("Back to the Recruitment overview"), href="/"),
                spacing="4",
            ),
            active_route=route,
        )

    page.__name__ = "page_" + route.strip("/").replace("-", "_").replace("/[", "_").rstrip("]")
    return page


for _route, _title, _purpose in COMING:
    rx.page(route=_route, title=f"{_title} · Nordlys ATS", on_load=AuthState.require_login)(
        _coming(_title, _purpose, _route))
