"""The UI language: the only i18n value kept in per-client state."""

import reflex as rx

from ats_app.accounts import auth
from ats_app.accounts.ui.guard import public, run_in_session
from ats_app.accounts.ui.session import resolve_user
from ats_app.core.i18n import LANGUAGES


class LocaleState(rx.State):
    """The client's UI language, remembered in a cookie and, once logged in, on the user.

    Empty until known: logging in fills it with the user's language (the log-in page, a server route, reads
    this cookie to speak the same language); `t()` falls back to English.
    """

    locale: str = rx.Cookie("", name="ats_locale", max_age=365 * 24 * 3600)

    @rx.event
    @public
    async def switch_language(self, language: str):
        """Change the UI language; a logged-in user keeps it for next time."""
        if language not in LANGUAGES:
            return None
        self.locale = language
        user = await resolve_user(self)
        if user is not None:
            await run_in_session(auth.set_language, user.id, language)
        return None
