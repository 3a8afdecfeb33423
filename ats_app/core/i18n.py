"""UI languages, gettext catalogs and locale-aware dates (Babel). No Reflex here."""

from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

# Language code → its own name (the switch shows each language in itself).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "nb": "Norsk bokmål",
    "sv": "Svenska",
    "nl": "Nederlands",
    "da": "Dansk",
    "fi": "Suomi",
}
DEFAULT_LANGUAGE = "en"


def N_(message: str) -> str:  # noqa: N802  (gettext convention)
    """Mark a message for extraction where it is translated later (tables of labels)."""
    return message


CONTEXT_SEPARATOR = "\x04"  # how gettext keys a message with a context (msgctxt) in compiled catalogs


def NC_(context: str, message: str) -> str:  # noqa: N802
    """Mark a message that needs a context to translate well (a status "New" is "Ny", a column of new
    ones "Nye"); the context travels in the key, as gettext itself stores it."""
    return f"{context}{CONTEXT_SEPARATOR}{message}"


def _without_context(text: str) -> str:
    return text.split(CONTEXT_SEPARATOR, 1)[-1]


LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"


def normalise_language(code: str | None) -> str:
    """Map a browser or user language tag to one we ship (no/nn → nb), default English."""
    if not code:
        return DEFAULT_LANGUAGE
    base = code.replace("_", "-").split("-")[0].lower()
    base = {"no": "nb", "nn": "nb"}.get(base, base)
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def language_from_accept(header: str | None) -> str:
    """The first supported language in an Accept-Language header."""
    for part in (header or "").split(","):
        base = part.split(";")[0].strip().replace("_", "-").split("-")[0].lower()
        if base in LANGUAGES or base in ("no", "nn"):
            return normalise_language(base)
    return DEFAULT_LANGUAGE


@lru_cache(maxsize=None)
def translations(language: str) -> NullTranslations:
    """The compiled catalog for language (messages.mo), English text when missing."""
    if language == DEFAULT_LANGUAGE:
        return NullTranslations()
    return Translations.load(str(LOCALES_DIR), [language], domain="messages")


def gettext(language: str, message: str) -> str:
    """message in language."""
    return _without_context(translations(normalise_language(language)).gettext(message))


def all_translations(message: str) -> dict[str, str]:
    """message in every shipped language, for compile-time UI lookups."""
    return {code: _without_context(translations(code).gettext(message)) for code in LANGUAGES}


def babel_locale(language: str) -> str:
    """The Babel locale for a UI language."""
    return {"en": "en_GB", "nb": "nb_NO", "sv": "sv_SE", "nl": "nl_NL", "da": "da_DK", "fi": "fi_FI"}.get(
        language, "en_GB")


def format_day(value: date | None, language: str) -> str:
    """A date as the user's language writes it (medium form), '' for none."""
    if value is None:
        return ""
    return format_date(value, "medium", locale=babel_locale(language))


def format_moment(value: datetime | None, language: str, time_zone: str) -> str:
    """A UTC timestamp shown in the user's time zone and language."""
    if value is None:
        return ""
    return format_datetime(value, "medium", tzinfo=ZoneInfo(time_zone), locale=babel_locale(language))


def format_rating(value: float | None, language: str) -> str:
    """An average rating with one decimal, as the language writes it ("4,5" in Norwegian)."""
    if value is None:
        return ""
    return format_decimal(value, format="0.0", locale=babel_locale(language))


def format_average(value: float | None, count: int, language: str) -> str:
    """An average rating with how many it is of, "5.5 (3)" ("5,5 (3)" in Norwegian); '' when nobody rated."""
    if value is None or not count:
        return ""
    return f"{format_rating(value, language)} ({format_decimal(count, locale=babel_locale(language))})"
