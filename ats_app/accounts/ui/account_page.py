"""My account (every user): my name, my language, and my password (the current one asked first; my other
sessions end, this one stays). The rules are accounts.own_account's."""

import reflex as rx

from ats_app.accounts import auth, own_account
from ats_app.accounts.ui.auth_state import AuthState
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.accounts.ui.session import session_hash
from ats_app.core.errors import InvalidInput
from ats_app.core.i18n import LANGUAGES, N_, gettext
from ats_app.core.passwords import HashingBusy
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice, error_for
from ats_app.ui.locale import LocaleState
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t

PASSWORD_FIELDS = ("current_password", "new_password", "new_password_again")
BUSY = N_("Many people are logging in right now. Try again in a moment.")


class AccountState(rx.State):
    """The account page's fields as typed, and the problems by field."""

    name: str = ""
    email: str = ""
    language: str = ""
    passwords: dict[str, str] = {}
    errors: dict[str, str] = {}
    languages: list[Choice] = [Choice(code, name) for code, name in LANGUAGES.items()]

    @rx.event
    @requires()
    async def load(self):
        """My details as they are now."""
        user = current_user()
        self.name, self.email, self.language = user.name, user.email, user.language
        self.passwords = {field: "" for field in PASSWORD_FIELDS}
        self.errors = {}

    @rx.event
    @requires()
    async def set_name(self, value: str):
        """Keep what was typed."""
        self.name = str(value)[:300]

    @rx.event
    @requires()
    async def set_password_field(self, field: str, value: str):
        """Keep what was typed in one password field (emptied by every Change password, refused or not)."""
        if field in PASSWORD_FIELDS:
            self.passwords = {**self.passwords, field: str(value)[:1200]}

    @rx.event
    @requires()
    async def save_name(self):
        """Save my name (the shell shows it at once)."""
        user = current_user()
        try:
            self.name = await run_in_session(own_account.rename_me, user.id, self.name)
        except InvalidInput as refused:
            self.errors = {k: gettext(user.language, v) for k, v in refused.errors.items()}
            return
        self.errors = {}
        (await self.get_state(AuthState)).user_name = self.name
        yield rx.toast.success(gettext(user.language, N_("Your name was saved.")))

    @rx.event
    @requires()
    async def save_language(self, value: str):
        """My UI language, for the app and the emails I get."""
        user = current_user()
        if value not in LANGUAGES:
            return
        await run_in_session(auth.set_language, user.id, value)
        self.language = value
        (await self.get_state(LocaleState)).locale = value
        yield rx.toast.success(gettext(value, N_("Your language was saved.")))

    @rx.event
    @requires()
    async def change_password(self):
        """A new password; every other session of mine ends, this one stays."""
        user = current_user()
        token_hash = session_hash(self)
        try:
            await run_in_session(own_account.change_password, user.id, self.passwords.get("current_password", ""),
                                 self.passwords.get("new_password", ""),
                                 self.passwords.get("new_password_again", ""),
                                 keep_token_hash=token_hash or None,
                                 client_ip=self.router.session.client_ip or "")
        except InvalidInput as refused:
            self.errors = {k: gettext(user.language, v) for k, v in refused.errors.items()}
            return
        except HashingBusy:
            self.errors = {"current_password": gettext(user.language, BUSY)}
            return
        finally:  # typed passwords never linger in the state (nor in Reflex's state store), whatever the answer
            self.passwords = {field: "" for field in PASSWORD_FIELDS}
        self.errors = {}
        yield rx.toast.success(gettext(user.language, N_("Your password was changed. You were logged out "
                                                         "everywhere else.")))


def _password(field: str, label: str, autocomplete: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(label), html_for=f"account-{field}", **LABEL),
        rx.input(value=AccountState.passwords[field], type="password", id=f"account-{field}",
                 on_change=lambda v: AccountState.set_password_field(field, v), auto_complete=autocomplete,
                 width="100%"),
        error_for(AccountState.errors, field),
        spacing="1", width="100%",
    )


def _details() -> rx.Component:
    return rx.card(rx.vstack(
        rx.heading(t("My details"), size="4"),
        rx.vstack(rx.el.label(t("Email"), **LABEL), rx.text(AccountState.email, id="account-email"), spacing="1"),
        rx.vstack(
            rx.el.label(t("Name"), html_for="account-name", **LABEL),
            rx.hstack(rx.input(value=AccountState.name, on_change=AccountState.set_name, id="account-name",
                               width="100%"),
                      rx.button(t("Save"), on_click=AccountState.save_name, id="account-save-name"),
                      width="100%", spacing="2"),
            error_for(AccountState.errors, "name"), spacing="1", width="100%"),
        rx.vstack(
            rx.el.label(t("Language"), html_for="account-language", **LABEL),
            rx.el.select(rx.foreach(AccountState.languages, lambda c: rx.el.option(c.label, value=c.value)),
                         value=AccountState.language, on_change=AccountState.save_language, id="account-language",
                         width="100%", **NATIVE_SELECT),
            rx.text(t("The app and the emails you get from it use this language."), size="1", color_scheme="gray"),
            spacing="1", width="100%"),
        spacing="4", width="100%"), width="100%")


def _password_card() -> rx.Component:
    return rx.card(rx.vstack(
        rx.heading(t("Change password"), size="4"),
        _password("current_password", N_("Current password"), "current-password"),
        _password("new_password", N_("New password"), "new-password"),
        rx.text(t("At least 10 characters. A few words you will remember make a strong password."), size="1",
                color_scheme="gray"),
        _password("new_password_again", N_("New password again"), "new-password"),
        rx.button(t("Change password"), on_click=AccountState.change_password, id="account-change-password"),
        spacing="3", width="100%"), width="100%")


@rx.page(route="/account", title="My account · Nordlys ATS", on_load=[AuthState.require_login, AccountState.load])
def account_page() -> rx.Component:
    """Every user's own account."""
    return shell(
        rx.vstack(
            page_header(N_("My account"), N_("Your name, your language and your password.")),
            rx.grid(_details(), _password_card(), columns=rx.breakpoints(initial="1", md="2"), spacing="4",
                    width="100%", max_width="960px"),
            spacing="4", width="100%",
        ),
        active_route="/account",
    )
