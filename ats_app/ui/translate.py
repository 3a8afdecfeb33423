"""Compile-time translation of UI text, picked at run time by the client's locale.

Component functions run once, when the app compiles, so `t("Save")` inlines only that message's six
translations and indexes them with `LocaleState.locale`; no catalog is copied into client state.
"""

import reflex as rx

from ats_app.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, all_translations
from ats_app.ui.locale import LocaleState

USED: set[str] = set()  # every message rendered through t() or t_choice(), for the catalog test


def t(message: str) -> rx.Var[str]:
    """message in the client's language (English until the language is known)."""
    USED.add(message)
    variants = all_translations(message)
    return (rx.Var.create(variants).to(dict)[LocaleState.locale] | variants[DEFAULT_LANGUAGE]).to(str)


def t_choice(key: rx.Var, messages: dict[str, str]) -> rx.Var[str]:
    """The translation of messages[key] for a key known only at run time (a status, a role)."""
    USED.update(messages.values())
    translated = {key: all_translations(message) for key, message in messages.items()}
    table = {code: {key: variants[code] for key, variants in translated.items()} for code in LANGUAGES}
    english = rx.Var.create(table[DEFAULT_LANGUAGE]).to(dict)[key]
    return (rx.Var.create(table).to(dict)[LocaleState.locale].to(dict)[key] | english).to(str)
