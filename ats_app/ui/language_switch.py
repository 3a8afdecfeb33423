"""The language switch: each language named in itself."""

import reflex as rx

from ats_app.core.i18n import LANGUAGES
from ats_app.ui.locale import LocaleState
from ats_app.ui.translate import t


def language_switch(on_change_extra=None, *, control_id: str = "language-switch") -> rx.Component:
    """A select of the six UI languages; on_change_extra reloads the page's data after a switch."""
    handlers = [LocaleState.switch_language]
    if on_change_extra is not None:
        handlers.append(on_change_extra)
    return rx.select.root(
        rx.select.trigger(aria_label=t("Language"), id=control_id, width="100%"),
        rx.select.content(*[rx.select.item(name, value=code) for code, name in LANGUAGES.items()]),
        value=rx.cond(LocaleState.locale == "", "en", LocaleState.locale),
        on_change=handlers,
        size="2",
    )
