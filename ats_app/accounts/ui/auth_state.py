"""Logging in and out, and the check every protected page runs when it loads."""

import reflex as rx

from ats_app.accounts import auth as auth_service
from ats_app.accounts.ui.guard import current_user, public, requires, run_in_session
from ats_app.accounts.ui.session import SessionState, resolve_user
from ats_app.core.i18n import gettext, language_from_accept
from ats_app.ui.locale import LocaleState


class AuthState(SessionState):
    """What the shell shows about the logged-in user (the session cookie is the parent state's)."""

    user_name: str = ""
    user_email: str = ""
    user_rights: list[str] = []
    user_role: str = ""
    logged_in: bool = False
    login_error: str = ""

    @rx.event
    @public
    async def log_in(self, form_data: dict):
        """Check email and password on the server; open a session or say what was wrong."""
        locale = await self.get_state(LocaleState)
        email = str(form_data.get("email", "")).strip()
        password = str(form_data.get("password", ""))
        if not email or not password:
            self.login_error = gettext(locale.locale, "Enter your email and password.")
            return None
        token = await run_in_session(auth_service.log_in, email, password)
        if token is None:
            self.login_error = gettext(locale.locale, "The email or password is not right.")
            return None
        self.session_token = token
        self.login_error = ""
        return rx.redirect("/")

    @rx.event
    @public
    async def log_out(self):
        """End the session on the server and forget the cookie."""
        token, self.session_token = self.session_token, ""
        await run_in_session(auth_service.log_out, token)
        self.logged_in = False
        self.user_name = self.user_email = ""
        self.user_rights = []
        return rx.redirect("/login")

    @rx.event
    @public
    async def open_login_page(self):
        """On the login page: go straight in when already logged in; else guess the language once."""
        if await resolve_user(self) is not None:
            return rx.redirect("/")
        locale = await self.get_state(LocaleState)
        if not locale.locale:
            locale.locale = language_from_accept(self.router.headers.accept_language)
        return None

    @rx.event
    @requires()
    async def require_login(self):
        """First on_load of every protected page: fills the shell and applies the user's language."""
        user = current_user()
        self.logged_in = True
        self.user_name = user.name
        self.user_email = user.email
        self.user_role = user.role
        self.user_rights = [right for right in auth_service.RIGHTS if user.has(right)]
        locale = await self.get_state(LocaleState)
        locale.locale = user.language
