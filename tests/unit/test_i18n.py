"""Six languages done properly: every UI message translated, catalogs in step with the code, dates by Babel."""

import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from ats_app.core import i18n

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE]


def _catalog(language: str):
    with open(ROOT / "locales" / language / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=language)


def _template():
    with open(ROOT / "locales" / "messages.pot", "rb") as f:
        return read_po(f)


def test_the_template_is_in_step_with_the_code(tmp_path):
    out = tmp_path / "fresh.pot"
    subprocess.run([Path(sys.executable).parent / "pybabel", "-q", "extract", "-F", "babel.cfg", "-k", "t", "-k", "_",
                    "-k", "gettext:2", "-k", "N_", "-k", "NC_:1c,2", "--no-location", "-o", str(out), "."], cwd=ROOT,
                   check=True)
    with open(out, "rb") as f:
        fresh = {m.id for m in read_po(f) if m.id}
    shipped = {m.id for m in _template() if m.id}
    assert fresh - shipped == set(), "new UI text: run `make i18n-update` and translate it"
    assert shipped - fresh == set(), "locales/messages.pot lists text the code no longer has: run `make i18n-update`"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language):
    catalog = _catalog(language)
    found = lambda m: catalog.get(m.id, context=m.context)  # noqa: E731
    missing = [m.id for m in _template() if m.id and (found(m) is None or not found(m).string or found(m).fuzzy)]
    assert missing == [], f"{language} lacks translations for: {missing}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_survive_translation(language):
    import re

    for message in _catalog(language):
        if message.id and message.string:
            assert sorted(re.findall(r"\{\w+\}", message.id)) == sorted(re.findall(r"\{\w+\}", message.string)), \
                f"{language}: {message.id!r} -> {message.string!r}"


def test_compiled_catalogs_are_used():
    assert i18n.gettext("nb", "Recruitment overview") == "Rekrutteringsoversikt"
    assert i18n.gettext("sv", "Recruitment overview") == "Rekryteringsöversikt"
    assert i18n.gettext("nl", "Recruitment overview") == "Vacatureoverzicht"
    assert i18n.gettext("en", "Recruitment overview") == "Recruitment overview"


def test_language_names_are_in_their_own_language():
    assert i18n.LANGUAGES == {"en": "English", "nb": "Norsk bokmål", "sv": "Svenska", "nl": "Nederlands",
                              "da": "Dansk", "fi": "Suomi"}


@pytest.mark.parametrize(("header", "expected"), [
    ("nb-NO,nb;q=0.9,en;q=0.8", "nb"), ("no", "nb"), ("sv-SE", "sv"), ("de-DE,fi;q=0.5", "fi"), ("", "en"),
    ("fr-FR", "en"), ("nl_NL", "nl"),
])
def test_browser_language_is_understood(header, expected):
    assert i18n.language_from_accept(header) == expected


def test_dates_follow_language_and_time_zone():
    assert i18n.format_day(date(2026, 12, 15), "nb") == "15. des. 2026"
    assert i18n.format_day(date(2026, 12, 15), "nl") == "15 dec 2026"
    assert i18n.format_day(None, "fi") == ""
    moment = datetime(2026, 3, 31, 7, 30, tzinfo=timezone.utc)  # 09:30 in Oslo (summer time)
    assert "09:30" in i18n.format_moment(moment, "nb", "Europe/Oslo")
    assert "10.30" in i18n.format_moment(moment, "fi", "Europe/Helsinki")


def test_every_message_the_pages_render_is_in_the_catalog():
    """t(label) with a variable escapes extraction; rendering every page catches a label not marked N_()."""
    from reflex_base.registry import RegistrationContext

    import ats_app.ats_app  # noqa: F401  (registers the pages)
    from ats_app.ui.translate import USED

    for render, _options in RegistrationContext.ensure_context().decorated_pages:
        render()
    shipped = {f"{m.context}{i18n.CONTEXT_SEPARATOR}{m.id}" if m.context else m.id for m in _template() if m.id}
    assert len(USED) > 100
    assert USED - shipped == set(), "pass these through N_() so they are extracted and translated"


def test_ratings_use_the_languages_decimal_mark():
    assert i18n.format_rating(4.5, "nb") == "4,5" and i18n.format_rating(4.5, "en") == "4.5"
    assert i18n.format_rating(None, "nb") == ""
