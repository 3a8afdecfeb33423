"""Reflex configuration. Only REFLEX_-prefixed environment variables reach it (e.g. REFLEX_DB_URL)."""

import reflex as rx

config = rx.Config(
    app_name="ats_app",
    db_url="sqlite:///ats.db",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(
        appearance="light", accent_color="teal", gray_color="slate", radius="medium", scaling="100%"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
