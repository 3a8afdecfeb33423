"""The check every protected page runs when it loads, and what the shell shows of the user (logging in and
out are plain routes: accounts.routes)."""

import reflex as rx

from ats_app.accounts import auth as auth_service
from ats_app.accounts.ui.guard import current_user, requires
from ats_app.accounts.ui.session import SessionState
from ats_app.ui.locale import LocaleState


class AuthState(SessionState):
    """What the shell shows about the logged-in user."""

    user_name: str = ""
    user_email: str = ""
    user_rights: list[str] = []
    user_role: str = ""
    logged_in: bool = False

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
